//! Every stored-schema version ever released keeps a fixture here, written once and never
//! edited, so a change to the format cannot silently strand maps saved by an older release.
//! Each migrates to the current schema and round-trips.

use journey_core::{export_json, import_json, store, validate};

const SCHEMA_V1: &str = include_str!("fixtures/schema-v1.json");

#[test]
fn schema_v1_reads_validates_and_round_trips() {
    let map = import_json(SCHEMA_V1).expect("schema 1 is readable");
    assert_eq!(validate(&map), vec![]);
    assert_eq!(map.id, "v1-fixture");
    assert_eq!(map.stages.len(), 6);
    assert_eq!(map.cards.len(), 30);
    let again = import_json(&export_json(&map)).expect("the current export reads back");
    assert_eq!(again, map);
}

#[test]
fn schema_v1_loads_from_storage() {
    let loaded = store::load([(store::map_key("v1-fixture"), SCHEMA_V1.to_string())]);
    assert_eq!(loaded.maps.len(), 1);
    assert!(loaded.unreadable.is_empty());
}

const SCHEMA_V2: &str = include_str!("fixtures/schema-v2.json");

#[test]
fn schema_v1_is_migrated_to_the_current_schema_on_export() {
    let map = import_json(SCHEMA_V1).unwrap();
    let schema = format!("\"schema\": {},", journey_core::SCHEMA_VERSION);
    assert!(export_json(&map).contains(&schema));
    assert_eq!(map.plan().touchpoints().count(), 0);
}

#[test]
fn schema_v2_reads_with_its_measures_and_evidence() {
    let map = import_json(SCHEMA_V2).expect("schema 2 is readable");
    assert_eq!(validate(&map), vec![]);
    assert_eq!(map.plan().touchpoints().count(), 2);
    assert_eq!(map.scoring.evidence.len(), 4);
    // Ad (mean 1–5): 5 4 4 3 2 3 → 62.5; Checkout (top box ≥ 4, weight 2 stage): 5 of 7 → 71.43;
    // J = (62.5 + 2 · 71.43) / 3 = 68.45
    let journey = map.scores(&Default::default()).journey.unwrap();
    assert!((journey.score - 68.452).abs() < 0.01);
    assert_eq!(export_json(&map), current(SCHEMA_V2));
}

/// A released document as this build writes it: the same but for the schema number.
fn current(released: &str) -> String {
    let at = released.find("\"schema\": ").expect("a schema field") + "\"schema\": ".len();
    let end = at + released[at..].find(',').expect("more fields follow");
    format!(
        "{}{}{}",
        &released[..at],
        journey_core::SCHEMA_VERSION,
        &released[end..]
    )
}

#[test]
fn the_scores_block_is_ignored_on_import() {
    let tampered = SCHEMA_V2.replacen("\"score\": 68.4524", "\"score\": 99.0", 1);
    assert_ne!(tampered, SCHEMA_V2);
    let map = import_json(&tampered).unwrap();
    assert_eq!(export_json(&map), current(SCHEMA_V2));
}

/// Version 3 is the first whose stored values carry a revision; this one was saved five times.
const SCHEMA_V3: &str = include_str!("fixtures/schema-v3.json");

#[test]
fn schema_v3_loads_from_storage_with_its_revision_and_round_trips() {
    let loaded = store::load([(store::map_key("v2-fixture"), SCHEMA_V3.to_string())]);
    assert!(loaded.unreadable.is_empty());
    assert_eq!(loaded.revisions.get("v2-fixture"), Some(&5));
    let map = &loaded.maps[0];
    assert_eq!(map, &import_json(SCHEMA_V2).unwrap());
    // Written again, the revision comes before the map; the fields are the same.
    let written: serde_json::Value = serde_json::from_str(&store::encode(map, 5)).unwrap();
    let mut released: serde_json::Value = serde_json::from_str(SCHEMA_V3).unwrap();
    released["schema"] = journey_core::SCHEMA_VERSION.into();
    assert_eq!(written, released);
    assert_eq!(store::revision_of(SCHEMA_V3), Some(5));
}

#[test]
fn older_stored_values_count_as_revision_zero() {
    for (id, raw) in [("v1-fixture", SCHEMA_V1), ("v2-fixture", SCHEMA_V2)] {
        let loaded = store::load([(store::map_key(id), raw.to_string())]);
        assert_eq!(loaded.revisions.get(id), Some(&0), "{id}");
    }
}

#[test]
fn a_stored_value_from_a_newer_schema_is_left_untouched() {
    let newer = SCHEMA_V3.replacen(
        "\"schema\":3",
        &format!("\"schema\":{}", journey_core::SCHEMA_VERSION + 1),
        1,
    );
    let loaded = store::load([(store::map_key("v2-fixture"), newer.clone())]);
    assert!(loaded.maps.is_empty());
    assert!(!loaded.unreadable[0].should_quarantine());
    assert_eq!(loaded.unreadable[0].raw, newer);
}

/// Version 4 is the first with respondents grouped by answer pattern and weights with a source;
/// this one had data-driven weights applied to three measured touchpoints.
const SCHEMA_V4: &str = include_str!("fixtures/schema-v4.json");

