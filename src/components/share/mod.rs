//! Share links and embed code.

pub mod share_dialog;
