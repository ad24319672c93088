//! Mermaid `journey` diagrams, so a map can live in Markdown and Git: sections are stages, tasks
//! are the touchpoint cards (the action cards when a map has no touchpoints), actors are the
//! personas, and a task's 1–5 score is the stage's feeling (−2…+2) plus three.

use crate::edit::Edit;
use crate::model::{EmotionPoint, Id, JourneyMap, LaneKind, Millis, EMOTION_MAX, EMOTION_MIN};
use crate::validate::validate;

/// Mermaid reads `:` as a field separator and a line end as the end of a task.
fn clean(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(':', " -")
        .replace('#', "")
}

fn task_lane(map: &JourneyMap) -> Option<Id> {
    [LaneKind::Touchpoints, LaneKind::Actions]
        .iter()
        .find_map(|kind| {
            map.lanes
                .iter()
                .find(|l| l.kind == *kind && map.cards.iter().any(|c| c.lane == l.id))
        })
        .map(|l| l.id)
}

/// The mean feeling of the personas who have one at a stage, as a Mermaid score (1–5).
fn stage_score(map: &JourneyMap, stage: Id) -> i8 {
    let feelings: Vec<i8> = map
        .personas
        .iter()
        .filter_map(|p| p.emotion_at(stage))
        .collect();
    if feelings.is_empty() {
        return 3;
    }
    let mean = feelings.iter().map(|&f| f64::from(f)).sum::<f64>() / feelings.len() as f64;
    (mean.round() as i8).clamp(EMOTION_MIN, EMOTION_MAX) + 3
}

