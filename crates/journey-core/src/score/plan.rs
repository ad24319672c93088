//! A map's plan (its measured shape, `journey::Plan`) and what is read from it: scores from the
//! answers, whether for everyone or for one respondent.

use std::collections::HashMap;

use super::drivers::Drivers;
use super::evidence::{gather, gather_loyalty, Slice};
use super::histogram::Histogram;
use super::journey::{score_journey, Plan, PlanStage, PlanTouchpoint, Scores};
use super::loyalty::{LinkReport, Respondents};
use super::metric::Metric;
use crate::model::{Card, Id, JourneyMap, Measure};

impl Plan {
    pub fn touchpoints(&self) -> impl Iterator<Item = &PlanTouchpoint> {
        self.stages.iter().flat_map(|s| &s.touchpoints)
    }

    pub fn metric(&self, card: Id) -> Option<Metric> {
        self.touchpoints()
            .find(|t| t.card == card)
            .map(|t| t.metric)
    }

    /// Every score, from the answers gathered per touchpoint card.
    pub fn score(&self, answers: &HashMap<Id, Histogram>) -> Scores {
        score_journey(self, answers)
    }

    /// One respondent's own journey score from their answers (card, value): the same weighting,
    /// each touchpoint scored as the mean of their answers to it, each scored on its own. None
    /// when they answered nothing that counts. The import keeps sums instead of rows
    /// (`loyalty::AnswerPattern`); this is the definition those sums reproduce.
    pub fn respondent_score(&self, answers: &[(Id, i32)]) -> Option<f64> {
        let mut journey = (0.0, 0.0);
        for stage in self.stages.iter().filter(|s| s.weight > 0.0) {
            let mut inside = (0.0, 0.0);
            for t in stage.touchpoints.iter().filter(|t| t.weight > 0.0) {
                let (total, count) = answers
                    .iter()
                    .filter(|(card, _)| *card == t.card)
                    .fold((0.0, 0.0), |(total, count), (_, v)| {
                        (total + t.metric.answer_score(*v), count + 1.0)
                    });
                if count > 0.0 {
                    inside.0 += t.weight * total / count;
                    inside.1 += t.weight;
                }
            }
            if inside.1 > 0.0 {
                journey.0 += stage.weight * inside.0 / inside.1;
                journey.1 += stage.weight;
            }
        }
        (journey.1 > 0.0).then(|| journey.0 / journey.1)
    }
}

impl JourneyMap {
    /// The measured shape of the map: every stage in order with its measured cards, lane by lane.
    pub fn plan(&self) -> Plan {
        // Made after every edit: the cells are searched among the measured cards only, so a big
        // map with few measures costs one pass over its cards, not one per cell.
        let measured: Vec<(&Card, Measure)> = self
            .cards
            .iter()
            .filter_map(|card| card.measure.map(|m| (card, m)))
            .collect();
        let stages = self
            .stages
            .iter()
            .map(|stage| PlanStage {
                id: stage.id,
                weight: stage.weight.0,
                touchpoints: self
                    .lanes
                    .iter()
                    .flat_map(|lane| {
                        measured
                            .iter()
                            .filter(move |(c, _)| c.lane == lane.id && c.stage == stage.id)
                    })
                    .map(|(card, m)| PlanTouchpoint {
                        card: card.id,
                        weight: m.weight.0,
                        metric: m.metric,
                    })
                    .collect(),
            })
            .collect();
        Plan { stages }
    }

    pub fn scores(&self, slice: &Slice) -> Scores {
        self.plan().score(&gather(&self.scoring.evidence, slice))
    }

    /// The respondents behind the loyalty link and the key drivers, within a slice.
    pub fn respondents(&self, slice: &Slice) -> Respondents {
        gather_loyalty(&self.scoring.loyalty, slice)
    }

    /// What the respondents of a slice say under the map's weights: the loyalty link and the
    /// key drivers.
    pub fn loyalty_findings(&self, slice: &Slice) -> (LinkReport, Option<Drivers>) {
        let (respondents, plan) = (self.respondents(slice), self.plan());
        (respondents.link(&plan), respondents.drivers(&plan))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        Plan {
            stages: vec![
                PlanStage {
                    id: 1,
                    weight: 1.0,
                    touchpoints: vec![
                        PlanTouchpoint {
                            card: 11,
                            weight: 1.0,
                            metric: Metric::mean(1, 5),
                        },
                        PlanTouchpoint {
                            card: 12,
                            weight: 1.0,
                            metric: Metric::nps(),
                        },
                    ],
                },
                PlanStage {
                    id: 2,
                    weight: 2.0,
                    touchpoints: vec![PlanTouchpoint {
                        card: 21,
                        weight: 1.0,
                        metric: Metric::top_box(1, 5, 4),
                    }],
                },
            ],
        }
    }

    #[test]
    fn a_respondents_score_uses_only_their_answers() {
        // stage 1: (75 + 50) / 2 = 62.5; stage 2: 0; journey (62.5 + 0) / 3 = 20.83
        let s = plan()
            .respondent_score(&[(11, 4), (12, 8), (21, 2)])
            .unwrap();
        assert!((s - 20.8333).abs() < 1e-3);
        // only stage 1 answered: its score alone
        assert_eq!(plan().respondent_score(&[(12, 10)]), Some(100.0));
        // two answers to one touchpoint count as their mean: (100 + 0) / 2 = 50 for 12, with 11
        // at 100: stage 1 = 75
        assert_eq!(
            plan().respondent_score(&[(12, 10), (12, 3), (11, 5)]),
            Some(75.0)
        );
        assert_eq!(plan().respondent_score(&[]), None);
    }

    #[test]
    fn scoring_the_plan_matches_the_worked_example() {
        let answers = HashMap::from([
            (11, Histogram::from_values(1, 5, [5, 4, 4, 3])),
            (12, Histogram::from_values(0, 10, [10, 9, 8, 6, 3])),
            (21, Histogram::from_values(1, 5, [5, 4, 2, 1])),
        ]);
        let j = plan().score(&answers).journey.unwrap();
        assert!((j.score - 54.1667).abs() < 1e-3);
        assert_eq!(plan().metric(21), Some(Metric::top_box(1, 5, 4)));
    }

    #[test]
    fn a_stages_touchpoints_go_lane_by_lane_then_in_card_order() {
        let mut map = crate::templates::Template::Ecommerce.build("plan".into(), 1);
        // Reversed, so the order of the card list and the order of the lanes disagree.
        map.cards.reverse();
        for card in map.cards.iter_mut().step_by(2) {
            card.measure = Some(Measure {
                metric: Metric::nps(),
                weight: Default::default(),
                target: None,
            });
        }
        let mut expected = Vec::new();
        for stage in &map.stages {
            let mut ids = Vec::new();
            for lane in &map.lanes {
                for card in &map.cards {
                    if card.lane == lane.id && card.stage == stage.id && card.measure.is_some() {
                        ids.push(card.id);
                    }
                }
            }
            expected.push(ids);
        }
        let plan = map.plan();
        let got: Vec<Vec<Id>> = plan
            .stages
            .iter()
            .map(|s| s.touchpoints.iter().map(|t| t.card).collect())
            .collect();
        assert_eq!(got, expected);
        assert!(got.iter().filter(|ids| ids.len() > 1).count() > 1);
    }
}
