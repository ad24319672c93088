//! Saves the library shortly after it changes, and at once when the page is hidden.
//!
//! A save after an edit is a few short tasks, so none keeps a keystroke waiting long: the changed
//! maps are turned into JSON a slice of cards per task (`store::Preparing`), then, in a task of
//! its own, each is written after a look at the stored revision. Hiding the page does it all at
//! once.
//!
//! Only maps whose value changed since the last successful save are written (a map is shared
//! through `Rc`, so an unchanged map is the same pointer), and a map deleted from the library is
//! removed from storage. A failed write keeps the map in memory and is tried again on the next
//! change or page hide. A map with an open conflict is not written until the user settles it.
//!
//! Another tab's save reaches this tab two ways: its `storage` event, and, if this tab writes
//! before that event arrives, the stored revision seen at write time. Both go through
//! `reconcile`, which asks `journey_core::merge::reconcile` what to do.
//!
//! What this tab last saved or read of each map, and at which revision, is kept here alone: it
//! is the base of a merge and what a write checks the stored revision against.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use journey_core::store::{Prepared, Preparing};
use journey_core::{JourneyMap, Library};
use yew::prelude::*;

use journey_core::merge::{self, Reconcile};
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;

use crate::browser::storage::{self, external_change, External, SaveError, StorageError};
use crate::state::library::LibraryAction;

/// Quiet time after an edit before saving: long enough to batch a burst of edits.
const SAVE_DELAY_MS: u32 = 300;

/// A map as this tab last saved or read it, and the stored revision it had then.
struct Stored {
    map: Rc<JourneyMap>,
    revision: u64,
}

struct Autosave {
    latest: Library,
    /// The map whose conflict with another tab waits for the user.
    held: Option<String>,
    saved: HashMap<String, Stored>,
    /// Maps being turned into JSON, and those ready to write, each with the value it is made from.
    preparing: Vec<(Rc<JourneyMap>, Preparing)>,
    prepared: Vec<(Rc<JourneyMap>, Prepared)>,
    timer: Option<Timeout>,
}

/// Runs one step of a save under a User Timing entry, so the benchmark and the browser's profiler
/// see what each step costs.
fn timed<T>(name: &str, step: impl FnOnce() -> T) -> T {
    let performance = gloo::utils::window().performance();
    let start = format!("{name}-start");
    if let Some(performance) = &performance {
        let _ = performance.mark(&start);
    }
    let result = step();
    if let Some(performance) = &performance {
        let _ = performance.measure_with_start_mark(name, &start);
        performance.clear_marks_with_mark_name(&start);
    }
    result
}

fn is_saved(state: &Autosave, map: &Rc<JourneyMap>) -> bool {
    state
        .saved
        .get(&map.id)
        .is_some_and(|saved| Rc::ptr_eq(&saved.map, map))
}

/// Starts a save of every map changed since its last save.
fn start(state: &mut Autosave) {
    state.preparing = state
        .latest
        .maps()
        .iter()
        .filter(|map| state.held.as_ref() != Some(&map.id) && !is_saved(state, map))
        .map(|map| (map.clone(), Preparing::new(map)))
        .collect();
    state.prepared.clear();
}

/// One short step of turning the changed maps into JSON.
fn prepare_step(state: &mut Autosave) {
    let Some((map, preparing)) = state.preparing.first_mut() else {
        return;
    };
    if let Some(prepared) = timed("journeyscope:save-prepare", || preparing.step(map)) {
        let (map, _) = state.preparing.remove(0);
        state.prepared.push((map, prepared));
    }
}

/// The save's steps, one task each, and then the write in a task of its own.
fn run(
    pending: Rc<RefCell<Autosave>>,
    failure: UseStateHandle<Option<StorageError>>,
    on_external: Callback<LibraryAction>,
) {
    let mut autosave = pending.borrow_mut();
    if autosave.preparing.is_empty() {
        failure.set(write(&mut autosave, &on_external).err());
        return;
    }
    prepare_step(&mut autosave);
    let again = pending.clone();
    autosave.timer = Some(Timeout::new(0, move || run(again, failure, on_external)));
}

