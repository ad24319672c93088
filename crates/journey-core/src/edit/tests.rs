//! The edits, one concern at a time, with hand-made maps.

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
        target: None,
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
        target: None,
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
        target: None,
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
        target: None,
    };
    assert!(matches!(
        map.apply(&Edit::SetMeasure {
            card: 7,
            measure: Some(broken)
        }),
        Err(EditError::BadMetric(_))
    ));
}
