//! The read-only `scores` block of an exported file: every figure per touchpoint, stage and
//! journey, for all answers, per period and per segment, so other tools can read results without
//! re-implementing the formula. Import ignores it and recomputes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::evidence::{periods, segments, Slice};
use super::journey::Scores;
use crate::model::{Id, JourneyMap};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScoresBlock {
    pub all: SliceScores,
    #[serde(default)]
    pub periods: BTreeMap<String, SliceScores>,
    #[serde(default)]
    pub segments: BTreeMap<String, SliceScores>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SliceScores {
    pub journey: Option<JourneyFigures>,
    pub stages: Vec<Figures>,
    pub touchpoints: Vec<Figures>,
    /// Journey points each touchpoint would add if it were perfect, largest first.
    pub gains: Vec<Gain>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JourneyFigures {
    pub score: f64,
    pub se: Option<f64>,
    pub ci: Option<[f64; 2]>,
    pub weakest_stage: Id,
}

/// A stage's (`id` is the stage) or a touchpoint's (`id` is the card) figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Figures {
    pub id: Id,
    pub name: String,
    pub score: Option<f64>,
    pub se: Option<f64>,
    pub ci: Option<[f64; 2]>,
    pub n: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Gain {
    pub id: Id,
    pub name: String,
    pub points: f64,
}

/// Rounds to four decimals: plenty for a 0–100 score, and stable to read in a file.
fn tidy(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn pair((lo, hi): (f64, f64)) -> [f64; 2] {
    [tidy(lo), tidy(hi)]
}

fn figures(map: &JourneyMap, scores: &Scores) -> SliceScores {
    let card_name = |id: Id| map.card(id).map(|c| c.text.clone()).unwrap_or_default();
    SliceScores {
        journey: scores.journey.as_ref().map(|j| JourneyFigures {
            score: tidy(j.score),
            se: j.se.map(tidy),
            ci: j.ci.map(pair),
            weakest_stage: j.weakest_stage,
        }),
        stages: scores
            .stages
            .iter()
            .map(|s| Figures {
                id: s.id,
                name: map
                    .stage(s.id)
                    .map(|st| st.name.clone())
                    .unwrap_or_default(),
                score: s.score.map(tidy),
                se: s.se.map(tidy),
                ci: s.ci.map(pair),
                n: s.n,
            })
            .collect(),
        touchpoints: scores
            .touchpoints
            .iter()
            .map(|t| Figures {
                id: t.id,
                name: card_name(t.id),
                score: t.estimate.map(|e| tidy(e.score)),
                se: t.estimate.and_then(|e| e.se).map(tidy),
                ci: t.ci.map(pair),
                n: t.estimate.map_or(0, |e| e.n),
            })
            .collect(),
        gains: scores
            .gains
            .iter()
            .map(|(id, g)| Gain {
                id: *id,
                name: card_name(*id),
                points: tidy(*g),
            })
            .collect(),
    }
}

/// The block for a map with measured answers; none for a map without.
pub fn scores_block(map: &JourneyMap) -> Option<ScoresBlock> {
    if map.scoring.evidence.is_empty() {
        return None;
    }
    let evidence = &map.scoring.evidence;
    let slice = |period: Option<String>, segment: Option<String>| {
        figures(map, &map.scores(&Slice { period, segment }))
    };
    Some(ScoresBlock {
        all: slice(None, None),
        periods: periods(evidence)
            .into_iter()
            .map(|p| (p.clone(), slice(Some(p), None)))
            .collect(),
        segments: segments(evidence)
            .into_iter()
            .map(|s| (s.clone(), slice(None, Some(s))))
            .collect(),
    })
}
