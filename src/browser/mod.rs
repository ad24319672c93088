//! The browser's edges, each in one place: storage (the only code that calls localStorage),
//! files and downloads, the clock and new ids, the route, the offline worker, the crash screen
//! and share links' zlib. Nothing else in the app calls these browser APIs.

pub mod clock;
pub mod crash;
pub mod files;
pub mod offline;
pub mod route;
pub mod storage;
pub mod zlib;
