//! The one place that touches localStorage. Every call is fallible: storage can be blocked
//! (private modes, sandboxed frames) or full, and neither may crash the app or lose an edit.
//! What is stored and how it is read is decided in `journey_core::store`. It keeps no state:
//! what this tab last saved is the autosave's record, handed in with each write.

use std::cell::OnceCell;
use std::fmt;
use std::rc::Rc;

use journey_core::store::{self, Loaded, Prepared};
use journey_core::JourneyMap;
use js_sys::{Function, JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives no localStorage at all.
    Unavailable,
    /// A write was refused, usually because the quota is full.
    WriteFailed(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => {
                f.write_str("this browser does not allow this page to store data")
            }
            StorageError::WriteFailed(why) => {
                write!(f, "the browser refused to store the map ({why})")
            }
        }
    }
}

/// Why a map was not saved.
pub enum SaveError {
    Storage(StorageError),
    /// Another tab saved this map since this tab last read it; its version and revision are
    /// here, to merge with this tab's before writing again.
    Stale {
        theirs: Rc<JourneyMap>,
        revision: u64,
    },
}

impl From<StorageError> for SaveError {
    fn from(error: StorageError) -> SaveError {
        SaveError::Storage(error)
    }
}

fn local_storage() -> Result<Storage, StorageError> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

fn describe(error: wasm_bindgen::JsValue) -> String {
    js_sys::Error::from(error)
        .name()
        .as_string()
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Reads every value under Journeyscope's namespace.
pub fn load() -> Result<Loaded, StorageError> {
    let storage = local_storage()?;
    let count = storage.length().map_err(|_| StorageError::Unavailable)?;
    let entries = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(store::NAMESPACE))
        .filter_map(|key| {
            let raw = storage.get_item(&key).ok().flatten()?;
            Some((key, raw))
        });
    Ok(store::load(entries))
}

/// Every stored map's key and value as they are stored, for the crash screen's downloads; none
/// when storage cannot be read.
pub fn stored_map_values() -> Vec<(String, String)> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(store::MAP_PREFIX))
        .filter_map(|key| storage.get_item(&key).ok().flatten().map(|raw| (key, raw)))
        .collect()
}

fn set(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?
        .set_item(key, value)
        .map_err(|e| StorageError::WriteFailed(describe(e)))
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|e| StorageError::WriteFailed(describe(e)))
}

/// The first characters of a stored value, cut in JavaScript so a big value is not copied into
/// the app to read its revision. `None` when nothing is stored or it cannot be read.
fn stored_head(storage: &Storage, key: &str) -> Option<String> {
    let get_item: Function = Reflect::get(storage, &JsValue::from_str("getItem"))
        .ok()?
        .dyn_into()
        .ok()?;
    let value = get_item.call1(storage, &JsValue::from_str(key)).ok()?;
    let value: JsString = value.dyn_into().ok()?;
    Some(value.slice(0, store::HEAD_CHARS).into())
}

/// Writes a prepared map at the next revision, unless another tab wrote it since this tab last
/// read or wrote it, at revision `known`. Returns the revision written. Reads only the head of
/// the stored value unless that head is not one this version wrote or another tab's save has to
/// be read.
pub fn save_map(prepared: &Prepared, known: Option<u64>) -> Result<u64, SaveError> {
    let id = &prepared.id;
    let key = store::map_key(id);
    let storage = local_storage()?;
    // The whole value, read at most once and only when the head is not enough.
    let whole = OnceCell::new();
    let full = || {
        whole
            .get_or_init(|| storage.get_item(&key).ok().flatten())
            .as_deref()
    };
    let stored = match stored_head(&storage, &key) {
        None => None,
        Some(head) => {
            store::revision_in_head(&head).or_else(|| full().and_then(store::revision_of))
        }
    };
    if let (true, Some(revision)) = (store::written_elsewhere(known, stored), stored) {
        let theirs =
            full().and_then(|raw| store::load([(key.clone(), raw.to_string())]).maps.pop());
        if let Some(theirs) = theirs {
            return Err(SaveError::Stale {
                theirs: Rc::new(theirs),
                revision,
            });
        }
    }
    let next = known.max(stored).map_or(1, |revision| revision + 1);
    set(&key, &prepared.at(next))?;
    Ok(next)
}

pub fn delete_map(id: &str) -> Result<(), StorageError> {
    remove(&store::map_key(id))
}

/// Another tab's write to a map key.
pub enum External {
    /// A map saved, at this revision.
    Saved(Rc<JourneyMap>, u64),
    Removed(String),
}

/// What another tab wrote: a map saved (when it reads as one) or a map deleted. Values this tab
/// cannot read are left for its next start to set aside.
pub fn external_change(event: &web_sys::StorageEvent) -> Option<External> {
    let key = event.key()?;
    let id = key.strip_prefix(store::MAP_PREFIX)?.to_string();
    match event.new_value() {
        None => Some(External::Removed(id)),
        Some(raw) => {
            let mut loaded = store::load([(key, raw)]);
            let map = loaded.maps.pop()?;
            let revision = loaded.revisions.get(&id).copied().unwrap_or_default();
            Some(External::Saved(Rc::new(map), revision))
        }
    }
}

/// Moves an unreadable value to a backup key. The original is removed only once the copy is
/// written, so a failure leaves the value where it was.
pub fn quarantine(key: &str, raw: &str, now: i64) -> Result<String, StorageError> {
    let backup = store::backup_key(key, now);
    set(&backup, raw)?;
    remove(key)?;
    Ok(backup)
}
