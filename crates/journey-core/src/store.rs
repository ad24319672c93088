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
//! it writes, that another tab wrote since it last read (see `written_elsewhere`). A save comes in
//! short steps rather than one long one: `Preparing` turns the map into JSON a slice of cards at a
//! time, and the write reads the stored revision from the value's head (`revision_in_head`) and
//! puts the next one in front (`Prepared::at`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::format::{import_document, ImportError, FORMAT_NAME, SCHEMA_VERSION};
use crate::model::versions::SavedVersions;
use crate::model::{JourneyMap, Lane, Millis, Persona, Scoring, Stage};
use crate::order;

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
    let mut preparing = Preparing::new(map);
    loop {
        if let Some(prepared) = preparing.step(map) {
            return prepared.at(revision);
        }
    }
}

/// A map made ready to store: all of its stored value except the revision.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    pub id: String,
    map_json: String,
}

/// Cards made into JSON per step of `Preparing`: half a millisecond of work in the browser for
/// cards of a few words, under two before it has optimised the code.
const CARDS_PER_STEP: usize = 250;

/// A map being made ready to store in short steps, so a save never holds the page for long: its
/// cards a slice at a time, then everything else around them.
#[derive(Clone, Debug)]
pub struct Preparing {
    id: String,
    /// The cards so far, as the inside of a JSON array.
    cards: Vec<u8>,
    done: usize,
}

/// The map's fields in the map's order, with the cards left empty to be put in afterwards.
#[derive(Serialize)]
struct WithoutCards<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_is: &'a Option<String>,
    created: Millis,
    updated: Millis,
    stages: &'a [Stage],
    lanes: &'a [Lane],
    personas: &'a [Persona],
    cards: [(); 0],
    #[serde(skip_serializing_if = "Scoring::is_default")]
    scoring: &'a Scoring,
    #[serde(skip_serializing_if = "SavedVersions::is_empty")]
    versions: &'a SavedVersions,
}

impl Preparing {
    pub fn new(map: &JourneyMap) -> Preparing {
        Preparing {
            id: map.id.clone(),
            cards: Vec::new(),
            done: 0,
        }
    }

    /// Does the next step for `map`, the map this was started with; the last step gives the map
    /// ready to store.
    pub fn step(&mut self, map: &JourneyMap) -> Option<Prepared> {
        if self.done < map.cards.len() {
            let end = map.cards.len().min(self.done + CARDS_PER_STEP);
            for card in &map.cards[self.done..end] {
                if !self.cards.is_empty() {
                    self.cards.push(b',');
                }
                let _ = serde_json::to_writer(&mut self.cards, card);
            }
            self.done = end;
            return None;
        }
        let around = serde_json::to_string(&WithoutCards {
            id: &map.id,
            name: &map.name,
            description: &map.description,
            as_is: &map.as_is,
            created: map.created,
            updated: map.updated,
            stages: &map.stages,
            lanes: &map.lanes,
            personas: &map.personas,
            cards: [],
            scoring: &map.scoring,
            versions: &map.versions,
        })
        .unwrap_or_default();
        // User text is escaped inside strings, so the first `"cards":[]` is the field itself (a
        // saved version's empty cards come after it, in `versions`).
        let map_json = match around.split_once("\"cards\":[]") {
            Some((before, after)) => {
                let cards = std::str::from_utf8(&self.cards).unwrap_or_default();
                let mut json = String::with_capacity(around.len() + cards.len());
                for part in [before, "\"cards\":[", cards, "]", after] {
                    json.push_str(part);
                }
                json
            }
            None => serde_json::to_string(map).unwrap_or_default(),
        };
        Some(Prepared {
            id: std::mem::take(&mut self.id),
            map_json,
        })
    }
}

impl Prepared {
    /// The stored value at `revision`: the file format's compact document, revision first.
    pub fn at(&self, revision: u64) -> String {
        let mut value = head(revision);
        value.reserve(self.map_json.len() + 1);
        value.push_str(&self.map_json);
        value.push('}');
        value
    }
}

