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
    /// Qualtrics before 2017: two header rows (`V1`… or `Q1`…, then question texts).
    QualtricsLegacy,
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

/// How a date such as `03/04/2026` is read: March (month first) or April (day first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `2026-03-04`: never in doubt.
    YearFirst,
    MonthFirst,
    DayFirst,
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
    /// The user's order for dates such as `03/04/2026`. Absent: decided by the first date in the
    /// column that only one order can read, month first when none does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
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
    /// Values of the segment column whose respondents are a persona's; other values stay
    /// segments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<SegmentPersona>,
}

impl SurveyMapping {
    /// Links the segment's respondents to a persona (`None`: they stay a segment). A persona has
    /// one segment: one it had before is unlinked.
    pub fn link_persona(&mut self, segment: &str, persona: Option<Id>) {
        self.personas
            .retain(|link| link.segment != segment && Some(link.persona) != persona);
        if let Some(persona) = persona {
            self.personas.push(SegmentPersona {
                segment: segment.to_string(),
                persona,
            });
        }
    }
}

/// A value of the segment column and the persona its respondents are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SegmentPersona {
    pub segment: String,
    pub persona: Id,
}

/// A label and the value it stands for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LabelValue {
    pub label: String,
    pub value: i32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_persona_has_one_segment_and_a_segment_one_persona() {
        let mut mapping = SurveyMapping::default();
        mapping.link_persona("Pros", Some(1));
        mapping.link_persona("New", Some(2));
        mapping.link_persona("Pros", Some(2));
        let links: Vec<(&str, Id)> = mapping
            .personas
            .iter()
            .map(|l| (l.segment.as_str(), l.persona))
            .collect();
        assert_eq!(links, [("Pros", 2)]);
        mapping.link_persona("Pros", None);
        assert!(mapping.personas.is_empty());
    }
}
