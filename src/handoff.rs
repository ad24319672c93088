//! The library module hands the page to the full app (see `scripts/boot.js`). Maps it could not
//! write, because storage is blocked or full, travel in memory instead: its autosave leaves them
//! here as it is taken down, `stop_library` returns them to the page's loader, which puts them
//! on `globalThis` for the full app to take up and write.

use std::cell::RefCell;

use journey_core::store::{carried, carry};
use journey_core::JourneyMap;
use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// Where the page's loader leaves the carried maps for the full app.
const CARRIED: &str = "journeyscopeCarried";

thread_local! {
    static LEFT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Called as the autosave goes: the maps not written.
pub fn leave<'a>(unwritten: impl IntoIterator<Item = &'a JourneyMap>) {
    LEFT.with(|left| *left.borrow_mut() = Some(carry(unwritten)));
}

/// What `leave` left, for the page's loader.
pub fn take_left() -> Option<String> {
    LEFT.with(|left| left.borrow_mut().take())
}

/// The maps the library module carried over, taken once.
pub fn take_carried() -> Vec<JourneyMap> {
    let global = js_sys::global();
    let key = JsValue::from_str(CARRIED);
    let payload = Reflect::get(&global, &key).ok().and_then(|v| v.as_string());
    let _ = Reflect::delete_property(&global, &key);
    payload.map(|p| carried(&p)).unwrap_or_default()
}
