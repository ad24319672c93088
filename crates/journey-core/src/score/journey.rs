//! Stage and journey scores from touchpoint scores (`docs/scoring.md`, §3–4).

use std::collections::HashMap;

use super::histogram::Histogram;
use super::metric::{Estimate, Metric};
use super::{ci95, Z95};
use crate::model::Id;
use crate::order;

/// A measured touchpoint of the plan: its card, its importance inside its stage (≥ 0; 0 leaves it
/// out) and its metric.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanTouchpoint {
    pub card: Id,
    pub weight: f64,
    pub metric: Metric,
}

/// A stage of the plan: its importance in the journey (≥ 0; 0 leaves it out) and its measured
/// touchpoints.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanStage {
    pub id: Id,
    pub weight: f64,
    pub touchpoints: Vec<PlanTouchpoint>,
}

/// The measured shape of a journey: stages with weights, each with its measured touchpoints.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub stages: Vec<PlanStage>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TouchpointScore {
    pub id: Id,
    pub stage: Id,
    pub estimate: Option<Estimate>,
    pub ci: Option<(f64, f64)>,
    /// c_t: the touchpoint's share of the journey score; 0 when it is left out.
    pub share: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StageScore {
    pub id: Id,
    pub score: Option<f64>,
    pub se: Option<f64>,
    pub ci: Option<(f64, f64)>,
    /// Answers behind the stage score, summed over its included touchpoints.
    pub n: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct JourneyScore {
    pub score: f64,
    pub se: Option<f64>,
    pub ci: Option<(f64, f64)>,
    pub weakest_stage: Id,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub touchpoints: Vec<TouchpointScore>,
    pub stages: Vec<StageScore>,
    pub journey: Option<JourneyScore>,
    /// Journey points each touchpoint would add if it were perfect, largest first.
    pub gains: Vec<(Id, f64)>,
}

fn included(t: &PlanTouchpoint, estimate: &Option<Estimate>) -> bool {
    t.weight > 0.0 && estimate.is_some_and(|e| e.n >= 1)
}

/// A weighted mean with its standard error: Σ wᵢxᵢ / Σ wᵢ and √(Σ (wᵢ/Σw)² seᵢ²), the error only
/// when every part has one.
fn weighted(parts: &[(f64, f64, Option<f64>)]) -> Option<(f64, Option<f64>)> {
    let total: f64 = parts.iter().map(|(w, _, _)| w).sum();
    if parts.is_empty() || total <= 0.0 {
        return None;
    }
    let score = parts.iter().map(|(w, x, _)| w * x).sum::<f64>() / total;
    let se = parts
        .iter()
        .map(|(w, _, se)| se.map(|se| (w / total * se).powi(2)))
        .sum::<Option<f64>>()
        .map(f64::sqrt);
    Some((score, se))
}

/// Every score of the plan, from the answers gathered per touchpoint card.
pub fn score_journey(plan: &Plan, answers: &HashMap<Id, Histogram>) -> Scores {
    score_with_targets(plan, answers, &HashMap::new())
}

/// The scores as they would be if each touchpoint in `targets` scored its target: a target
/// stands in for the answers' score (with no error, as it is not measured), and counts even
/// where there are no answers yet, as on a touchpoint the to-be journey adds.
pub fn score_with_targets(
    plan: &Plan,
    answers: &HashMap<Id, Histogram>,
    targets: &HashMap<Id, f64>,
) -> Scores {
    let stages = &plan.stages;
    let mut scores = Scores::default();
    // (stage weight, stage score, stage se) for the journey; (stage index, touchpoint index, w/Σw)
    let mut journey_parts = Vec::new();
    let mut within = Vec::new();
    for stage in stages {
        let mut parts = Vec::new();
        let mut n = 0;
        for t in &stage.touchpoints {
            let measured = answers.get(&t.card).and_then(|a| t.metric.score(a));
            let estimate = match targets.get(&t.card) {
                Some(&score) => Some(Estimate {
                    score,
                    se: None,
                    n: measured.map_or(1, |e| e.n.max(1)),
                }),
                None => measured,
            };
            let ci = estimate.and_then(|e| e.se.map(|se| ci95(e.score, se)));
            if included(t, &estimate) {
                let e = estimate.unwrap_or(Estimate {
                    score: 0.0,
                    se: None,
                    n: 0,
                });
                parts.push((t.weight, e.score, e.se));
                n += e.n;
                within.push((scores.stages.len(), scores.touchpoints.len(), t.weight));
            }
            scores.touchpoints.push(TouchpointScore {
                id: t.card,
                stage: stage.id,
                estimate,
                ci,
                share: 0.0,
            });
        }
        let stage_score = weighted(&parts);
        if let (Some((score, se)), true) = (stage_score, stage.weight > 0.0) {
            journey_parts.push((stage.weight, score, se));
        }
        let total: f64 = parts.iter().map(|(w, _, _)| w).sum();
        for entry in within
            .iter_mut()
            .filter(|(s, _, _)| *s == scores.stages.len())
        {
            entry.2 /= total;
        }
        scores.stages.push(StageScore {
            id: stage.id,
            score: stage_score.map(|(s, _)| s),
            se: stage_score.and_then(|(_, se)| se),
            ci: stage_score.and_then(|(s, se)| se.map(|se| ci95(s, se))),
            n,
        });
    }
    let Some((score, se)) = weighted(&journey_parts) else {
        return scores;
    };
    let total: f64 = journey_parts.iter().map(|(w, _, _)| w).sum();
    for (s, t, inside) in within {
        let stage_weight = stages[s].weight;
        if stage_weight > 0.0 {
            scores.touchpoints[t].share = stage_weight / total * inside;
        }
    }
    let weakest = stages
        .iter()
        .zip(&scores.stages)
        .filter(|(input, _)| input.weight > 0.0)
        .filter_map(|(input, stage)| stage.score.map(|s| (input.id, s)))
        // Scores a rounding error apart are a tie, which the earlier stage wins, so the same
        // answers name the same stage whatever scale the weights are written in.
        .fold(None, |low: Option<(Id, f64)>, (id, s)| match low {
            Some((_, l)) if l <= s + 1e-9 => low,
            _ => Some((id, s)),
        });
    scores.gains = scores
        .touchpoints
        .iter()
        .filter(|t| t.share > 0.0)
        .filter_map(|t| t.estimate.map(|e| (t.id, t.share * (100.0 - e.score))))
        .collect();
    order::sort_by(&mut scores.gains, |a, b| b.1.total_cmp(&a.1));
    scores.journey = weakest.map(|(weakest_stage, _)| JourneyScore {
        score,
        se,
        ci: se.map(|se| ci95(score, se)),
        weakest_stage,
    });
    scores
}

impl Scores {
    pub fn touchpoint(&self, id: Id) -> Option<&TouchpointScore> {
        self.touchpoints.iter().find(|t| t.id == id)
    }

    pub fn stage(&self, id: Id) -> Option<&StageScore> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// The journey score if touchpoint `id` scored `target` instead: J is linear in each s_t.
    pub fn what_if(&self, id: Id, target: f64) -> Option<f64> {
        let journey = self.journey.as_ref()?;
        let t = self.touchpoint(id)?;
        let now = t.estimate?.score;
        Some(journey.score + t.share * (target.clamp(0.0, 100.0) - now))
    }
}

/// Whether two periods' journey scores differ by more than chance: |J₁ − J₂| > 1.96·√(SE₁² + SE₂²).
/// None when either lacks a standard error.
pub fn significant_change(a: &JourneyScore, b: &JourneyScore) -> Option<bool> {
    let (sa, sb) = (a.se?, b.se?);
    Some((a.score - b.score).abs() > Z95 * (sa * sa + sb * sb).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.01
    }

    /// A touchpoint of a test plan, with its answers if it has any.
    type Touchpoint = (Id, f64, Metric, Option<Histogram>);

    /// Scores a plan of (stage id, weight, touchpoints).
    fn score(stages: Vec<(Id, f64, Vec<Touchpoint>)>) -> Scores {
        let mut answers = HashMap::new();
        let stages = stages
            .into_iter()
            .map(|(id, weight, touchpoints)| PlanStage {
                id,
                weight,
                touchpoints: touchpoints
                    .into_iter()
                    .map(|(card, weight, metric, given)| {
                        if let Some(given) = given {
                            answers.insert(card, given);
                        }
                        PlanTouchpoint {
                            card,
                            weight,
                            metric,
                        }
                    })
                    .collect(),
            })
            .collect();
        score_journey(&Plan { stages }, &answers)
    }

    /// The worked example of docs/scoring.md.
    fn worked() -> Scores {
        let a1 = Histogram::from_values(1, 5, [5, 4, 4, 3]);
        let a2 = Histogram::from_values(0, 10, [10, 9, 8, 6, 3]);
        let b1 = Histogram::from_values(1, 5, [5, 4, 2, 1]);
        score(vec![
            (
                1,
                1.0,
                vec![
                    (11, 1.0, Metric::mean(1, 5), Some(a1)),
                    (12, 1.0, Metric::nps(), Some(a2)),
                ],
            ),
            (2, 2.0, vec![(21, 1.0, Metric::top_box(1, 5, 4), Some(b1))]),
        ])
    }

    #[test]
    fn the_worked_example() {
        let s = worked();
        assert!(close(s.stages[0].score.unwrap(), 62.5));
        assert!(close(s.stages[1].score.unwrap(), 50.0));
        let j = s.journey.clone().unwrap();
        assert!(close(j.score, 54.17));
        assert!(close(j.se.unwrap(), 17.08));
        let (lo, hi) = j.ci.unwrap();
        assert!(close(lo, 20.69) && close(hi, 87.65), "{lo} {hi}");
        assert_eq!(j.weakest_stage, 2);
        let shares: Vec<f64> = s.touchpoints.iter().map(|t| t.share).collect();
        assert!(
            close(shares[0], 1.0 / 6.0)
                && close(shares[1], 1.0 / 6.0)
                && close(shares[2], 2.0 / 3.0)
        );
        let gains: Vec<(Id, f64)> = s.gains.clone();
        assert_eq!(gains.iter().map(|g| g.0).collect::<Vec<_>>(), [21, 12, 11]);
        assert!(close(gains[0].1, 33.33) && close(gains[1].1, 8.33) && close(gains[2].1, 4.17));
    }

    #[test]
    fn what_if_moves_the_journey_by_the_share() {
        let s = worked();
        // b1 from 50 to 80: J + 2/3 · 30 = 54.17 + 20
        assert!(close(s.what_if(21, 80.0).unwrap(), 74.17));
        assert!(close(s.what_if(11, 75.0).unwrap(), 54.17));
    }

    #[test]
    fn stage_se_uses_the_weights_within_the_stage() {
        // √((10.21² + 20²) / 4) = 11.23
        assert!(close(worked().stages[0].se.unwrap(), 11.227));
    }

    #[test]
    fn unanswered_or_weightless_parts_are_left_out() {
        let empty = Histogram::new(1, 5);
        let some = Histogram::from_values(1, 5, [5, 1]);
        let s = score(vec![
            (
                1,
                1.0,
                vec![
                    (11, 1.0, Metric::mean(1, 5), Some(some)),
                    (12, 1.0, Metric::mean(1, 5), Some(empty.clone())),
                    (13, 0.0, Metric::mean(1, 5), Some(empty)),
                    (14, 1.0, Metric::mean(1, 5), None),
                ],
            ),
            (2, 0.0, vec![]),
            (3, 1.0, vec![]),
        ]);
        assert!(close(s.stages[0].score.unwrap(), 50.0));
        assert_eq!(s.stages[1].score, None);
        assert_eq!(s.stages[2].score, None);
        assert_eq!(s.touchpoint(12).unwrap().estimate, None);
        let j = s.journey.unwrap();
        assert!(close(j.score, 50.0));
        assert_eq!(j.weakest_stage, 1);
        assert_eq!(s.gains.len(), 1);
    }

    #[test]
    fn no_answers_anywhere_means_no_journey_score() {
        let s = score(vec![(1, 1.0, vec![])]);
        assert_eq!(s.journey, None);
        assert!(s.gains.is_empty());
    }

    #[test]
    fn a_single_answer_leaves_the_journey_without_an_interval() {
        let one = Histogram::from_values(1, 5, [4]);
        let s = score(vec![(
            1,
            1.0,
            vec![(11, 1.0, Metric::mean(1, 5), Some(one))],
        )]);
        let j = s.journey.unwrap();
        assert!(close(j.score, 75.0));
        assert_eq!((j.se, j.ci), (None, None));
    }

    #[test]
    fn significance_compares_the_gap_with_both_errors() {
        let at = |score, se| JourneyScore {
            score,
            se: Some(se),
            ci: None,
            weakest_stage: 1,
        };
        // 1.96 · √(3² + 4²) = 9.8
        assert_eq!(
            significant_change(&at(60.0, 3.0), &at(70.0, 4.0)),
            Some(true)
        );
        assert_eq!(
            significant_change(&at(60.0, 3.0), &at(69.0, 4.0)),
            Some(false)
        );
        let no_se = JourneyScore {
            score: 1.0,
            se: None,
            ci: None,
            weakest_stage: 1,
        };
        assert_eq!(significant_change(&at(60.0, 3.0), &no_se), None);
    }
}
