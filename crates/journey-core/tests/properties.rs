//! Invariants that must hold for every map a user can make: edits keep maps valid, undo walks
//! back exactly, and the file format round-trips byte for byte.

use std::rc::Rc;

use journey_core::model::{Measure, Weight};
use journey_core::score::{Evidence, Histogram, Metric};
use journey_core::{
    export_json, import_json, validate, Channel, Edit, JourneyMap, LaneKind, Session, Template,
};
use proptest::prelude::*;

/// Edits with ids drawn from a small range, so most hit something that exists and some do not.
fn edit() -> impl Strategy<Value = Edit> {
    let id = 0u32..40;
    let text = "[a-zA-Z <>&\"é]{0,12}";
    let kind = prop::sample::select(LaneKind::ALL.to_vec());
    let channel = prop::option::of(prop::sample::select(Channel::ALL.to_vec()));
    prop_oneof![
        text.prop_map(Edit::RenameMap),
        text.prop_map(|name| Edit::AddStage { name }),
        (id.clone(), text).prop_map(|(stage, name)| Edit::RenameStage { stage, name }),
        (id.clone(), text)
            .prop_map(|(stage, description)| Edit::SetStageDescription { stage, description }),
        (id.clone(), 0usize..8).prop_map(|(stage, to)| Edit::MoveStage { stage, to }),
        id.clone().prop_map(|stage| Edit::DeleteStage { stage }),
        (kind, text).prop_map(|(kind, title)| Edit::AddLane { kind, title }),
        (id.clone(), 0usize..8).prop_map(|(lane, to)| Edit::MoveLane { lane, to }),
        id.clone().prop_map(|lane| Edit::DeleteLane { lane }),
        (id.clone(), id.clone(), text).prop_map(|(lane, stage, text)| Edit::AddCard {
            lane,
            stage,
            text
        }),
        (id.clone(), text, text, channel).prop_map(|(card, text, note, channel)| Edit::EditCard {
            card,
            text,
            note,
            channel
        }),
        (id.clone(), id.clone(), id.clone(), 0usize..6).prop_map(|(card, lane, stage, index)| {
            Edit::MoveCard {
                card,
                lane,
                stage,
                index,
            }
        }),
        id.clone().prop_map(|card| Edit::DeleteCard { card }),
        (id.clone(), id.clone(), prop::option::of(-3i8..=3)).prop_map(|(persona, stage, value)| {
            Edit::SetEmotion {
                persona,
                stage,
                value,
            }
        }),
        text.prop_map(|name| Edit::AddPersona { name }),
        id.clone()
            .prop_map(|persona| Edit::DeletePersona { persona }),
        (id.clone(), 0.0f64..3.0).prop_map(|(stage, w)| Edit::SetStageWeight {
            stage,
            weight: Weight(w)
        }),
        (id.clone(), prop::option::of((metric(), 0.0f64..3.0))).prop_map(|(card, m)| {
            Edit::SetMeasure {
                card,
                measure: m.map(|(metric, w)| Measure {
                    metric,
                    weight: Weight(w),
                    target: None,
                }),
            }
        }),
        (
            id,
            prop::collection::vec(0i32..11, 0..20),
            prop::option::of("2026-Q[1-4]"),
            any::<bool>()
        )
            .prop_map(|(card, values, period, replace)| {
                // Answers on the NPS scale: they fit cards measured by NPS and are refused elsewhere.
                let answers = Histogram::from_values(0, 10, values);
                let evidence = vec![Evidence {
                    card,
                    period,
                    segment: None,
                    answers,
                }];
                Edit::AddEvidence {
                    evidence,
                    loyalty: vec![],
                    replace,
                    survey: None,
                }
            }),
        (text, 0i64..1_000).prop_map(|(name, saved)| Edit::SaveVersion { name, saved }),
        (0u32..5, text).prop_map(|(number, name)| Edit::RenameVersion { number, name }),
        prop::collection::vec(0u32..5, 1..3).prop_map(|numbers| Edit::DeleteVersions { numbers }),
        (0u32..5).prop_map(|number| Edit::RestoreVersion { number }),
    ]
}

