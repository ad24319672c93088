//! The rules of `docs/architecture.md` that a reading of the sources can check, checked on every
//! test run: where files live, who calls the browser, and what the embed module reaches.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// Every source file of the app, by its path under `src/`, with its text.
fn sources() -> BTreeMap<String, String> {
    fn walk(dir: &Path, found: &mut BTreeMap<String, String>) {
        for entry in fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path
                    .strip_prefix(SRC)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                found.insert(name, fs::read_to_string(&path).expect("a source file"));
            }
        }
    }
    let mut found = BTreeMap::new();
    walk(Path::new(SRC), &mut found);
    found
}

/// Source text without comments, so a rule is about code and not about what the docs mention.
fn code(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Fails when a file under `folder` uses one of `words` in its code.
fn assert_unused_under(sources: &BTreeMap<String, String>, folder: &str, words: &[&str]) {
    for (name, text) in under(sources, folder) {
        for word in words {
            assert!(!text.contains(word), "{name} uses {word}");
        }
    }
}

fn under<'a>(
    sources: &'a BTreeMap<String, String>,
    folder: &'a str,
) -> impl Iterator<Item = (&'a String, String)> + 'a {
    sources
        .iter()
        .filter(move |(name, _)| name.starts_with(folder))
        .map(|(name, text)| (name, code(text)))
}

/// The source file a `crate::…` path names: the longest prefix of it that is a file.
fn file_of(segments: &[&str], files: &BTreeSet<String>) -> Option<String> {
    (1..=segments.len()).rev().find_map(|n| {
        let base = segments[..n].join("/");
        [format!("{base}.rs"), format!("{base}/mod.rs")]
            .into_iter()
            .find(|candidate| files.contains(candidate))
    })
}

/// Which source files each file uses through `crate::` paths, groups (`{a, b}`) included.
fn uses(sources: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let files: BTreeSet<String> = sources.keys().cloned().collect();
    let mut graph = BTreeMap::new();
    for (name, text) in sources {
        let text = code(text);
        let mut used = BTreeSet::new();
        for (at, _) in text.match_indices("crate::") {
            let rest = &text[at + "crate::".len()..];
            let path: String = rest
                .chars()
                .take_while(|c| {
                    c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == ':'
                })
                .collect();
            let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let mut targets = vec![file_of(&segments, &files)];
            if let Some(group) = rest[path.len()..].strip_prefix('{') {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                for item in group.split(',').map(str::trim) {
                    let mut inner = segments.clone();
                    inner.extend(
                        item.split("::")
                            .filter(|s| s.chars().all(|c| c.is_ascii_lowercase() || c == '_')),
                    );
                    targets.push(file_of(&inner, &files));
                }
            }
            used.extend(targets.into_iter().flatten().filter(|t| t != name));
        }
        graph.insert(name.clone(), used);
    }
    graph
}

#[test]
fn only_lib_and_main_sit_at_the_root_of_src() {
    let at_root: Vec<String> = fs::read_dir(SRC)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let mut at_root = at_root;
    at_root.sort();
    assert_eq!(at_root, ["lib.rs", "main.rs"]);
}

#[test]
fn only_the_storage_module_calls_local_storage() {
    let callers: Vec<String> = sources()
        .iter()
        .filter(|(_, text)| {
            let text = code(text);
            text.contains("local_storage(") || text.contains("localStorage")
        })
        .map(|(name, _)| name.clone())
        .collect();
    assert_eq!(callers, ["browser/storage.rs"]);
}

#[test]
fn reducers_do_no_io() {
    let sources = sources();
    let forbidden = [
        "web_sys",
        "gloo",
        "js_sys",
        "wasm_bindgen",
        "spawn_local",
        "Route::current",
        ".go()",
        ".replace()",
    ];
    // Of the browser's edges, a reducer may name two types, and call nothing.
    let types = [
        "crate::browser::storage::StorageError",
        "crate::browser::route::Route",
    ];
    assert_unused_under(&sources, "state/", &forbidden);
    for (name, text) in under(&sources, "state/") {
        for (at, _) in text.match_indices("crate::browser::") {
            let path: String = text[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            assert!(types.contains(&path.as_str()), "{name} uses {path}");
        }
    }
}

#[test]
fn components_never_download_read_files_or_touch_storage() {
    let sources = sources();
    let forbidden = [
        "browser::files",
        "browser::storage",
        "download(",
        "download_png",
        "read_text",
        "gloo_file",
        "FileReader",
        "Blob",
        "local_storage",
    ];
    assert_unused_under(&sources, "components/", &forbidden);
}

#[test]
fn user_text_is_never_set_as_markup() {
    for (name, text) in sources() {
        assert!(
            !code(&text).contains("inner_html"),
            "{name} sets inner HTML"
        );
    }
}

#[test]
fn no_source_file_uses_itself_through_others() {
    let graph = uses(&sources());
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if let Some(at) = path.iter().position(|p| p == node) {
            panic!("an import circle: {} → {node}", path[at..].join(" → "));
        }
        if done.contains(node) {
            return;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, path, done);
        }
        path.pop();
        done.insert(node.to_string());
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, &graph, &mut Vec::new(), &mut done);
    }
}

