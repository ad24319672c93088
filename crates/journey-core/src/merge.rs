//! Three-way merge of a map edited in two tabs at once: from the version both started from, our
//! version and theirs. Parts changed on one side only are taken from that side; a part changed
//! on both sides in different ways is a conflict the user settles. `reconcile` decides what a
//! tab does when another tab has saved a map.

use crate::model::{Id, JourneyMap};
use crate::validate::validate;

#[derive(Clone, Debug, PartialEq)]
pub enum Merge {
    Merged(Box<JourneyMap>),
    /// What both sides changed differently, in words.
    Conflict(Vec<String>),
}

/// One value changed by at most one side: that side's; changed by both: a conflict unless equal.
fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> Option<T> {
    if ours == base || ours == theirs {
        Some(theirs.clone())
    } else if theirs == base {
        Some(ours.clone())
    } else {
        None
    }
}

/// Merges a list of elements with ids, element by element, then their order.
fn merge_list<T: PartialEq + Clone>(
    what: &str,
    id: fn(&T) -> Id,
    base: &[T],
    ours: &[T],
    theirs: &[T],
    conflicts: &mut Vec<String>,
) -> Vec<T> {
    let find = |list: &[T], wanted: Id| list.iter().find(|x| id(x) == wanted).cloned();
    let order = |list: &[T]| list.iter().map(id).collect::<Vec<_>>();
    let (base_order, our_order, their_order) = (order(base), order(ours), order(theirs));
    // A side set the order when its list is not simply the base order, minus what it deleted,
    // with what it added at the end.
    let plain = |side: &[Id]| -> Vec<Id> {
        let kept = base_order.iter().copied().filter(|i| side.contains(i));
        kept.chain(side.iter().copied().filter(|i| !base_order.contains(i)))
            .collect()
    };
    let ours_moved = our_order != plain(&our_order);
    let theirs_moved = their_order != plain(&their_order);
    let shared = |a: &[Id], b: &[Id]| {
        a.iter()
            .copied()
            .filter(|i| b.contains(i))
            .collect::<Vec<_>>()
    };
    if ours_moved
        && theirs_moved
        && shared(&our_order, &their_order) != shared(&their_order, &our_order)
    {
        conflicts.push(format!("the order of the {what}"));
    }
    // The side that reordered sets the order; the other side's new elements follow it.
    let (lead, follow) = if ours_moved {
        (&our_order, &their_order)
    } else {
        (&their_order, &our_order)
    };
    let mut ids: Vec<Id> = lead.clone();
    ids.extend(follow.iter().copied().filter(|i| !lead.contains(i)));
    let gone: Vec<Id> = base_order
        .iter()
        .copied()
        .filter(|i| !ids.contains(i))
        .collect();
    ids.extend(gone);
    let mut merged = Vec::new();
    for i in ids {
        match pick(&find(base, i), &find(ours, i), &find(theirs, i)) {
            Some(Some(item)) => merged.push(item),
            Some(None) => {}
            None => conflicts.push(format!("{what} {i}")),
        }
    }
    merged
}

pub fn merge(base: &JourneyMap, ours: &JourneyMap, theirs: &JourneyMap) -> Merge {
    let mut conflicts = Vec::new();
    let mut scalar = |what: &str, b: &String, o: &String, t: &String| {
        pick(b, o, t).unwrap_or_else(|| {
            conflicts.push(what.to_string());
            o.clone()
        })
    };
    let name = scalar("the map's name", &base.name, &ours.name, &theirs.name);
    let description = scalar(
        "the map's description",
        &base.description,
        &ours.description,
        &theirs.description,
    );
    let scoring = pick(&base.scoring, &ours.scoring, &theirs.scoring).unwrap_or_else(|| {
        conflicts.push("the score's answers and settings".into());
        ours.scoring.clone()
    });
    let versions = pick(&base.versions, &ours.versions, &theirs.versions).unwrap_or_else(|| {
        conflicts.push("the saved versions".into());
        ours.versions.clone()
    });
    let merged = JourneyMap {
        id: ours.id.clone(),
        name,
        description,
        // No edit changes the link, so both sides have the same one.
        as_is: ours.as_is.clone(),
        created: base.created,
        updated: ours.updated.max(theirs.updated),
        stages: merge_list(
            "stages",
            |s| s.id,
            &base.stages,
            &ours.stages,
            &theirs.stages,
            &mut conflicts,
        ),
        lanes: merge_list(
            "lanes",
            |l| l.id,
            &base.lanes,
            &ours.lanes,
            &theirs.lanes,
            &mut conflicts,
        ),
        personas: merge_list(
            "personas",
            |p| p.id,
            &base.personas,
            &ours.personas,
            &theirs.personas,
            &mut conflicts,
        ),
        cards: merge_list(
            "cards",
            |c| c.id,
            &base.cards,
            &ours.cards,
            &theirs.cards,
            &mut conflicts,
        ),
        scoring,
        versions,
    };
    if !conflicts.is_empty() {
        return Merge::Conflict(conflicts);
    }
    // Edits that fit alone can still clash together: a card added in a stage the other deleted.
    match validate(&merged).first() {
        None => Merge::Merged(Box::new(merged)),
        Some(problem) => Merge::Conflict(vec![problem.to_string()]),
    }
}

/// What a tab does with another tab's save of a map.
#[derive(Clone, Debug, PartialEq)]
pub enum Reconcile {
    /// Nothing here is unsaved: their version replaces ours.
    TakeTheirs,
    /// Both sides changed different parts: both sides' changes, merged.
    Merged(Box<JourneyMap>),
    /// Both sides changed these parts differently; the user chooses which version to keep.
    Conflict(Vec<String>),
}