/// Edits that change what a version keeps (everything but the versions themselves).
fn content_edit() -> impl Strategy<Value = Edit> {
    edit().prop_filter("changes the content", |edit| {
        !matches!(
            edit,
            Edit::SaveVersion { .. }
                | Edit::RenameVersion { .. }
                | Edit::DeleteVersions { .. }
                | Edit::RestoreVersion { .. }
        )
    })
}

fn metric() -> impl Strategy<Value = Metric> {
    prop_oneof![
        Just(Metric::nps()),
        Just(Metric::mean(1, 5)),
        Just(Metric::top_box(1, 7, 6))
    ]
}

fn template() -> impl Strategy<Value = Template> {
    prop::sample::select(Template::ALL.to_vec())
}

/// A map reached by a user: a template followed by any edits, refused ones included, and
/// sometimes a to-be journey planned from it part way.
fn reachable_map() -> impl Strategy<Value = JourneyMap> {
    (
        template(),
        prop::collection::vec(edit(), 0..40),
        prop::option::of(0..40usize),
    )
        .prop_map(|(template, edits, planned_at)| {
            let mut map = template.build("map-1".into(), 1_700_000_000_000);
            for (i, edit) in edits.iter().enumerate() {
                if planned_at == Some(i) {
                    map = journey_core::to_be::plan_to_be(&map, "map-2".into(), 1_700_000_000_001);
                }
                let _ = map.apply(edit);
            }
            map
        })
}

