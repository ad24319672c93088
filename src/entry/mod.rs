//! The roots of the three wasm modules: `App`, the app's, with its pages and the library's file
//! work, `Viewer`, the embed module's, and `ScreenModule`, the screens module's.

pub mod app;
pub mod file_work;
pub mod pages;
pub mod reading;
pub mod screens;
pub mod viewer;