/// Decides what to do with `theirs`, another tab's save of a map, given `base`, the version this
/// tab last saved or read of it (`None` if it never had it stored), and `ours`, this tab's
/// version (`None` if this tab has no such map). An edit made on one side only is never lost,
/// and a part both sides changed differently is always reported, never overwritten.
pub fn reconcile(
    base: Option<&JourneyMap>,
    ours: Option<&JourneyMap>,
    theirs: &JourneyMap,
) -> Reconcile {
    match (ours, base) {
        (Some(ours), Some(base)) if ours != base => match merge(base, ours, theirs) {
            Merge::Merged(map) => Reconcile::Merged(map),
            Merge::Conflict(what) => Reconcile::Conflict(what),
        },
        // A map of ours that was never stored, and theirs took its id.
        (Some(ours), None) if ours != theirs => {
            Reconcile::Conflict(vec!["a map with the same id".to_string()])
        }
        _ => Reconcile::TakeTheirs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Edit, Template};

    fn base() -> JourneyMap {
        Template::FourStage.build("m".into(), 0)
    }

    fn edited(edits: &[Edit]) -> JourneyMap {
        let mut map = base();
        for edit in edits {
            map.apply(edit).unwrap();
        }
        map
    }

    fn lane(map: &JourneyMap, title: &str) -> Id {
        map.lanes.iter().find(|l| l.title == title).unwrap().id
    }

    #[test]
    fn edits_to_different_parts_are_both_kept() {
        let b = base();
        let (s0, s1, actions) = (b.stages[0].id, b.stages[1].id, lane(&b, "Actions"));
        let ours = edited(&[Edit::RenameStage {
            stage: s0,
            name: "Discover".into(),
        }]);
        let theirs = edited(&[Edit::AddCard {
            lane: actions,
            stage: s1,
            text: "Compares plans".into(),
        }]);
        let Merge::Merged(m) = merge(&b, &ours, &theirs) else {
            panic!("expected a merge")
        };
        assert_eq!(m.stages[0].name, "Discover");
        assert_eq!(m.cards.len(), 1);
        assert_eq!(m.cards[0].text, "Compares plans");
    }

    #[test]
    fn a_reorder_on_one_side_survives_an_edit_on_the_other() {
        let b = base();
        let ours = edited(&[Edit::MoveStage {
            stage: b.stages[0].id,
            to: 3,
        }]);
        let theirs = edited(&[Edit::RenameMap("Renamed".into())]);
        let Merge::Merged(m) = merge(&b, &ours, &theirs) else {
            panic!("expected a merge")
        };
        assert_eq!(
            m.stages.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["Consideration", "Decision", "Post-purchase", "Awareness"]
        );
        assert_eq!(m.name, "Renamed");
    }

    #[test]
    fn the_same_part_changed_twice_is_a_conflict() {
        let b = base();
        let s0 = b.stages[0].id;
        let ours = edited(&[Edit::RenameStage {
            stage: s0,
            name: "Mine".into(),
        }]);
        let theirs = edited(&[Edit::RenameStage {
            stage: s0,
            name: "Theirs".into(),
        }]);
        assert_eq!(
            merge(&b, &ours, &theirs),
            Merge::Conflict(vec![format!("stages {s0}")])
        );
        assert!(matches!(merge(&b, &ours, &ours), Merge::Merged(m) if m.stages[0].name == "Mine"));
    }

    #[test]
    fn a_card_in_a_stage_the_other_side_deleted_is_a_conflict() {
        let b = base();
        let (s0, actions) = (b.stages[0].id, lane(&b, "Actions"));
        let ours = edited(&[Edit::AddCard {
            lane: actions,
            stage: s0,
            text: "x".into(),
        }]);
        let theirs = edited(&[Edit::DeleteStage { stage: s0 }]);
        assert!(matches!(merge(&b, &ours, &theirs), Merge::Conflict(_)));
    }

    #[test]
    fn another_tabs_save_replaces_a_map_with_nothing_unsaved() {
        let theirs = edited(&[Edit::RenameMap("Theirs".into())]);
        assert_eq!(
            reconcile(Some(&base()), Some(&base()), &theirs),
            Reconcile::TakeTheirs
        );
        assert_eq!(
            reconcile(Some(&base()), None, &theirs),
            Reconcile::TakeTheirs
        );
        assert_eq!(reconcile(None, None, &theirs), Reconcile::TakeTheirs);
    }

    #[test]
    fn unsaved_edits_here_are_merged_with_theirs_or_reported() {
        let ours = edited(&[Edit::RenameMap("Ours".into())]);
        let theirs = edited(&[Edit::RenameStage {
            stage: base().stages[0].id,
            name: "Looking".into(),
        }]);
        let Reconcile::Merged(merged) = reconcile(Some(&base()), Some(&ours), &theirs) else {
            panic!("different parts merge");
        };
        assert_eq!(
            (merged.name.as_str(), merged.stages[0].name.as_str()),
            ("Ours", "Looking")
        );

        let renamed = edited(&[Edit::RenameMap("Theirs".into())]);
        assert_eq!(
            reconcile(Some(&base()), Some(&ours), &renamed),
            Reconcile::Conflict(vec!["the map's name".to_string()])
        );
    }

    #[test]
    fn a_map_never_stored_here_whose_id_another_tab_saved_is_a_conflict() {
        let theirs = edited(&[Edit::RenameMap("Theirs".into())]);
        assert_eq!(
            reconcile(None, Some(&base()), &theirs),
            Reconcile::Conflict(vec!["a map with the same id".to_string()])
        );
        assert_eq!(
            reconcile(None, Some(&theirs), &theirs),
            Reconcile::TakeTheirs
        );
    }
}
