//! Shown by the library module while the full app loads to open a map or a shared link.

use yew::prelude::*;

/// The event the page's loader (`scripts/boot.js`) waits for to start the full app.
pub const FULL_APP_EVENT: &str = "journeyscope:full-app";

#[component]
pub fn OpeningEditor() -> Html {
    use_effect_with((), |_| {
        if let Ok(event) = web_sys::Event::new(FULL_APP_EVENT) {
            let _ = gloo::utils::window().dispatch_event(&event);
        }
    });
    html! {
        <p class="opening" role="status">{ "Opening…" }</p>
    }
}
