//! One page each: the library of maps, the editor of one map and its score report, the place in
//! it where the screens module shows its screens, a saved version (the screens module's), a
//! shared map to read, the page the embed module shows for a share link, and the frame it shows
//! on another site.

pub mod embed_frame;
pub mod library;
pub mod map;
pub mod module_screen;
pub mod persona_compare;
pub mod plan_compare;
pub mod score_report;
pub mod shared;
pub mod shared_page;
pub mod version_view;
