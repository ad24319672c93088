//! What a map keeps of survey answers: per touchpoint card, period and segment a histogram of the
//! answers, and per period and segment the sums behind the loyalty link. The score (`score`)
//! gives them their meaning; raw rows are never kept.

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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LoyaltyEvidence {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    pub sums: PairSums,
}

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
