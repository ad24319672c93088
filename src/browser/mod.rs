//! The browser's edges, each in one place: storage (the only code that calls localStorage),
//! files and downloads, the clock and new ids, the route, the offline worker, the crash screen,
//! share links' zlib, the screens module's loader and what passes to and from it, and the
//! sheets module's, which reads .xlsx workbooks for the survey import. Nothing
//! else in the app calls these browser APIs.

pub mod clock;
pub mod crash;
pub mod files;
pub mod js_error;
pub mod offline;
pub mod route;
pub mod screen_link;
pub mod screen_loader;
pub mod sheets;
pub mod storage;
pub mod zlib;
