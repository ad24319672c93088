//! How a touchpoint card is measured; `score::metric` computes its score.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// Rescaled mean: CSAT, CES and other ratings.
    Mean,
    /// Share of answers at or beyond a threshold, e.g. CSAT top-2-box.
    TopBox,
    /// Net Promoter Score on 0–10, rescaled to 0–100.
    Nps,
}

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub kind: MetricKind,
    /// Lowest and highest answer on the integer scale.
    pub min: i32,
    pub max: i32,
    /// False for "how much effort did it take": a low answer is the good one.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub higher_is_better: bool,
    /// For `top_box`: the answer that counts as a top box; by default one step from the best end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<i32>,
}
