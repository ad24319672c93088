//! The domain's shape, as `docs/architecture.md` states it: no browser crate, and each module
//! built only on the ones below it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// From the ground up: a module may use modules of lower layers only.
const LAYERS: [&[&str]; 7] = [
    &["order", "json_text"],
    &["model"],
    &["validate", "score"],
    &["survey", "edit", "compare", "personas", "to_be"],
    &[
        "history",
        "templates",
        "merge",
        "mermaid",
        "format",
        "cards_csv",
        "picture",
    ],
    &["store", "share", "exports"],
    &["library"],
];

fn layer_of(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&module))
        .unwrap_or_else(|| panic!("module {module} is in no layer: add it to LAYERS"))
}

/// The top-level modules each module's non-test code uses, by `crate::` paths.
fn uses() -> BTreeMap<String, BTreeSet<String>> {
    fn walk(dir: &Path, top: Option<&str>, graph: &mut BTreeMap<String, BTreeSet<String>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let module = top.map_or(stem.clone(), str::to_string);
            if path.is_dir() {
                walk(&path, Some(&module), graph);
            } else if stem != "lib" {
                let text = fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                let used = graph.entry(module.clone()).or_default();
                for (at, _) in code.match_indices("crate::") {
                    let name: String = code[at + 7..]
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    if name != module && !name.is_empty() {
                        used.insert(name);
                    }
                }
            }
        }
    }
    let mut graph = BTreeMap::new();
    walk(&Path::new(ROOT).join("src"), None, &mut graph);
    graph
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let graph = uses();
    assert!(graph.contains_key("model") && graph.contains_key("score"));
    for (module, used) in &graph {
        for other in used {
            // The crate's own re-exports at its root (`crate::import_json`) count as their module.
            let other = match other.as_str() {
                "import_json" | "export_json" => "format",
                name => name,
            };
            assert!(
                layer_of(other) < layer_of(module),
                "{module} (layer {}) uses {other} (layer {})",
                layer_of(module),
                layer_of(other)
            );
        }
    }
}

#[test]
fn the_domain_depends_on_no_browser_crate() {
    let manifest = fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).unwrap();
    for browser in ["yew", "web-sys", "js-sys", "gloo", "wasm-bindgen"] {
        assert!(
            !manifest
                .lines()
                .any(|line| line.trim_start().starts_with(browser)),
            "journey-core depends on {browser}"
        );
    }
}
