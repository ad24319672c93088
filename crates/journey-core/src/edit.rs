//! Every change a user can make to a map, as data. The app dispatches these; the history keeps
//! snapshots around them for undo.

use std::fmt;

use crate::model::{
    Card, Channel, EmotionPoint, Id, JourneyMap, Lane, LaneKind, Measure, Persona, Stage, Weight,
    EMOTION_MAX, EMOTION_MIN,
};
use crate::score::{Evidence, LoyaltyEvidence};
use crate::survey::SurveyMapping;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    RenameMap(String),
    SetMapDescription(String),
    AddStage {
        name: String,
    },
    RenameStage {
        stage: Id,
        name: String,
    },
    SetStageDescription {
        stage: Id,
        description: String,
    },
    /// Moves the stage so that it ends up at index `to`.
    MoveStage {
        stage: Id,
        to: usize,
    },
    /// Removes the stage with its cards and emotion points.
    DeleteStage {
        stage: Id,
    },
    AddLane {
        kind: LaneKind,
        title: String,
    },
    RenameLane {
        lane: Id,
        title: String,
    },
    MoveLane {
        lane: Id,
        to: usize,
    },
    DeleteLane {
        lane: Id,
    },
    AddCard {
        lane: Id,
        stage: Id,
        text: String,
    },
    EditCard {
        card: Id,
        text: String,
        note: String,
        channel: Option<Channel>,
    },
    /// Puts the card into a cell at position `index` among that cell's other cards.
    MoveCard {
        card: Id,
        lane: Id,
        stage: Id,
        index: usize,
    },
    DeleteCard {
        card: Id,
    },
    SetEmotion {
        persona: Id,
        stage: Id,
        value: Option<i8>,
    },
    AddPersona {
        name: String,
    },
    RenamePersona {
        persona: Id,
        name: String,
    },
    SetPersonaDescription {
        persona: Id,
        description: String,
    },
    DeletePersona {
        persona: Id,
    },
    SetStageWeight {
        stage: Id,
        weight: Weight,
    },
    /// Measures a card for the score, or stops measuring it. Answers on a scale other than the
    /// new metric's cannot be read on it and are dropped.
    SetMeasure {
        card: Id,
        measure: Option<Measure>,
    },
    /// Adds imported or typed answers. With `replace`, what the map already has for the same
    /// touchpoints and periods goes first, so a re-imported period is not counted twice.
    AddEvidence {
        evidence: Vec<Evidence>,
        loyalty: Vec<LoyaltyEvidence>,
        replace: bool,
        /// The survey mapping that produced them, remembered for next month's file.
        survey: Option<Box<SurveyMapping>>,
    },
    /// Removes every answer of one period, or all answers.
    ClearEvidence {
        period: Option<String>,
    },
    /// Removes the answers of every period before this one (undated answers stay), to free space.
    DropPeriodsBefore {
        first_kept: String,
    },
    /// Remembers how survey files map onto this map.
    SetSurveyMapping(Option<Box<SurveyMapping>>),
    SetAlertBelow(u32),
    SetLowSample(u64),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    NoSuchStage(Id),
    NoSuchLane(Id),
    NoSuchCard(Id),
    NoSuchPersona(Id),
    EmptyName,
    FeelingsLaneHoldsNoCards,
    OnlyOneFeelingsLane,
    LastPersona,
    EmotionOutOfRange(i8),
    InvalidWeight,
    BadMetric(String),
    NotMeasured(Id),
    ScaleMismatch(Id),
    ThresholdOutOfRange,
    /// The edit would take the map past one of its size limits.
    Limit(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NoSuchStage(id) => write!(f, "stage {id} no longer exists"),
            EditError::NoSuchLane(id) => write!(f, "lane {id} no longer exists"),
            EditError::NoSuchCard(id) => write!(f, "card {id} no longer exists"),
            EditError::NoSuchPersona(id) => write!(f, "persona {id} no longer exists"),
            EditError::EmptyName => f.write_str("a name cannot be empty"),
            EditError::FeelingsLaneHoldsNoCards => {
                f.write_str("the feelings lane holds emotions, not cards")
            }
            EditError::OnlyOneFeelingsLane => f.write_str("a map has at most one feelings lane"),
            EditError::LastPersona => f.write_str("a map needs at least one persona"),
            EditError::EmotionOutOfRange(v) => {
                write!(f, "emotion {v} is outside {EMOTION_MIN}..{EMOTION_MAX}")
            }
            EditError::InvalidWeight => f.write_str("a weight is a number of 0 or more"),
            EditError::BadMetric(problem) => f.write_str(problem),
            EditError::NotMeasured(id) => write!(f, "card {id} is not measured"),
            EditError::ScaleMismatch(id) => {
                write!(
                    f,
                    "the answers for card {id} are on another scale than its metric"
                )
            }
            EditError::ThresholdOutOfRange => {
                f.write_str("the alert threshold is between 0 and 100")
            }
            EditError::Limit(problem) => write!(f, "the map would be too large ({problem})"),
        }
    }
}

