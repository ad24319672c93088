//! Each survey fixture, mapped as its scenario says, must reproduce every expected score to 0.01:
//! touchpoints, stages, journey, weakest stage and gains, for all answers, per quarter and per segment.

use std::collections::HashMap;

use journey_core::score::{
    gather, Metric, MetricKind, Plan, PlanStage, PlanTouchpoint, Scores, Slice,
};
use journey_core::survey::{import, ColumnLink, Layout, Periodicity, SurveyMapping};
use serde_json::Value;

const FIXTURES: [(&str, &str, &str); 4] = [
    (
        "qualtrics-numeric",
        include_str!("fixtures/surveys/qualtrics-numeric.csv"),
        include_str!("fixtures/surveys/qualtrics-numeric.expected.json"),
    ),
    (
        "surveymonkey",
        include_str!("fixtures/surveys/surveymonkey.csv"),
        include_str!("fixtures/surveys/surveymonkey.expected.json"),
    ),
    (
        "google-forms",
        include_str!("fixtures/surveys/google-forms.csv"),
        include_str!("fixtures/surveys/google-forms.expected.json"),
    ),
    (
        "long-format",
        include_str!("fixtures/surveys/long-format.csv"),
        include_str!("fixtures/surveys/long-format.expected.json"),
    ),
];

/// The scenario as a plan and a mapping, with names for the ids it hands out.
struct Scenario {
    plan: Plan,
    mapping: SurveyMapping,
    names: HashMap<u32, String>,
    layout: Layout,
}

fn metric(v: &Value) -> Metric {
    let kind = match v["kind"].as_str().unwrap() {
        "mean" => MetricKind::Mean,
        "top_box" => MetricKind::TopBox,
        "nps" => MetricKind::Nps,
        other => panic!("unknown metric kind {other}"),
    };
    Metric {
        kind,
        min: v["min"].as_i64().unwrap() as i32,
        max: v["max"].as_i64().unwrap() as i32,
        higher_is_better: v["higher_is_better"].as_bool().unwrap_or(true),
        threshold: v["threshold"].as_i64().map(|t| t as i32),
    }
}

fn scenario(expected: &Value) -> Scenario {
    let s = &expected["scenario"];
    let mut names = HashMap::new();
    let mut touchpoints = Vec::new();
    let mut stages = Vec::new();
    for (i, stage) in s["stages"].as_array().unwrap().iter().enumerate() {
        let id = 100 + i as u32;
        names.insert(id, stage["name"].as_str().unwrap().to_string());
        let mut measured = Vec::new();
        for (j, t) in stage["touchpoints"].as_array().unwrap().iter().enumerate() {
            let card = 1000 + 10 * i as u32 + j as u32;
            names.insert(card, t["name"].as_str().unwrap().to_string());
            touchpoints.push(ColumnLink {
                column: t["column"].as_str().unwrap().to_string(),
                card,
            });
            measured.push(PlanTouchpoint {
                card,
                weight: t["weight"].as_f64().unwrap(),
                metric: metric(&t["metric"]),
            });
        }
        stages.push(PlanStage {
            id,
            weight: stage["weight"].as_f64().unwrap(),
            touchpoints: measured,
        });
    }
    let layout = match s["layout"].as_str().unwrap() {
        "qualtrics" => Layout::Qualtrics,
        "surveymonkey" => Layout::Surveymonkey,
        "gforms" => Layout::GoogleForms,
        "long" => Layout::Long,
        other => panic!("unknown layout {other}"),
    };
    let column = |key: &str| s[key].as_str().map(str::to_string);
    let mapping = SurveyMapping {
        period: Periodicity::Quarter,
        date_column: column("date_column"),
        segment_column: column("segment_column"),
        touchpoints,
        ..SurveyMapping::default()
    };
    Scenario {
        plan: Plan { stages },
        mapping,
        names,
        layout,
    }
}

fn assert_close(what: &str, actual: f64, expected: &Value) {
    let expected = expected
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: no expected number"));
    assert!(
        (actual - expected).abs() <= 0.01,
        "{what}: {actual} ≠ {expected}"
    );
}

fn assert_ci(what: &str, actual: Option<(f64, f64)>, expected: &Value) {
    let (lo, hi) = actual.unwrap_or_else(|| panic!("{what}: no interval"));
    assert_close(&format!("{what} ci low"), lo, &expected[0]);
    assert_close(&format!("{what} ci high"), hi, &expected[1]);
}

