//! Key drivers and data-driven weights through the whole pipeline: a generated one-row-per-
//! respondent file imported into the eCommerce example, then drivers read, weights applied and
//! undone, a weight typed, a measure changed, and a map from before schema 4 read.

use std::rc::Rc;

use journey_core::model::{LaneKind, Measure};
use journey_core::score::{Metric, Slice};
use journey_core::survey::{import, ColumnLink, Layout, SurveyMapping};
use journey_core::{import_json, Edit, JourneyMap, Session, Template, Weight};

/// The first touchpoint card of each of the first three stages, measured on 1–5.
fn measured_map() -> (JourneyMap, [u32; 3]) {
    let mut map = Template::Ecommerce.build("drivers".into(), 1);
    let lane = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Touchpoints)
        .unwrap()
        .id;
    let cards: Vec<u32> = map
        .stages
        .iter()
        .take(3)
        .map(|s| {
            map.cards
                .iter()
                .find(|c| c.lane == lane && c.stage == s.id)
                .unwrap()
                .id
        })
        .collect();
    for card in &cards {
        map.apply(&Edit::SetMeasure {
            card: *card,
            measure: Some(Measure {
                metric: Metric::mean(1, 5),
                weight: Weight::default(),
                target: None,
            }),
        })
        .unwrap();
    }
    (map, [cards[0], cards[1], cards[2]])
}

/// 400 respondents. Loyalty (0–10) follows the first touchpoint closely, the second a little,
/// the third not at all; the first two move together somewhat. A fixed LCG keeps it repeatable.
fn survey() -> String {
    let mut seed = 12_345u64;
    let mut next = |range: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) % range
    };
    let mut out = String::from("delivery,site,emails,nps\n");
    for _ in 0..400 {
        let a = 1 + next(5);
        let b = (a + next(3)).clamp(1, 5);
        let c = 1 + next(5);
        let nps = (2 * a + b.div_ceil(2) + next(2)).min(10);
        out.push_str(&format!("{a},{b},{c},{nps}\n"));
    }
    out
}

fn imported() -> (JourneyMap, [u32; 3]) {
    let (mut map, cards) = measured_map();
    let mapping = SurveyMapping {
        layout: Some(Layout::Wide),
        loyalty_column: Some("nps".into()),
        touchpoints: ["delivery", "site", "emails"]
            .iter()
            .zip(cards)
            .map(|(column, card)| ColumnLink {
                column: column.to_string(),
                card,
            })
            .collect(),
        ..SurveyMapping::default()
    };
    let result = import(&survey(), &mapping, &map.plan()).unwrap();
    map.apply(&Edit::AddEvidence {
        evidence: result.evidence,
        loyalty: result.loyalty,
        replace: false,
        survey: Some(Box::new(mapping)),
    })
    .unwrap();
    (map, cards)
}

#[test]
fn the_touchpoint_loyalty_follows_leads_and_importances_sum_to_r_squared() {
    let (map, [delivery, site, emails]) = imported();
    let drivers = map
        .respondents(&Slice::default())
        .drivers(&map.plan())
        .unwrap();
    let order: Vec<u32> = drivers.drivers.iter().map(|d| d.card).collect();
    assert_eq!(order, [delivery, site, emails]);
    let total: f64 = drivers.drivers.iter().map(|d| d.importance).sum();
    assert!((total - drivers.r_squared).abs() < 1e-12);
    assert!(drivers.r_squared > 0.5 && drivers.r_squared < 1.0);
    let shares: f64 = drivers.drivers.iter().map(|d| d.share).sum();
    assert!((shares - 1.0).abs() < 1e-12);
    assert!(drivers.drivers.iter().all(|d| d.link.n == 400));
    assert!(drivers.drivers[2].link.r.abs() < 0.2);
}