/// What every value this version stores begins with, up to the revision's digits.
fn before_revision() -> String {
    format!("{{\"format\":\"{FORMAT_NAME}\",\"schema\":{SCHEMA_VERSION},\"revision\":")
}

/// Everything a stored value has before the map.
fn head(revision: u64) -> String {
    format!("{}{revision},\"map\":", before_revision())
}

/// Enough characters of a stored value for `revision_in_head`, whatever the revision.
pub const HEAD_CHARS: u32 = 96;

/// The revision of a value this version stored, from its first `HEAD_CHARS` characters, so a save
/// need not read the whole value. `None` when the head is not one this version writes (another
/// schema, an earlier layout, not a map): then `revision_of` reads the whole value.
pub fn revision_in_head(value_head: &str) -> Option<u64> {
    let rest = value_head.strip_prefix(&before_revision())?;
    let (digits, rest) = rest.split_once(',')?;
    let plain = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    let revision = digits.parse().ok().filter(|_| plain)?;
    rest.starts_with("\"map\":").then_some(revision)
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
    (head.format == FORMAT_NAME).then_some(head.revision)
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
    order::sort_by(&mut loaded.backups, |a, b| a.key.cmp(&b.key));
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
        let newer = encode(&map("n"), 1).replace(
            &format!("\"schema\":{SCHEMA_VERSION}"),
            &format!("\"schema\":{}", SCHEMA_VERSION + 1),
        );
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
    fn the_revision_is_read_from_the_head_of_a_value_this_version_stored() {
        for revision in [0, 7, u64::MAX] {
            let stored = encode(&map("a"), revision);
            let head = format!(
                "{{\"format\":\"journeyscope-map\",\"schema\":{SCHEMA_VERSION},\"revision\":"
            );
            assert!(stored.starts_with(&head));
            let value_head: String = stored.chars().take(HEAD_CHARS as usize).collect();
            assert_eq!(revision_in_head(&value_head), Some(revision), "{stored}");
        }
    }

    #[test]
    fn a_head_of_another_layout_is_left_to_the_full_read() {
        let v = SCHEMA_VERSION;
        let revision_last = format!(
            "{{\"format\":\"journeyscope-map\",\"schema\":{v},\"map\":{{}},\"revision\":4}}"
        );
        let other_schema = format!(
            "{{\"format\":\"journeyscope-map\",\"schema\":{},\"revision\":4,\"map\":{{}}}}",
            v + 1
        );
        let cut = format!("{{\"format\":\"journeyscope-map\",\"schema\":{v},\"revision\":12");
        let signed = format!(
            "{{\"format\":\"journeyscope-map\",\"schema\":{v},\"revision\":+4,\"map\":{{}}}}"
        );
        for head in [&revision_last, &other_schema, &cut, &signed, "", "null"] {
            assert_eq!(revision_in_head(head), None, "{head}");
        }
        assert_eq!(revision_of(&revision_last), Some(4));
    }

    #[test]
    fn the_stored_value_is_the_compact_document_with_its_revision() {
        // Enough cards for several steps of `Preparing`, with text that looks like the splice,
        // and every optional field of the map set.
        let mut m = map("a");
        m.as_is = Some("b".into());
        m.cards = (0..1_234)
            .map(|n| crate::model::Card {
                id: n + 10,
                lane: 2,
                stage: 3,
                text: format!("card {n} with \"cards\":[] in it"),
                note: None,
                channel: None,
                measure: None,
            })
            .collect();
        let document = crate::format::Document {
            format: FORMAT_NAME.into(),
            schema: SCHEMA_VERSION,
            revision: Some(9),
            map: std::borrow::Cow::Borrowed(&m),
            scores: None,
        };
        assert_eq!(encode(&m, 9), serde_json::to_string(&document).unwrap());
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
