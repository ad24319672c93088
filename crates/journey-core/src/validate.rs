//! Checks that a map is whole: every reference points somewhere, ids are unique, names are not
//! empty. Every way a map enters the app (file, storage, later links) goes through here.

use std::collections::HashSet;
use std::fmt;

use crate::model::evidence::AnswerPattern;
use crate::model::versions::{unpack, MAX_VERSIONS};
use crate::model::{Id, JourneyMap, LaneKind, EMOTION_MAX, EMOTION_MIN, TARGET_MAX};

/// One problem, with the path of the offending value, e.g. `stages[3].name: empty`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    pub path: String,
    pub problem: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

struct Report {
    errors: Vec<ValidationError>,
}

impl Report {
    fn push(&mut self, path: String, problem: impl Into<String>) {
        self.errors.push(ValidationError {
            path,
            problem: problem.into(),
        });
    }

    fn name(&mut self, path: String, value: &str) {
        if value.trim().is_empty() {
            self.push(path, "empty");
        }
    }
}

/// How much one map may hold. A map past these is refused with the limit named, so a hostile or
/// runaway file cannot freeze the page or fill the browser's storage.
pub const MAX_STAGES: usize = 200;
pub const MAX_LANES: usize = 50;
pub const MAX_PERSONAS: usize = 50;
pub const MAX_CARDS: usize = 10_000;
/// Characters in a name or title.
pub const MAX_NAME: usize = 500;
/// Characters in a card's text, a note or a description.
pub const MAX_TEXT: usize = 10_000;
/// Histograms kept for the score (touchpoints × periods × segments).
pub const MAX_EVIDENCE: usize = 50_000;
/// The most numbers the respondents' sums may hold in all (about 8 MB of JSON).
pub const MAX_LOYALTY_NUMBERS: usize = 500_000;

fn too_many(report: &mut Report, path: &str, count: usize, max: usize, what: &str) {
    if count > max {
        report.push(
            path.into(),
            format!("{count} {what}; a map holds at most {max}"),
        );
    }
}

/// Runs after every edit over every card, so the path is only made for a text that is too long,
/// and counting characters is skipped when even the byte length is within the limit.
fn too_long(report: &mut Report, path: impl FnOnce() -> String, text: &str, max: usize) {
    if text.len() <= max {
        return;
    }
    let chars = text.chars().count();
    if chars > max {
        report.push(path(), format!("{chars} characters; at most {max}"));
    }
}

/// `too_long` for each (field, text, limit) of item `i` of `list`, at `list[i].field`.
fn item_too_long(report: &mut Report, list: &str, i: usize, fields: &[(&str, &str, usize)]) {
    for &(field, text, max) in fields {
        too_long(report, || format!("{list}[{i}].{field}"), text, max);
    }
}

/// Only the size limits, cheap enough to check after every edit.
pub fn limit_problems(map: &JourneyMap) -> Vec<ValidationError> {
    let mut report = Report { errors: Vec::new() };
    too_long(&mut report, || "name".into(), &map.name, MAX_NAME);
    too_long(
        &mut report,
        || "description".into(),
        &map.description,
        MAX_TEXT,
    );
    too_many(
        &mut report,
        "stages",
        map.stages.len(),
        MAX_STAGES,
        "stages",
    );
    too_many(&mut report, "lanes", map.lanes.len(), MAX_LANES, "lanes");
    too_many(
        &mut report,
        "personas",
        map.personas.len(),
        MAX_PERSONAS,
        "personas",
    );
    too_many(&mut report, "cards", map.cards.len(), MAX_CARDS, "cards");
    too_many(
        &mut report,
        "scoring.evidence",
        map.scoring.evidence.len(),
        MAX_EVIDENCE,
        "histograms",
    );
    for (i, s) in map.stages.iter().enumerate() {
        let description = s.description.as_deref().unwrap_or("");
        let fields = [
            ("name", &*s.name, MAX_NAME),
            ("description", description, MAX_TEXT),
        ];
        item_too_long(&mut report, "stages", i, &fields);
    }
    for (i, l) in map.lanes.iter().enumerate() {
        item_too_long(&mut report, "lanes", i, &[("title", &l.title, MAX_NAME)]);
    }
    for (i, p) in map.personas.iter().enumerate() {
        let fields = [
            ("name", &*p.name, MAX_NAME),
            ("description", &p.description, MAX_TEXT),
        ];
        item_too_long(&mut report, "personas", i, &fields);
    }
    for (i, c) in map.cards.iter().enumerate() {
        let note = c.note.as_deref().unwrap_or("");
        let fields = [("text", &*c.text, MAX_TEXT), ("note", note, MAX_TEXT)];
        item_too_long(&mut report, "cards", i, &fields);
    }
    report.errors
}

