//! A survey export: its header read, its first columns linked to a measured map's touchpoints
//! (and to a date, segment and loyalty column where there are more), then every row counted.
#![no_main]

use journey_core::survey::{import, ColumnLink, Survey, SurveyMapping};
use libfuzzer_sys::fuzz_target;

const MAP: &str = include_str!("../../crates/journey-core/tests/fixtures/schema-v2.json");

fuzz_target!(|text: &str| {
    let map = journey_core::import_json(MAP).expect("the fixture reads");
    let Ok(survey) = Survey::open(text, None) else {
        return;
    };
    let keys: Vec<String> = survey.columns.iter().map(|c| c.key.clone()).collect();
    let plan = map.plan();
    let mapping = SurveyMapping {
        touchpoints: plan
            .touchpoints()
            .zip(&keys)
            .map(|(t, key)| ColumnLink {
                column: key.clone(),
                card: t.card,
            })
            .collect(),
        date_column: keys.get(2).cloned(),
        segment_column: keys.get(3).cloned(),
        loyalty_column: keys.get(4).cloned(),
        ..SurveyMapping::default()
    };
    if let Ok(result) = import(text, &mapping, &plan) {
        for (_, used) in &result.report.used {
            assert!(*used <= result.report.rows);
        }
    }
});
