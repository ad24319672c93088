//! What the score is made of: stage weights, how each touchpoint is measured, the answers kept,
//! and the score's settings.

use super::{Edit, EditError};
use crate::model::evidence::{Evidence, LoyaltyEvidence};
use crate::model::survey_mapping::SurveyMapping;
use crate::model::{Id, JourneyMap, Measure, Weight, WeightsSource, TARGET_MAX};
use crate::score::loyalty::merge_pattern;
use crate::score::Slice;

/// Data-driven weights, ready to apply as one edit, with the journey score they give.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightsProposal {
    pub edit: Edit,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// Measured touchpoints the data say nothing about: they take their stage's average.
    pub without_data: Vec<Id>,
}

impl JourneyMap {
    /// Weights from the key drivers of a slice's respondents (`Drivers::suggest`), applied on
    /// `applied` (a date). None with fewer than two drivers: one alone cannot be weighed.
    pub fn data_driven_weights(&self, slice: &Slice, applied: String) -> Option<WeightsProposal> {
        let plan = self.plan();
        let respondents = self.respondents(slice);
        let drivers = respondents
            .drivers(&plan)
            .filter(|d| d.drivers.len() >= 2)?;
        let suggested = drivers.suggest(&plan);
        let loyalty_question = self
            .scoring
            .survey
            .as_ref()
            .and_then(|s| s.loyalty_column.clone())
            .unwrap_or_else(|| "the loyalty question".into());
        let edit = Edit::SetWeights {
            stages: suggested.stages,
            touchpoints: suggested.touchpoints,
            source: Some(WeightsSource {
                loyalty_question,
                period: slice.period.clone(),
                segment: slice.segment.clone(),
                respondents: respondents.patterns.iter().map(|p| p.n).sum(),
                applied,
            }),
        };
        let mut weighed = self.clone();
        weighed.apply(&edit).ok()?;
        Some(WeightsProposal {
            before: self.scores(slice).journey.map(|j| j.score),
            after: weighed.scores(slice).journey.map(|j| j.score),
            edit,
            without_data: suggested.without_data,
        })
    }

    /// `Edit::DropPeriodsBefore` on its own, for the library page's storage clean-up.
    pub fn drop_periods_before(&mut self, first_kept: &str) {
        let keep = |p: &Option<String>| p.as_deref().is_none_or(|p| p >= first_kept);
        self.scoring.evidence.retain(|e| keep(&e.period));
        self.scoring.loyalty.retain(|l| keep(&l.period));
    }

    /// A typed weight: the weights are no longer all derived from the data.
    pub(super) fn set_stage_weight(&mut self, stage: Id, weight: Weight) -> Result<(), EditError> {
        if !weight.is_valid() {
            return Err(EditError::InvalidWeight);
        }
        let stage = self.stage_mut(stage)?;
        if stage.weight != weight {
            stage.weight = weight;
            self.scoring.weights_from = None;
        }
        Ok(())
    }

    /// Every weight at once; all are checked before any is set.
    pub(super) fn set_weights(
        &mut self,
        stages: &[(Id, Weight)],
        touchpoints: &[(Id, Weight)],
        source: &Option<WeightsSource>,
    ) -> Result<(), EditError> {
        let weights = stages.iter().chain(touchpoints).map(|(_, w)| *w);
        if !weights.into_iter().all(Weight::is_valid) {
            return Err(EditError::InvalidWeight);
        }
        for (id, _) in stages {
            self.stage_mut(*id)?;
        }
        for (id, _) in touchpoints {
            self.card(*id)
                .ok_or(EditError::NoSuchCard(*id))?
                .measure
                .ok_or(EditError::NotMeasured(*id))?;
        }
        for (id, weight) in stages {
            self.stage_mut(*id)?.weight = *weight;
        }
        for (id, weight) in touchpoints {
            if let Some(measure) = &mut self.card_mut(*id)?.measure {
                measure.weight = *weight;
            }
        }
        self.scoring.weights_from = source.clone();
        Ok(())
    }

