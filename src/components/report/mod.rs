//! The score report: a printable page an analyst can send, made of the score's own pieces and
//! these tables and notes. They hold no state, so they are functions that return markup, not
//! components: each component costs the app its own copy of yew's machinery.

pub mod gains_table;
pub mod method_note;
pub mod report_summary;
pub mod weights_table;