impl std::error::Error for EditError {}

/// Names are trimmed and must not be empty.
fn name(text: &str) -> Result<String, EditError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(EditError::EmptyName)
    } else {
        Ok(trimmed.to_string())
    }
}

/// Optional texts: blank means absent.
fn optional(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

fn position<T>(items: &[T], found: impl Fn(&T) -> bool) -> Option<usize> {
    items.iter().position(found)
}

fn move_within<T>(items: &mut Vec<T>, from: usize, to: usize) {
    let item = items.remove(from);
    items.insert(to.min(items.len()), item);
}

impl JourneyMap {
    /// `Edit::RenameMap` on its own, for the library page, which needs no other edit.
    pub fn rename(&mut self, text: &str) -> Result<(), EditError> {
        self.name = name(text)?;
        Ok(())
    }

    /// `Edit::DropPeriodsBefore` on its own, for the library page's storage clean-up.
    pub fn drop_periods_before(&mut self, first_kept: &str) {
        let keep = |p: &Option<String>| p.as_deref().is_none_or(|p| p >= first_kept);
        self.scoring.evidence.retain(|e| keep(&e.period));
        self.scoring.loyalty.retain(|l| keep(&l.period));
    }

    /// Applies one edit. On error the map is unchanged. The caller sets `updated`.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        match edit {
            Edit::RenameMap(text) => self.rename(text)?,
            Edit::SetMapDescription(text) => self.description = text.trim().to_string(),
            Edit::AddStage { name: text } => {
                let stage = Stage {
                    id: self.next_id(),
                    name: name(text)?,
                    description: None,
                    weight: Weight::default(),
                };
                self.stages.push(stage);
            }
            Edit::RenameStage { stage, name: text } => {
                let new_name = name(text)?;
                self.stage_mut(*stage)?.name = new_name;
            }
            Edit::SetStageDescription { stage, description } => {
                self.stage_mut(*stage)?.description = optional(description);
            }
            Edit::MoveStage { stage, to } => {
                let from = position(&self.stages, |s| s.id == *stage)
                    .ok_or(EditError::NoSuchStage(*stage))?;
                move_within(&mut self.stages, from, *to);
            }
            Edit::DeleteStage { stage } => {
                let at = position(&self.stages, |s| s.id == *stage)
                    .ok_or(EditError::NoSuchStage(*stage))?;
                self.stages.remove(at);
                self.cards.retain(|c| c.stage != *stage);
                for persona in &mut self.personas {
                    persona.emotions.retain(|p| p.stage != *stage);
                }
            }
            Edit::AddLane { kind, title } => {
                if *kind == LaneKind::Feelings && self.lanes.iter().any(|l| l.kind == *kind) {
                    return Err(EditError::OnlyOneFeelingsLane);
                }
                let title = optional(title).unwrap_or_else(|| kind.default_title().to_string());
                self.lanes.push(Lane {
                    id: self.next_id(),
                    kind: *kind,
                    title,
                });
            }
            Edit::RenameLane { lane, title } => {
                let new_title = name(title)?;
                self.lane_mut(*lane)?.title = new_title;
            }
            Edit::MoveLane { lane, to } => {
                let from =
                    position(&self.lanes, |l| l.id == *lane).ok_or(EditError::NoSuchLane(*lane))?;
                move_within(&mut self.lanes, from, *to);
            }
            Edit::DeleteLane { lane } => {
                let at =
                    position(&self.lanes, |l| l.id == *lane).ok_or(EditError::NoSuchLane(*lane))?;
                self.lanes.remove(at);
                self.cards.retain(|c| c.lane != *lane);
            }
            Edit::AddCard { lane, stage, text } => {
                self.check_cell(*lane, *stage)?;
                let channel = (self.lane(*lane).map(|l| l.kind) == Some(LaneKind::Touchpoints))
                    .then_some(Channel::Web);
                let card = Card {
                    id: self.next_id(),
                    lane: *lane,
                    stage: *stage,
                    text: text.trim().to_string(),
                    note: None,
                    channel,
                    measure: None,
                };
                self.cards.push(card);
            }
            Edit::EditCard {
                card,
                text,
                note,
                channel,
            } => {
                let card = self.card_mut(*card)?;
                card.text = text.trim().to_string();
                card.note = optional(note);
                card.channel = *channel;
            }
            Edit::MoveCard {
                card,
                lane,
                stage,
                index,
            } => {
                self.check_cell(*lane, *stage)?;
                let from =
                    position(&self.cards, |c| c.id == *card).ok_or(EditError::NoSuchCard(*card))?;
                let mut moved = self.cards.remove(from);
                moved.lane = *lane;
                moved.stage = *stage;
                let in_cell: Vec<usize> = (0..self.cards.len())
                    .filter(|&i| self.cards[i].lane == *lane && self.cards[i].stage == *stage)
                    .collect();
                let at = match in_cell.get(*index) {
                    Some(&i) => i,
                    None => in_cell.last().map_or(self.cards.len(), |&i| i + 1),
                };
                self.cards.insert(at, moved);
            }
            Edit::DeleteCard { card } => {
                let at =
                    position(&self.cards, |c| c.id == *card).ok_or(EditError::NoSuchCard(*card))?;
                self.cards.remove(at);
            }
            Edit::SetEmotion {
                persona,
                stage,
                value,
            } => {
                if let Some(v) = value {
                    if !(EMOTION_MIN..=EMOTION_MAX).contains(v) {
                        return Err(EditError::EmotionOutOfRange(*v));
                    }
                }
                self.stage(*stage).ok_or(EditError::NoSuchStage(*stage))?;
                let persona = self.persona_mut(*persona)?;
                persona.emotions.retain(|p| p.stage != *stage);
                if let Some(value) = value {
                    persona.emotions.push(EmotionPoint {
                        stage: *stage,
                        value: *value,
                    });
                }
            }
            Edit::AddPersona { name: text } => {
                let persona = Persona {
                    id: self.next_id(),
                    name: name(text)?,
                    description: String::new(),
                    emotions: Vec::new(),
                };
                self.personas.push(persona);
            }
            Edit::RenamePersona {
                persona,
                name: text,
            } => {
                let new_name = name(text)?;
                self.persona_mut(*persona)?.name = new_name;
            }
            Edit::SetPersonaDescription {
                persona,
                description,
            } => {
                self.persona_mut(*persona)?.description = description.trim().to_string();
            }
            Edit::DeletePersona { persona } => {
                let at = position(&self.personas, |p| p.id == *persona)
                    .ok_or(EditError::NoSuchPersona(*persona))?;
                if self.personas.len() == 1 {
                    return Err(EditError::LastPersona);
                }
                self.personas.remove(at);
            }
            Edit::SetStageWeight { stage, weight } => {
                if !weight.is_valid() {
                    return Err(EditError::InvalidWeight);
                }
                self.stage_mut(*stage)?.weight = *weight;
            }
            Edit::SetMeasure { card, measure } => self.set_measure(*card, *measure)?,
            Edit::AddEvidence {
                evidence,
                loyalty,
                replace,
                survey,
            } => {
                self.add_evidence(evidence, loyalty, *replace)?;
                if survey.is_some() {
                    self.scoring.survey = survey.as_deref().cloned();
                }
            }
            Edit::ClearEvidence { period } => {
                let keep = |p: &Option<String>| period.is_some() && p != period;
                self.scoring.evidence.retain(|e| keep(&e.period));
                self.scoring.loyalty.retain(|l| keep(&l.period));
            }
            Edit::DropPeriodsBefore { first_kept } => self.drop_periods_before(first_kept),
            Edit::SetSurveyMapping(mapping) => self.scoring.survey = mapping.as_deref().cloned(),
            Edit::SetAlertBelow(threshold) => {
                if *threshold > 100 {
                    return Err(EditError::ThresholdOutOfRange);
                }
                self.scoring.alert_below = *threshold;
            }
            Edit::SetLowSample(n) => self.scoring.low_sample = *n,
        }
        self.forget_unmeasured();
        Ok(())
    }

    fn set_measure(&mut self, card: Id, measure: Option<Measure>) -> Result<(), EditError> {
        if let Some(m) = &measure {
            if let Some(problem) = m.metric.problem() {
                return Err(EditError::BadMetric(problem));
            }
            if !m.weight.is_valid() {
                return Err(EditError::InvalidWeight);
            }
        }
        self.card_mut(card)?.measure = measure;
        if let Some(m) = measure {
            let scale = m.metric.empty_histogram();
            self.scoring.evidence.retain(|e| {
                e.card != card
                    || (e.answers.min == scale.min && e.answers.counts.len() == scale.counts.len())
            });
        }
        Ok(())
    }

    fn add_evidence(
        &mut self,
        evidence: &[Evidence],
        loyalty: &[LoyaltyEvidence],
        replace: bool,
    ) -> Result<(), EditError> {
        for e in evidence {
            let metric = self
                .card(e.card)
                .and_then(|c| c.measure)
                .ok_or(EditError::NotMeasured(e.card))?
                .metric;
            let scale = metric.empty_histogram();
            if e.answers.min != scale.min || e.answers.counts.len() != scale.counts.len() {
                return Err(EditError::ScaleMismatch(e.card));
            }
        }
        if replace {
            let replaced = |card: Id, period: &Option<String>| {
                evidence
                    .iter()
                    .any(|e| e.card == card && e.period == *period)
            };
            self.scoring
                .evidence
                .retain(|e| !replaced(e.card, &e.period));
            self.scoring
                .loyalty
                .retain(|l| !loyalty.iter().any(|n| n.period == l.period));
        }
        for e in evidence {
            let same = self.scoring.evidence.iter_mut().find(|old| {
                old.card == e.card && old.period == e.period && old.segment == e.segment
            });
            match same {
                Some(old) => {
                    old.answers.merge(&e.answers);
                }
                None => self.scoring.evidence.push(e.clone()),
            }
        }
        for l in loyalty {
            let same = self
                .scoring
                .loyalty
                .iter_mut()
                .find(|old| old.period == l.period && old.segment == l.segment);
            match same {
                Some(old) => old.sums.merge(&l.sums),
                None => self.scoring.loyalty.push(l.clone()),
            }
        }
        Ok(())
    }

    /// Answers and survey links of cards that are gone or no longer measured go with them.
    fn forget_unmeasured(&mut self) {
        let cards = &self.cards;
        let measured = |id: Id| cards.iter().any(|c| c.id == id && c.measure.is_some());
        self.scoring.evidence.retain(|e| measured(e.card));
        if let Some(mapping) = &mut self.scoring.survey {
            mapping.touchpoints.retain(|link| measured(link.card));
        }
    }

    fn check_cell(&self, lane: Id, stage: Id) -> Result<(), EditError> {
        let lane = self.lane(lane).ok_or(EditError::NoSuchLane(lane))?;
        if !lane.kind.holds_cards() {
            return Err(EditError::FeelingsLaneHoldsNoCards);
        }
        self.stage(stage).ok_or(EditError::NoSuchStage(stage))?;
        Ok(())
    }

    fn stage_mut(&mut self, id: Id) -> Result<&mut Stage, EditError> {
        self.stages
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(EditError::NoSuchStage(id))
    }

    fn lane_mut(&mut self, id: Id) -> Result<&mut Lane, EditError> {
        self.lanes
            .iter_mut()
            .find(|l| l.id == id)
            .ok_or(EditError::NoSuchLane(id))
    }

    fn card_mut(&mut self, id: Id) -> Result<&mut Card, EditError> {
        self.cards
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(EditError::NoSuchCard(id))
    }

    fn persona_mut(&mut self, id: Id) -> Result<&mut Persona, EditError> {
        self.personas
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(EditError::NoSuchPersona(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{Histogram, Metric};

    fn map() -> JourneyMap {
        let mut map = JourneyMap::empty("m".into(), "Test".into(), 0);
        for name in ["A", "B", "C"] {
            map.apply(&Edit::AddStage { name: name.into() }).unwrap();
        }
        map.apply(&Edit::AddLane {
            kind: LaneKind::Touchpoints,
            title: String::new(),
        })
        .unwrap();
        map.apply(&Edit::AddLane {
            kind: LaneKind::Feelings,
            title: String::new(),
        })
        .unwrap();
        map
    }

    fn stage_names(map: &JourneyMap) -> Vec<&str> {
        map.stages.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn ids_are_fresh_across_kinds() {
        let map = map();
        // persona 1, stages 2..=4, lanes 5 and 6
        assert_eq!(
            map.stages.iter().map(|s| s.id).collect::<Vec<_>>(),
            [2, 3, 4]
        );
        assert_eq!(map.lanes.iter().map(|l| l.id).collect::<Vec<_>>(), [5, 6]);
        assert_eq!(map.lanes[0].title, "Touchpoints");
        assert_eq!(map.next_id(), 7);
    }

    #[test]
    fn moving_a_stage_puts_it_at_the_target_index() {
        let mut map = map();
        map.apply(&Edit::MoveStage { stage: 2, to: 2 }).unwrap();
        assert_eq!(stage_names(&map), ["B", "C", "A"]);
        map.apply(&Edit::MoveStage { stage: 2, to: 0 }).unwrap();
        assert_eq!(stage_names(&map), ["A", "B", "C"]);
        map.apply(&Edit::MoveStage { stage: 4, to: 99 }).unwrap();
        assert_eq!(stage_names(&map), ["A", "B", "C"]);
    }

    #[test]
    fn deleting_a_stage_takes_its_cards_and_emotions() {
        let mut map = map();
        map.apply(&Edit::AddCard {
            lane: 5,
            stage: 3,
            text: "Ad".into(),
        })
        .unwrap();
        map.apply(&Edit::AddCard {
            lane: 5,
            stage: 4,
            text: "Store".into(),
        })
        .unwrap();
        map.apply(&Edit::SetEmotion {
            persona: 1,
            stage: 3,
            value: Some(-2),
        })
        .unwrap();
        map.apply(&Edit::DeleteStage { stage: 3 }).unwrap();
        assert_eq!(map.cards.len(), 1);
        assert_eq!(map.cards[0].text, "Store");
        assert!(map.personas[0].emotions.is_empty());
    }

    #[test]
    fn touchpoint_cards_start_on_the_web_channel() {
        let mut map = map();
        map.apply(&Edit::AddCard {
            lane: 5,
            stage: 2,
            text: " Landing page ".into(),
        })
        .unwrap();
        assert_eq!(map.cards[0].text, "Landing page");
        assert_eq!(map.cards[0].channel, Some(Channel::Web));
    }

    #[test]
    fn feelings_lane_is_unique_and_holds_no_cards() {
        let mut map = map();
        let before = map.clone();
        let add_feelings = Edit::AddLane {
            kind: LaneKind::Feelings,
            title: String::new(),
        };
        assert_eq!(
            map.apply(&add_feelings),
            Err(EditError::OnlyOneFeelingsLane)
        );
        let card = Edit::AddCard {
            lane: 6,
            stage: 2,
            text: "x".into(),
        };
        assert_eq!(map.apply(&card), Err(EditError::FeelingsLaneHoldsNoCards));
        assert_eq!(map, before);
    }

    #[test]
    fn move_card_places_it_at_the_index_within_the_target_cell() {
        let mut map = map();
        for (stage, text) in [(2, "a"), (3, "b"), (3, "c"), (3, "d")] {
            map.apply(&Edit::AddCard {
                lane: 5,
                stage,
                text: text.into(),
            })
            .unwrap();
        }
        let a = map.cards[0].id;
        map.apply(&Edit::MoveCard {
            card: a,
            lane: 5,
            stage: 3,
            index: 1,
        })
        .unwrap();
        let cell: Vec<&str> = map.cards_in(5, 3).map(|c| c.text.as_str()).collect();
        assert_eq!(cell, ["b", "a", "c", "d"]);
        map.apply(&Edit::MoveCard {
            card: a,
            lane: 5,
            stage: 3,
            index: 10,
        })
        .unwrap();
        let cell: Vec<&str> = map.cards_in(5, 3).map(|c| c.text.as_str()).collect();
        assert_eq!(cell, ["b", "c", "d", "a"]);
        map.apply(&Edit::MoveCard {
            card: a,
            lane: 5,
            stage: 4,
            index: 0,
        })
        .unwrap();
        assert_eq!(map.cards_in(5, 4).count(), 1);
        assert_eq!(map.cards_in(5, 3).count(), 3);
    }

    #[test]
    fn emotions_are_set_replaced_and_cleared() {
        let mut map = map();
        map.apply(&Edit::SetEmotion {
            persona: 1,
            stage: 2,
            value: Some(1),
        })
        .unwrap();
        map.apply(&Edit::SetEmotion {
            persona: 1,
            stage: 2,
            value: Some(-1),
        })
        .unwrap();
        assert_eq!(map.personas[0].emotion_at(2), Some(-1));
        assert_eq!(map.personas[0].emotions.len(), 1);
        map.apply(&Edit::SetEmotion {
            persona: 1,
            stage: 2,
            value: None,
        })
        .unwrap();
        assert_eq!(map.personas[0].emotion_at(2), None);
        let too_high = Edit::SetEmotion {
            persona: 1,
            stage: 2,
            value: Some(3),
        };
        assert_eq!(map.apply(&too_high), Err(EditError::EmotionOutOfRange(3)));
    }

    #[test]
    fn names_are_trimmed_and_never_empty() {
        let mut map = map();
        assert_eq!(
            map.apply(&Edit::RenameMap("  ".into())),
            Err(EditError::EmptyName)
        );
        map.apply(&Edit::RenameMap("  Onboarding ".into())).unwrap();
        assert_eq!(map.name, "Onboarding");
        map.apply(&Edit::SetStageDescription {
            stage: 2,
            description: " ".into(),
        })
        .unwrap();
        assert_eq!(map.stage(2).unwrap().description, None);
    }

    #[test]
    fn the_last_persona_stays() {
        let mut map = map();
        assert_eq!(
            map.apply(&Edit::DeletePersona { persona: 1 }),
            Err(EditError::LastPersona)
        );
        map.apply(&Edit::AddPersona {
            name: "Returning buyer".into(),
        })
        .unwrap();
        map.apply(&Edit::DeletePersona { persona: 1 }).unwrap();
        assert_eq!(map.personas.len(), 1);
        assert_eq!(map.personas[0].name, "Returning buyer");
    }

    #[test]
    fn unknown_ids_are_reported() {
        let mut map = map();
        assert_eq!(
            map.apply(&Edit::DeleteCard { card: 99 }),
            Err(EditError::NoSuchCard(99))
        );
        assert_eq!(
            map.apply(&Edit::DeleteLane { lane: 99 }),
            Err(EditError::NoSuchLane(99))
        );
        let rename = Edit::RenameStage {
            stage: 99,
            name: "x".into(),
        };
        assert_eq!(map.apply(&rename), Err(EditError::NoSuchStage(99)));
    }

    fn measured_map() -> JourneyMap {
        let mut map = map();
        map.apply(&Edit::AddCard {
            lane: 5,
            stage: 2,
            text: "Checkout".into(),
        })
        .unwrap();
        let measure = Measure {
            metric: Metric::mean(1, 5),
            weight: Weight::default(),
        };
        map.apply(&Edit::SetMeasure {
            card: 7,
            measure: Some(measure),
        })
        .unwrap();
        map
    }

    fn answers(period: &str, values: &[i32]) -> Evidence {
        Evidence {
            card: 7,
            period: Some(period.into()),
            segment: None,
            answers: Histogram::from_values(1, 5, values.iter().copied()),
        }
    }

    fn add(map: &mut JourneyMap, evidence: Vec<Evidence>, replace: bool) -> Result<(), EditError> {
        map.apply(&Edit::AddEvidence {
            evidence,
            loyalty: vec![],
            replace,
            survey: None,
        })
    }

    #[test]
    fn evidence_is_added_merged_or_replaced_per_period() {
        let mut map = measured_map();
        add(
            &mut map,
            vec![answers("2026-Q1", &[5, 4]), answers("2026-Q2", &[1])],
            false,
        )
        .unwrap();
        add(&mut map, vec![answers("2026-Q1", &[3])], false).unwrap();
        let q1 = |m: &JourneyMap| {
            m.scoring
                .evidence
                .iter()
                .find(|e| e.period.as_deref() == Some("2026-Q1"))
                .unwrap()
                .answers
                .n()
        };
        assert_eq!(q1(&map), 3);
        add(&mut map, vec![answers("2026-Q1", &[2])], true).unwrap();
        assert_eq!(q1(&map), 1);
        assert_eq!(map.scoring.evidence.len(), 2);
        map.apply(&Edit::ClearEvidence {
            period: Some("2026-Q2".into()),
        })
        .unwrap();
        assert_eq!(map.scoring.evidence.len(), 1);
        map.apply(&Edit::ClearEvidence { period: None }).unwrap();
        assert!(map.scoring.evidence.is_empty());
    }

    #[test]
    fn periods_before_a_cut_are_dropped_and_undated_answers_stay() {
        let mut map = measured_map();
        let mut undated = answers("x", &[3]);
        undated.period = None;
        let evidence = vec![
            answers("2025-Q4", &[1]),
            answers("2026-Q1", &[2]),
            answers("2026-Q2", &[4]),
            undated,
        ];
        add(&mut map, evidence, false).unwrap();
        map.apply(&Edit::DropPeriodsBefore {
            first_kept: "2026-Q1".into(),
        })
        .unwrap();
        let left: Vec<_> = map
            .scoring
            .evidence
            .iter()
            .map(|e| e.period.clone())
            .collect();
        assert_eq!(
            left,
            [Some("2026-Q1".to_string()), Some("2026-Q2".into()), None]
        );
    }

    #[test]
    fn evidence_must_fit_a_measured_card() {
        let mut map = measured_map();
        let mut wrong = answers("2026-Q1", &[1]);
        wrong.answers = Histogram::new(0, 10);
        assert_eq!(
            add(&mut map, vec![wrong], false),
            Err(EditError::ScaleMismatch(7))
        );
        let mut elsewhere = answers("2026-Q1", &[1]);
        elsewhere.card = 5;
        assert_eq!(
            add(&mut map, vec![elsewhere], false),
            Err(EditError::NotMeasured(5))
        );
    }

    #[test]
    fn a_new_scale_drops_answers_a_new_kind_keeps_them() {
        let mut map = measured_map();
        add(&mut map, vec![answers("2026-Q1", &[5])], false).unwrap();
        let top_box = Measure {
            metric: Metric::top_box(1, 5, 4),
            weight: Weight(2.0),
        };
        map.apply(&Edit::SetMeasure {
            card: 7,
            measure: Some(top_box),
        })
        .unwrap();
        assert_eq!(map.scoring.evidence.len(), 1);
        let nps = Measure {
            metric: Metric::nps(),
            weight: Weight::default(),
        };
        map.apply(&Edit::SetMeasure {
            card: 7,
            measure: Some(nps),
        })
        .unwrap();
        assert!(map.scoring.evidence.is_empty());
    }

    #[test]
    fn deleting_a_measured_card_takes_its_answers() {
        let mut map = measured_map();
        add(&mut map, vec![answers("2026-Q1", &[5])], false).unwrap();
        map.apply(&Edit::DeleteStage { stage: 2 }).unwrap();
        assert!(map.scoring.evidence.is_empty());
    }

    #[test]
    fn weights_and_thresholds_are_checked() {
        let mut map = measured_map();
        let bad = Edit::SetStageWeight {
            stage: 2,
            weight: Weight(-1.0),
        };
        assert_eq!(map.apply(&bad), Err(EditError::InvalidWeight));
        assert_eq!(
            map.apply(&Edit::SetAlertBelow(101)),
            Err(EditError::ThresholdOutOfRange)
        );
        let broken = Measure {
            metric: Metric::mean(3, 3),
            weight: Weight::default(),
        };
        assert!(matches!(
            map.apply(&Edit::SetMeasure {
                card: 7,
                measure: Some(broken)
            }),
            Err(EditError::BadMetric(_))
        ));
    }
}
