//! The embed module: what a frame showing a map on another site loads, the read-only map alone,
//! and what a share link loads, the same map on a page of its own. The page's loader calls `stop`
//! before it starts the full app to save a share link's copy.

use wasm_bindgen::prelude::*;

fn main() {
    journeyscope::start_embed();
}

/// Stops this module.
#[wasm_bindgen]
pub async fn stop() {
    journeyscope::stop_embed().await;
}
