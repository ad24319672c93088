//! The sheets module: reads a sheet of an `.xlsx` workbook into CSV text for the survey import.
//! The screens module fetches it only when a user picks a workbook, so the spreadsheet reader
//! adds nothing to what the app or the screens cost to load (`entry/reading.rs`).

use wasm_bindgen::prelude::*;

/// A workbook's sheet names, which one was read, and that sheet as CSV.
#[wasm_bindgen]
pub struct Workbook(journey_core::survey::sheet::Workbook);

#[wasm_bindgen]
impl Workbook {
    #[wasm_bindgen(getter)]
    pub fn sheets(&self) -> Vec<String> {
        self.0.sheets.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn chosen(&self) -> usize {
        self.0.chosen
    }

    #[wasm_bindgen(getter)]
    pub fn csv(&self) -> String {
        self.0.csv.clone()
    }
}

/// Reads `sheet` (empty: the first) of the workbook in `bytes`, or says why it cannot.
#[wasm_bindgen]
pub fn read_workbook(bytes: &[u8], sheet: &str) -> Result<Workbook, JsError> {
    let sheet = (!sheet.is_empty()).then_some(sheet);
    journey_core::survey::sheet::read_xlsx(bytes, sheet)
        .map(Workbook)
        .map_err(|e| JsError::new(&e.to_string()))
}

fn main() {}
