//! What changed between two maps: a saved version and a later one, or a version and the map now.
//! Elements are matched by id, so a renamed stage is the same stage, and a reorder is told apart
//! from a change.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use crate::model::metric::{Metric, MetricKind};
use crate::model::{Card, Id, JourneyMap, Measure};
use crate::score::evidence::Slice;
use crate::score::journey::Scores;

/// What a change is about, for the summary's counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    Map,
    Stage,
    Lane,
    Persona,
    Card,
}

impl Subject {
    fn noun(self, count: usize) -> &'static str {
        match (self, count) {
            (Subject::Map, _) => "map",
            (Subject::Stage, 1) => "stage",
            (Subject::Stage, _) => "stages",
            (Subject::Lane, 1) => "lane",
            (Subject::Lane, _) => "lanes",
            (Subject::Persona, 1) => "persona",
            (Subject::Persona, _) => "personas",
            (Subject::Card, 1) => "card",
            (Subject::Card, _) => "cards",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Added,
    Removed,
    Renamed,
    Moved,
    Changed,
    Feelings,
    Measure,
    Weight,
}

/// One change, in words, under the stage it belongs to (`None`: the map or its lanes).
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub stage: Option<String>,
    pub subject: Subject,
    pub kind: Kind,
    pub text: String,
}

/// How a card of the newer map stands against the older one, for marking it in the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Added,
    Changed,
    Moved,
}

impl Mark {
    pub fn label(self) -> &'static str {
        match self {
            Mark::Added => "added",
            Mark::Changed => "changed",
            Mark::Moved => "moved",
        }
    }
}

/// A score before and after, where either side has one and they differ.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreChange {
    pub label: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct MapDiff {
    pub changes: Vec<Change>,
    /// Cards of the newer map that were added, changed or moved.
    pub marks: HashMap<Id, Mark>,
    pub journey: Option<ScoreChange>,
    pub stage_scores: Vec<ScoreChange>,
    pub touchpoint_scores: Vec<ScoreChange>,
}

impl MapDiff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && self.journey.is_none()
            && self.stage_scores.is_empty()
            && self.touchpoint_scores.is_empty()
    }

    /// The changes grouped by stage, in the newer map's stage order, the map-wide ones first.
    pub fn by_stage(&self) -> Vec<(Option<String>, Vec<&Change>)> {
        let mut groups: Vec<(Option<String>, Vec<&Change>)> = Vec::new();
        for change in &self.changes {
            match groups.iter_mut().find(|(stage, _)| *stage == change.stage) {
                Some((_, list)) => list.push(change),
                None => groups.push((change.stage.clone(), vec![change])),
            }
        }
        groups.sort_by_key(|(stage, _)| stage.is_some());
        groups
    }

    /// One line: "+2 cards, 1 stage renamed, feelings changed in Purchase, journey score 61.2 →
    /// 64.0", or "no changes".
    pub fn summary(&self) -> String {
        let mut counts: Vec<((Kind, Subject), usize)> = Vec::new();
        let mut feelings: Vec<&str> = Vec::new();
        for change in &self.changes {
            if change.kind == Kind::Feelings {
                let stage = change.stage.as_deref().unwrap_or_default();
                if !feelings.contains(&stage) {
                    feelings.push(stage);
                }
                continue;
            }
            let key = (change.kind, change.subject);
            match counts.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => counts.push((key, 1)),
            }
        }
        counts.sort_by_key(|(key, _)| *key);
        let mut parts: Vec<String> = counts
            .iter()
            .map(|((kind, subject), n)| {
                let noun = subject.noun(*n);
                match (kind, subject) {
                    (Kind::Added, _) => format!("+{n} {noun}"),
                    (Kind::Removed, _) => format!("−{n} {noun}"),
                    (Kind::Renamed, Subject::Map) => "map renamed".into(),
                    (Kind::Changed, Subject::Map) => {
                        format!("{n} map-wide change{}", if *n == 1 { "" } else { "s" })
                    }
                    (Kind::Renamed, _) => format!("{n} {noun} renamed"),
                    (Kind::Moved, _) => format!("{n} {noun} moved"),
                    (Kind::Measure, _) => format!("{n} {noun} measured differently"),
                    (Kind::Weight, _) => format!("{n} {noun} reweighted"),
                    _ => format!("{n} {noun} changed"),
                }
            })
            .collect();
        if !feelings.is_empty() {
            parts.push(format!("feelings changed in {}", feelings.join(", ")));
        }
        if let Some(journey) = &self.journey {
            parts.push(format!("journey score {}", journey.arrow()));
        }
        if parts.is_empty() {
            "no changes".into()
        } else {
            parts.join(", ")
        }
    }
}