proptest! {
    #[test]
    fn restoring_a_version_gives_back_exactly_the_map_that_was_saved(
        start in reachable_map(),
        before in prop::collection::vec(edit(), 0..10),
        after in prop::collection::vec(edit(), 0..20),
    ) {
        let mut map = start;
        for edit in &before {
            let _ = map.apply(edit);
        }
        let saved = map.snapshot();
        // Saved at a time no other edit uses, so it is found again after any of them.
        map.apply(&Edit::SaveVersion { name: "Kept".into(), saved: 5_000 }).unwrap();
        for edit in &after {
            let _ = map.apply(edit);
        }
        // A later edit may have dropped the version; while it exists it is exactly what was saved.
        let kept = map.version_list().into_iter().find(|v| v.saved == 5_000);
        if let Some(number) = kept.map(|v| v.number) {
            let version = map.version(number).unwrap();
            prop_assert_eq!(&version, &saved);
            let kept = map.versions.clone();
            map.apply(&Edit::RestoreVersion { number }).unwrap();
            prop_assert_eq!(&map.snapshot(), &JourneyMap { created: map.created, ..saved.clone() });
            prop_assert_eq!(&map.versions, &kept);
        }
        prop_assert!(journey_core::validate::validate_versions(&map).is_empty());
    }

    #[test]
    fn a_map_differs_from_itself_in_nothing_and_every_edit_shows_in_the_difference(
        map in reachable_map(),
        edit in content_edit(),
    ) {
        prop_assert!(journey_core::compare::diff(&map, &map).is_empty());
        let mut edited = map.clone();
        if edited.apply(&edit).is_ok() && edited != map {
            let diff = journey_core::compare::diff(&map, &edited);
            prop_assert!(!diff.is_empty(), "{:?} left no trace", edit);
            prop_assert_ne!(diff.summary(), "no changes");
        }
    }

    #[test]
    fn versions_round_trip_through_export_and_import_byte_for_byte(
        map in reachable_map(),
        edits in prop::collection::vec(content_edit(), 1..6),
    ) {
        let mut map = map;
        for (saved, edit) in edits.iter().enumerate() {
            map.apply(&Edit::SaveVersion { name: format!("v{saved}"), saved: saved as i64 }).unwrap();
            let _ = map.apply(edit);
        }
        let text = export_json(&map);
        let read = import_json(&text).expect("an exported map reads back");
        prop_assert_eq!(&read.versions, &map.versions);
        prop_assert_eq!(export_json(&read), text);
        for info in map.version_list() {
            prop_assert_eq!(read.version(info.number), map.version(info.number));
        }
    }

    #[test]
    fn every_edit_keeps_the_map_valid_and_a_refused_edit_changes_nothing(
        template in template(),
        edits in prop::collection::vec(edit(), 0..60),
    ) {
        let mut map = template.build("m".into(), 0);
        for edit in &edits {
            let before = map.clone();
            if map.apply(edit).is_err() {
                prop_assert_eq!(&map, &before);
            }
            prop_assert_eq!(validate(&map), vec![]);
        }
    }

    #[test]
    fn export_then_import_is_the_identity(map in reachable_map()) {
        let text = export_json(&map);
        let read = import_json(&text).expect("an exported map reads back");
        prop_assert_eq!(&read, &map);
        prop_assert_eq!(export_json(&read), text);
    }

    #[test]
    fn a_stored_value_reads_back_with_its_revision_from_the_whole_and_from_the_head(
        map in reachable_map(),
        revision in any::<u64>(),
    ) {
        let stored = journey_core::store::encode(&map, revision);
        let document = journey_core::format::Document {
            format: journey_core::format::FORMAT_NAME.into(),
            schema: journey_core::format::SCHEMA_VERSION,
            revision: Some(revision),
            map: std::borrow::Cow::Borrowed(&map),
            scores: None,
        };
        prop_assert_eq!(&stored, &serde_json::to_string(&document).unwrap());
        let head: String = stored.chars().take(journey_core::store::HEAD_CHARS as usize).collect();
        prop_assert_eq!(journey_core::store::revision_in_head(&head), Some(revision));
        prop_assert_eq!(journey_core::store::revision_of(&stored), Some(revision));
        let key = journey_core::store::map_key(&map.id);
        let loaded = journey_core::store::load([(key, stored)]);
        prop_assert_eq!(loaded.revisions.get(&map.id), Some(&revision));
        prop_assert_eq!(&loaded.maps, &vec![map]);
    }

    #[test]
    fn undoing_every_edit_restores_the_start_and_redo_replays_it(
        template in template(),
        edits in prop::collection::vec(edit(), 0..30),
    ) {
        let start = Rc::new(template.build("m".into(), 0));
        let mut session = Session::new(start.clone());
        for (time, edit) in edits.iter().enumerate() {
            let _ = session.apply(edit, time as i64);
        }
        let end = session.map().clone();
        while session.undo() {}
        prop_assert_eq!(session.map(), &start);
        while session.redo() {}
        prop_assert_eq!(session.map(), &end);
    }

    #[test]
    fn ids_are_never_reused_while_they_exist(map in reachable_map()) {
        let next = map.next_id();
        let mut ids: Vec<u32> = map.stages.iter().map(|s| s.id)
            .chain(map.lanes.iter().map(|l| l.id))
            .chain(map.personas.iter().map(|p| p.id))
            .chain(map.cards.iter().map(|c| c.id))
            .collect();
        prop_assert!(ids.iter().all(|&id| id < next));
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), count);
    }

    #[test]
    fn any_bytes_are_refused_or_read_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(map) = import_json(&text) {
            prop_assert_eq!(validate(&map), vec![]);
        }
    }

    #[test]
    fn a_damaged_export_is_refused_or_still_valid(map in reachable_map(), cut in 0usize..2000, byte in any::<u8>()) {
        let mut bytes = export_json(&map).into_bytes();
        let at = cut % bytes.len();
        bytes[at] = byte;
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(read) = import_json(&text) {
            prop_assert_eq!(validate(&read), vec![]);
        }
    }
}