#[test]
fn schema_v4_reads_with_its_answer_patterns_and_the_weights_source() {
    let map = import_json(SCHEMA_V4).expect("schema 4 is readable");
    assert_eq!(validate(&map), vec![]);
    let source = map.scoring.weights_from.as_ref().unwrap();
    assert_eq!(source.applied, "2026-12-02");
    let respondents = map.respondents(&Default::default());
    assert_eq!(respondents.n(), 400);
    let report = respondents.link(&map.plan());
    assert!(report.caveat().is_none());
    assert!(report.link.unwrap().r > 0.5);
    assert_eq!(import_json(&export_json(&map)).unwrap(), map);
}

/// Version 5 is the first with saved versions: the newest whole, the one before as a delta.
const SCHEMA_V5: &str = include_str!("fixtures/schema-v5.json");

#[test]
fn schema_v5_reads_with_its_versions_rebuilt() {
    let map = import_json(SCHEMA_V5).expect("schema 5 is readable");
    assert_eq!(validate(&map), vec![]);
    assert!(journey_core::validate::validate_versions(&map).is_empty());
    let names: Vec<String> = map.version_list().into_iter().map(|v| v.name).collect();
    assert_eq!(names, ["First draft", "Reviewed"]);
    let reviewed = map.version(2).unwrap();
    assert_eq!((reviewed.cards.len(), reviewed.updated), (2, 5000));
    let draft = map.version(1).unwrap();
    assert_eq!(draft.name, "Gym");
    assert_eq!(draft.updated, 2000);
    let stages: Vec<&str> = draft.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["Find a gym", "Sign up"]);
    let texts: Vec<&str> = draft.cards.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Map search for gyms nearby", "Paper sign-up form"]);
    assert_eq!(draft.personas[0].emotion_at(2), Some(-1));
    assert_eq!(draft.description, map.description);
    let again = import_json(&export_json(&map)).unwrap();
    assert_eq!(again, map);
    assert_eq!(again.version(1), Some(draft));
}

#[test]
fn schema_v4_reads_as_a_map_without_versions() {
    let map = import_json(SCHEMA_V4).unwrap();
    assert!(map.versions.is_empty());
    assert!(map.version_list().is_empty());
}

/// Version 6 is the first with a to-be journey's link to its as-is map, touchpoint targets and
/// segments linked to personas; this one is a to-be whose student answers came without a link.
const SCHEMA_V6: &str = include_str!("fixtures/schema-v6.json");

#[test]
fn schema_v6_reads_with_its_as_is_link_targets_and_persona_links() {
    let map = import_json(SCHEMA_V6).expect("schema 6 is readable");
    assert_eq!(validate(&map), vec![]);
    assert_eq!(map.as_is.as_deref(), Some("v6-fixture"));
    let targets: Vec<Option<u8>> = map
        .cards
        .iter()
        .map(|c| c.measure.and_then(|m| m.target))
        .collect();
    assert_eq!(targets, [Some(80), None]);
    let ids: Vec<u32> = map.personas.iter().map(|p| p.id).collect();
    let sides = journey_core::personas::side_by_side(&map, &ids);
    // The mapping links "Over 65" to the retiree; "students" is linked to no one.
    assert_eq!(sides[0].segment, None);
    assert_eq!(sides[1].segment.as_deref(), Some("Over 65"));
    // Two answers of 4 on 1–5: three quarters of the way up.
    assert!((sides[1].score.as_ref().unwrap().score - 75.0).abs() < 1e-9);
    assert_eq!(import_json(&export_json(&map)).unwrap(), map);
}

/// Version 7 is the first whose survey mapping keeps a date order and may name the legacy
/// Qualtrics layout.
const SCHEMA_V7: &str = include_str!("fixtures/schema-v7.json");

#[test]
fn schema_v7_reads_with_its_date_order_and_legacy_layout() {
    use journey_core::survey::{DateOrder, Layout};
    let map = import_json(SCHEMA_V7).expect("schema 7 is readable");
    assert_eq!(validate(&map), vec![]);
    let survey = map.scoring.survey.as_ref().unwrap();
    assert_eq!(survey.date_order, Some(DateOrder::DayFirst));
    assert_eq!(survey.layout, Some(Layout::QualtricsLegacy));
    // A 5 and a 7 on 1–7: (4/6 + 6/6) / 2 of the way up.
    let score = map.scores(&Default::default()).journey.unwrap().score;
    assert!((score - 100.0 * 5.0 / 6.0).abs() < 1e-9, "{score}");
    assert_eq!(import_json(&export_json(&map)).unwrap(), map);
}

#[test]
fn schema_v6_reads_without_a_date_order() {
    let map = import_json(SCHEMA_V6).unwrap();
    assert_eq!(map.scoring.survey.unwrap().date_order, None);
}

#[test]
fn schema_v5_reads_as_a_map_without_a_plan_or_links() {
    let map = import_json(SCHEMA_V5).unwrap();
    assert_eq!(map.as_is, None);
    assert!(map
        .cards
        .iter()
        .all(|c| c.measure.is_none_or(|m| m.target.is_none())));
}