/// Every source file a module's root reaches through its uses, the root included.
fn reached_from(root: &str) -> BTreeSet<String> {
    let graph = uses(&sources());
    let mut reached = BTreeSet::new();
    let mut next = vec![root.to_string()];
    while let Some(file) = next.pop() {
        if reached.insert(file.clone()) {
            next.extend(graph.get(&file).into_iter().flatten().cloned());
        }
    }
    reached
}

/// Fails when a file `module` reaches lies under one of `off_limits`.
fn assert_reaches_none(reached: &BTreeSet<String>, off_limits: &[&str], module: &str) {
    for file in reached {
        assert!(
            !off_limits.iter().any(|rule| file.starts_with(rule)),
            "{module} reaches {file}: {reached:?}"
        );
    }
}

#[test]
fn the_embed_module_reaches_no_storage_state_editor_or_file_work() {
    let reached = reached_from("entry/viewer.rs");
    let off_limits = [
        "state/",
        "hooks/use_autosave.rs",
        "browser/storage.rs",
        "browser/files.rs",
        "entry/app.rs",
        "components/library/",
        "components/survey/",
        "components/share/",
        "components/grid/journey_grid.rs",
        "components/score/score_panel.rs",
    ];
    assert_reaches_none(&reached, &off_limits, "the embed module");
    assert!(reached.contains("views/shared.rs"), "{reached:?}");
}

#[test]
fn the_app_leaves_share_links_and_frames_to_the_embed_module_and_its_screens_to_the_screens_module()
{
    let reached = reached_from("entry/app.rs");
    for file in [
        "views/shared.rs",
        "views/shared_page.rs",
        "views/embed_frame.rs",
        "components/grid/read_only_grid.rs",
        "entry/viewer.rs",
        "entry/screens.rs",
        "views/score_report.rs",
        "views/version_view.rs",
        "views/plan_compare.rs",
        "components/versions/versions_panel.rs",
        "components/report/gains_table.rs",
        "components/survey/survey_import.rs",
        "components/survey/survey_mapping_form.rs",
    ] {
        assert!(!reached.contains(file), "the app reaches {file}");
    }
    assert!(reached.contains("browser/screen_loader.rs"), "{reached:?}");
}

/// The screens module shows what the app hands it and asks the app for every change: it holds no
/// library, no storage and no editor; the only file it reads is a survey export a user picks in
/// its import screen.
#[test]
fn the_screens_module_reaches_no_storage_state_editor_or_file_work() {
    let reached = reached_from("entry/screens.rs");
    let off_limits = [
        "state/",
        "hooks/",
        "browser/storage.rs",
        "browser/screen_loader.rs",
        "entry/app.rs",
        "entry/pages.rs",
        "entry/file_work.rs",
        "components/library/",
        "components/grid/journey_grid.rs",
        "views/map.rs",
    ];
    assert_reaches_none(&reached, &off_limits, "the screens module");
    assert!(reached.contains("views/score_report.rs"), "{reached:?}");
    assert!(reached.contains("views/version_view.rs"), "{reached:?}");
    assert!(
        reached.contains("components/survey/survey_import.rs"),
        "{reached:?}"
    );
}

#[test]
fn the_scan_finds_what_a_file_uses() {
    let mut sources = BTreeMap::new();
    sources.insert(
        "a.rs".to_string(),
        "use crate::b::{self, Thing};\nuse crate::c::d::E;".to_string(),
    );
    sources.insert(
        "b.rs".to_string(),
        "use crate::a::f; // crate::c::d".to_string(),
    );
    sources.insert("c/d.rs".to_string(), String::new());
    let graph = uses(&sources);
    assert_eq!(
        graph["a.rs"],
        BTreeSet::from(["b.rs".to_string(), "c/d.rs".to_string()])
    );
    assert_eq!(graph["b.rs"], BTreeSet::from(["a.rs".to_string()]));
}

#[test]
fn the_open_map_has_one_owner() {
    let sources = sources();
    let reducers: Vec<&String> = sources
        .iter()
        .filter(|(_, text)| code(text).contains("impl Reducible for"))
        .map(|(name, _)| name)
        .collect();
    assert_eq!(reducers, ["state/library.rs"]);
    let owners: Vec<&String> = sources
        .iter()
        .filter(|(_, text)| code(text).contains("use_reducer("))
        .map(|(name, _)| name)
        .collect();
    assert_eq!(owners, ["entry/app.rs"]);
}