    /// Measures a card (or with `None` stops): answers on another scale go; a new kind of metric
    /// on the same scale keeps them.
    pub(super) fn set_measure(
        &mut self,
        card: Id,
        measure: Option<Measure>,
    ) -> Result<(), EditError> {
        if let Some(m) = &measure {
            if let Some(problem) = m.metric.problem() {
                return Err(EditError::BadMetric(problem));
            }
            if !m.weight.is_valid() {
                return Err(EditError::InvalidWeight);
            }
            if m.target.is_some_and(|t| t > TARGET_MAX) {
                return Err(EditError::TargetOutOfRange);
            }
        }
        let before = std::mem::replace(&mut self.card_mut(card)?.measure, measure);
        if before.map(|m| m.weight) != measure.map(|m| m.weight) {
            self.scoring.weights_from = None;
        }
        if let (Some(old), Some(new)) = (before, measure) {
            if old.metric != new.metric {
                self.leave_out_of_loyalty(card);
            }
        }
        if let Some(m) = measure {
            let scale = m.metric.empty_histogram();
            self.scoring.evidence.retain(|e| {
                e.card != card
                    || (e.answers.min == scale.min && e.answers.counts.len() == scale.counts.len())
            });
        }
        Ok(())
    }

    /// Adds answers, merged into those of the same card, period and segment; with `replace`,
    /// the periods they cover are emptied first. Every answer must fit its card's scale, or
    /// nothing is added. An import's mapping is kept for the next file.
    pub(super) fn add_evidence(
        &mut self,
        evidence: &[Evidence],
        loyalty: &[LoyaltyEvidence],
        replace: bool,
        survey: Option<&SurveyMapping>,
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
                Some(old) => {
                    for pattern in &l.patterns {
                        merge_pattern(&mut old.patterns, pattern);
                    }
                }
                None => self.scoring.loyalty.push(l.clone()),
            }
        }
        if let Some(survey) = survey {
            self.scoring.survey = Some(survey.clone());
        }
        Ok(())
    }

    /// Empties one period's answers, or with `None` every answer.
    pub(super) fn clear_evidence(&mut self, period: Option<&str>) {
        let keep = |p: &Option<String>| period.is_some() && p.as_deref() != period;
        self.scoring.evidence.retain(|e| keep(&e.period));
        self.scoring.loyalty.retain(|l| keep(&l.period));
    }

    /// A card's answers as scored at import no longer fit its measure: the respondents' sums drop
    /// it, exactly, and say so.
    fn leave_out_of_loyalty(&mut self, card: Id) {
        let mut touched = false;
        for l in &mut self.scoring.loyalty {
            if l.patterns.iter().any(|p| p.cards.contains(&card)) {
                touched = true;
                if !l.left_out.contains(&card) {
                    l.left_out.push(card);
                }
            }
        }
        if touched {
            self.forget_in_loyalty(card);
        }
    }

    /// Drops a card from every answer pattern, merging patterns that become the same.
    fn forget_in_loyalty(&mut self, card: Id) {
        for l in &mut self.scoring.loyalty {
            let patterns = std::mem::take(&mut l.patterns);
            for pattern in patterns {
                let pattern = if pattern.cards.contains(&card) {
                    pattern.without(card)
                } else {
                    pattern
                };
                if !pattern.cards.is_empty() {
                    merge_pattern(&mut l.patterns, &pattern);
                }
            }
        }
    }

    pub(super) fn set_alert_below(&mut self, threshold: u32) -> Result<(), EditError> {
        if threshold > 100 {
            return Err(EditError::ThresholdOutOfRange);
        }
        self.scoring.alert_below = threshold;
        Ok(())
    }

    /// Answers and survey links of cards that are gone or no longer measured go with them.
    pub(super) fn forget_unmeasured(&mut self) {
        let cards = &self.cards;
        let measured = |id: Id| cards.iter().any(|c| c.id == id && c.measure.is_some());
        self.scoring.evidence.retain(|e| measured(e.card));
        if let Some(mapping) = &mut self.scoring.survey {
            mapping.touchpoints.retain(|link| measured(link.card));
            let personas = &self.personas;
            mapping
                .personas
                .retain(|link| personas.iter().any(|p| p.id == link.persona));
        }
        // Runs after every edit: the patterns' few distinct cards are looked up once each, not
        // every pattern's cards against every card of the map.
        let mut linked: Vec<Id> = Vec::new();
        for card in self
            .scoring
            .loyalty
            .iter()
            .flat_map(|l| &l.patterns)
            .flat_map(|p| &p.cards)
        {
            if !linked.contains(card) {
                linked.push(*card);
            }
        }
        linked.retain(|card| !measured(*card));
        for card in linked {
            self.forget_in_loyalty(card);
        }
    }
}
