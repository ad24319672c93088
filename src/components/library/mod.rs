//! The library page's pieces: a map's row, the templates, importing map files.

pub mod drop_zone;
pub mod import_button;
pub mod map_row;
pub mod template_picker;
