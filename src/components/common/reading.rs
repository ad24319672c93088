//! A file the user picked, handed to the page to read: components never read files themselves.

use yew::Callback;

/// A picked file's name and its text, or why it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileText {
    pub name: String,
    pub text: Result<String, String>,
}

/// Read `file` as text, refusing one over `limit` bytes, and answer with what was read.
pub struct ReadRequest {
    pub file: web_sys::File,
    pub limit: usize,
    pub answer: Callback<FileText>,
}
