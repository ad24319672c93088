//! Every way text gets into Journeyscope (map files, share links, Mermaid, survey CSV, stored
//! values) is fed arbitrary bytes: each must refuse or read, never panic, and what it reads must
//! be a valid map. The cargo-fuzz targets in `fuzz/` run the same entry points for much longer.

use journey_core::mermaid::from_mermaid;
use journey_core::survey::{import, ColumnLink, Survey, SurveyMapping};
use journey_core::{import_json, share, store, validate, JourneyMap};
use proptest::prelude::*;

/// A measured map with two touchpoints, so survey rows have something to score.
fn measured_map() -> JourneyMap {
    import_json(include_str!("fixtures/schema-v2.json")).expect("the fixture reads")
}

/// Links the touchpoints to the file's first columns and gives it a date, segment and loyalty
/// column where there are more, so every part of the reader is reached.
fn mapping_for(text: &str, map: &JourneyMap) -> Option<SurveyMapping> {
    let survey = Survey::open(text, None).ok()?;
    let keys: Vec<String> = survey.columns.iter().map(|c| c.key.clone()).collect();
    let touchpoints = map
        .plan()
        .touchpoints()
        .zip(&keys)
        .map(|(t, key)| ColumnLink {
            column: key.clone(),
            card: t.card,
        })
        .collect();
    Some(SurveyMapping {
        touchpoints,
        date_column: keys.get(2).cloned(),
        segment_column: keys.get(3).cloned(),
        loyalty_column: keys.get(4).cloned(),
        ..SurveyMapping::default()
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        "[a-z0-9,;\t\"\n\r :./-]{0,600}",
    ]
}

proptest! {
    #[test]
    fn survey_csv_is_read_or_refused(text in text()) {
        let map = measured_map();
        if let Some(mapping) = mapping_for(&text, &map) {
            if let Ok(result) = import(&text, &mapping, &map.plan()) {
                for (_, used) in &result.report.used {
                    prop_assert!(*used <= result.report.rows);
                }
            }
        }
    }

    #[test]
    fn any_bytes_get_an_encoding_and_a_workbook_answer(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let found = journey_core::survey::encoding::detect(&bytes);
        prop_assert!(found.bom_len(&bytes) <= 3);
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend(&bytes);
        // A damaged workbook is refused with a message, never a panic.
        if let Err(e) = journey_core::survey::sheet::read_xlsx(&zipped, None) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn mermaid_is_read_or_refused(text in text()) {
        if let Ok(map) = from_mermaid(&format!("journey\n{text}"), "m".into(), 0) {
            prop_assert_eq!(validate(&map), vec![]);
        }
        if let Ok(map) = from_mermaid(&text, "m".into(), 0) {
            prop_assert_eq!(validate(&map), vec![]);
        }
    }

    #[test]
    fn share_links_are_read_or_refused(text in text(), body in "[A-Za-z0-9_-]{0,400}") {
        for payload in [text, format!("j1.{body}")] {
            if let Ok(shared) = share::decode(&payload) {
                prop_assert_eq!(validate(&shared.map), vec![]);
                if let Some(partner) = &shared.partner {
                    prop_assert_eq!(validate(partner), vec![]);
                }
            }
        }
    }

    #[test]
    fn stored_values_are_read_or_set_aside(text in text()) {
        let loaded = store::load([(store::map_key("m"), text.clone())]);
        prop_assert_eq!(loaded.maps.len() + loaded.unreadable.len(), 1);
        for map in &loaded.maps {
            prop_assert_eq!(validate(map), vec![]);
        }
        let _ = store::revision_of(&text);
    }
}

/// Every place in a JSON value, as the steps to reach it.
fn places(
    value: &serde_json::Value,
    here: Vec<serde_json::Value>,
    out: &mut Vec<Vec<serde_json::Value>>,
) {
    match value {
        serde_json::Value::Object(fields) => {
            for (key, inner) in fields {
                let mut next = here.clone();
                next.push(key.clone().into());
                places(inner, next, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                let mut next = here.clone();
                next.push(index.into());
                places(inner, next, out);
            }
        }
        _ => {}
    }
    out.push(here);
}

fn at<'v>(
    value: &'v mut serde_json::Value,
    steps: &[serde_json::Value],
) -> &'v mut serde_json::Value {
    steps.iter().fold(value, |inner, step| match step {
        serde_json::Value::String(key) => &mut inner[key.as_str()],
        step => &mut inner[step.as_u64().unwrap() as usize],
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A file with one value of the wrong kind is refused with the path serde itself would name.
    #[test]
    fn a_misshapen_file_names_the_path_serde_would(pick in any::<prop::sample::Index>(), wrong in 0usize..5) {
        let mut document: serde_json::Value =
            serde_json::from_str(include_str!("fixtures/schema-v2.json")).unwrap();
        let mut all = Vec::new();
        places(&document, Vec::new(), &mut all);
        let steps = pick.get(&all).clone();
        // Keep the document a map file of this schema, so the shape is what is wrong.
        prop_assume!(!steps.is_empty());
        prop_assume!(!matches!(steps.first(), Some(serde_json::Value::String(k)) if k == "format" || k == "schema" || k == "scores"));
        *at(&mut document, &steps) = [
            serde_json::json!(true),
            serde_json::json!("text"),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!(-1.5),
        ][wrong].clone();
        let text = document.to_string();
        let mut expected = document.clone();
        expected["schema"] = 3.into();
        let serde = serde_path_to_error::deserialize::<_, journey_core::format::Document>(expected);
        match (import_json(&text), serde) {
            (Err(journey_core::ImportError::Shape { path, .. }), Err(e)) => {
                prop_assert_eq!(path, e.path().to_string());
            }
            (Err(journey_core::ImportError::Shape { path, .. }), Ok(_)) => {
                prop_assert!(false, "refused at {} though serde reads it", path);
            }
            (_, Err(e)) => prop_assert!(false, "serde refuses at {} but the import did not say so", e.path()),
            _ => {}
        }
    }
}
