//! What Journeyscope keeps in browser storage, and how it reads it back. The app's storage module
//! does the IO; everything it decides lives here so it is tested natively.
//!
//! Keys, all under one namespace so nothing else on the origin is touched:
//! - `journeyscope:map:<map id>`: one map, as a compact file-format document (schema inside)
//!   with a `revision` that every save raises by one;
//! - `journeyscope:backup:<ms>:<map id>`: a value that could not be read, kept byte for byte.
//!
//! Keys under the namespace that this version does not know are left alone.
//!
//! A save is one `setItem` of the whole value, which either replaces the old value or fails and
//! leaves it, so a failed save never leaves half a map. The revision lets a tab see, just before
//! it writes, that another tab wrote since it last read (see `written_elsewhere`).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::format::{import_document, stored_json, ImportError};
use crate::model::{JourneyMap, Millis};

pub const NAMESPACE: &str = "journeyscope:";
pub const MAP_PREFIX: &str = "journeyscope:map:";
pub const BACKUP_PREFIX: &str = "journeyscope:backup:";

pub fn map_key(id: &str) -> String {
    format!("{MAP_PREFIX}{id}")
}

/// Where an unreadable value is moved: unique per moment, and naming what it was.
pub fn backup_key(original: &str, now: Millis) -> String {
    let what = original.strip_prefix(MAP_PREFIX).unwrap_or(original);
    format!("{BACKUP_PREFIX}{now}:{what}")
}

/// The value stored for a map at the given revision.
pub fn encode(map: &JourneyMap, revision: u64) -> String {
    stored_json(map, revision)
}

/// The revision of a stored value, without building the map: 0 for a value from before revisions,
/// `None` for a value that is not a map document at all.
pub fn revision_of(raw: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Head {
        format: String,
        #[serde(default)]
        revision: u64,
    }
    let head: Head = serde_json::from_str(raw).ok()?;
    (head.format == crate::format::FORMAT_NAME).then_some(head.revision)
}

/// What browsers give one site: about five million characters of localStorage.
pub const QUOTA_CHARS: usize = 5_000_000;

/// How much of the quota a map takes, in characters of its stored value and key.
pub fn stored_chars(map: &JourneyMap) -> usize {
    encode(map, 0).chars().count() + map_key(&map.id).len()
}

/// "12 KB", "1.4 MB": a size in characters, as people read it.
pub fn human_size(chars: usize) -> String {
    match chars {
        0..=999 => format!("{chars} B"),
        1_000..=999_999 => format!("{} KB", (chars as f64 / 1000.0).round()),
        _ => format!("{:.1} MB", chars as f64 / 1_000_000.0),
    }
}

/// A stored value that could not be turned into a map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub error: StoredError,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredError {
    /// Written by a newer Journeyscope: left where it is, untouched, for that version to read.
    Newer(ImportError),
    /// Damaged or foreign: moved to a backup key and offered as a download.
    Corrupt(String),
}

impl Unreadable {
    pub fn should_quarantine(&self) -> bool {
        matches!(self.error, StoredError::Corrupt(_))
    }

    pub fn message(&self) -> String {
        match &self.error {
            StoredError::Newer(e) => e.to_string(),
            StoredError::Corrupt(e) => e.clone(),
        }
    }
}

/// A quarantined value from an earlier start, still waiting to be downloaded or discarded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub key: String,
    pub raw: String,
    /// Why it was set aside, when that happened in this session.
    pub reason: Option<String>,
}

