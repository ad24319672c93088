//! The pieces of the pages, one component a file, grouped by feature, with the helpers only
//! they use beside them.

pub mod common;
pub mod compare;
pub mod grid;
pub mod library;
pub mod plan;
pub mod report;
pub mod score;
pub mod share;
pub mod survey;
pub mod versions;
