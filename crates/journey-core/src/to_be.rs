//! As-is and to-be: a future-state journey planned from a map, the two laid side by side (stages
//! and lanes matched by id, which the to-be keeps from the as-is), what the to-be changes, and its
//! journey score projected from the as-is answers with the to-be's targets applied.

use std::collections::HashMap;

use crate::model::{Card, Id, JourneyMap, LaneKind, Millis};
use crate::score::evidence::{gather, Slice};
use crate::score::journey::{score_with_targets, Scores};

/// A to-be journey planned from `as_is`: all of it, editable, under a new id and linked back.
/// It keeps the answers too, so it scores on its own until it has answers of its own; its saved
/// versions stay with the as-is.
pub fn plan_to_be(as_is: &JourneyMap, id: String, now: Millis) -> JourneyMap {
    JourneyMap {
        id,
        name: format!("{} (to-be)", as_is.name),
        as_is: Some(as_is.id.clone()),
        created: now,
        updated: now,
        versions: Default::default(),
        ..as_is.clone()
    }
}

/// A column or row of the side-by-side grid: the element of each map it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub as_is: Option<Id>,
    pub to_be: Option<Id>,
    pub name: String,
}

/// `newer`'s order, each element the older list also has at its place, and each of the older
/// list's own elements right after the one it followed there (or first, before any it kept).
fn pairs(older: &[(Id, &str)], newer: &[(Id, &str)]) -> Vec<Pair> {
    let kept = |id: Id| newer.iter().any(|(n, _)| *n == id);
    let only_old = |(id, name): &(Id, &str)| Pair {
        as_is: Some(*id),
        to_be: None,
        name: name.to_string(),
    };
    let dropped_from = |start: usize| older[start..].iter().take_while(|(id, _)| !kept(*id));
    let mut out: Vec<Pair> = dropped_from(0).map(only_old).collect();
    for (id, name) in newer {
        let at = older.iter().position(|(old, _)| old == id);
        out.push(Pair {
            as_is: at.map(|_| *id),
            to_be: Some(*id),
            name: name.to_string(),
        });
        if let Some(at) = at {
            out.extend(dropped_from(at + 1).map(only_old));
        }
    }
    out
}

/// The two maps of a pair as (as-is, to-be), whichever of them is open.
pub fn as_is_first<'a>(
    open: &'a JourneyMap,
    partner: &'a JourneyMap,
) -> (&'a JourneyMap, &'a JourneyMap) {
    if open.as_is.is_some() {
        (partner, open)
    } else {
        (open, partner)
    }
}

/// One map's side of a compare chart: the name of the persona `persona` (the map's first when it
/// has no such persona) and its feeling at each paired stage, `None` where that side has no stage
/// or the persona no feeling there.
pub fn feelings_by_stage(
    map: &JourneyMap,
    persona: Id,
    stages: &[Pair],
    side: fn(&Pair) -> Option<Id>,
) -> (String, Vec<Option<i8>>) {
    let chosen = map.persona(persona).unwrap_or(&map.personas[0]);
    let values = stages
        .iter()
        .map(|s| side(s).and_then(|stage| chosen.emotion_at(stage)))
        .collect();
    (chosen.name.clone(), values)
}

/// The stages side by side: matched by id, with a gap on the side that lacks one.
pub fn stage_pairs(as_is: &JourneyMap, to_be: &JourneyMap) -> Vec<Pair> {
    let list = |map: &JourneyMap| -> Vec<(Id, String)> {
        map.stages.iter().map(|s| (s.id, s.name.clone())).collect()
    };
    let (older, newer) = (list(as_is), list(to_be));
    pairs(&borrowed(&older), &borrowed(&newer))
}

/// The lanes that hold cards, side by side.
pub fn lane_pairs(as_is: &JourneyMap, to_be: &JourneyMap) -> Vec<Pair> {
    let list = |map: &JourneyMap| -> Vec<(Id, String)> {
        map.lanes
            .iter()
            .filter(|l| l.kind.holds_cards())
            .map(|l| (l.id, l.title.clone()))
            .collect()
    };
    let (older, newer) = (list(as_is), list(to_be));
    pairs(&borrowed(&older), &borrowed(&newer))
}

