//! Named versions of a map, kept with it. The newest is stored whole; each older one only as
//! what differs from the version saved after it, with runs of unchanged stages, lanes, personas
//! and cards written as `[at, start, length]` of the newer version's list. Twenty versions of a large
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
    pub stages: Parts<Stage>,
    pub lanes: Parts<Lane>,
    pub personas: Parts<Persona>,
    pub cards: Parts<Card>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<Scoring>,
}

/// A list of an older version: runs it shares with the newer version's list, and its own items.
// Two plain arrays rather than one list of either-kind entries: an untagged enum would make serde
// build a second reader of every item type, and the app's size budget has no room for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct Parts<T> {
    /// `[at, start, length]`: from position `at` of this list, `length` unchanged items of the
    /// newer version's list from its position `start`. Rising and not overlapping.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same: Vec<[u32; 3]>,
    /// Every other position of this list, in order: items the newer version does not have as
    /// they are here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub own: Vec<T>,
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

fn parts<T: Identified>(older: &[T], newer: &[T]) -> Parts<T> {
    let at: HashMap<u32, usize> = newer
        .iter()
        .enumerate()
        .map(|(i, t)| (t.key(), i))
        .collect();
    let mut parts = Parts {
        same: Vec::new(),
        own: Vec::new(),
    };
    for (position, item) in older.iter().enumerate() {
        let position = position as u32;
        match at.get(&item.key()).filter(|&&i| newer[i] == *item) {
            Some(&i) => match parts.same.last_mut() {
                Some([from, start, length])
                    if *from + *length == position && (*start + *length) as usize == i =>
                {
                    *length += 1
                }
                _ => parts.same.push([position, i as u32, 1]),
            },
            None => parts.own.push(item.clone()),
        }
    }
    parts
}

impl<T: Clone> Parts<T> {
    fn rebuild(&self, newer: &[T]) -> Result<Vec<T>, String> {
        let mut out = Vec::with_capacity(newer.len().max(self.own.len()));
        let mut own = self.own.iter();
        for &[at, start, length] in &self.same {
            while out.len() < at as usize {
                let item = own
                    .next()
                    .ok_or_else(|| format!("nothing for position {}", out.len()))?;
                out.push(item.clone());
            }
            if out.len() != at as usize {
                return Err(format!("the run at {at} overlaps the one before"));
            }
            let (start, length) = (start as usize, length as usize);
            let run = start
                .checked_add(length)
                .and_then(|end| newer.get(start..end))
                .ok_or_else(|| format!("[{at}, {start}, {length}] is outside the newer version"))?;
            out.extend_from_slice(run);
        }
        out.extend(own.cloned());
        Ok(out)
    }
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
            stages: self.stages.rebuild(&newer.stages)?,
            lanes: self.lanes.rebuild(&newer.lanes)?,
            personas: self.personas.rebuild(&newer.personas)?,
            cards: self.cards.rebuild(&newer.cards)?,
            scoring: self
                .scoring
                .clone()
                .unwrap_or_else(|| newer.scoring.clone()),
            ..newer.clone()
        })
    }
}

/// What the list of versions shows of each; read without building the versions' maps.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
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
        match &self.versions.0 {
            Some(raw) => serde_json::from_str(raw.get()).unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// Every version whole, oldest first, with its name and time.
    pub fn version_history(&self) -> Result<Vec<(VersionInfo, JourneyMap)>, String> {
        let chain = self.versions.read()?;
        let maps = unpack(&chain)?;
        Ok(chain.iter().map(SavedVersion::info).zip(maps).collect())
    }

    /// One version, whole, as it was saved.
    pub fn version(&self, number: u32) -> Option<JourneyMap> {
        let chain = self.versions.read().ok()?;
        let at = chain.iter().position(|v| v.number == number)?;
        let mut maps = unpack(&chain[at..]).ok()?;
        Some(maps.swap_remove(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Weight;

    fn stage(id: u32, name: &str) -> Stage {
        Stage {
            id,
            name: name.into(),
            description: None,
            weight: Weight::default(),
        }
    }

    #[test]
    fn an_older_list_keeps_runs_of_the_newer_one_and_its_own_items() {
        let newer = [stage(1, "A"), stage(3, "C"), stage(4, "D"), stage(2, "B")];
        let older = [
            stage(1, "A"),
            stage(2, "Old B"),
            stage(3, "C"),
            stage(4, "D"),
        ];
        let parts = parts(&older, &newer);
        assert_eq!(parts.same, vec![[0, 0, 1], [2, 1, 2]]);
        assert_eq!(parts.own, vec![stage(2, "Old B")]);
        assert_eq!(parts.rebuild(&newer), Ok(older.to_vec()));
        assert_eq!(
            serde_json::to_string(&parts).unwrap(),
            r#"{"same":[[0,0,1],[2,1,2]],"own":[{"id":2,"name":"Old B"}]}"#
        );
    }

    #[test]
    fn runs_outside_the_newer_list_or_overlapping_are_refused() {
        let newer = [stage(1, "A")];
        let outside = Parts::<Stage> {
            same: vec![[0, 0, 2]],
            own: Vec::new(),
        };
        assert!(outside.rebuild(&newer).unwrap_err().contains("outside"));
        let overlapping = Parts::<Stage> {
            same: vec![[0, 0, 1], [0, 0, 1]],
            own: Vec::new(),
        };
        assert!(overlapping
            .rebuild(&newer)
            .unwrap_err()
            .contains("overlaps"));
        let missing = Parts::<Stage> {
            same: vec![[1, 0, 1]],
            own: Vec::new(),
        };
        assert!(missing.rebuild(&newer).unwrap_err().contains("position 0"));
    }
}