fn check(name: &str, slice: &str, scores: &Scores, scenario: &Scenario, expected: &Value) {
    let at = |what: &str| format!("{name} [{slice}] {what}");
    for t in &scores.touchpoints {
        let tp = &scenario.names[&t.id];
        let e = &expected["touchpoints"][tp];
        let estimate = t.estimate.unwrap_or_else(|| panic!("{}: no score", at(tp)));
        assert_close(&at(tp), estimate.score, &e["score"]);
        assert_close(&at(&format!("{tp} se")), estimate.se.unwrap(), &e["se"]);
        assert_eq!(
            estimate.n,
            e["n"].as_u64().unwrap(),
            "{}",
            at(&format!("{tp} n"))
        );
        assert_ci(&at(tp), t.ci, &e["ci"]);
    }
    for (s, e) in scores
        .stages
        .iter()
        .zip(expected["stages"].as_array().unwrap())
    {
        let stage = &scenario.names[&s.id];
        assert_eq!(stage, e["name"].as_str().unwrap());
        assert_close(&at(stage), s.score.unwrap(), &e["score"]);
        assert_close(&at(&format!("{stage} se")), s.se.unwrap(), &e["se"]);
        assert_ci(&at(stage), s.ci, &e["ci"]);
    }
    let journey = scores
        .journey
        .as_ref()
        .unwrap_or_else(|| panic!("{}: no journey score", at("journey")));
    let e = &expected["journey"];
    assert_close(&at("journey"), journey.score, &e["score"]);
    assert_close(&at("journey se"), journey.se.unwrap(), &e["se"]);
    assert_ci(&at("journey"), journey.ci, &e["ci"]);
    assert_eq!(
        scenario.names[&journey.weakest_stage],
        e["weakest_stage"].as_str().unwrap(),
        "{}",
        at("weakest")
    );
    let gains: Vec<(&str, f64)> = scores
        .gains
        .iter()
        .map(|(id, g)| (scenario.names[id].as_str(), *g))
        .collect();
    let expected_gains = expected["gains"].as_array().unwrap();
    assert_eq!(gains.len(), expected_gains.len(), "{}", at("gains"));
    for ((tp, gain), e) in gains.iter().zip(expected_gains) {
        assert_eq!(*tp, e[0].as_str().unwrap(), "{}", at("gain order"));
        assert_close(&at(&format!("gain {tp}")), *gain, &e[1]);
    }
}

#[test]
fn every_fixture_reproduces_its_expected_scores() {
    for (name, csv, expected) in FIXTURES {
        let expected: Value = serde_json::from_str(expected).unwrap();
        let scenario = scenario(&expected);
        let result = import(csv, &scenario.mapping, &scenario.plan)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            result.report.layout, scenario.layout,
            "{name}: detected layout"
        );
        let slices = expected["expected"].as_object().unwrap();
        assert!(
            slices.len() >= 5,
            "{name}: all, two quarters and two segments"
        );
        for (key, want) in slices {
            let slice = match key.strip_prefix("segment:") {
                Some(segment) => Slice {
                    period: None,
                    segment: Some(segment.to_string()),
                },
                None if key == "all" => Slice::default(),
                None => Slice {
                    period: Some(key.clone()),
                    segment: None,
                },
            };
            let scores = scenario.plan.score(&gather(&result.evidence, &slice));
            check(name, key, &scores, &scenario, want);
        }
    }
}

#[test]
fn the_import_report_counts_what_it_skipped() {
    for (name, csv, expected) in FIXTURES {
        let expected: Value = serde_json::from_str(expected).unwrap();
        let scenario = scenario(&expected);
        let report = import(csv, &scenario.mapping, &scenario.plan)
            .unwrap()
            .report;
        let used: u64 = report.used.iter().map(|(_, n)| n).sum();
        let links = scenario.mapping.touchpoints.len() as u64;
        if scenario.layout == Layout::Long {
            assert_eq!(
                used + report.skipped_total(),
                report.rows,
                "{name}: every row is used or skipped"
            );
        } else {
            assert_eq!(
                used + report.skipped_total(),
                report.rows * links,
                "{name}: every cell is used or skipped"
            );
            assert!(
                report.skipped_total() > 0,
                "{name}: the wide fixtures hold blanks"
            );
        }
        assert!(
            report
                .examples
                .iter()
                .all(|s| s.line > scenario.layout.header_rows()),
            "{name}: lines are file lines"
        );
        assert_eq!(report.periods, ["2026-Q1", "2026-Q2"], "{name}");
        assert_eq!(report.dates.unreadable, 0, "{name}");
    }
}

#[test]
fn the_segment_columns_values_are_listed_once_in_file_order() {
    let text = "Segment,Q1\nPros,4\n students ,5\nPros,3\n,2\nNew,1\n";
    let survey = || journey_core::survey::Survey::open(text, Some(Layout::Wide)).unwrap();
    assert_eq!(
        survey().segment_values("Segment", 100, 10),
        ["Pros", "students", "New"]
    );
    assert_eq!(
        survey().segment_values("segment", 100, 2),
        ["Pros", "students"]
    );
    assert_eq!(
        survey().segment_values("Segment", 2, 10),
        ["Pros", "students"]
    );
    assert!(survey().segment_values("Missing", 100, 10).is_empty());
}