impl Backup {
    /// A file name for the download, safe on every file system.
    pub fn file_name(&self) -> String {
        let what = self.key.strip_prefix(BACKUP_PREFIX).unwrap_or(&self.key);
        let safe: String = what
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        format!("journeyscope-backup-{safe}.txt")
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub maps: Vec<JourneyMap>,
    /// The revision each map was read at, by map id.
    pub revisions: BTreeMap<String, u64>,
    pub unreadable: Vec<Unreadable>,
    pub backups: Vec<Backup>,
}

/// Sorts every stored entry into maps, values that could not be read, and earlier backups.
pub fn load(entries: impl IntoIterator<Item = (String, String)>) -> Loaded {
    let mut loaded = Loaded::default();
    for (key, raw) in entries {
        if key.starts_with(BACKUP_PREFIX) {
            loaded.backups.push(Backup {
                key,
                raw,
                reason: None,
            });
        } else if let Some(id) = key.strip_prefix(MAP_PREFIX) {
            match read_map(id, &raw) {
                Ok((map, revision)) => {
                    loaded.revisions.insert(map.id.clone(), revision);
                    loaded.maps.push(map);
                }
                Err(error) => loaded.unreadable.push(Unreadable { key, raw, error }),
            }
        }
    }
    loaded.backups.sort_by(|a, b| a.key.cmp(&b.key));
    loaded
}

fn read_map(id: &str, raw: &str) -> Result<(JourneyMap, u64), StoredError> {
    match import_document(raw) {
        Ok((map, revision)) if map.id == id => Ok((map, revision)),
        Ok((map, _)) => Err(StoredError::Corrupt(format!(
            "it holds map \"{}\" but is stored under \"{id}\"",
            map.id
        ))),
        Err(e @ ImportError::NewerSchema { .. }) => Err(StoredError::Newer(e)),
        Err(e) => Err(StoredError::Corrupt(e.to_string())),
    }
}

/// Whether the stored value changed since this tab last read or wrote it (`known`), so writing
/// now would overwrite another tab's save. No stored value means nothing to overwrite.
pub fn written_elsewhere(known: Option<u64>, stored: Option<u64>) -> bool {
    match (known, stored) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(known), Some(stored)) => stored != known,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(id: &str) -> JourneyMap {
        JourneyMap::empty(id.into(), format!("Map {id}"), 5)
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(12_345), "12 KB");
        assert_eq!(human_size(1_450_000), "1.4 MB");
        let map = map("a");
        assert_eq!(
            stored_chars(&map),
            encode(&map, 0).len() + "journeyscope:map:a".len()
        );
    }

    #[test]
    fn keys_are_namespaced() {
        assert_eq!(map_key("abc"), "journeyscope:map:abc");
        assert_eq!(
            backup_key("journeyscope:map:abc", 17),
            "journeyscope:backup:17:abc"
        );
        assert!(map_key("x").starts_with(NAMESPACE));
    }

    #[test]
    fn sorts_maps_damage_and_backups() {
        let newer = encode(&map("n"), 1).replace("\"schema\":3", "\"schema\":9");
        let entries = vec![
            (map_key("a"), encode(&map("a"), 1)),
            (map_key("b"), "{not json".to_string()),
            (map_key("n"), newer.clone()),
            (map_key("c"), encode(&map("d"), 1)),
            ("journeyscope:backup:3:x".to_string(), "old".to_string()),
            ("journeyscope:settings".to_string(), "{}".to_string()),
        ];
        let loaded = load(entries);
        assert_eq!(loaded.maps, vec![map("a")]);
        let keys: Vec<_> = loaded.unreadable.iter().map(|u| u.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "journeyscope:map:b",
                "journeyscope:map:n",
                "journeyscope:map:c"
            ]
        );
        assert!(loaded.unreadable[0].should_quarantine());
        assert_eq!(
            loaded.unreadable[0].message(),
            "not valid JSON at line 1, column 2: key must be a string"
        );
        assert!(!loaded.unreadable[1].should_quarantine());
        assert_eq!(loaded.unreadable[1].raw, newer);
        assert_eq!(
            loaded.unreadable[2].message(),
            "it holds map \"d\" but is stored under \"c\""
        );
        assert_eq!(
            loaded.backups,
            vec![Backup {
                key: "journeyscope:backup:3:x".into(),
                raw: "old".into(),
                reason: None,
            }]
        );
    }

    #[test]
    fn revisions_are_stored_and_read_back() {
        let stored = encode(&map("a"), 7);
        assert_eq!(revision_of(&stored), Some(7));
        let loaded = load([(map_key("a"), stored)]);
        assert_eq!(loaded.revisions.get("a"), Some(&7));
        let before_revisions = encode(&map("a"), 0).replace(",\"revision\":0", "");
        assert!(!before_revisions.contains("revision"));
        assert_eq!(revision_of(&before_revisions), Some(0));
        assert_eq!(revision_of("{\"format\":\"other\"}"), None);
        assert_eq!(revision_of("not json"), None);
    }

    #[test]
    fn a_write_since_the_last_read_is_noticed() {
        assert!(!written_elsewhere(Some(3), Some(3)));
        assert!(!written_elsewhere(Some(3), None));
        assert!(!written_elsewhere(None, None));
        assert!(written_elsewhere(Some(3), Some(4)));
        assert!(written_elsewhere(None, Some(0)));
    }

    #[test]
    fn backup_file_names_are_safe() {
        let backup = Backup {
            key: "journeyscope:backup:17:a/b".into(),
            raw: String::new(),
            reason: None,
        };
        assert_eq!(backup.file_name(), "journeyscope-backup-17_a_b.txt");
    }
}
