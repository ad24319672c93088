//! How a survey file maps onto a map, kept with the map so next month's file imports the same
//! way; `survey` reads files by it.

use serde::{Deserialize, Serialize};

use super::Id;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// Three header rows: short ids, question texts, import ids.
    Qualtrics,
    /// Two header rows: questions, then sub-options or "Response".
    Surveymonkey,
    /// One header row of question texts, `Timestamp` first.
    GoogleForms,
    /// One header row, one row per respondent.
    Wide,
    /// One row per answer, with `touchpoint` and `value` columns.
    Long,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Periodicity {
    Month,
    #[default]
    Quarter,
}

/// One survey column (or, in the long layout, one touchpoint name) feeding one touchpoint card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ColumnLink {
    pub column: String,
    pub card: Id,
}

/// How a survey file maps onto a map; kept with the map so next month's file imports the same way.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SurveyMapping {
    /// Absent: detected from the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
    #[serde(default)]
    pub period: Periodicity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_column: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_column: Option<String>,
    /// Needed by the long layout to tell respondents apart for the loyalty link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent_column: Option<String>,
    /// The loyalty question (NPS 0–10 or a rating): a column, or a touchpoint name in the long layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loyalty_column: Option<String>,
    #[serde(default)]
    pub touchpoints: Vec<ColumnLink>,
    /// The user's own label → value corrections, tried before the built-in labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<LabelValue>,
}

/// A label and the value it stands for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LabelValue {
    pub label: String,
    pub value: i32,
}