impl ScoreChange {
    /// "61.2 → 64.0", with "–" for a side without a score.
    pub fn arrow(&self) -> String {
        let side = |s: Option<f64>| s.map_or("–".to_string(), |s| format!("{s:.1}"));
        format!("{} → {}", side(self.before), side(self.after))
    }
}

/// Ids that changed place: those outside the longest run the two orders keep in common.
fn reordered(older: &[Id], newer: &[Id]) -> HashSet<Id> {
    let at: HashMap<Id, usize> = older.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let common: Vec<(Id, usize)> = newer
        .iter()
        .filter_map(|id| at.get(id).map(|i| (*id, *i)))
        .collect();
    // Longest increasing subsequence of old positions, by patience sorting.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; common.len()];
    for (k, (_, position)) in common.iter().enumerate() {
        let slot = tails.partition_point(|&t| common[t].1 < *position);
        previous[k] = slot.checked_sub(1).map(|s| tails[s]);
        if slot == tails.len() {
            tails.push(k);
        } else {
            tails[slot] = k;
        }
    }
    let mut kept = HashSet::new();
    let mut at_end = tails.last().copied();
    while let Some(k) = at_end {
        kept.insert(k);
        at_end = previous[k];
    }
    (0..common.len())
        .filter(|k| !kept.contains(k))
        .map(|k| common[k].0)
        .collect()
}

fn quoted(text: &str) -> String {
    const LONGEST: usize = 60;
    let mut short: String = text.chars().take(LONGEST).collect();
    if text.chars().count() > LONGEST {
        short.push('…');
    }
    format!("“{short}”")
}

fn signed(value: Option<i8>) -> String {
    match value {
        None => "unset".into(),
        Some(v) if v > 0 => format!("+{v}"),
        Some(v) => v.to_string(),
    }
}

fn measure_words(measure: Option<&Measure>) -> String {
    let Some(m) = measure else {
        return "not measured".into();
    };
    let Metric { kind, min, max, .. } = m.metric;
    let metric = match kind {
        MetricKind::Nps => "NPS".to_string(),
        MetricKind::Mean => format!("mean of {min}–{max}"),
        MetricKind::TopBox => format!("top box ≥ {} of {min}–{max}", m.metric.threshold()),
    };
    format!("{metric}, weight {}", m.weight.0)
}

struct Differ<'a> {
    older: &'a JourneyMap,
    newer: &'a JourneyMap,
    diff: MapDiff,
}