proptest! {
    #[test]
    fn the_cards_csv_has_a_row_per_card_and_feeling_with_the_text_unchanged(map in reachable_map(), text in any::<String>()) {
        use journey_core::cards_csv::cards_csv;
        use journey_core::survey::csv::CsvReader;
        let mut map = map;
        if let Some(card) = map.cards.first_mut() {
            card.text = text.replace('\r', "");
        }
        let csv = cards_csv(&map);
        let mut reader = CsvReader::new(&csv);
        let header = reader.next_record().expect("a header").fields;
        prop_assert_eq!(header, ["stage", "lane", "kind", "persona", "text", "note", "channel", "emotion"]);
        let rows: Vec<Vec<String>> = std::iter::from_fn(|| reader.next_record()).map(|r| r.fields).collect();
        let feelings: usize = map.personas.iter().map(|p| p.emotions.len()).sum::<usize>()
            * usize::from(map.lanes.iter().any(|l| l.kind == LaneKind::Feelings));
        prop_assert_eq!(rows.len(), map.cards.len() + feelings);
        prop_assert!(rows.iter().all(|r| r.len() == 8));
        let mut texts: Vec<&str> = rows.iter().filter(|r| r[2] != "feelings").map(|r| r[4].as_str()).collect();
        let mut expected: Vec<&str> = map.cards.iter().map(|c| c.text.as_str()).collect();
        texts.sort_unstable();
        expected.sort_unstable();
        prop_assert_eq!(texts, expected);
    }

    #[test]
    fn pictures_are_well_formed_and_user_text_never_becomes_markup(map in reachable_map(), text in any::<String>()) {
        use journey_core::picture::{emotion_svg, heatmap_svg, map_svg};
        let mut map = map;
        map.name = format!("x{text}");
        for card in map.cards.iter_mut() {
            card.text = text.clone();
        }
        for picture in [map_svg(&map), heatmap_svg(&map), emotion_svg(&map)] {
            let document = roxmltree::Document::parse(&picture.svg);
            prop_assert!(document.is_ok(), "{:?}", document.err());
            let document = document.unwrap();
            for node in document.descendants().filter(|n| n.is_element()) {
                let name = node.tag_name().name();
                prop_assert!(
                    ["svg", "title", "rect", "text", "polyline", "circle", "line"].contains(&name),
                    "unexpected element <{}>", name
                );
            }
        }
    }

    #[test]
    fn a_share_link_carries_the_whole_map_but_not_its_versions(map in reachable_map()) {
        use journey_core::share::{decode, encode};
        prop_assert_eq!(decode(&encode(&map, None)).map(|s| s.map), Ok(map.snapshot()));
    }

    #[test]
    fn a_damaged_share_link_is_refused_or_still_valid(map in reachable_map(), cut in 0usize..4000, byte in 32u8..127) {
        use journey_core::share::{decode, encode};
        let mut bytes = encode(&map, None).into_bytes();
        let at = cut % bytes.len();
        bytes[at] = byte;
        if let Ok(read) = decode(&String::from_utf8_lossy(&bytes)) {
            prop_assert_eq!(validate(&read.map), vec![]);
        }
        let whole = bytes.len();
        if let Ok(read) = decode(&String::from_utf8_lossy(&bytes[..at.min(whole - 1)])) {
            prop_assert_eq!(validate(&read.map), vec![]);
        }
    }
}