pub fn to_mermaid(map: &JourneyMap) -> String {
    let mut out = format!("journey\n    title {}\n", clean(&map.name));
    let lane = task_lane(map);
    for stage in &map.stages {
        out.push_str(&format!("    section {}\n", clean(&stage.name)));
        let score = stage_score(map, stage.id);
        let actors: Vec<String> = map
            .personas
            .iter()
            .filter(|p| p.emotion_at(stage.id).is_some())
            .map(|p| clean(&p.name).replace(',', " "))
            .collect();
        let actors = if actors.is_empty() {
            vec![clean(&map.personas[0].name).replace(',', " ")]
        } else {
            actors
        };
        let tasks: Vec<String> = lane
            .map(|lane| {
                map.cards_in(lane, stage.id)
                    .map(|c| clean(&c.text))
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        // A section without tasks still carries its feeling on a placeholder task.
        let tasks = if tasks.is_empty() {
            vec![clean(&stage.name)]
        } else {
            tasks
        };
        for task in tasks {
            out.push_str(&format!("      {task}: {score}: {}\n", actors.join(", ")));
        }
    }
    out
}

/// What is wrong with a Mermaid text, with its line number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MermaidError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for MermaidError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

struct Task {
    text: String,
    score: i8,
    actors: Vec<String>,
}

/// A new map from a Mermaid `journey` diagram, with the id and time the caller chose.
pub fn from_mermaid(text: &str, id: String, now: Millis) -> Result<JourneyMap, MermaidError> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with("%%"));
    match lines.next() {
        Some((_, "journey")) => {}
        Some((line, _)) => {
            return Err(MermaidError {
                line,
                message: "a Mermaid journey starts with `journey`".into(),
            })
        }
        None => {
            return Err(MermaidError {
                line: 1,
                message: "the text is empty".into(),
            })
        }
    }
    let mut title = String::from("Imported journey");
    let mut sections: Vec<(String, Vec<Task>)> = Vec::new();
    for (line, content) in lines {
        if let Some(rest) = content.strip_prefix("title ") {
            title = rest.trim().to_string();
        } else if let Some(rest) = content.strip_prefix("section ") {
            sections.push((rest.trim().to_string(), Vec::new()));
        } else {
            let parts: Vec<&str> = content.splitn(3, ':').map(str::trim).collect();
            let score = parts
                .get(1)
                .and_then(|s| s.parse::<i8>().ok())
                .filter(|s| (1..=5).contains(s));
            let (Some(task), Some(score)) = (parts.first().filter(|t| !t.is_empty()), score) else {
                return Err(MermaidError {
                    line,
                    message: format!("expected `task: score 1–5: actors`, found “{content}”"),
                });
            };
            let actors = parts
                .get(2)
                .map(|a| {
                    a.split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            let Some((_, tasks)) = sections.last_mut() else {
                return Err(MermaidError {
                    line,
                    message: "a task comes before any section".into(),
                });
            };
            tasks.push(Task {
                text: task.to_string(),
                score,
                actors,
            });
        }
    }
    let mut map = JourneyMap::empty(id, title.clone(), now);
    let checked = |map: &mut JourneyMap, edit: Edit| {
        map.apply(&edit).map_err(|e| MermaidError {
            line: 0,
            message: e.to_string(),
        })
    };
    if title.trim().is_empty() {
        checked(&mut map, Edit::RenameMap("Imported journey".into()))?;
    }
    checked(
        &mut map,
        Edit::AddLane {
            kind: LaneKind::Touchpoints,
            title: String::new(),
        },
    )?;
    checked(
        &mut map,
        Edit::AddLane {
            kind: LaneKind::Feelings,
            title: String::new(),
        },
    )?;
    let lane = map.lanes[0].id;
    let mut actors: Vec<String> = sections
        .iter()
        .flat_map(|(_, t)| t.iter().flat_map(|t| t.actors.clone()))
        .collect();
    let mut seen = Vec::new();
    actors.retain(|a| {
        if seen.contains(a) {
            false
        } else {
            seen.push(a.clone());
            true
        }
    });
    if let Some(first) = actors.first() {
        map.personas[0].name = first.clone();
        for name in &actors[1..] {
            checked(&mut map, Edit::AddPersona { name: name.clone() })?;
        }
    }
    for (name, tasks) in &sections {
        let stage_name = if name.is_empty() {
            "Stage".to_string()
        } else {
            name.clone()
        };
        checked(&mut map, Edit::AddStage { name: stage_name })?;
        let stage = map.stages.last().map_or(0, |s| s.id);
        for task in tasks.iter().filter(|t| t.text != *name || tasks.len() > 1) {
            checked(
                &mut map,
                Edit::AddCard {
                    lane,
                    stage,
                    text: task.text.clone(),
                },
            )?;
        }
        for persona in map.personas.clone() {
            let scores: Vec<f64> = tasks
                .iter()
                .filter(|t| t.actors.is_empty() || t.actors.contains(&persona.name))
                .map(|t| f64::from(t.score))
                .collect();
            if !scores.is_empty() {
                let mean = scores.iter().sum::<f64>() / scores.len() as f64;
                let value = (mean.round() as i8 - 3).clamp(EMOTION_MIN, EMOTION_MAX);
                let at = map
                    .personas
                    .iter()
                    .position(|p| p.id == persona.id)
                    .unwrap_or(0);
                map.personas[at]
                    .emotions
                    .push(EmotionPoint { stage, value });
            }
        }
    }
    match validate(&map).first() {
        None => Ok(map),
        Some(problem) => Err(MermaidError {
            line: 0,
            message: problem.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Template;

    #[test]
    fn the_ecommerce_example_as_mermaid() {
        let text = to_mermaid(&Template::Ecommerce.build("m".into(), 0));
        let lines: Vec<&str> = text.lines().take(5).collect();
        assert_eq!(
            lines,
            [
                "journey",
                "    title Online clothing purchase",
                "    section Discover",
                "      Sponsored post in a social feed: 4: Busy online shopper",
                "    section Visit the store",
            ]
        );
        assert!(text.contains("    section Buy\n      Checkout: 2: Busy online shopper\n"));
    }

    #[test]
    fn a_mermaid_journey_reads_into_a_map() {
        let text = "journey\n  title Onboarding\n  section Sign up\n    Fill the form: 2: Ana, Ben\n    Confirm email: 4: Ana\n  section First use\n    Tour: 5: Ben\n";
        let map = from_mermaid(text, "x".into(), 7).unwrap();
        assert_eq!(map.name, "Onboarding");
        let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(stages, ["Sign up", "First use"]);
        let cards: Vec<&str> = map.cards.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(cards, ["Fill the form", "Confirm email", "Tour"]);
        let ana = &map.personas[0];
        assert_eq!(ana.name, "Ana");
        // Ana: (2 + 4) / 2 = 3 → 0; Ben: 2 → −1 in Sign up, 5 → +2 in First use
        assert_eq!(ana.emotion_at(map.stages[0].id), Some(0));
        assert_eq!(map.personas[1].emotion_at(map.stages[0].id), Some(-1));
        assert_eq!(map.personas[1].emotion_at(map.stages[1].id), Some(2));
        assert_eq!(ana.emotion_at(map.stages[1].id), None);
    }

    #[test]
    fn broken_mermaid_says_which_line() {
        assert_eq!(
            from_mermaid("graph TD", "x".into(), 0)
                .unwrap_err()
                .to_string(),
            "line 1: a Mermaid journey starts with `journey`"
        );
        let err =
            from_mermaid("journey\n  section A\n  Task: nine: Me\n", "x".into(), 0).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 3: expected `task: score 1–5: actors`, found “Task: nine: Me”"
        );
        let err = from_mermaid("journey\n  Task: 3: Me\n", "x".into(), 0).unwrap_err();
        assert_eq!(err.line, 2);
    }
}