impl Differ<'_> {
    fn stage_name(&self, id: Id) -> Option<String> {
        self.newer
            .stage(id)
            .or_else(|| self.older.stage(id))
            .map(|s| s.name.clone())
    }

    fn lane_title(&self, id: Id) -> String {
        self.newer
            .lane(id)
            .or_else(|| self.older.lane(id))
            .map_or_else(String::new, |l| l.title.clone())
    }

    fn push(&mut self, stage: Option<String>, subject: Subject, kind: Kind, text: String) {
        self.diff.changes.push(Change {
            stage,
            subject,
            kind,
            text,
        });
    }

    fn map_fields(&mut self) {
        let (o, n) = (self.older, self.newer);
        if o.name != n.name {
            let text = format!(
                "Map renamed from {} to {}",
                quoted(&o.name),
                quoted(&n.name)
            );
            self.push(None, Subject::Map, Kind::Renamed, text);
        }
        if o.description != n.description {
            let text = "Map description changed".to_string();
            self.push(None, Subject::Map, Kind::Changed, text);
        }
    }

    fn stages(&mut self) {
        let (o, n) = (self.older, self.newer);
        let ids = |m: &JourneyMap| m.stages.iter().map(|s| s.id).collect::<Vec<_>>();
        let moved = reordered(&ids(o), &ids(n));
        for stage in &o.stages {
            if n.stage(stage.id).is_none() {
                let text = format!("Stage {} removed", quoted(&stage.name));
                self.push(
                    Some(stage.name.clone()),
                    Subject::Stage,
                    Kind::Removed,
                    text,
                );
            }
        }
        for stage in &n.stages {
            let group = Some(stage.name.clone());
            let Some(before) = o.stage(stage.id) else {
                let text = format!("Stage {} added", quoted(&stage.name));
                self.push(group, Subject::Stage, Kind::Added, text);
                continue;
            };
            if before.name != stage.name {
                let text = format!("Renamed from {}", quoted(&before.name));
                self.push(group.clone(), Subject::Stage, Kind::Renamed, text);
            }
            if before.description != stage.description {
                let text = "Stage description changed".to_string();
                self.push(group.clone(), Subject::Stage, Kind::Changed, text);
            }
            if before.weight != stage.weight {
                let text = format!("Stage weight {} → {}", before.weight.0, stage.weight.0);
                self.push(group.clone(), Subject::Stage, Kind::Weight, text);
            }
            if moved.contains(&stage.id) {
                let text = "Stage moved".to_string();
                self.push(group, Subject::Stage, Kind::Moved, text);
            }
        }
    }

    fn lanes(&mut self) {
        let (o, n) = (self.older, self.newer);
        let ids = |m: &JourneyMap| m.lanes.iter().map(|l| l.id).collect::<Vec<_>>();
        let moved = reordered(&ids(o), &ids(n));
        for lane in &o.lanes {
            if n.lane(lane.id).is_none() {
                let text = format!("Lane {} removed", quoted(&lane.title));
                self.push(None, Subject::Lane, Kind::Removed, text);
            }
        }
        for lane in &n.lanes {
            let Some(before) = o.lane(lane.id) else {
                let text = format!("Lane {} added", quoted(&lane.title));
                self.push(None, Subject::Lane, Kind::Added, text);
                continue;
            };
            if before.title != lane.title {
                let text = format!(
                    "Lane {} renamed to {}",
                    quoted(&before.title),
                    quoted(&lane.title)
                );
                self.push(None, Subject::Lane, Kind::Renamed, text);
            }
            if moved.contains(&lane.id) {
                let text = format!("Lane {} moved", quoted(&lane.title));
                self.push(None, Subject::Lane, Kind::Moved, text);
            }
        }
    }

    fn personas(&mut self) {
        let (o, n) = (self.older, self.newer);
        for persona in &o.personas {
            if n.persona(persona.id).is_none() {
                let text = format!("Persona {} removed", quoted(&persona.name));
                self.push(None, Subject::Persona, Kind::Removed, text);
            }
        }
        for persona in &n.personas {
            let Some(before) = o.persona(persona.id) else {
                let text = format!("Persona {} added", quoted(&persona.name));
                self.push(None, Subject::Persona, Kind::Added, text);
                continue;
            };
            if before.name != persona.name || before.description != persona.description {
                let kind = if before.name != persona.name {
                    Kind::Renamed
                } else {
                    Kind::Changed
                };
                let text = match kind {
                    Kind::Renamed => format!(
                        "Persona {} renamed to {}",
                        quoted(&before.name),
                        quoted(&persona.name)
                    ),
                    _ => format!("Persona {} described differently", quoted(&persona.name)),
                };
                self.push(None, Subject::Persona, kind, text);
            }
            for stage in &n.stages {
                let (was, is) = (before.emotion_at(stage.id), persona.emotion_at(stage.id));
                if was != is && o.stage(stage.id).is_some() {
                    let text = format!(
                        "Feeling of {}: {} → {}",
                        persona.name,
                        signed(was),
                        signed(is)
                    );
                    self.push(
                        Some(stage.name.clone()),
                        Subject::Persona,
                        Kind::Feelings,
                        text,
                    );
                }
            }
        }
    }

    fn card_place(&self, card: &Card) -> String {
        let stage = self.stage_name(card.stage).unwrap_or_default();
        format!("{stage} · {}", self.lane_title(card.lane))
    }

    fn cards(&mut self) {
        let (o, n) = (self.older, self.newer);
        let older: HashMap<Id, &Card> = o.cards.iter().map(|c| (c.id, c)).collect();
        let newer: HashSet<Id> = n.cards.iter().map(|c| c.id).collect();
        for card in o.cards.iter().filter(|c| !newer.contains(&c.id)) {
            let text = format!(
                "Card {} removed from {}",
                quoted(&card.text),
                self.lane_title(card.lane)
            );
            self.push(
                self.stage_name(card.stage),
                Subject::Card,
                Kind::Removed,
                text,
            );
        }
        // Within each cell, cards that changed place among those that stayed in it.
        let mut cells: HashMap<(Id, Id), (Vec<Id>, Vec<Id>)> = HashMap::new();
        for card in &o.cards {
            cells
                .entry((card.lane, card.stage))
                .or_default()
                .0
                .push(card.id);
        }
        for card in &n.cards {
            cells
                .entry((card.lane, card.stage))
                .or_default()
                .1
                .push(card.id);
        }
        let mut moved = HashSet::new();
        for (before, after) in cells.values() {
            moved.extend(reordered(before, after));
        }
        for card in &n.cards {
            let group = self.stage_name(card.stage);
            let Some(before) = older.get(&card.id) else {
                let text = format!(
                    "Card {} added to {}",
                    quoted(&card.text),
                    self.lane_title(card.lane)
                );
                self.push(group, Subject::Card, Kind::Added, text);
                self.diff.marks.insert(card.id, Mark::Added);
                continue;
            };
            let mut mark = None;
            if before.text != card.text
                || before.note != card.note
                || before.channel != card.channel
            {
                let mut text = if before.text == card.text {
                    format!("Card {} changed", quoted(&card.text))
                } else {
                    format!(
                        "Card {} now reads {}",
                        quoted(&before.text),
                        quoted(&card.text)
                    )
                };
                if before.channel != card.channel {
                    let channel =
                        |c: Option<crate::model::Channel>| c.map_or("none", |c| c.label());
                    let _ = write!(
                        text,
                        " (channel {} → {})",
                        channel(before.channel),
                        channel(card.channel)
                    );
                }
                if before.note != card.note {
                    text.push_str(" (note changed)");
                }
                self.push(group.clone(), Subject::Card, Kind::Changed, text);
                mark = Some(Mark::Changed);
            }
            if before.measure != card.measure {
                let text = format!(
                    "Card {}: {} → {}",
                    quoted(&card.text),
                    measure_words(before.measure.as_ref()),
                    measure_words(card.measure.as_ref())
                );
                self.push(group.clone(), Subject::Card, Kind::Measure, text);
                mark = Some(Mark::Changed);
            }
            let cell_changed = (before.lane, before.stage) != (card.lane, card.stage);
            if cell_changed || moved.contains(&card.id) {
                let text = if cell_changed {
                    format!(
                        "Card {} moved from {} to {}",
                        quoted(&card.text),
                        self.card_place(before),
                        self.card_place(card)
                    )
                } else {
                    format!("Card {} moved within its cell", quoted(&card.text))
                };
                self.push(group, Subject::Card, Kind::Moved, text);
                mark = mark.or(Some(Mark::Moved));
            }
            if let Some(mark) = mark {
                self.diff.marks.insert(card.id, mark);
            }
        }
    }

    fn scoring(&mut self) {
        let (o, n) = (&self.older.scoring, &self.newer.scoring);
        if o.evidence != n.evidence || o.loyalty != n.loyalty {
            let answers = |s: &crate::model::Scoring| -> u64 {
                s.evidence.iter().map(|e| e.answers.n()).sum()
            };
            let text = format!(
                "Survey answers changed ({} → {} answers)",
                answers(o),
                answers(n)
            );
            self.push(None, Subject::Map, Kind::Changed, text);
        }
        if (o.alert_below, o.low_sample, &o.survey, &o.weights_from)
            != (n.alert_below, n.low_sample, &n.survey, &n.weights_from)
        {
            let text = "Score settings changed".to_string();
            self.push(None, Subject::Map, Kind::Changed, text);
        }
    }

    fn scores(&mut self, slice: &Slice) {
        let (before, after): (Scores, Scores) =
            (self.older.scores(slice), self.newer.scores(slice));
        let differ = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (None, None) => false,
            (Some(a), Some(b)) => (a - b).abs() >= 0.05,
            _ => true,
        };
        let journey = |s: &Scores| s.journey.as_ref().map(|j| j.score);
        if differ(journey(&before), journey(&after)) {
            self.diff.journey = Some(ScoreChange {
                label: "Journey score".into(),
                before: journey(&before),
                after: journey(&after),
            });
        }
        let mut stage_ids: Vec<Id> = self.newer.stages.iter().map(|s| s.id).collect();
        stage_ids.extend(
            self.older
                .stages
                .iter()
                .map(|s| s.id)
                .filter(|id| self.newer.stage(*id).is_none()),
        );
        for id in stage_ids {
            let (a, b) = (
                before.stage(id).and_then(|s| s.score),
                after.stage(id).and_then(|s| s.score),
            );
            if differ(a, b) {
                let label = self.stage_name(id).unwrap_or_default();
                self.diff.stage_scores.push(ScoreChange {
                    label,
                    before: a,
                    after: b,
                });
            }
        }
        let mut card_ids: Vec<Id> = self.newer.cards.iter().map(|c| c.id).collect();
        card_ids.extend(
            self.older
                .cards
                .iter()
                .map(|c| c.id)
                .filter(|id| self.newer.card(*id).is_none()),
        );
        for id in card_ids {
            let score = |s: &Scores| s.touchpoint(id).and_then(|t| t.estimate).map(|e| e.score);
            let (a, b) = (score(&before), score(&after));
            if differ(a, b) {
                let card = self.newer.card(id).or_else(|| self.older.card(id));
                let label = card.map_or_else(String::new, |c| c.text.clone());
                self.diff.touchpoint_scores.push(ScoreChange {
                    label,
                    before: a,
                    after: b,
                });
            }
        }
    }
}

/// Everything that differs from `older` to `newer`, with the scores of all answers on both sides.
pub fn diff(older: &JourneyMap, newer: &JourneyMap) -> MapDiff {
    let mut differ = Differ {
        older,
        newer,
        diff: MapDiff::default(),
    };
    differ.map_fields();
    differ.stages();
    differ.lanes();
    differ.personas();
    differ.cards();
    differ.scoring();
    differ.scores(&Slice::default());
    differ.diff
}