/// A map id doubles as part of a storage key, so it is kept to a safe alphabet.
pub fn is_valid_map_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Problems in the map's saved versions: each must read back whole, be a valid map and hold no
/// versions of its own, and their numbers rise. Kept apart from `validate`, which a share link's
/// map (never carrying versions) goes through alone.
pub fn validate_versions(map: &JourneyMap) -> Vec<ValidationError> {
    let mut report = Report { errors: Vec::new() };
    let chain = match map.versions.read() {
        Ok(chain) => chain,
        Err(problem) => {
            report.push("versions".into(), problem);
            return report.errors;
        }
    };
    if chain.len() > MAX_VERSIONS {
        report.push(
            "versions".into(),
            format!("more than {MAX_VERSIONS} versions"),
        );
    }
    for (i, pair) in chain.windows(2).enumerate() {
        if pair[1].number <= pair[0].number {
            report.push(format!("versions[{}].number", i + 1), "must rise");
        }
    }
    match unpack(&chain) {
        Err(problem) => report.push("versions".into(), problem),
        Ok(maps) => {
            for (i, (version, old)) in chain.iter().zip(&maps).enumerate() {
                report.name(format!("versions[{i}].name"), &version.name);
                if !old.versions.is_empty() {
                    report.push(format!("versions[{i}]"), "holds versions of its own");
                }
                let problems = validate(old).into_iter().chain(limit_problems(old));
                for problem in problems {
                    report.push(format!("versions[{i}].{}", problem.path), problem.problem);
                }
            }
        }
    }
    report.errors
}

/// All problems in the map, in document order; empty when the map is valid.
pub fn validate(map: &JourneyMap) -> Vec<ValidationError> {
    let mut report = Report { errors: Vec::new() };
    if !is_valid_map_id(&map.id) {
        report.push("id".into(), "must be 1 to 64 letters, digits, '-' or '_'");
    }
    if map.as_is.as_deref().is_some_and(|id| !is_valid_map_id(id)) {
        report.push(
            "as_is".into(),
            "must be 1 to 64 letters, digits, '-' or '_'",
        );
    }
    report.name("name".into(), &map.name);

    // Every stored map is validated as it opens, so the set is sized once and a path is only
    // formatted for an id that is used twice.
    let ids = map.stages.len() + map.lanes.len() + map.personas.len() + map.cards.len();
    let mut seen: HashSet<Id> = HashSet::with_capacity(ids);
    let mut unique = |report: &mut Report, path: &dyn Fn() -> String, id: Id| {
        if !seen.insert(id) {
            report.push(path(), format!("id {id} is used twice"));
        }
    };

    for (i, stage) in map.stages.iter().enumerate() {
        unique(&mut report, &|| format!("stages[{i}].id"), stage.id);
        report.name(format!("stages[{i}].name"), &stage.name);
        if !stage.weight.is_valid() {
            report.push(
                format!("stages[{i}].weight"),
                "a weight is a number of 0 or more",
            );
        }
    }
    let mut feelings_lanes = 0;
    for (i, lane) in map.lanes.iter().enumerate() {
        unique(&mut report, &|| format!("lanes[{i}].id"), lane.id);
        report.name(format!("lanes[{i}].title"), &lane.title);
        if lane.kind == LaneKind::Feelings {
            feelings_lanes += 1;
            if feelings_lanes == 2 {
                report.push(format!("lanes[{i}].kind"), "a second feelings lane");
            }
        }
    }
    if map.personas.is_empty() {
        report.push("personas".into(), "at least one persona is needed");
    }
    for (i, persona) in map.personas.iter().enumerate() {
        unique(&mut report, &|| format!("personas[{i}].id"), persona.id);
        report.name(format!("personas[{i}].name"), &persona.name);
        let mut stages_seen = HashSet::new();
        for (j, point) in persona.emotions.iter().enumerate() {
            let path = format!("personas[{i}].emotions[{j}]");
            if map.stage(point.stage).is_none() {
                report.push(
                    format!("{path}.stage"),
                    format!("no stage has id {}", point.stage),
                );
            }
            if !stages_seen.insert(point.stage) {
                report.push(
                    format!("{path}.stage"),
                    "a second emotion for the same stage",
                );
            }
            if !(EMOTION_MIN..=EMOTION_MAX).contains(&point.value) {
                report.push(
                    format!("{path}.value"),
                    format!("{} is outside {EMOTION_MIN}..{EMOTION_MAX}", point.value),
                );
            }
        }
    }
    for (i, card) in map.cards.iter().enumerate() {
        unique(&mut report, &|| format!("cards[{i}].id"), card.id);
        match map.lane(card.lane) {
            None => report.push(
                format!("cards[{i}].lane"),
                format!("no lane has id {}", card.lane),
            ),
            Some(lane) if !lane.kind.holds_cards() => report.push(
                format!("cards[{i}].lane"),
                "the feelings lane holds no cards",
            ),
            Some(_) => {}
        }
        if map.stage(card.stage).is_none() {
            report.push(
                format!("cards[{i}].stage"),
                format!("no stage has id {}", card.stage),
            );
        }
    }
    for (i, card) in map.cards.iter().enumerate() {
        let Some(measure) = card.measure else {
            continue;
        };
        if let Some(problem) = measure.metric.problem() {
            report.push(format!("cards[{i}].measure.metric"), problem);
        }
        if !measure.weight.is_valid() {
            report.push(
                format!("cards[{i}].measure.weight"),
                "a weight is a number of 0 or more",
            );
        }
        if measure.target.is_some_and(|t| t > TARGET_MAX) {
            report.push(
                format!("cards[{i}].measure.target"),
                format!("a target is a score from 0 to {TARGET_MAX}"),
            );
        }
    }
    validate_scoring(map, &mut report);
    report.errors.extend(limit_problems(map));
    report.errors
}

