//! What a failed JavaScript call threw, as words for a message.

use wasm_bindgen::{JsCast, JsValue};

pub fn described(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "an unknown error".into())
}
