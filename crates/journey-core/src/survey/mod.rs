//! Survey files in: reading the CSV, recognising the tool that wrote it, turning answer cells into
//! scale values, and gathering them into the evidence the score is computed from.

pub mod aggregate;
pub mod csv;
pub mod dates;
pub mod layout;
pub mod suggest;
pub mod values;

pub use aggregate::{
    import, Aggregator, ColumnLink, ImportReport, ImportResult, Reading, SkipReason, Skipped,
    Survey, SurveyError, SurveyMapping,
};
pub use dates::Periodicity;

/// The largest survey file read in the browser: room for a million-row export several times
/// over, while staying clear of what a tab's memory allows.
pub const MAX_SURVEY_BYTES: usize = 256 * 1_048_576;
pub use layout::{Column, Layout};
pub use values::LabelValue;
