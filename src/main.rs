//! The full app. The page's loader instantiates it and calls `start`; on the library page it is
//! instantiated unstarted first, and the library module borrows its file tools (`tools`).

use wasm_bindgen::prelude::*;

fn main() {}

#[wasm_bindgen]
pub fn start() {
    journeyscope::start();
}

#[wasm_bindgen]
pub fn export_file(maps: &str) -> Result<Vec<String>, String> {
    journeyscope::tools::export_file(maps).map(Vec::from)
}

#[wasm_bindgen]
pub fn read_file(text: &str, new_id: String, now: f64) -> Result<String, String> {
    journeyscope::tools::read_file(text, new_id, now as i64)
}

#[wasm_bindgen]
pub fn from_template(slug: &str, id: String, now: f64) -> Result<String, String> {
    journeyscope::tools::from_template(slug, id, now as i64)
}
