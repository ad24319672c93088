//! Named versions of a map, kept with it. The newest is stored whole; each older one only as
//! what differs from the version saved after it, with runs of unchanged stages, lanes, personas
//! and cards written as `[start, length]` of the newer version's list. Twenty versions of a large
//! map then cost one copy of it plus what changed between them.
//!
//! In the map the versions stay as their compact JSON text: an edit clones the map, and a clone
//! of the text is a pointer. They are read only when a user opens, saves or changes one.

use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use super::{Card, JourneyMap, Lane, Millis, Persona, Scoring, Stage};
use crate::json_text;

/// How many versions a map keeps; saving one more past this is refused.
pub const MAX_VERSIONS: usize = 200;

/// A map's versions as stored: the JSON array of [`SavedVersion`], oldest first, or nothing.
#[derive(Clone, Debug, Default)]
pub struct SavedVersions(Option<Rc<RawValue>>);

impl PartialEq for SavedVersions {
    fn eq(&self, other: &SavedVersions) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b) || a.get() == b.get(),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

impl Eq for SavedVersions {}

impl Serialize for SavedVersions {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Some(raw) => RawValue::serialize(raw, serializer),
            None => serializer.serialize_unit(),
        }
    }
}

impl<'de> Deserialize<'de> for SavedVersions {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SavedVersions, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        // A pretty-printed file indents this text too; compact, it equals what was written.
        let text = json_text::compact(raw.get());
        if text == "[]" {
            return Ok(SavedVersions(None));
        }
        let raw = RawValue::from_string(text).map_err(serde::de::Error::custom)?;
        Ok(SavedVersions(Some(Rc::from(raw))))
    }
}

impl SavedVersions {
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// Characters the versions take in storage.
    pub fn chars(&self) -> usize {
        self.0.as_ref().map_or(0, |raw| raw.get().len())
    }

    /// The versions, read. Fails only on a value no Journeyscope wrote.
    pub fn read(&self) -> Result<Vec<SavedVersion>, String> {
        match &self.0 {
            None => Ok(Vec::new()),
            Some(raw) => serde_json::from_str(raw.get()).map_err(|e| e.to_string()),
        }
    }

    pub fn write(chain: &[SavedVersion]) -> SavedVersions {
        if chain.is_empty() {
            return SavedVersions(None);
        }
        let text = serde_json::to_string(chain).unwrap_or_else(|_| "[]".into());
        SavedVersions(RawValue::from_string(text).ok().map(Rc::from))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SavedVersion {
    /// Unique among the map's versions, rising with each save.
    pub number: u32,
    pub name: String,
    pub saved: Millis,
    pub content: Content,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Content {
    /// The newest version, whole (its own `versions` empty).
    Full(Box<JourneyMap>),
    /// An older version, as what differs from the next newer one.
    Delta(Box<Delta>),
}

/// An older version against the one saved after it. Absent fields are the newer one's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Delta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub updated: Millis,
    pub stages: Vec<Part<Stage>>,
    pub lanes: Vec<Part<Lane>>,
    pub personas: Vec<Part<Persona>>,
    pub cards: Vec<Part<Card>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<Scoring>,
}

/// One stretch of a list in an older version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Part<T> {
    /// `[start, length]`: that many items of the newer version's list, unchanged, from `start`.
    Same(usize, usize),
    /// An item the newer version does not have as it is here.
    Own(T),
}

trait Identified: Clone + PartialEq {
    fn key(&self) -> u32;
}

macro_rules! identified {
    ($($t:ty),*) => {
        $(impl Identified for $t {
            fn key(&self) -> u32 {
                self.id
            }
        })*
    };
}

identified!(Stage, Lane, Persona, Card);

fn parts<T: Identified>(older: &[T], newer: &[T]) -> Vec<Part<T>> {
    let at: HashMap<u32, usize> = newer
        .iter()
        .enumerate()
        .map(|(i, t)| (t.key(), i))
        .collect();
    let mut out: Vec<Part<T>> = Vec::new();
    for item in older {
        match at.get(&item.key()).filter(|&&i| newer[i] == *item) {
            Some(&i) => match out.last_mut() {
                Some(Part::Same(start, length)) if *start + *length == i => *length += 1,
                _ => out.push(Part::Same(i, 1)),
            },
            None => out.push(Part::Own(item.clone())),
        }
    }
    out
}

fn rebuild<T: Clone>(parts: &[Part<T>], newer: &[T]) -> Result<Vec<T>, String> {
    let mut out = Vec::with_capacity(newer.len());
    for part in parts {
        match part {
            Part::Same(start, length) => {
                let run = start
                    .checked_add(*length)
                    .and_then(|end| newer.get(*start..end))
                    .ok_or_else(|| format!("[{start}, {length}] is outside the newer version"))?;
                out.extend_from_slice(run);
            }
            Part::Own(item) => out.push(item.clone()),
        }
    }
    Ok(out)
}

impl Delta {
    pub fn between(older: &JourneyMap, newer: &JourneyMap) -> Delta {
        let differs = |a: &String, b: &String| (a != b).then(|| a.clone());
        Delta {
            name: differs(&older.name, &newer.name),
            description: differs(&older.description, &newer.description),
            updated: older.updated,
            stages: parts(&older.stages, &newer.stages),
            lanes: parts(&older.lanes, &newer.lanes),
            personas: parts(&older.personas, &newer.personas),
            cards: parts(&older.cards, &newer.cards),
            scoring: (older.scoring != newer.scoring).then(|| older.scoring.clone()),
        }
    }

