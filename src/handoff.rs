//! The library module hands the page to the full app (see `scripts/boot.js`), and so does the
//! embed module, to save a share link's copy (`take_save_copy`). Maps the library module could not
//! write, because storage is blocked or full, travel in memory instead: its autosave leaves them
//! here as it is taken down, `stop_library` returns them to the page's loader, which puts them
//! on `globalThis` for the full app to take up and write.
//!
//! Before that, the library module borrows the full app's file tools (`src/main.rs`): the page's
//! loader instantiates the full app without starting it, and maps go both ways as `store::carry`
//! text.

use std::cell::RefCell;

use journey_core::store::{carried, carry};
use journey_core::JourneyMap;
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Where the page's loader leaves the carried maps for the full app.
const CARRIED: &str = "journeyscopeCarried";
/// Where the page's loader says the embed module handed the page over to save a share link's
/// copy.
const SAVE_COPY: &str = "journeyscopeSaveCopy";

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

/// What the page's loader left under this name, taken once.
fn take_global(name: &str) -> Option<JsValue> {
    let global = js_sys::global();
    let key = JsValue::from_str(name);
    let value = Reflect::get(&global, &key).ok();
    let _ = Reflect::delete_property(&global, &key);
    value
}

/// The maps the library module carried over, taken once.
pub fn take_carried() -> Vec<JourneyMap> {
    take_global(CARRIED)
        .and_then(|v| v.as_string())
        .map(|p| carried(&p))
        .unwrap_or_default()
}

/// Whether the full app was started to save the open share link's copy, answered once.
pub fn take_save_copy() -> bool {
    take_global(SAVE_COPY).is_some_and(|v| v.is_truthy())
}

#[wasm_bindgen]
extern "C" {
    /// The page's loader: the full app's bindings, instantiated once and not started.
    #[wasm_bindgen(catch, js_name = journeyscopeTools)]
    fn full_app_tools() -> Result<Promise, JsValue>;
}

/// Calls one of the full app's file tools. The error is what the tool threw, or why the full
/// app could not be loaded.
pub async fn borrow<const N: usize>(tool: &str, args: [JsValue; N]) -> Result<JsValue, String> {
    let unloaded =
        |e: JsValue| format!("the rest of the app could not be loaded ({})", describe(&e));
    let tools = JsFuture::from(full_app_tools().map_err(unloaded)?)
        .await
        .map_err(unloaded)?;
    let tool: Function = Reflect::get(&tools, &JsValue::from_str(tool))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("the rest of the app has no {tool}"))?;
    tool.apply(&JsValue::NULL, &args.into_iter().collect::<Array>())
        .map_err(|e| describe(&e))
}

/// A tool's map, sent back as `carry` text.
pub async fn borrow_map<const N: usize>(
    tool: &str,
    args: [JsValue; N],
) -> Result<JourneyMap, String> {
    let answer = borrow(tool, args).await?;
    carried(&answer.as_string().unwrap_or_default())
        .into_iter()
        .next()
        .ok_or_else(|| "the map did not come back whole".to_string())
}

/// A thrown value as a sentence part: the tools throw text, the browser throws errors.
fn describe(thrown: &JsValue) -> String {
    thrown
        .as_string()
        .or_else(|| {
            thrown
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "an unknown error".to_string())
}
