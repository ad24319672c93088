//! The respondents' sums behind the loyalty link, for any answers and weights: they give the
//! same r as the rows they summarise, merge like the rows they come from, and grow with the
//! answer patterns, never with the respondents.

use journey_core::model::evidence::LoyaltyEvidence;
use journey_core::score::{gather_loyalty, Metric, MetricKind, Plan, PlanStage, PlanTouchpoint};
use journey_core::survey::{import, ColumnLink, Layout, SurveyMapping};
use proptest::prelude::*;

fn metric() -> impl Strategy<Value = Metric> {
    prop_oneof![
        (1i32..3, 3i32..7, any::<bool>()).prop_map(|(min, span, up)| Metric {
            kind: MetricKind::Mean,
            min,
            max: min + span,
            higher_is_better: up,
            threshold: None,
        }),
        (1i32..3, 3i32..7).prop_map(|(min, span)| Metric::top_box(min, min + span, min + span - 1)),
        Just(Metric::nps()),
    ]
}

/// Up to three stages of up to three touchpoints, with weights for the import and other
/// weights for later (a weight may be 0).
fn plans() -> impl Strategy<Value = (Plan, Plan)> {
    let touchpoint = (metric(), 0.0f64..3.0, 0.0f64..3.0);
    let stage = (
        prop::collection::vec(touchpoint, 1..4),
        0.0f64..3.0,
        0.0f64..3.0,
    );
    prop::collection::vec(stage, 1..4).prop_map(|stages| {
        let (mut before, mut after) = (Plan::default(), Plan::default());
        for (i, (touchpoints, w_before, w_after)) in stages.into_iter().enumerate() {
            let id = 100 + i as u32;
            let stage =
                |plan: &mut Plan, weight: f64, pick: &dyn Fn(&(Metric, f64, f64)) -> f64| {
                    plan.stages.push(PlanStage {
                        id,
                        weight,
                        touchpoints: touchpoints
                            .iter()
                            .enumerate()
                            .map(|(j, t)| PlanTouchpoint {
                                card: (10 * i + j) as u32 + 1,
                                weight: pick(t),
                                metric: t.0,
                            })
                            .collect(),
                    });
                };
            stage(&mut before, w_before, &|t| t.1);
            stage(&mut after, w_after, &|t| t.2);
        }
        (before, after)
    })
}

/// One respondent: an answer (or none) per touchpoint as an offset into its scale, and loyalty.
type Row = (Vec<Option<u8>>, u8);

fn rows() -> impl Strategy<Value = Vec<Row>> {
    let answer = prop_oneof![1 => Just(None), 3 => (0u8..11).prop_map(Some)];
    prop::collection::vec((prop::collection::vec(answer, 9), 0u8..11), 10..80)
}

/// Each respondent's answers as (card, value) on the plan's scales.
fn answers(plan: &Plan, row: &Row) -> Vec<(u32, i32)> {
    plan.touchpoints()
        .zip(&row.0)
        .filter_map(|(t, a)| {
            let span = t.metric.max - t.metric.min + 1;
            a.map(|a| (t.card, t.metric.min + i32::from(a) % span))
        })
        .collect()
}

/// The rows as a one-row-per-respondent file, a blank for each unanswered touchpoint.
fn csv(plan: &Plan, rows: &[Row]) -> String {
    let cards: Vec<u32> = plan.touchpoints().map(|t| t.card).collect();
    let mut out: String = cards.iter().map(|c| format!("t{c},")).collect();
    out.push_str("loyalty\n");
    for row in rows {
        let given = answers(plan, row);
        for card in &cards {
            if let Some((_, v)) = given.iter().find(|(c, _)| c == card) {
                out.push_str(&v.to_string());
            }
            out.push(',');
        }
        out.push_str(&format!("{}\n", row.1));
    }
    out
}

fn mapping(plan: &Plan) -> SurveyMapping {
    SurveyMapping {
        layout: Some(Layout::Wide),
        loyalty_column: Some("loyalty".into()),
        touchpoints: plan
            .touchpoints()
            .map(|t| ColumnLink {
                column: format!("t{}", t.card),
                card: t.card,
            })
            .collect(),
        ..SurveyMapping::default()
    }
}

fn loyalty_of(plan: &Plan, rows: &[Row]) -> Vec<LoyaltyEvidence> {
    import(&csv(plan, rows), &mapping(plan), plan)
        .expect("the generated file reads")
        .loyalty
}

