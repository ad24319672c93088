use std::rc::Rc;

use journey_core::store::{Backup, Loaded, Unreadable};
use journey_core::{JourneyMap, Library, Millis};
use yew::Reducible;

use crate::storage::StorageError;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryState {
    pub library: Library,
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
    Delete {
        id: String,
    },
    UndoDelete,
    /// The map view's newer version of a map.
    Replace(Rc<JourneyMap>),
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
    Settle {
        keep_ours: bool,
    },
    /// Storage is full: keep only each map's latest `keep` score periods.
    DropOldPeriods {
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
            LibraryAction::Replace(map) => known(&map.id).is_some_and(|k| Rc::ptr_eq(k, map)),
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
                | LibraryAction::Rename { .. }
                | LibraryAction::Duplicate { .. }
        ) {
            next.deleted = None;
        }
        match action {
            LibraryAction::Create(map) => next.library.add(*map),
            LibraryAction::Import { map, fresh_id, now } => {
                next.library.import(*map, fresh_id, now);
            }
            LibraryAction::Rename { id, name, now } => {
                if let Err(e) = next.library.rename(&id, &name, now) {
                    next.problem = Some(format!("Not renamed: {e}."));
                }
            }
            LibraryAction::Duplicate { id, fresh_id, now } => {
                next.library.duplicate(&id, fresh_id, now);
            }
            LibraryAction::Delete { id } => {
                next.deleted = next.library.remove(&id);
            }
            LibraryAction::UndoDelete => {
                if let Some((at, map)) = next.deleted.take() {
                    next.library.restore(at, map);
                }
            }
            LibraryAction::Replace(map) => next.library.replace(map),
            LibraryAction::Quarantined { key, backup } => {
                next.unreadable.retain(|u| u.key != key);
                next.backups.push(backup);
            }
            LibraryAction::BackupDiscarded { key } => next.backups.retain(|b| b.key != key),
            LibraryAction::External(map) => next.library.replace(map),
            LibraryAction::Conflict { theirs, what } => next.conflict = Some((theirs, what)),
            LibraryAction::Settle { keep_ours } => {
                if let Some((theirs, _)) = next.conflict.take() {
                    let ours = next.library.get(&theirs.id).cloned();
                    match (keep_ours, ours) {
                        // A fresh Rc is a change to the autosave, which then writes ours again.
                        (true, Some(ours)) => next.library.replace(Rc::new((*ours).clone())),
                        _ => next.library.replace(theirs),
                    }
                }
            }
            LibraryAction::ExternalRemoved { id } => {
                next.library.remove(&id);
            }
            LibraryAction::DropOldPeriods { keep, now } => next.library.drop_old_periods(keep, now),
        }
        Rc::new(next)
    }
}
