//! Reading a file a component picked, for the app's pages and the screens module alike.

use crate::browser::files::read_text;
use crate::components::common::reading::{FileText, ReadRequest};

/// Reads the picked file and answers the request with its text, or why it could not be read.
pub fn read_picked(request: ReadRequest) {
    wasm_bindgen_futures::spawn_local(async move {
        let name = request.file.name();
        let text = read_text(request.file, request.limit).await;
        request.answer.emit(FileText { name, text });
    });
}