proptest! {
    #[test]
    fn mermaid_carries_stages_tasks_and_feelings_and_a_second_trip_changes_nothing(map in reachable_map()) {
        use journey_core::mermaid::{from_mermaid, to_mermaid};
        let once = from_mermaid(&to_mermaid(&map), "m".into(), 0).expect("our own Mermaid reads back");
        prop_assert_eq!(validate(&once), vec![]);
        let names = |m: &JourneyMap| m.stages.iter().map(|s| s.name.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>();
        prop_assert_eq!(names(&once), names(&map));
        let text = to_mermaid(&once);
        let twice = from_mermaid(&text, "m".into(), 0).expect("a second trip reads back");
        prop_assert_eq!(to_mermaid(&twice), text);
    }
}

proptest! {
    #[test]
    fn merging_with_an_unchanged_side_gives_the_changed_side(
        template in template(),
        edits in prop::collection::vec(edit(), 0..30),
    ) {
        use journey_core::merge::{merge, Merge};
        let base = template.build("m".into(), 0);
        let mut changed = base.clone();
        for edit in &edits {
            let _ = changed.apply(edit);
        }
        prop_assert_eq!(merge(&base, &changed, &base), Merge::Merged(Box::new(changed.clone())));
        prop_assert_eq!(merge(&base, &base, &changed), Merge::Merged(Box::new(changed.clone())));
        prop_assert_eq!(merge(&base, &changed, &changed), Merge::Merged(Box::new(changed)));
    }
}

/// Each side's version of a map after its own edits from the same template.
fn two_sides() -> impl Strategy<Value = (JourneyMap, JourneyMap, JourneyMap)> {
    let side = || prop::collection::vec(edit(), 0..12);
    (template(), side(), side()).prop_map(|(template, ours_edits, theirs_edits)| {
        let base = template.build("m".into(), 0);
        let after = |edits: &[Edit]| {
            let mut map = base.clone();
            for edit in edits {
                let _ = map.apply(edit);
            }
            map
        };
        let (ours, theirs) = (after(&ours_edits), after(&theirs_edits));
        (base, ours, theirs)
    })
}

proptest! {
    #[test]
    fn another_tabs_save_loses_no_one_sided_edit_and_overwrites_no_clash(
        (base, ours, theirs) in two_sides(),
    ) {
        use journey_core::merge::{reconcile, Reconcile};
        let decision = reconcile(Some(&base), Some(&ours), &theirs);
        if ours == base {
            prop_assert_eq!(decision, Reconcile::TakeTheirs);
            return Ok(());
        }
        let card = |map: &JourneyMap, id| map.cards.iter().find(|c| c.id == id).cloned();
        let mut ids: Vec<_> = [&base, &ours, &theirs].iter().flat_map(|m| m.cards.iter().map(|c| c.id)).collect();
        ids.sort_unstable();
        ids.dedup();
        let clashes = ids.iter().any(|&id| {
            let (b, o, t) = (card(&base, id), card(&ours, id), card(&theirs, id));
            o != b && t != b && o != t
        }) || (ours.name != base.name && theirs.name != base.name && ours.name != theirs.name);
        match decision {
            Reconcile::Merged(merged) => {
                prop_assert!(!clashes, "a clash was merged silently");
                for &id in &ids {
                    let (b, o, t) = (card(&base, id), card(&ours, id), card(&theirs, id));
                    if o != b && t == b {
                        prop_assert_eq!(card(&merged, id), o.clone(), "our edit of card {} was lost", id);
                    }
                    if t != b && o == b {
                        prop_assert_eq!(card(&merged, id), t, "their edit of card {} was lost", id);
                    }
                }
                let name = if ours.name != base.name { &ours.name } else { &theirs.name };
                prop_assert_eq!(&merged.name, name);
                prop_assert!(validate(&merged).is_empty());
            }
            Reconcile::Conflict(what) => prop_assert!(!what.is_empty()),
            Reconcile::TakeTheirs => prop_assert!(false, "unsaved edits here were dropped"),
        }
    }

    #[test]
    fn reconciling_with_an_unchanged_side_is_the_identity((base, ours, _) in two_sides()) {
        use journey_core::merge::{reconcile, Reconcile};
        prop_assert_eq!(reconcile(Some(&base), Some(&base), &ours), Reconcile::TakeTheirs);
        let expected = if ours == base { Reconcile::TakeTheirs } else { Reconcile::Merged(Box::new(ours.clone())) };
        prop_assert_eq!(reconcile(Some(&base), Some(&ours), &base), expected);
    }
}
