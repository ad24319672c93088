use super::*;
use crate::model::evidence::{Evidence, Histogram};
use crate::model::metric::Metric;
use crate::model::{Measure, Weight};
use crate::{Edit, Template};

fn measure(target: Option<u8>) -> Option<Measure> {
    Some(Measure {
        metric: Metric::mean(1, 5),
        weight: Weight::default(),
        target,
    })
}

fn add(map: &mut JourneyMap, lane: Id, stage: Id, text: &str) -> Id {
    map.apply(&Edit::AddCard {
        lane,
        stage,
        text: text.into(),
    })
    .unwrap();
    map.cards.last().unwrap().id
}

/// Two stages of the blank template, each with a measured touchpoint (answered 4, 4 on 1–5:
/// 75; and 2, 2: 25) and a pain point. Journey score (75 + 25) / 2 = 50.
fn as_is() -> (JourneyMap, [Id; 4]) {
    let mut map = JourneyMap::empty("asis".into(), "Checkout".into(), 0);
    for name in ["Find", "Pay"] {
        map.apply(&Edit::AddStage { name: name.into() }).unwrap();
    }
    for kind in [LaneKind::Touchpoints, LaneKind::PainPoints] {
        let title = kind.default_title().into();
        map.apply(&Edit::AddLane { kind, title }).unwrap();
    }
    let (find, pay) = (map.stages[0].id, map.stages[1].id);
    let (touch, pain) = (map.lanes[0].id, map.lanes[1].id);
    let search = add(&mut map, touch, find, "Search");
    let checkout = add(&mut map, touch, pay, "Checkout");
    let lost = add(&mut map, pain, find, "Hard to find");
    let slow = add(&mut map, pain, pay, "Slow checkout");
    for card in [search, checkout] {
        map.apply(&Edit::SetMeasure {
            card,
            measure: measure(None),
        })
        .unwrap();
    }
    let answers = |card, value| Evidence {
        card,
        period: None,
        segment: None,
        answers: Histogram::from_values(1, 5, [value, value]),
    };
    map.apply(&Edit::AddEvidence {
        evidence: vec![answers(search, 4), answers(checkout, 2)],
        loyalty: vec![],
        replace: true,
        survey: None,
    })
    .unwrap();
    (map, [search, checkout, lost, slow])
}

