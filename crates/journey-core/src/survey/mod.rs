//! Survey files in: reading the CSV, recognising the tool that wrote it, turning answer cells into
//! scale values, and gathering them into the evidence the score is computed from.

pub mod aggregate;
pub mod csv;
pub mod dates;
pub mod encoding;
pub mod labels;
pub mod layout;
#[cfg(feature = "xlsx")]
pub mod sheet;
pub mod suggest;
pub mod values;

pub use aggregate::{
    import, Aggregator, ColumnLink, ImportReport, ImportResult, Reading, SkipReason, Skipped,
    Survey, SurveyError, SurveyMapping,
};
pub use dates::{DateOrder, Periodicity};

/// The largest survey file read in the browser: room for a million-row export several times
/// over, while staying clear of what a tab's memory allows.
pub const MAX_SURVEY_BYTES: usize = 256 * 1_048_576;
pub use layout::{Column, Layout};
pub use values::LabelValue;

use serde::{Deserialize, Serialize};

use crate::model::evidence::{Evidence, LoyaltyEvidence};

/// A reviewed import, ready to be added to its map: the answers, the mapping they were read by
/// (kept for the next file), and whether they replace the map's answers for the same periods.
/// The survey import runs in the screens module; this is what it hands the app, as JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedAnswers {
    pub evidence: Vec<Evidence>,
    pub loyalty: Vec<LoyaltyEvidence>,
    pub mapping: SurveyMapping,
    pub replace: bool,
}

impl ImportedAnswers {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// `None` for text that is not such answers.
    pub fn from_json(text: &str) -> Option<ImportedAnswers> {
        serde_json::from_str(text).ok()
    }
}
