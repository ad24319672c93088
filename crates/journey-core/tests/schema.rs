//! The published JSON Schema must be what the Rust types say. Regenerate after changing a type:
//! `UPDATE_SCHEMA=1 cargo test -p journey-core --test schema`.

use std::path::PathBuf;

use journey_core::format::Document;

fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/journeyscope.schema.json")
}

#[test]
fn the_committed_schema_matches_the_types() {
    let schema = schemars::schema_for!(Document<'static>);
    let generated = serde_json::to_string_pretty(&schema).expect("a schema serialises") + "\n";
    let path = schema_path();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("docs/ is writable");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date: run UPDATE_SCHEMA=1 cargo test -p journey-core --test schema",
        path.display()
    );
}