#[test]
fn data_driven_weights_make_each_touchpoints_part_its_share_and_undo_in_one_step() {
    let (map, cards) = imported();
    let proposal = map
        .data_driven_weights(&Slice::default(), "2026-12-02".into())
        .unwrap();
    assert!(proposal.without_data.is_empty());
    let mut session = Session::new(Rc::new(map.clone()));
    assert!(session.apply(&proposal.edit, 5).unwrap());
    let weighed = session.map().clone();
    let source = weighed.scoring.weights_from.as_ref().unwrap();
    assert_eq!(
        (source.loyalty_question.as_str(), source.respondents),
        ("nps", 400)
    );
    let drivers = weighed
        .respondents(&Slice::default())
        .drivers(&weighed.plan())
        .unwrap();
    let scores = weighed.scores(&Slice::default());
    for d in &drivers.drivers {
        let part = scores.touchpoint(d.card).unwrap().share;
        // Weights are percentages with one decimal, so parts match shares to about 0.001.
        assert!((part - d.share).abs() < 0.002, "{part} vs {}", d.share);
    }
    assert_eq!(Some(scores.journey.unwrap().score), proposal.after);
    assert_ne!(proposal.before, proposal.after);
    // Undo brings back every typed weight and the typed source at once.
    assert!(session.undo());
    assert_eq!(**session.map(), map);
    assert!(cards
        .iter()
        .all(|c| map.card(*c).unwrap().measure.unwrap().weight == Weight::default()));
}

#[test]
fn the_loyalty_link_follows_a_weight_typed_afterwards_and_the_source_goes_back_to_typed() {
    let (mut map, [delivery, _, _]) = imported();
    let slice = Slice::default();
    let before = map.respondents(&slice).link(&map.plan()).link.unwrap();
    let proposal = map
        .data_driven_weights(&slice, "2026-12-02".into())
        .unwrap();
    map.apply(&proposal.edit).unwrap();
    // Weights from the data line the journey score up with loyalty better than equal ones.
    let weighed = map.respondents(&slice).link(&map.plan()).link.unwrap();
    assert!(weighed.r > before.r + 0.02, "{} vs {}", weighed.r, before.r);
    let stage = map.card(delivery).unwrap().stage;
    map.apply(&Edit::SetStageWeight {
        stage,
        weight: Weight(0.0),
    })
    .unwrap();
    assert_eq!(map.scoring.weights_from, None);
    let after = map.respondents(&slice).link(&map.plan());
    assert!(after.caveat().is_none());
    assert!((after.link.unwrap().r - weighed.r).abs() > 0.01);
}

#[test]
fn a_changed_measure_leaves_its_card_out_of_the_link_and_says_so() {
    let (mut map, [_, site, _]) = imported();
    map.apply(&Edit::SetMeasure {
        card: site,
        measure: Some(Measure {
            metric: Metric::top_box(1, 5, 4),
            weight: Weight::default(),
            target: None,
        }),
    })
    .unwrap();
    let report = map.respondents(&Slice::default()).link(&map.plan());
    assert_eq!(report.left_out, [site]);
    assert!(report.caveat().unwrap().contains("re-import"));
    assert!(report.link.is_some());
    assert!(map
        .scoring
        .loyalty
        .iter()
        .flat_map(|l| &l.patterns)
        .all(|p| !p.cards.contains(&site)));
}

#[test]
fn a_link_imported_before_schema_4_is_kept_and_marked() {
    let v3 = include_str!("fixtures/schema-v3.json").replacen(
        "\"low_sample\":30",
        "\"low_sample\":30,\"loyalty\":[{\"period\":\"2026-Q1\",\"sums\":{\"n\":12,\"x\":600.0,\"y\":96.0,\"xx\":32000.0,\"yy\":800.0,\"xy\":5000.0}}]",
        1,
    );
    assert_ne!(v3, include_str!("fixtures/schema-v3.json"));
    let map = import_json(&v3).unwrap();
    let report = map.respondents(&Slice::default()).link(&map.plan());
    assert!(report.at_import);
    assert_eq!(
        report.caveat(),
        Some("Computed with the weights at import; re-import the file to update it.")
    );
    // Sxy = 5000 − 600·96/12 = 200, Sxx = 32000 − 30000 = 2000, Syy = 800 − 768 = 32:
    // r = 200 / √64000 = 0.7906
    assert!((report.link.unwrap().r - 0.790_569).abs() < 1e-5);
    assert!(map
        .data_driven_weights(&Slice::default(), "2026-12-02".into())
        .is_none());
}