    fn older_than(&self, newer: &JourneyMap) -> Result<JourneyMap, String> {
        Ok(JourneyMap {
            name: self.name.clone().unwrap_or_else(|| newer.name.clone()),
            description: self
                .description
                .clone()
                .unwrap_or_else(|| newer.description.clone()),
            updated: self.updated,
            stages: rebuild(&self.stages, &newer.stages)?,
            lanes: rebuild(&self.lanes, &newer.lanes)?,
            personas: rebuild(&self.personas, &newer.personas)?,
            cards: rebuild(&self.cards, &newer.cards)?,
            scoring: self
                .scoring
                .clone()
                .unwrap_or_else(|| newer.scoring.clone()),
            ..newer.clone()
        })
    }
}

/// What the list of versions shows of each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionInfo {
    pub number: u32,
    pub name: String,
    pub saved: Millis,
}

/// Every version of a chain, whole, newest last: each older one rebuilt from the one after it.
pub fn unpack(chain: &[SavedVersion]) -> Result<Vec<JourneyMap>, String> {
    let mut maps: Vec<JourneyMap> = Vec::with_capacity(chain.len());
    for (i, version) in chain.iter().enumerate().rev() {
        let map = match (&version.content, maps.last()) {
            (Content::Full(map), None) => (**map).clone(),
            (Content::Delta(delta), Some(newer)) => delta
                .older_than(newer)
                .map_err(|e| format!("version {}: {e}", version.number))?,
            (Content::Full(_), Some(_)) => {
                return Err(format!(
                    "version {} is whole but not the newest",
                    version.number
                ))
            }
            (Content::Delta(_), None) => {
                return Err(format!("the newest version ({i}) must be whole"))
            }
        };
        maps.push(map);
    }
    maps.reverse();
    Ok(maps)
}

/// Packs whole versions, oldest first, into a chain: the newest whole, the rest as deltas.
pub fn pack(infos: &[VersionInfo], maps: &[JourneyMap]) -> Vec<SavedVersion> {
    infos
        .iter()
        .zip(maps)
        .enumerate()
        .map(|(i, (info, map))| SavedVersion {
            number: info.number,
            name: info.name.clone(),
            saved: info.saved,
            content: match maps.get(i + 1) {
                Some(newer) => Content::Delta(Box::new(Delta::between(map, newer))),
                None => Content::Full(Box::new(map.clone())),
            },
        })
        .collect()
}

impl SavedVersion {
    pub fn info(&self) -> VersionInfo {
        VersionInfo {
            number: self.number,
            name: self.name.clone(),
            saved: self.saved,
        }
    }
}

impl JourneyMap {
    /// The map as a version keeps it: everything but its versions.
    pub fn snapshot(&self) -> JourneyMap {
        JourneyMap {
            versions: SavedVersions::default(),
            ..self.clone()
        }
    }

    /// The versions' names and times, oldest first (none if they cannot be read).
    pub fn version_list(&self) -> Vec<VersionInfo> {
        self.versions
            .read()
            .map(|chain| chain.iter().map(SavedVersion::info).collect())
            .unwrap_or_default()
    }

    /// One version, whole, as it was saved.
    pub fn version(&self, number: u32) -> Option<JourneyMap> {
        let chain = self.versions.read().ok()?;
        let at = chain.iter().position(|v| v.number == number)?;
        let mut maps = unpack(&chain[at..]).ok()?;
        Some(maps.swap_remove(0))
    }
}
