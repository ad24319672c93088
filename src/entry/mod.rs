//! The roots of the two wasm modules: `App`, the app's, with its pages and the library's file
//! work, and `Viewer`, the embed module's.

pub mod app;
pub mod file_work;
pub mod pages;
pub mod viewer;
