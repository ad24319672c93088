use std::collections::BTreeMap;
use std::rc::Rc;

use journey_core::store::{Backup, Loaded, Unreadable};
use journey_core::{Edit, JourneyMap, Library, Millis};
use yew::Reducible;

use crate::browser::route::Route;
use crate::browser::storage::StorageError;
use crate::state::editor::OpenMap;
use crate::state::notice::Keep;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryState {
    pub library: Library,
    /// The map open in the editor, the one writer of that map besides the library's own
    /// operations; its every version is the library's too.
    pub open: Option<OpenMap>,
    /// The revision each stored map was read at on start, where the autosave's record begins.
    pub revisions: BTreeMap<String, u64>,
    /// Stored values that could not be read at start; corrupt ones are moved to backups.
    pub unreadable: Vec<Unreadable>,
    pub backups: Vec<Backup>,
    /// The map deleted last and where it was, so the delete can be undone.
    pub deleted: Option<(usize, Rc<JourneyMap>)>,
    /// Why the last rename could not be done.
    pub problem: Option<String>,
    /// This browser gives no storage: the library lives in memory only.
    pub storage_unavailable: bool,
    /// Another tab's version waiting for the user to choose, with what both changed.
    pub conflict: Option<(Rc<JourneyMap>, Vec<String>)>,
}

pub enum LibraryAction {
    /// A map just made from a template.
    Create(Box<JourneyMap>),
    Import {
        map: Box<JourneyMap>,
        fresh_id: String,
        now: Millis,
    },
    /// A shared as-is and to-be pair, kept linked (`Library::import_pair`).
    ImportPair {
        map: Box<JourneyMap>,
        partner: Box<JourneyMap>,
        fresh_ids: [String; 2],
        now: Millis,
    },
    Rename {
        id: String,
        name: String,
        now: Millis,
    },
    Duplicate {
        id: String,
        fresh_id: String,
        now: Millis,
    },
    /// One of a map's saved versions made a map of its own.
    DuplicateVersion {
        id: String,
        number: u32,
        fresh_id: String,
        now: Millis,
    },
    /// A to-be journey planned from this map, added beside it.
    PlanToBe {
        id: String,
        fresh_id: String,
        now: Millis,
    },
    Delete {
        id: String,
    },
    UndoDelete,
    /// The editor opened this map: a new session, with no undo history.
    Open {
        id: String,
    },
    /// An edit of the open map.
    Edit {
        edit: Edit,
        now: Millis,
    },
    Undo,
    Redo,
    /// An unreadable value now lives under a backup key.
    Quarantined {
        key: String,
        backup: Backup,
    },
    BackupDiscarded {
        key: String,
    },
    /// Another tab saved this version of a map.
    External(Rc<JourneyMap>),
    /// Another tab deleted a map.
    ExternalRemoved {
        id: String,
    },
    /// Another tab saved a version that clashes with this tab's unsaved edits.
    Conflict {
        theirs: Rc<JourneyMap>,
        what: Vec<String>,
    },
    /// The user settled a conflict: keep this tab's version (saved again) or take theirs.
    Settle(Keep),
    /// Storage is full: keep only each map's latest `keep` score periods.
    DropOldPeriods {
        keep: usize,
        now: Millis,
    },
    /// Storage is full: keep only each map's latest `keep` saved versions.
    DropOldVersions {
        keep: usize,
        now: Millis,
    },
}

/// What storage held at start; without storage at all, an empty library kept in memory.
impl From<Result<Loaded, StorageError>> for LibraryState {
    fn from(loaded: Result<Loaded, StorageError>) -> LibraryState {
        match loaded {
            Ok(loaded) => LibraryState {
                library: Library::new(loaded.maps),
                revisions: loaded.revisions,
                unreadable: loaded.unreadable,
                backups: loaded.backups,
                ..LibraryState::default()
            },
            Err(_) => LibraryState {
                storage_unavailable: true,
                ..LibraryState::default()
            },
        }
    }
}

impl Reducible for LibraryState {
    type Action = LibraryAction;

