//! Pieces any page uses: the header, the banners, text edited in place, a name field, move
//! buttons, figure tables, and the request a component makes for a picked file to be read.

pub mod add_name;
pub mod app_header;
pub mod banners;
pub mod inline_text;
pub mod reading;
pub mod reorder_buttons;
pub mod table;