fn borrowed(list: &[(Id, String)]) -> Vec<(Id, &str)> {
    list.iter().map(|(id, name)| (*id, name.as_str())).collect()
}

/// How a card of one side stands against the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardPlan {
    /// Only in the to-be.
    Added,
    /// Only in the as-is.
    Removed,
    /// In both, with its text, channel, place, measure or target changed.
    Changed,
    Same,
}

impl CardPlan {
    pub fn label(self) -> &'static str {
        match self {
            CardPlan::Added => "added",
            CardPlan::Removed => "removed",
            CardPlan::Changed => "changed",
            CardPlan::Same => "unchanged",
        }
    }
}

fn card_plan(as_is: Option<&Card>, to_be: Option<&Card>) -> CardPlan {
    match (as_is, to_be) {
        (None, _) => CardPlan::Added,
        (Some(_), None) => CardPlan::Removed,
        (Some(a), Some(b)) if a == b => CardPlan::Same,
        _ => CardPlan::Changed,
    }
}

/// A card named in the summary, with the stage it is in (the to-be's, for a card of both).
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedCard {
    pub card: Id,
    pub stage: String,
    pub text: String,
    pub plan: CardPlan,
}

/// What the to-be changes: its touchpoints added, removed and changed, and the as-is pain points
/// it addresses (no longer has) and keeps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanSummary {
    pub touchpoints: Vec<PlannedCard>,
    pub pain_points_addressed: Vec<PlannedCard>,
    pub pain_points_kept: usize,
    pub pain_points_new: usize,
}

impl PlanSummary {
    pub fn count(&self, plan: CardPlan) -> usize {
        self.touchpoints.iter().filter(|t| t.plan == plan).count()
    }

    /// "2 touchpoints added, 1 removed, 3 changed; 2 of 5 pain points addressed".
    pub fn line(&self) -> String {
        let touchpoints = format!(
            "{} touchpoint{} added, {} removed, {} changed",
            self.count(CardPlan::Added),
            if self.count(CardPlan::Added) == 1 {
                ""
            } else {
                "s"
            },
            self.count(CardPlan::Removed),
            self.count(CardPlan::Changed),
        );
        let addressed = self.pain_points_addressed.len();
        let all = addressed + self.pain_points_kept;
        format!("{touchpoints}; {addressed} of {all} pain points addressed")
    }
}

fn lane_kind(map: &JourneyMap, card: &Card) -> Option<LaneKind> {
    map.lane(card.lane).map(|l| l.kind)
}

fn stage_name(map: &JourneyMap, card: &Card) -> String {
    map.stage(card.stage)
        .map(|s| s.name.clone())
        .unwrap_or_default()
}

pub fn summary(as_is: &JourneyMap, to_be: &JourneyMap) -> PlanSummary {
    let mut out = PlanSummary::default();
    let named = |map: &JourneyMap, card: &Card, plan| PlannedCard {
        card: card.id,
        stage: stage_name(map, card),
        text: card.text.clone(),
        plan,
    };
    let is = |map: &JourneyMap, card: &Card, kind| lane_kind(map, card) == Some(kind);
    for card in &to_be.cards {
        let before = as_is.card(card.id);
        let touchpoint = is(to_be, card, LaneKind::Touchpoints)
            || before.is_some_and(|b| is(as_is, b, LaneKind::Touchpoints));
        let plan = card_plan(before, Some(card));
        if touchpoint && plan != CardPlan::Same {
            out.touchpoints.push(named(to_be, card, plan));
        }
        if is(to_be, card, LaneKind::PainPoints) {
            match before.filter(|b| is(as_is, b, LaneKind::PainPoints)) {
                Some(_) => out.pain_points_kept += 1,
                None => out.pain_points_new += 1,
            }
        }
    }
    for card in &as_is.cards {
        let after = to_be.card(card.id);
        if after.is_none() && is(as_is, card, LaneKind::Touchpoints) {
            out.touchpoints.push(named(as_is, card, CardPlan::Removed));
        }
        let still = after.is_some_and(|a| is(to_be, a, LaneKind::PainPoints));
        if is(as_is, card, LaneKind::PainPoints) && !still {
            out.pain_points_addressed
                .push(named(as_is, card, CardPlan::Removed));
        }
    }
    out
}

