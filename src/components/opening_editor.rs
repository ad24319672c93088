//! Shown by the library module while the full app loads to open a map or a shared link, and what
//! it says if the full app cannot be loaded: the library module then stays on the page, so
//! nothing is lost, and the user can try again or go back to the maps.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::route::Route;

/// The event the page's loader (`scripts/boot.js`) waits for to start the full app.
pub const FULL_APP_EVENT: &str = "journeyscope:full-app";
/// What the loader raises when the full app could not be loaded; its detail says why.
pub const FULL_APP_FAILED_EVENT: &str = "journeyscope:full-app-failed";

fn ask_for_full_app() {
    if let Ok(event) = web_sys::Event::new(FULL_APP_EVENT) {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}

#[component]
pub fn OpeningEditor() -> Html {
    let failure = use_state_eq(|| None::<String>);
    {
        let failure = failure.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listener = EventListener::new(&window, FULL_APP_FAILED_EVENT, move |event| {
                let why = js_sys::Reflect::get(event, &"detail".into())
                    .ok()
                    .and_then(|detail| detail.as_string())
                    .unwrap_or_else(|| "no reason given".to_string());
                failure.set(Some(why));
            });
            ask_for_full_app();
            move || drop(listener)
        });
    }
    let Some(why) = &*failure else {
        return html! { <p class="opening" role="status">{ "Opening…" }</p> };
    };
    let retry = {
        let failure = failure.clone();
        Callback::from(move |_: MouseEvent| {
            failure.set(None);
            ask_for_full_app();
        })
    };
    html! {
        <div class="banner error" role="alert">
            <p>{ format!("This could not be opened: the rest of the app could not be loaded ({why}). Your maps are unchanged; check the connection and try again.") }</p>
            <button type="button" onclick={retry}>{ "Try again" }</button>
            <button type="button" onclick={|_: MouseEvent| Route::Library.go()}>{ "← All maps" }</button>
        </div>
    }
}
