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
