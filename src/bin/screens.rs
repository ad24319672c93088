//! The screens module: the screens a user opens from a map beside its editor (saved versions and
//! what changed between them, the score report, personas and as-is and to-be side by side),
//! fetched by the app only when a user opens one.
//! It is mounted into the app's page and keeps no map of its own (`entry/screens.rs`).

use wasm_bindgen::prelude::*;

/// The module mounted in an element of the app's page; the app calls it through `show` and
/// `close` (`browser/screen_loader.rs`).
#[wasm_bindgen]
pub struct ScreenModule(journeyscope::ScreenModule);

#[wasm_bindgen]
impl ScreenModule {
    #[wasm_bindgen(constructor)]
    pub fn new(host: web_sys::Element, on_request: js_sys::Function) -> ScreenModule {
        ScreenModule(journeyscope::start_screens(host, on_request))
    }

    pub fn show(
        &mut self,
        screen: &str,
        map: &str,
        partner: &str,
        today: &str,
    ) -> Result<(), JsError> {
        self.0
            .show(screen, map, partner, today)
            .map_err(|problem| JsError::new(&problem))
    }

    pub fn close(self) {
        self.0.close();
    }
}

fn main() {}
