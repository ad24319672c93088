//! Every stored-schema version ever released keeps a fixture here, written once and never
//! edited, so a change to the format cannot silently strand maps saved by an older release.

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
    assert!(export_json(&map).contains("\"schema\": 2,"));
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
    assert_eq!(export_json(&map), SCHEMA_V2);
}

#[test]
fn the_scores_block_is_ignored_on_import() {
    let tampered = SCHEMA_V2.replacen("\"score\": 68.4524", "\"score\": 99.0", 1);
    assert_ne!(tampered, SCHEMA_V2);
    let map = import_json(&tampered).unwrap();
    assert_eq!(export_json(&map), SCHEMA_V2);
}