/// Pearson r from the rows themselves, by the two-pass formula.
fn r_from_rows(plan: &Plan, rows: &[Row]) -> Option<f64> {
    let pairs: Vec<(f64, f64)> = rows
        .iter()
        .filter_map(|row| {
            let x = plan.respondent_score(&answers(plan, row))?;
            Some((x, f64::from(row.1)))
        })
        .collect();
    if pairs.len() < 10 {
        return None;
    }
    let n = pairs.len() as f64;
    let (mx, my) = (
        pairs.iter().map(|p| p.0).sum::<f64>() / n,
        pairs.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let sxy: f64 = pairs.iter().map(|(x, y)| (x - mx) * (y - my)).sum();
    let sxx: f64 = pairs.iter().map(|(x, _)| (x - mx).powi(2)).sum();
    let syy: f64 = pairs.iter().map(|(_, y)| (y - my).powi(2)).sum();
    (sxx > 1e-9 && syy > 1e-9).then(|| sxy / (sxx * syy).sqrt())
}

fn numbers(loyalty: &[LoyaltyEvidence]) -> usize {
    loyalty
        .iter()
        .flat_map(|l| &l.patterns)
        .map(|p| p.sums.len() + p.products.len() + p.with_loyalty.len() + 3)
        .sum()
}

proptest! {
    #[test]
    fn the_sums_give_the_rows_r_under_any_later_weights((before, after) in plans(), rows in rows()) {
        let loyalty = loyalty_of(&before, &rows);
        let stored = gather_loyalty(&loyalty, &Default::default()).link(&after);
        let expected = r_from_rows(&after, &rows);
        match (stored.link, expected) {
            (Some(link), Some(r)) => prop_assert!((link.r - r).abs() < 1e-9, "{} vs {}", link.r, r),
            (None, None) => {}
            // Only a spread lost in rounding may tell them apart.
            (got, want) => prop_assert!(false, "{got:?} vs {want:?}"),
        }
        prop_assert!(!stored.at_import);
    }

    #[test]
    fn two_imports_merge_as_one_of_all_their_rows((plan, _) in plans(), rows in rows(), cut in any::<prop::sample::Index>()) {
        let at = cut.index(rows.len());
        let mut both = loyalty_of(&plan, &rows[..at]);
        both.extend(loyalty_of(&plan, &rows[at..]));
        let merged = gather_loyalty(&both, &Default::default());
        let whole = gather_loyalty(&loyalty_of(&plan, &rows), &Default::default());
        prop_assert_eq!(merged.patterns.len(), whole.patterns.len());
        for (m, w) in merged.patterns.iter().zip(&whole.patterns) {
            prop_assert_eq!(&m.cards, &w.cards);
            prop_assert_eq!(m.n, w.n);
            let close = |a: &[f64], b: &[f64]| a.iter().zip(b).all(|(a, b)| (a - b).abs() <= 1e-9 * b.abs().max(1.0));
            prop_assert!(close(&m.sums, &w.sums) && close(&m.products, &w.products));
            prop_assert!(close(&m.with_loyalty, &w.with_loyalty));
            prop_assert!(close(&[m.loyalty, m.loyalty_squares], &[w.loyalty, w.loyalty_squares]));
        }
    }

    #[test]
    fn more_respondents_with_the_same_patterns_store_no_more((plan, _) in plans(), rows in rows(), copies in 2usize..6) {
        let once = loyalty_of(&plan, &rows);
        let many: Vec<Row> = rows.iter().cycle().take(rows.len() * copies).cloned().collect();
        let more = loyalty_of(&plan, &many);
        prop_assert_eq!(numbers(&once), numbers(&more));
        let cards = plan.touchpoints().count();
        let patterns: usize = more.iter().map(|l| l.patterns.len()).sum();
        prop_assert!(patterns < 1 << cards);
        let respondents: u64 = more.iter().flat_map(|l| &l.patterns).map(|p| p.n).sum();
        let answered = rows.iter().filter(|r| !answers(&plan, r).is_empty()).count();
        prop_assert_eq!(respondents, (answered * copies) as u64);
    }
}

/// A million respondents answering three touchpoints in the ways people do (all, or skipping
/// one) make at most eight groups: a few hundred numbers, whatever the count.
#[test]
fn a_million_respondents_fit_in_a_few_kilobytes() {
    let plan = Plan {
        stages: vec![PlanStage {
            id: 1,
            weight: 1.0,
            touchpoints: (1..=3)
                .map(|card| PlanTouchpoint {
                    card,
                    weight: 1.0,
                    metric: Metric::mean(1, 5),
                })
                .collect(),
        }],
    };
    let mut text = String::from("t1,t2,t3,loyalty\n");
    for i in 0..1_000_000u32 {
        let skip = i % 4;
        for t in 0..3 {
            if t != skip {
                text.push_str(&(1 + (i + t) % 5).to_string());
            }
            text.push(',');
        }
        text.push_str(&(i % 11).to_string());
        text.push('\n');
    }
    let loyalty = import(&text, &mapping(&plan), &plan).unwrap().loyalty;
    let respondents: u64 = loyalty.iter().flat_map(|l| &l.patterns).map(|p| p.n).sum();
    assert_eq!(respondents, 1_000_000);
    let stored = serde_json::to_string(&loyalty).unwrap();
    assert!(stored.len() < 4096, "{} bytes", stored.len());
}