fn validate_scoring(map: &JourneyMap, report: &mut Report) {
    let scoring = &map.scoring;
    if scoring.alert_below > 100 {
        report.push(
            "scoring.alert_below".into(),
            "the alert threshold is between 0 and 100",
        );
    }
    for (i, e) in scoring.evidence.iter().enumerate() {
        let path = format!("scoring.evidence[{i}]");
        match map.card(e.card).and_then(|c| c.measure) {
            None => report.push(
                format!("{path}.card"),
                format!("no measured card has id {}", e.card),
            ),
            Some(m) => {
                let scale = m.metric.empty_histogram();
                if e.answers.min != scale.min || e.answers.counts.len() != scale.counts.len() {
                    report.push(
                        format!("{path}.answers"),
                        format!(
                            "the answers are not on the card's {}–{} scale",
                            m.metric.min, m.metric.max
                        ),
                    );
                }
            }
        }
    }
    for (i, l) in scoring.loyalty.iter().enumerate() {
        let path = format!("scoring.loyalty[{i}]");
        if let Some(sums) = &l.at_import {
            let values = [sums.x, sums.y, sums.xx, sums.yy, sums.xy];
            if values.iter().any(|v| !v.is_finite()) {
                report.push(format!("{path}.at_import"), "not finite numbers");
            }
        }
        for (j, pattern) in l.patterns.iter().enumerate() {
            if let Some(problem) = pattern_problem(map, pattern) {
                report.push(format!("{path}.patterns[{j}]"), problem);
            }
        }
    }
    let numbers: usize = scoring
        .loyalty
        .iter()
        .flat_map(|l| &l.patterns)
        .map(|p| p.products.len() + 2 * p.sums.len())
        .sum();
    if numbers > MAX_LOYALTY_NUMBERS {
        report.push(
            "scoring.loyalty".into(),
            format!("more than {MAX_LOYALTY_NUMBERS} sums of respondents' answers"),
        );
    }
    for (i, link) in scoring
        .survey
        .iter()
        .flat_map(|s| &s.touchpoints)
        .enumerate()
    {
        if map.card(link.card).and_then(|c| c.measure).is_none() {
            report.push(
                format!("scoring.survey.touchpoints[{i}].card"),
                format!("no measured card has id {}", link.card),
            );
        }
    }
    for (i, link) in scoring.survey.iter().flat_map(|s| &s.personas).enumerate() {
        if map.persona(link.persona).is_none() {
            report.push(
                format!("scoring.survey.personas[{i}].persona"),
                format!("no persona has id {}", link.persona),
            );
        }
    }
}

