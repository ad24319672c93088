//! Survey files in: reading the CSV, recognising the tool that wrote it, turning answer cells into
//! scale values, and gathering them into the evidence the score is computed from.

pub mod aggregate;
pub mod csv;
pub mod dates;
pub mod layout;
pub mod suggest;
pub mod values;

pub use aggregate::{
    import, Aggregator, ColumnLink, ImportReport, ImportResult, SkipReason, Skipped, Survey,
    SurveyError, SurveyMapping,
};
pub use dates::Periodicity;
pub use layout::{Column, Layout};
pub use values::LabelValue;
