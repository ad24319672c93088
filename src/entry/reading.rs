//! Reading a survey file the import picked, in the screens module: a workbook's sheet through the
//! sheets module, other files as text in the encoding their bytes show (or the one chosen).

use journey_core::survey::encoding::detect;
use journey_core::survey::sheet::looks_like_xlsx;

use crate::browser::files::{decode, read_bytes};
use crate::browser::sheets::read_sheet;
use crate::components::common::reading::{FileText, Origin, ReadAs, ReadRequest, SurveyText};

async fn survey_text(bytes: Vec<u8>, read_as: ReadAs) -> Result<SurveyText, String> {
    let sheet = match &read_as {
        ReadAs::Sheet(name) => Some(name.as_str()),
        ReadAs::Detect if looks_like_xlsx(&bytes) => Some(""),
        _ => None,
    };
    if let Some(sheet) = sheet {
        let read = read_sheet(&bytes, sheet).await?;
        return Ok(SurveyText {
            text: read.csv,
            origin: Origin::Sheet {
                sheets: read.sheets,
                chosen: read.chosen,
            },
        });
    }
    let encoding = match read_as {
        ReadAs::Encoding(encoding) => encoding,
        _ => detect(&bytes),
    };
    Ok(SurveyText {
        text: decode(&bytes, encoding)?,
        origin: Origin::Text(encoding),
    })
}

/// Reads the picked file and answers the request with its text, or why it could not be read.
pub fn read_picked(request: ReadRequest) {
    wasm_bindgen_futures::spawn_local(async move {
        let name = request.file.name();
        let text = match read_bytes(request.file, request.limit).await {
            Ok(bytes) => survey_text(bytes, request.read_as).await,
            Err(e) => Err(e),
        };
        request.answer.emit(FileText { name, text });
    });
}