/// How each card of a to-be cell stands against the as-is, for marking the grid.
pub fn card_plans(as_is: &JourneyMap, to_be: &JourneyMap) -> HashMap<Id, CardPlan> {
    let mut plans: HashMap<Id, CardPlan> = to_be
        .cards
        .iter()
        .map(|c| (c.id, card_plan(as_is.card(c.id), Some(c))))
        .collect();
    for card in as_is.cards.iter().filter(|c| to_be.card(c.id).is_none()) {
        plans.insert(card.id, CardPlan::Removed);
    }
    plans
}

/// One target and what it alone would add to the to-be journey score.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetGain {
    pub card: Id,
    pub text: String,
    /// The touchpoint's score from the as-is answers, if it has any.
    pub now: Option<f64>,
    pub target: f64,
    /// Journey points this target adds on its own; `None` while the to-be has no score to add to.
    pub gain: Option<f64>,
}

/// The to-be journey score, projected.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Projection {
    /// The as-is journey score from its own answers.
    pub as_is: Option<f64>,
    /// The to-be's touchpoints and weights scored on the as-is answers, without targets.
    pub to_be: Option<f64>,
    /// The same with every target applied.
    pub projected: Option<f64>,
    /// Largest first.
    pub gains: Vec<TargetGain>,
}

/// The to-be scored on the as-is answers: the to-be's touchpoints, metrics and weights, each
/// touchpoint's answers those the as-is has for the same card on the same scale, and every
/// target standing in for its touchpoint's score. Gains are each target alone, so they need not
/// add up to the whole when a target brings in a touchpoint without answers.
pub fn projection(as_is: &JourneyMap, to_be: &JourneyMap) -> Projection {
    let plan = to_be.plan();
    let mut answers = gather(&as_is.scoring.evidence, &Slice::default());
    answers.retain(|card, histogram| {
        plan.metric(*card).is_some_and(|metric| {
            let scale = metric.empty_histogram();
            scale.min == histogram.min && scale.counts.len() == histogram.counts.len()
        })
    });
    let targets: HashMap<Id, f64> = to_be
        .cards
        .iter()
        .filter_map(|c| Some((c.id, f64::from(c.measure?.target?))))
        .filter(|(card, _)| plan.metric(*card).is_some())
        .collect();
    let journey = |scores: Scores| scores.journey.map(|j| j.score);
    let without = score_with_targets(&plan, &answers, &HashMap::new());
    let to_be_score = journey(without.clone());
    let mut gains: Vec<TargetGain> = targets
        .iter()
        .map(|(&card, &target)| {
            let alone = score_with_targets(&plan, &answers, &HashMap::from([(card, target)]));
            TargetGain {
                card,
                text: to_be.card(card).map(|c| c.text.clone()).unwrap_or_default(),
                now: without
                    .touchpoint(card)
                    .and_then(|t| t.estimate)
                    .map(|e| e.score),
                target,
                gain: journey(alone)
                    .zip(to_be_score)
                    .map(|(with, without)| with - without),
            }
        })
        .collect();
    crate::order::sort_by(&mut gains, |a, b| {
        let gain = |t: &TargetGain| t.gain.unwrap_or(f64::NEG_INFINITY);
        gain(b)
            .total_cmp(&gain(a))
            .then_with(|| a.card.cmp(&b.card))
    });
    Projection {
        as_is: as_is.scores(&Slice::default()).journey.map(|j| j.score),
        to_be: to_be_score,
        projected: journey(score_with_targets(&plan, &answers, &targets)),
        gains,
    }
}

#[cfg(test)]
mod tests;
