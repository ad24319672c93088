//! A picked survey file, handed to the page to read: components never read files themselves.

use journey_core::survey::encoding::TextEncoding;
use yew::Callback;

/// How a picked file is to be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadAs {
    /// A workbook's first sheet, or text in the encoding its bytes show.
    Detect,
    Encoding(TextEncoding),
    /// This sheet of a workbook.
    Sheet(String),
}

/// Where a survey file's text came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Text in this encoding.
    Text(TextEncoding),
    /// A sheet of an `.xlsx` workbook: its sheets, and which was read.
    Sheet { sheets: Vec<String>, chosen: usize },
}

/// A survey file's text and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveyText {
    pub text: String,
    pub origin: Origin,
}

/// A picked file's name and its text, or why it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileText {
    pub name: String,
    pub text: Result<SurveyText, String>,
}

/// Read `file` as `read_as` says, refusing one over `limit` bytes, and answer with what was read.
pub struct ReadRequest {
    pub file: web_sys::File,
    pub limit: usize,
    pub read_as: ReadAs,
    pub answer: Callback<FileText>,
}
