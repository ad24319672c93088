//! What saved versions cost in storage: twenty versions of a 2,000-card map, a few cards and a
//! feeling changed between each. The newest is kept whole and each older one as its difference
//! from the next, so the nineteen older versions together cost a small part of one map.

use journey_core::model::LaneKind;
use journey_core::{store, Edit, JourneyMap, Template};

/// 40 stages × 10 lanes × 5 cards, built by edits as in the benchmark.
fn big_map() -> JourneyMap {
    let mut map = Template::Blank.build("big".into(), 0);
    for s in 0..40 {
        map.apply(&Edit::AddStage {
            name: format!("Stage {}", s + 1),
        })
        .unwrap();
    }
    let kinds = LaneKind::ALL.into_iter().filter(|k| k.holds_cards());
    for kind in kinds.cycle().take(10) {
        map.apply(&Edit::AddLane {
            kind,
            title: kind.default_title().into(),
        })
        .unwrap();
    }
    let cells: Vec<_> = map
        .lanes
        .iter()
        .flat_map(|l| map.stages.iter().map(move |s| (l.id, s.id)))
        .collect();
    for (n, (lane, stage)) in cells.into_iter().enumerate() {
        for c in 0..5 {
            let text = format!("Card {n}-{c}: what the customer does and thinks here");
            map.apply(&Edit::AddCard { lane, stage, text }).unwrap();
        }
    }
    map
}

#[test]
fn twenty_versions_of_a_2000_card_map_cost_a_fraction_of_the_map() {
    let mut map = big_map();
    assert_eq!(map.cards.len(), 2_000);
    let persona = map.personas[0].id;
    for v in 0..20u32 {
        for k in 0..3 {
            let card = map.cards[(v as usize * 97 + k * 13) % 2_000].id;
            map.apply(&Edit::EditCard {
                card,
                text: format!("Changed in round {v}"),
                note: String::new(),
                channel: None,
            })
            .unwrap();
        }
        let stage = map.stages[v as usize % 40].id;
        map.apply(&Edit::SetEmotion {
            persona,
            stage,
            value: Some((v % 5) as i8 - 2),
        })
        .unwrap();
        map.apply(&Edit::SaveVersion {
            name: format!("Round {v}"),
            saved: i64::from(v) * 1_000,
        })
        .unwrap();
    }
    assert_eq!(map.versions.read().map(|v| v.len()), Ok(20));
    let alone = store::encode(&map.snapshot(), 1).len();
    let with_versions = store::encode(&map, 1).len();
    // The newest version is the map as it is now, so it costs what the map does.
    let older = with_versions.saturating_sub(2 * alone);
    println!(
        "2,000-card map stored: {alone} B alone, {with_versions} B with 20 versions: the newest \
         whole, the 19 older ones {older} B, {} B each",
        older / 19
    );
    assert!(older < 19 * 2_000, "{older} B for 19 older versions");
}
