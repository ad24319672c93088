//! The Customer Journey Score, as `docs/scoring.md` defines it: touchpoint metrics computed from
//! histograms of answers, weighted into stage and journey scores with standard errors and 95%
//! confidence intervals, and what they say (weakest stage, flags, improvement gains).

pub mod block;
pub mod drivers;
pub mod evidence;
pub mod flags;
pub mod histogram;
pub mod journey;
pub mod loyalty;
pub mod metric;
pub mod plan;

pub use evidence::{gather, gather_loyalty, Evidence, LoyaltyEvidence, Slice};
pub use histogram::Histogram;
pub use journey::{
    score_journey, score_with_targets, significant_change, JourneyScore, Plan, PlanStage,
    PlanTouchpoint, Scores, StageScore, TouchpointScore,
};
pub use loyalty::{LinkReport, LoyaltyLink, PairSums, Respondents};
pub use metric::{Estimate, Metric, MetricKind};

/// z for a two-sided 95% interval.
pub const Z95: f64 = 1.96;

/// A 95% confidence interval on the 0–100 scale, clipped to it.
pub fn ci95(score: f64, se: f64) -> (f64, f64) {
    ((score - Z95 * se).max(0.0), (score + Z95 * se).min(100.0))
}
