//! The read-only `scores` block of an exported file: every figure per touchpoint, stage and
//! journey, for all answers, per period and per segment, so other tools can read results without
//! re-implementing the formula. Import ignores it and recomputes.

use std::collections::BTreeMap;

use serde::Serialize;

use super::evidence::{periods, segments, Slice};
use crate::model::{Id, JourneyMap, WeightsSource};

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScoresBlock {
    /// Where the weights came from; absent when they were typed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights_from: Option<WeightsSource>,
    pub all: SliceScores,
    #[serde(default)]
    pub periods: BTreeMap<String, SliceScores>,
    #[serde(default)]
    pub segments: BTreeMap<String, SliceScores>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SliceScores {
    pub journey: Option<JourneyFigures>,
    pub stages: Vec<Figures>,
    pub touchpoints: Vec<Figures>,
    /// Journey points each touchpoint would add if it were perfect, largest first.
    pub gains: Vec<Gain>,
    /// How respondents' own journey scores go with their loyalty answer, under the weights now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loyalty: Option<LoyaltyFigures>,
    /// What drives loyalty; absent without respondent-level answers and a loyalty question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drivers: Option<DriverFigures>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LoyaltyFigures {
    pub r: f64,
    pub ci: [f64; 2],
    pub n: u64,
    /// Some respondents' scores used the weights at import (an import from before schema 4).
    pub at_import: bool,
    /// Cards left out because their measure changed after the import.
    pub left_out: Vec<Id>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DriverFigures {
    /// The loyalty variance all the drivers explain together (0–1).
    pub r_squared: f64,
    /// Largest importance first.
    pub touchpoints: Vec<Driver>,
}

/// One touchpoint's link with loyalty: r over the respondents who answered it, and its relative
/// weight (its part of R²) and share of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Driver {
    pub id: Id,
    pub name: String,
    pub r: f64,
    pub ci: [f64; 2],
    pub n: u64,
    pub importance: f64,
    pub share: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JourneyFigures {
    pub score: f64,
    pub se: Option<f64>,
    pub ci: Option<[f64; 2]>,
    pub weakest_stage: Id,
}

/// A stage's (`id` is the stage) or a touchpoint's (`id` is the card) figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Figures {
    pub id: Id,
    pub name: String,
    pub score: Option<f64>,
    pub se: Option<f64>,
    pub ci: Option<[f64; 2]>,
    pub n: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
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

fn figures(map: &JourneyMap, slice: &Slice) -> SliceScores {
    let scores = map.scores(slice);
    let card_name = |id: Id| map.card(id).map(|c| c.text.clone()).unwrap_or_default();
    let (link, drivers) = map.loyalty_findings(slice);
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
        loyalty: link.link.map(|l| LoyaltyFigures {
            r: tidy(l.r),
            ci: pair(l.ci),
            n: l.n,
            at_import: link.at_import,
            left_out: link.left_out.clone(),
        }),
        drivers: drivers.map(|d| DriverFigures {
            r_squared: tidy(d.r_squared),
            touchpoints: d
                .drivers
                .iter()
                .map(|t| Driver {
                    id: t.card,
                    name: card_name(t.card),
                    r: tidy(t.link.r),
                    ci: pair(t.link.ci),
                    n: t.link.n,
                    importance: tidy(t.importance),
                    share: tidy(t.share),
                })
                .collect(),
        }),
    }
}

/// The block for a map with measured answers; none for a map without.
pub fn scores_block(map: &JourneyMap) -> Option<ScoresBlock> {
    if map.scoring.evidence.is_empty() {
        return None;
    }
    let evidence = &map.scoring.evidence;
    let slice =
        |period: Option<String>, segment: Option<String>| figures(map, &Slice { period, segment });
    // Inserted one by one: collecting into a `BTreeMap` sorts first, a sort compiled per type.
    let by_name = |names: Vec<String>, slice_of: &dyn Fn(String) -> SliceScores| {
        let mut slices = BTreeMap::new();
        for name in names {
            slices.insert(name.clone(), slice_of(name));
        }
        slices
    };
    Some(ScoresBlock {
        weights_from: map.scoring.weights_from.clone(),
        all: slice(None, None),
        periods: by_name(periods(evidence), &|p| slice(Some(p), None)),
        segments: by_name(segments(evidence), &|s| slice(None, Some(s))),
    })
}

pub(crate) fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn csv_number(x: Option<f64>) -> String {
    x.map(|x| format!("{x:.2}")).unwrap_or_default()
}

/// The scores table as CSV for spreadsheets: one row per slice and journey, stage or touchpoint.
pub fn scores_csv(map: &JourneyMap) -> String {
    let mut out = String::from("slice,level,id,name,score,se,ci_low,ci_high,n,gain\n");
    let Some(block) = scores_block(map) else {
        return out;
    };
    let slices = std::iter::once(("all".to_string(), &block.all))
        .chain(
            block
                .periods
                .iter()
                .map(|(p, s)| (format!("period {p}"), s)),
        )
        .chain(
            block
                .segments
                .iter()
                .map(|(g, s)| (format!("segment {g}"), s)),
        );
    for (slice, scores) in slices {
        let slice = csv_field(&slice);
        if let Some(j) = &scores.journey {
            let (lo, hi) = (j.ci.map(|c| c[0]), j.ci.map(|c| c[1]));
            let n: u64 = scores.stages.iter().map(|s| s.n).sum();
            let row = [
                csv_number(Some(j.score)),
                csv_number(j.se),
                csv_number(lo),
                csv_number(hi),
            ]
            .join(",");
            out.push_str(&format!(
                "{slice},journey,,{},{row},{n},\n",
                csv_field(&map.name)
            ));
        }
        for (level, list) in [
            ("stage", &scores.stages),
            ("touchpoint", &scores.touchpoints),
        ] {
            for f in list {
                let (lo, hi) = (f.ci.map(|c| c[0]), f.ci.map(|c| c[1]));
                let gain = scores
                    .gains
                    .iter()
                    .find(|g| g.id == f.id && level == "touchpoint")
                    .map(|g| g.points);
                let row = [
                    csv_number(f.score),
                    csv_number(f.se),
                    csv_number(lo),
                    csv_number(hi),
                ]
                .join(",");
                out.push_str(&format!(
                    "{slice},{level},{},{},{row},{},{}\n",
                    f.id,
                    csv_field(&f.name),
                    f.n,
                    csv_number(gain)
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Measure, Weight};
    use crate::score::{Evidence, Histogram, Metric};
    use crate::{Edit, Template};

    #[test]
    fn the_csv_has_a_row_per_slice_and_level() {
        let mut map = Template::FourStage.build("m".into(), 0);
        map.apply(&Edit::AddCard {
            lane: map.lanes[0].id,
            stage: map.stages[0].id,
            text: "Ad, \"big\"".into(),
        })
        .unwrap();
        let card = map.cards[0].id;
        let measure = Some(Measure {
            metric: Metric::mean(1, 5),
            weight: Weight::default(),
            target: None,
        });
        map.apply(&Edit::SetMeasure { card, measure }).unwrap();
        let answers = Histogram::from_values(1, 5, [5, 4, 4, 3]);
        let evidence = vec![Evidence {
            card,
            period: Some("2026-Q1".into()),
            segment: None,
            answers,
        }];
        map.apply(&Edit::AddEvidence {
            evidence,
            loyalty: vec![],
            replace: false,
            survey: None,
        })
        .unwrap();
        let csv = scores_csv(&map);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "slice,level,id,name,score,se,ci_low,ci_high,n,gain"
        );
        assert_eq!(
            lines[1],
            "all,journey,,Customer journey,75.00,10.21,55.00,95.00,4,"
        );
        assert!(
            lines.contains(
                &format!(
                    "all,touchpoint,{card},\"Ad, \"\"big\"\"\",75.00,10.21,55.00,95.00,4,25.00"
                )
                .as_str()
            ),
            "{csv}"
        );
        assert!(lines
            .iter()
            .any(|l| l.starts_with("period 2026-Q1,journey,")));
        assert_eq!(lines.len(), 1 + 2 * (1 + 4 + 1));
    }
}
