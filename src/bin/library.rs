//! The library module: what a first visit to the library loads, the app without the map editor
//! and the shared views. The page's loader calls `stop` before it starts the full app.

use wasm_bindgen::prelude::*;

fn main() {
    journeyscope::start_library();
}

/// Stops this module; returns the maps storage refused, for the full app.
#[wasm_bindgen]
pub async fn stop() -> Option<String> {
    journeyscope::stop_library().await
}