    fn reduce(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        let known = |id: &str| self.library.get(id);
        let unchanged = match &action {
            // Opening the map that is open, with no history yet, changes nothing.
            LibraryAction::Open { id } => self.open.as_ref().is_some_and(|open| {
                open.id() == id
                    && !open.session.can_undo()
                    && !open.session.can_redo()
                    && known(id).is_some_and(|map| Rc::ptr_eq(map, open.map()))
            }),
            LibraryAction::Edit { .. } | LibraryAction::Undo | LibraryAction::Redo => {
                return self.edit_open(action);
            }
            // Our own save echoed back by another tab changes nothing.
            LibraryAction::External(map) => known(&map.id).is_some_and(|k| **k == **map),
            LibraryAction::ExternalRemoved { id } => known(id).is_none(),
            _ => false,
        };
        if unchanged {
            return self;
        }
        let mut next = (*self).clone();
        next.problem = None;
        // "Undo delete" is offered until the user does something else in the library.
        if matches!(
            action,
            LibraryAction::Create(_)
                | LibraryAction::Import { .. }
                | LibraryAction::ImportPair { .. }
                | LibraryAction::Rename { .. }
                | LibraryAction::Duplicate { .. }
                | LibraryAction::DuplicateVersion { .. }
                | LibraryAction::PlanToBe { .. }
        ) {
            next.deleted = None;
        }
        match action {
            LibraryAction::Create(map) => next.library.add(*map),
            LibraryAction::Import { map, fresh_id, now } => {
                next.library.import(*map, fresh_id, now);
            }
            LibraryAction::ImportPair {
                map,
                partner,
                fresh_ids,
                now,
            } => {
                next.library.import_pair(*map, *partner, fresh_ids, now);
            }
            LibraryAction::Rename { id, name, now } => {
                if let Err(e) = next.library.rename(&id, &name, now) {
                    next.problem = Some(format!("Not renamed: {e}."));
                }
            }
            LibraryAction::Duplicate { id, fresh_id, now } => {
                next.library.duplicate(&id, fresh_id, now);
            }
            LibraryAction::DuplicateVersion {
                id,
                number,
                fresh_id,
                now,
            } => next.library.duplicate_version(&id, number, fresh_id, now),
            LibraryAction::PlanToBe { id, fresh_id, now } => {
                next.library.plan_to_be(&id, fresh_id, now)
            }
            LibraryAction::Delete { id } => {
                next.deleted = next.library.remove(&id);
            }
            LibraryAction::UndoDelete => {
                if let Some((at, map)) = next.deleted.take() {
                    next.library.restore(at, map);
                }
            }
            LibraryAction::Open { id } => {
                next.open = next.library.get(&id).cloned().map(OpenMap::new);
            }
            LibraryAction::Edit { .. } | LibraryAction::Undo | LibraryAction::Redo => {}
            LibraryAction::Quarantined { key, backup } => {
                next.unreadable.retain(|u| u.key != key);
                next.backups.push(backup);
            }
            LibraryAction::BackupDiscarded { key } => next.backups.retain(|b| b.key != key),
            LibraryAction::External(map) => next.library.replace(map),
            LibraryAction::Conflict { theirs, what } => next.conflict = Some((theirs, what)),
            LibraryAction::Settle(keep) => {
                if let Some((theirs, _)) = next.conflict.take() {
                    let ours = next.library.get(&theirs.id).cloned();
                    match (keep, ours) {
                        // A fresh Rc is a change to the autosave, which then writes ours again.
                        (Keep::Ours, Some(ours)) => next.library.replace(Rc::new((*ours).clone())),
                        _ => next.library.replace(theirs),
                    }
                }
            }
            LibraryAction::ExternalRemoved { id } => {
                next.library.remove(&id);
            }
            LibraryAction::DropOldPeriods { keep, now } => next.library.drop_old_periods(keep, now),
            LibraryAction::DropOldVersions { keep, now } => {
                next.library.drop_old_versions(keep, now)
            }
        }
        // Whatever changed the open map here, its session takes in as one undoable step.
        if let Some(open) = next.open.as_mut() {
            if let Some(map) = next.library.get(open.id()) {
                open.follow(map);
            }
        }
        Rc::new(next)
    }
}

impl LibraryState {
    /// The state with the map this route names open, for the first render.
    pub fn opening(mut self, route: &Route) -> LibraryState {
        if let Route::Map(id) = route {
            self.open = self.library.get(id).cloned().map(OpenMap::new);
        }
        self
    }

    /// An edit, undo or redo of the open map, taken into the library in the same step. The same
    /// state comes back when nothing changed, so nothing renders again.
    fn edit_open(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let Some(open) = next.open.as_mut() else {
            return self;
        };
        let changed = match action {
            LibraryAction::Edit { edit, now } => open.apply(&edit, now),
            LibraryAction::Undo => open.session.undo(),
            LibraryAction::Redo => open.session.redo(),
            _ => false,
        };
        if !changed {
            return self;
        }
        let map = open.map().clone();
        next.library.replace(map);
        next.problem = None;
        Rc::new(next)
    }
}
