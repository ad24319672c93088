//! Invariants of the score for any answers and weights.

use std::collections::HashMap;

use journey_core::score::{Histogram, Metric, MetricKind, Plan, PlanStage, PlanTouchpoint};
use proptest::prelude::*;

fn metric() -> impl Strategy<Value = Metric> {
    prop_oneof![
        (1i32..3, 3i32..8, any::<bool>()).prop_map(|(min, span, up)| Metric {
            kind: MetricKind::Mean,
            min,
            max: min + span,
            higher_is_better: up,
            threshold: None,
        }),
        (1i32..3, 3i32..8, any::<bool>()).prop_map(|(min, span, up)| Metric {
            kind: MetricKind::TopBox,
            min,
            max: min + span,
            higher_is_better: up,
            threshold: None,
        }),
        Just(Metric::nps()),
    ]
}

/// A metric with answers on its scale (offsets into the scale, so any metric gets valid ones).
fn measured() -> impl Strategy<Value = (Metric, Vec<i32>)> {
    (metric(), prop::collection::vec(0i32..=10, 0..30)).prop_map(|(m, offsets)| {
        let span = m.max - m.min;
        (
            m,
            offsets
                .into_iter()
                .map(|o| m.min + o % (span + 1))
                .collect(),
        )
    })
}

/// A journey of up to four stages with up to three measured touchpoints each.
fn journey() -> impl Strategy<Value = (Plan, HashMap<u32, Histogram>)> {
    let touchpoint = (measured(), 0.0f64..3.0);
    let stage = (prop::collection::vec(touchpoint, 1..4), 0.0f64..3.0);
    prop::collection::vec(stage, 1..5).prop_map(|stages| {
        let mut answers = HashMap::new();
        let mut plan = Plan::default();
        for (i, (touchpoints, weight)) in stages.into_iter().enumerate() {
            let mut measured = Vec::new();
            for (j, ((metric, values), w)) in touchpoints.into_iter().enumerate() {
                let card = (i * 10 + j) as u32;
                answers.insert(card, Histogram::from_values(metric.min, metric.max, values));
                measured.push(PlanTouchpoint {
                    card,
                    weight: w,
                    metric,
                });
            }
            plan.stages.push(PlanStage {
                id: 100 + i as u32,
                weight,
                touchpoints: measured,
            });
        }
        (plan, answers)
    })
}

fn in_range(x: f64) -> bool {
    (-1e-9..=100.0 + 1e-9).contains(&x)
}

proptest! {
    #[test]
    fn every_score_and_interval_is_within_0_and_100((plan, answers) in journey()) {
        let scores = plan.score(&answers);
        for t in &scores.touchpoints {
            if let Some(e) = t.estimate { prop_assert!(in_range(e.score)); }
            if let Some((lo, hi)) = t.ci { prop_assert!(in_range(lo) && in_range(hi) && lo <= hi); }
        }
        for s in &scores.stages {
            if let Some(x) = s.score { prop_assert!(in_range(x)); }
        }
        if let Some(j) = &scores.journey {
            prop_assert!(in_range(j.score));
            if let Some((lo, hi)) = j.ci { prop_assert!(in_range(lo) && in_range(hi)); }
        }
        for (_, gain) in &scores.gains { prop_assert!(*gain >= -1e-9 && *gain <= 100.0 + 1e-9); }
    }

    #[test]
    fn a_better_answer_never_lowers_a_score((metric, values) in measured(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!values.is_empty());
        let at = pick.index(values.len());
        let step = if metric.higher_is_better { 1 } else { -1 };
        let better = values[at] + step;
        prop_assume!((metric.min..=metric.max).contains(&better));
        let mut improved = values.clone();
        improved[at] = better;
        let before = metric.score(&Histogram::from_values(metric.min, metric.max, values)).unwrap().score;
        let after = metric.score(&Histogram::from_values(metric.min, metric.max, improved)).unwrap().score;
        prop_assert!(after >= before - 1e-9, "{before} → {after}");
    }

    #[test]
    fn the_order_of_answers_changes_nothing((metric, values) in measured()) {
        let mut reversed = values.clone();
        reversed.reverse();
        let a = metric.score(&Histogram::from_values(metric.min, metric.max, values));
        let b = metric.score(&Histogram::from_values(metric.min, metric.max, reversed));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn scaling_every_weight_changes_nothing((plan, answers) in journey(), factor in 0.1f64..10.0) {
        let mut scaled = plan.clone();
        for stage in &mut scaled.stages {
            stage.weight *= factor;
            for t in &mut stage.touchpoints { t.weight *= factor; }
        }
        let (a, b) = (plan.score(&answers).journey, scaled.score(&answers).journey);
        prop_assert_eq!(a.is_some(), b.is_some());
        if let (Some(a), Some(b)) = (a, b) {
            prop_assert!((a.score - b.score).abs() < 1e-6);
            prop_assert_eq!(a.weakest_stage, b.weakest_stage);
        }
    }

    #[test]
    fn weight_zero_is_the_same_as_leaving_it_out((plan, answers) in journey(), pick in any::<prop::sample::Index>()) {
        let stage = pick.index(plan.stages.len());
        let mut zero = plan.clone();
        zero.stages[stage].touchpoints[0].weight = 0.0;
        let mut absent = plan.clone();
        absent.stages[stage].touchpoints.remove(0);
        let (a, b) = (zero.score(&answers).journey, absent.score(&answers).journey);
        prop_assert_eq!(a.map(|j| (j.score * 1e6).round()), b.map(|j| (j.score * 1e6).round()));
    }
}