/// What is wrong with one group of respondents' sums, if anything.
fn pattern_problem(map: &JourneyMap, pattern: &AnswerPattern) -> Option<String> {
    let p = pattern.cards.len();
    if p == 0 || pattern.n == 0 {
        return Some("an answer pattern needs at least one card and one respondent".into());
    }
    if pattern.cards.windows(2).any(|w| w[0] >= w[1]) {
        return Some("the cards are not in ascending order, each once".into());
    }
    if let Some(card) = pattern
        .cards
        .iter()
        .find(|c| map.card(**c).and_then(|c| c.measure).is_none())
    {
        return Some(format!("no measured card has id {card}"));
    }
    if pattern.sums.len() != p
        || pattern.with_loyalty.len() != p
        || pattern.products.len() != p * (p + 1) / 2
    {
        return Some(format!("the sums do not fit {p} cards"));
    }
    let values = pattern
        .sums
        .iter()
        .chain(&pattern.products)
        .chain(&pattern.with_loyalty)
        .chain([&pattern.loyalty, &pattern.loyalty_squares]);
    values
        .into_iter()
        .any(|v| !v.is_finite())
        .then(|| "not finite numbers".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, EmotionPoint, Lane, Stage, Weight};

    fn valid() -> JourneyMap {
        let mut map = JourneyMap::empty("map-1".into(), "Checkout".into(), 0);
        map.stages.push(Stage {
            id: 2,
            name: "Buy".into(),
            description: None,
            weight: Weight::default(),
        });
        map.lanes.push(Lane {
            id: 3,
            kind: LaneKind::Actions,
            title: "Actions".into(),
        });
        map.lanes.push(Lane {
            id: 4,
            kind: LaneKind::Feelings,
            title: "Feelings".into(),
        });
        map.cards.push(Card {
            id: 5,
            lane: 3,
            stage: 2,
            text: "Pays".into(),
            note: None,
            channel: None,
            measure: None,
        });
        map.personas[0]
            .emotions
            .push(EmotionPoint { stage: 2, value: 1 });
        map
    }

    fn messages(map: &JourneyMap) -> Vec<String> {
        validate(map).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_whole_map_has_no_errors() {
        assert!(validate(&valid()).is_empty());
    }

    #[test]
    fn errors_name_the_path() {
        let mut map = valid();
        map.stages[0].name = " ".into();
        map.cards[0].stage = 42;
        map.personas[0].emotions[0].value = 5;
        assert_eq!(
            messages(&map),
            [
                "stages[0].name: empty",
                "personas[0].emotions[0].value: 5 is outside -2..2",
                "cards[0].stage: no stage has id 42",
            ]
        );
    }

    #[test]
    fn ids_must_be_unique_across_kinds() {
        let mut map = valid();
        map.cards[0].id = 2;
        assert_eq!(messages(&map), ["cards[0].id: id 2 is used twice"]);
    }

    #[test]
    fn cards_cannot_sit_in_the_feelings_lane() {
        let mut map = valid();
        map.cards[0].lane = 4;
        assert_eq!(
            messages(&map),
            ["cards[0].lane: the feelings lane holds no cards"]
        );
    }

    #[test]
    fn a_map_needs_a_persona_and_a_safe_id() {
        let mut map = valid();
        map.personas.clear();
        map.id = "../x".into();
        assert_eq!(
            messages(&map),
            [
                "id: must be 1 to 64 letters, digits, '-' or '_'",
                "personas: at least one persona is needed",
            ]
        );
    }

    #[test]
    fn one_feelings_lane_and_one_emotion_per_stage() {
        let mut map = valid();
        map.lanes.push(Lane {
            id: 9,
            kind: LaneKind::Feelings,
            title: "More".into(),
        });
        map.personas[0]
            .emotions
            .push(EmotionPoint { stage: 2, value: 0 });
        assert_eq!(
            messages(&map),
            [
                "lanes[2].kind: a second feelings lane",
                "personas[0].emotions[1].stage: a second emotion for the same stage",
            ]
        );
    }

    #[test]
    fn size_limits_are_named() {
        let mut map = valid();
        map.cards[0].text = "x".repeat(MAX_TEXT + 1);
        map.name = "n".repeat(MAX_NAME + 1);
        assert_eq!(
            messages(&map),
            [
                format!("name: {} characters; at most {MAX_NAME}", MAX_NAME + 1),
                format!(
                    "cards[0].text: {} characters; at most {MAX_TEXT}",
                    MAX_TEXT + 1
                ),
            ]
        );
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let mut map = valid();
        map.name = "é".repeat(MAX_NAME);
        assert!(limit_problems(&map).is_empty());
        map.name.push('é');
        assert_eq!(
            messages(&map),
            [format!(
                "name: {} characters; at most {MAX_NAME}",
                MAX_NAME + 1
            )]
        );
    }
}
