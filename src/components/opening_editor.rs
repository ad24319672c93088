//! Shown by the library module while the full app loads to open a map or a shared link, and by
//! the embed module while it loads to save a share link's copy. If the full app cannot be loaded,
//! the module asking stays on the page, so nothing is lost, and `on_failed` is told why.

use gloo::events::EventListener;
use yew::prelude::*;

/// The event the page's loader (`scripts/boot.js`) waits for to start the full app.
pub const FULL_APP_EVENT: &str = "journeyscope:full-app";
/// What the loader raises when the full app could not be loaded; its detail says why.
pub const FULL_APP_FAILED_EVENT: &str = "journeyscope:full-app-failed";

#[derive(Properties, PartialEq)]
pub struct OpeningEditorProps {
    /// What is under way while the full app loads.
    #[prop_or(AttrValue::Static("Opening…"))]
    pub status: AttrValue,
    /// The full app could not be loaded: why, as the browser put it.
    pub on_failed: Callback<String>,
}

#[component]
pub fn OpeningEditor(props: &OpeningEditorProps) -> Html {
    {
        let on_failed = props.on_failed.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listener = EventListener::new(&window, FULL_APP_FAILED_EVENT, move |event| {
                let why = js_sys::Reflect::get(event, &"detail".into())
                    .ok()
                    .and_then(|detail| detail.as_string())
                    .unwrap_or_default();
                on_failed.emit(why);
            });
            if let Ok(event) = web_sys::Event::new(FULL_APP_EVENT) {
                let _ = window.dispatch_event(&event);
            }
            move || drop(listener)
        });
    }
    html! {
        <p class="opening" role="status">{ &props.status }</p>
    }
}
