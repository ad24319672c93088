//! What the score is made of: stage weights, how each touchpoint is measured, the answers kept,
//! and the score's settings.

use super::EditError;
use crate::model::evidence::{Evidence, LoyaltyEvidence};
use crate::model::survey_mapping::SurveyMapping;
use crate::model::{Id, JourneyMap, Measure, Weight};

impl JourneyMap {
    /// `Edit::DropPeriodsBefore` on its own, for the library page's storage clean-up.
    pub fn drop_periods_before(&mut self, first_kept: &str) {
        let keep = |p: &Option<String>| p.as_deref().is_none_or(|p| p >= first_kept);
        self.scoring.evidence.retain(|e| keep(&e.period));
        self.scoring.loyalty.retain(|l| keep(&l.period));
    }

    pub(super) fn set_stage_weight(&mut self, stage: Id, weight: Weight) -> Result<(), EditError> {
        if !weight.is_valid() {
            return Err(EditError::InvalidWeight);
        }
        self.stage_mut(stage)?.weight = weight;
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
                Some(old) => old.sums.merge(&l.sums),
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
        }
    }
}
