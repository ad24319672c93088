//! The screens module's side of the sheets module (`src/bin/sheets.rs`): fetched through the
//! page's loader the first time a user picks an `.xlsx` workbook, then asked for one sheet as CSV.

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::browser::js_error::described;

/// A workbook's sheet names, the one read, and that sheet as CSV text.
pub struct Sheet {
    pub sheets: Vec<String>,
    pub chosen: usize,
    pub csv: String,
}

fn get(target: &JsValue, name: &str) -> Result<JsValue, String> {
    Reflect::get(target, &name.into()).map_err(|_| format!("the sheets module gave no {name}"))
}

/// Reads `sheet` (empty: the first) of the workbook in `bytes`.
pub async fn read_sheet(bytes: &[u8], sheet: &str) -> Result<Sheet, String> {
    let unavailable = |e| format!("the spreadsheet reader could not be loaded ({e})");
    let load: Function = get(&gloo::utils::window().into(), "journeyscopeSheets")?
        .dyn_into()
        .map_err(|_| unavailable("the page has no loader for it".into()))?;
    let promise: Promise = load
        .call0(&JsValue::NULL)
        .map_err(|e| unavailable(described(e)))?
        .dyn_into()
        .map_err(|_| unavailable("its loader did not start".into()))?;
    let bindings = JsFuture::from(promise)
        .await
        .map_err(|e| unavailable(described(e)))?;
    let read: Function = get(&bindings, "read_workbook")?
        .dyn_into()
        .map_err(|_| "the sheets module has no reader".to_string())?;
    let workbook = read
        .call2(&JsValue::NULL, &Uint8Array::from(bytes), &sheet.into())
        .map_err(described)?;
    let sheets = Array::from(&get(&workbook, "sheets")?)
        .iter()
        .filter_map(|s| s.as_string())
        .collect();
    let chosen = get(&workbook, "chosen")?.as_f64().unwrap_or(0.0) as usize;
    let csv = get(&workbook, "csv")?.as_string().unwrap_or_default();
    // The workbook's copy in the module's memory is no longer needed.
    if let Ok(free) = get(&workbook, "free")?.dyn_into::<Function>() {
        let _ = free.call0(&workbook);
    }
    Ok(Sheet {
        sheets,
        chosen,
        csv,
    })
}
