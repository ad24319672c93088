//! As-is and to-be: the link between the two maps in the editor, and the compare screen's parts.

pub mod plan_bar;
pub mod plan_grid;
pub mod plan_summary;