/// The to-be: "Hard to find" gone, a measured "One-click pay" added with a target of 80, and
/// checkout's target 60.
fn to_be(as_is: &JourneyMap) -> (JourneyMap, Id) {
    let mut map = plan_to_be(as_is, "tobe".into(), 10);
    let [_, checkout, lost, _] = [3, 4, 5, 6].map(|n| map.cards[n - 3].id);
    map.apply(&Edit::DeleteCard { card: lost }).unwrap();
    let (touch, pay) = (map.lanes[0].id, map.stages[1].id);
    let one_click = add(&mut map, touch, pay, "One-click pay");
    map.apply(&Edit::SetMeasure {
        card: one_click,
        measure: measure(Some(80)),
    })
    .unwrap();
    map.apply(&Edit::SetMeasure {
        card: checkout,
        measure: measure(Some(60)),
    })
    .unwrap();
    assert_eq!(
        map.clone().apply(&Edit::SetMeasure {
            card: checkout,
            measure: measure(Some(101)),
        }),
        Err(crate::EditError::TargetOutOfRange)
    );
    (map, one_click)
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn a_to_be_is_a_linked_copy_without_the_versions() {
    let (mut as_is, _) = as_is();
    as_is
        .apply(&Edit::SaveVersion {
            name: "v".into(),
            saved: 1,
        })
        .unwrap();
    let to_be = plan_to_be(&as_is, "tobe".into(), 10);
    assert_eq!(to_be.as_is.as_deref(), Some("asis"));
    assert_eq!(to_be.name, "Checkout (to-be)");
    assert_eq!((to_be.created, to_be.updated), (10, 10));
    assert!(to_be.versions.is_empty());
    assert_eq!(
        (&to_be.cards, &to_be.scoring),
        (&as_is.cards, &as_is.scoring)
    );
    assert!(crate::validate(&to_be).is_empty());
}

#[test]
fn the_projection_applies_every_target_and_each_alone() {
    let (as_is, [_, checkout, ..]) = as_is();
    let (to_be, one_click) = to_be(&as_is);
    let p = projection(&as_is, &to_be);
    assert!(close(p.as_is, 50.0));
    // Without targets the new touchpoint has no answers and counts for nothing.
    assert!(close(p.to_be, 50.0));
    // Pay scores (60 + 80) / 2 = 70 with both targets: (75 + 70) / 2.
    assert!(close(p.projected, 72.5));
    // Checkout alone at 60: (75 + 60) / 2 = 67.5. One-click alone: (75 + (25 + 80) / 2) / 2.
    let gains: Vec<(Id, Option<f64>)> = p.gains.iter().map(|g| (g.card, g.gain)).collect();
    assert_eq!(gains.len(), 2);
    assert_eq!((gains[0].0, gains[1].0), (checkout, one_click));
    assert!(close(gains[0].1, 17.5) && close(gains[1].1, 13.75));
    assert!(close(p.gains[0].now, 25.0));
    assert_eq!((p.gains[1].now, p.gains[1].target), (None, 80.0));
}

#[test]
fn answers_on_another_scale_do_not_count_for_the_to_be() {
    let (as_is, [search, ..]) = as_is();
    let mut to_be = plan_to_be(&as_is, "tobe".into(), 10);
    to_be.scoring = Default::default();
    let nps = Measure {
        metric: Metric::nps(),
        weight: Weight::default(),
        target: None,
    };
    to_be
        .apply(&Edit::SetMeasure {
            card: search,
            measure: Some(nps),
        })
        .unwrap();
    // Only checkout (25) is left on its own scale.
    assert!(close(projection(&as_is, &to_be).to_be, 25.0));
}

#[test]
fn the_summary_counts_touchpoints_and_pain_points() {
    let (as_is, [search, checkout, lost, _]) = as_is();
    let (mut to_be, one_click) = to_be(&as_is);
    to_be.apply(&Edit::DeleteCard { card: search }).unwrap();
    let s = summary(&as_is, &to_be);
    let plans: Vec<(Id, CardPlan)> = s.touchpoints.iter().map(|t| (t.card, t.plan)).collect();
    assert_eq!(
        plans,
        [
            (checkout, CardPlan::Changed),
            (one_click, CardPlan::Added),
            (search, CardPlan::Removed)
        ]
    );
    assert_eq!(s.pain_points_addressed.len(), 1);
    assert_eq!(s.pain_points_addressed[0].card, lost);
    assert_eq!(s.pain_points_addressed[0].stage, "Find");
    assert_eq!((s.pain_points_kept, s.pain_points_new), (1, 0));
    assert_eq!(
        s.line(),
        "1 touchpoint added, 1 removed, 1 changed; 1 of 2 pain points addressed"
    );
}

#[test]
fn a_map_against_its_own_copy_changes_nothing() {
    let (as_is, _) = as_is();
    let to_be = plan_to_be(&as_is, "tobe".into(), 10);
    let s = summary(&as_is, &to_be);
    assert!(s.touchpoints.is_empty() && s.pain_points_addressed.is_empty());
    assert!(card_plans(&as_is, &to_be)
        .values()
        .all(|p| *p == CardPlan::Same));
    let p = projection(&as_is, &to_be);
    assert_eq!(
        (p.as_is, p.to_be, p.projected),
        (p.to_be, p.projected, p.as_is)
    );
    assert!(p.gains.is_empty());
}

fn named(list: &[(Id, &str)]) -> Vec<(Id, String)> {
    list.iter().map(|(id, n)| (*id, n.to_string())).collect()
}

fn sides(pairs: &[Pair]) -> Vec<(Option<Id>, Option<Id>)> {
    pairs.iter().map(|p| (p.as_is, p.to_be)).collect()
}

#[test]
fn stages_line_up_by_id_with_gaps_where_one_side_lacks_one() {
    // As-is 1 2 3 4; the to-be drops 2, adds 9 after 1, moves 4 before 3 and adds 8 at the end.
    let older = named(&[(1, "a"), (2, "b"), (3, "c"), (4, "d")]);
    let newer = named(&[(1, "a"), (9, "new"), (4, "d"), (3, "c"), (8, "end")]);
    let out = pairs(&borrowed(&older), &borrowed(&newer));
    assert_eq!(
        sides(&out),
        [
            (Some(1), Some(1)),
            (Some(2), None),
            (None, Some(9)),
            (Some(4), Some(4)),
            (Some(3), Some(3)),
            (None, Some(8)),
        ]
    );
    assert_eq!(out[1].name, "b");
}

#[test]
fn stages_removed_at_the_end_come_last() {
    let older = named(&[(1, "a"), (2, "b"), (3, "c")]);
    let newer = named(&[(2, "b")]);
    let out = pairs(&borrowed(&older), &borrowed(&newer));
    assert_eq!(
        sides(&out),
        [(Some(1), None), (Some(2), Some(2)), (Some(3), None)]
    );
}

#[test]
fn the_template_pair_matches_every_stage_and_lane() {
    let as_is = Template::Ecommerce.build("e".into(), 0);
    let to_be = plan_to_be(&as_is, "t".into(), 1);
    let stages = stage_pairs(&as_is, &to_be);
    assert_eq!(stages.len(), as_is.stages.len());
    assert!(stages
        .iter()
        .all(|p| p.as_is.is_some() && p.as_is == p.to_be));
    let lanes = lane_pairs(&as_is, &to_be);
    assert!(lanes.iter().all(|p| p.as_is == p.to_be));
    assert_eq!(
        lanes.len(),
        as_is.lanes.iter().filter(|l| l.kind.holds_cards()).count()
    );
}

proptest::proptest! {
    /// Whatever the to-be keeps, drops, adds or reorders, every stage of each side shows once,
    /// the to-be's in its own order.
    #[test]
    fn every_stage_of_both_sides_shows_once_in_its_order(
        older in proptest::sample::subsequence((1..20u32).collect::<Vec<_>>(), 0..19),
        newer in proptest::collection::vec(1..30u32, 0..20),
    ) {
        let mut newer_ids: Vec<Id> = Vec::new();
        for id in newer {
            if !newer_ids.contains(&id) {
                newer_ids.push(id);
            }
        }
        let old: Vec<(Id, String)> = older.iter().map(|id| (*id, id.to_string())).collect();
        let new: Vec<(Id, String)> = newer_ids.iter().map(|id| (*id, id.to_string())).collect();
        let out = pairs(&borrowed(&old), &borrowed(&new));
        let left: Vec<Id> = out.iter().filter_map(|p| p.as_is).collect();
        let right: Vec<Id> = out.iter().filter_map(|p| p.to_be).collect();
        proptest::prop_assert_eq!(&right, &newer_ids);
        let mut sorted = left.clone();
        sorted.sort_unstable();
        proptest::prop_assert_eq!(&sorted, &older);
        for pair in &out {
            proptest::prop_assert!(pair.as_is.is_none() || pair.to_be.is_none() || pair.as_is == pair.to_be);
        }
    }
}
