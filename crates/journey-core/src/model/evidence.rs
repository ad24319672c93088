//! What a map keeps of survey answers: per touchpoint card, period and segment a histogram of the
//! answers, and per period and segment respondents' sums grouped by what they answered, behind
//! the loyalty link and the key drivers. The score (`score`) gives them their meaning; raw rows
//! are never kept.

use serde::{Deserialize, Serialize};

use super::Id;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub card: Id,
    /// `2026-03` or `2026-Q1`; absent for answers without a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The persona or customer segment the answers came from, when the file said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    pub answers: Histogram,
}

/// What the loyalty link and the key drivers are computed from, for one period and segment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LoyaltyEvidence {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// Respondents grouped by the touchpoints they answered: enough to recompute each one's
    /// journey score under any weights, and each touchpoint's link with loyalty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patterns: Vec<AnswerPattern>,
    /// Sums of an import made before schema 4, whose journey scores used the weights of the
    /// day; kept as they were, and said so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_import: Option<PairSums>,
    /// Cards whose measure changed after the import: their answers can no longer be scored the
    /// new way, so the link leaves them out until the file is imported again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<Id>,
}

/// Respondents who answered exactly the same touchpoints, with a loyalty answer each, summed.
/// `a_t` is a respondent's score for touchpoint t (the mean of their answers to it, each scored
/// alone) and `y` their loyalty answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerPattern {
    /// The touchpoint cards answered, ascending.
    pub cards: Vec<Id>,
    pub n: u64,
    /// Σ a_t, one per card.
    pub sums: Vec<f64>,
    /// Σ a_t·a_u for t ≤ u, row by row of the upper triangle (diagonal included).
    pub products: Vec<f64>,
    /// Σ a_t·y, one per card.
    pub with_loyalty: Vec<f64>,
    /// Σ y.
    pub loyalty: f64,
    /// Σ y².
    pub loyalty_squares: f64,
}

// Built from finite scores and answers, never NaN, so equality is total.
impl Eq for AnswerPattern {}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Histogram {
    /// The scale's lowest value; `counts[i]` counts answers equal to `min + i`.
    pub min: i32,
    pub counts: Vec<u64>,
}

/// Sums of paired values (x = respondent journey score, y = loyalty answer), enough for Pearson r.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PairSums {
    pub n: u64,
    pub x: f64,
    pub y: f64,
    pub xx: f64,
    pub yy: f64,
    pub xy: f64,
}

// The sums are built from finite scores and answers, never NaN, so equality is total.
impl Eq for PairSums {}