/// The last step: the prepared maps written, and maps deleted from the library removed.
fn write(state: &mut Autosave, on_external: &Callback<LibraryAction>) -> Result<(), StorageError> {
    state.timer = None;
    let mut result = Ok(());
    let prepared = std::mem::take(&mut state.prepared);
    if !prepared.is_empty() {
        timed("journeyscope:save-write", || {
            for (map, prepared) in prepared {
                // A clash found since the map was prepared waits for the user.
                if state.held.as_ref() == Some(&map.id) {
                    continue;
                }
                let known = state.saved.get(&map.id).map(|saved| saved.revision);
                match storage::save_map(&prepared, known) {
                    Ok(revision) => {
                        state.saved.insert(map.id.clone(), Stored { map, revision });
                    }
                    Err(SaveError::Stale { theirs, revision }) => {
                        on_external.emit(reconcile(state, theirs, revision))
                    }
                    Err(SaveError::Storage(e)) => result = Err(e),
                }
            }
        });
    }
    let gone: Vec<String> = state
        .saved
        .keys()
        .filter(|id| state.latest.get(id).is_none())
        .cloned()
        .collect();
    for id in gone {
        match storage::delete_map(&id) {
            Ok(()) => {
                state.saved.remove(&id);
            }
            Err(e) => result = Err(e),
        }
    }
    result
}

/// Every step at once, for when the page is being hidden.
fn flush(
    state: &RefCell<Autosave>,
    on_external: &Callback<LibraryAction>,
) -> Result<(), StorageError> {
    let mut state = state.borrow_mut();
    start(&mut state);
    while !state.preparing.is_empty() {
        prepare_step(&mut state);
    }
    write(&mut state, on_external)
}

fn receive(state: &RefCell<Autosave>, event: &StorageEvent) -> Option<LibraryAction> {
    let mut autosave = state.borrow_mut();
    match external_change(event)? {
        External::Removed(id) => {
            autosave.saved.remove(&id);
            Some(LibraryAction::ExternalRemoved { id })
        }
        External::Saved(theirs, revision) => Some(reconcile(&mut autosave, theirs, revision)),
    }
}

/// What another tab's save means here, given what this tab last saved and what it has now.
fn reconcile(autosave: &mut Autosave, theirs: Rc<JourneyMap>, revision: u64) -> LibraryAction {
    let id = theirs.id.clone();
    let ours = autosave.latest.get(&id).cloned();
    let stored = Stored {
        map: theirs.clone(),
        revision,
    };
    let base = autosave.saved.insert(id.clone(), stored);
    match merge::reconcile(base.as_ref().map(|b| &*b.map), ours.as_deref(), &theirs) {
        Reconcile::TakeTheirs => LibraryAction::External(theirs),
        Reconcile::Merged(map) => LibraryAction::External(Rc::new(*map)),
        Reconcile::Conflict(what) => {
            autosave.held = Some(id);
            LibraryAction::Conflict { theirs, what }
        }
    }
}

/// Returns the last save's failure, if the last save failed. `revisions` are the stored maps'
/// revisions as read at start. Saves from other tabs reach the library through `on_external`;
/// `conflicted` is the map whose clash the user has not settled.
#[hook]
pub fn use_autosave(
    library: &Library,
    revisions: &BTreeMap<String, u64>,
    conflicted: Option<String>,
    on_external: Callback<LibraryAction>,
) -> Option<StorageError> {
    let state = use_mut_ref(|| {
        let saved = library
            .maps()
            .iter()
            .filter_map(|map| {
                let revision = *revisions.get(&map.id)?;
                let map = map.clone();
                Some((map.id.clone(), Stored { map, revision }))
            })
            .collect();
        Autosave {
            latest: library.clone(),
            held: None,
            saved,
            preparing: Vec::new(),
            prepared: Vec::new(),
            timer: None,
        }
    });
    let failure = use_state_eq(|| None::<StorageError>);

    {
        let state = state.clone();
        let failure = failure.clone();
        let on_external = on_external.clone();
        use_effect_with(
            (library.clone(), conflicted),
            move |(library, conflicted)| {
                let mut autosave = state.borrow_mut();
                let released = autosave.held.is_some() && conflicted.is_none();
                autosave.held = conflicted.clone();
                let unsaved = library.maps().iter().any(|map| !is_saved(&autosave, map));
                if autosave.latest != *library || released || unsaved {
                    autosave.latest = library.clone();
                    let pending = state.clone();
                    autosave.timer = Some(Timeout::new(SAVE_DELAY_MS, move || {
                        start(&mut pending.borrow_mut());
                        run(pending, failure, on_external);
                    }));
                }
            },
        );
    }
    {
        let state = state.clone();
        let failure = failure.clone();
        let on_external = on_external.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                failure.set(flush(&state, &on_external).err())
            });
            move || drop(listener)
        });
    }
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
                if let Some(action) = event
                    .dyn_ref::<StorageEvent>()
                    .and_then(|e| receive(&state, e))
                {
                    on_external.emit(action);
                }
            });
            move || drop(listener)
        });
    }
    (*failure).clone()
}
