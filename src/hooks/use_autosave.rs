//! Saves the library shortly after it changes, and at once when the page is hidden.
//!
//! Only maps whose value changed since the last successful save are written (a map is shared
//! through `Rc`, so an unchanged map is the same pointer), and a map deleted from the library is
//! removed from storage. A failed write keeps the map in memory and is tried again on the next
//! change or page hide.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use journey_core::{JourneyMap, Library};
use yew::prelude::*;

use journey_core::merge::{merge, Merge};
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;

use crate::state::library::LibraryAction;
use crate::storage::{self, external_change, External, StorageError};

/// Quiet time after an edit before saving: long enough to batch a burst of edits.
const SAVE_DELAY_MS: u32 = 300;

type Saved = HashMap<String, Rc<JourneyMap>>;

struct Autosave {
    latest: Library,
    saved: Saved,
    timer: Option<Timeout>,
}

fn flush(state: &RefCell<Autosave>) -> Result<(), StorageError> {
    let mut state = state.borrow_mut();
    state.timer = None;
    let mut result = Ok(());
    let changed: Vec<Rc<JourneyMap>> = state
        .latest
        .maps()
        .iter()
        .filter(|map| {
            !state
                .saved
                .get(&map.id)
                .is_some_and(|saved| Rc::ptr_eq(saved, map))
        })
        .cloned()
        .collect();
    for map in changed {
        match storage::save_map(&map) {
            Ok(()) => {
                state.saved.insert(map.id.clone(), map);
            }
            Err(e) => result = Err(e),
        }
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

/// What another tab's save means here, given what this tab has saved and not yet saved: take
/// theirs when nothing here is pending, merge when both sides changed different parts, else ask.
fn receive(state: &RefCell<Autosave>, event: &StorageEvent) -> Option<LibraryAction> {
    let mut autosave = state.borrow_mut();
    let theirs = match external_change(event)? {
        External::Removed(id) => {
            autosave.saved.remove(&id);
            return Some(LibraryAction::ExternalRemoved { id });
        }
        External::Saved(map) => map,
    };
    let id = theirs.id.clone();
    let ours = autosave.latest.get(&id).cloned();
    let base = autosave.saved.insert(id, theirs.clone());
    match (ours, base) {
        (Some(ours), Some(base)) if !Rc::ptr_eq(&ours, &base) => match merge(&base, &ours, &theirs)
        {
            Merge::Merged(map) => Some(LibraryAction::External(Rc::new(*map))),
            Merge::Conflict(what) => Some(LibraryAction::Conflict { theirs, what }),
        },
        _ => Some(LibraryAction::External(theirs)),
    }
}

/// Returns the last save's failure, if the last save failed. Saves from other tabs reach the
/// library through `on_external`.
#[hook]
pub fn use_autosave(
    library: &Library,
    on_external: Callback<LibraryAction>,
) -> Option<StorageError> {
    let state = use_mut_ref(|| {
        let saved = library
            .maps()
            .iter()
            .map(|m| (m.id.clone(), m.clone()))
            .collect();
        Autosave {
            latest: library.clone(),
            saved,
            timer: None,
        }
    });
    let failure = use_state_eq(|| None::<StorageError>);

    {
        let state = state.clone();
        let failure = failure.clone();
        use_effect_with(library.clone(), move |library| {
            let mut autosave = state.borrow_mut();
            if autosave.latest != *library {
                autosave.latest = library.clone();
                let pending = state.clone();
                autosave.timer = Some(Timeout::new(SAVE_DELAY_MS, move || {
                    failure.set(flush(&pending).err());
                }));
            }
        });
    }
    {
        let state = state.clone();
        let failure = failure.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                failure.set(flush(&state).err());
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
