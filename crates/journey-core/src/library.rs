//! The user's collection of maps and the operations of the library view.

use std::rc::Rc;

use crate::edit::EditError;
use crate::model::{JourneyMap, Millis};
use crate::order;
use crate::score::evidence::periods;
use crate::store::stored_chars;
use crate::validate::limit_problems;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    maps: Vec<Rc<JourneyMap>>,
}

fn copy_name(name: &str) -> String {
    format!("{name} (copy)")
}

impl Library {
    pub fn new(maps: Vec<JourneyMap>) -> Library {
        Library {
            maps: maps.into_iter().map(Rc::new).collect(),
        }
    }

    pub fn maps(&self) -> &[Rc<JourneyMap>] {
        &self.maps
    }

    pub fn get(&self, id: &str) -> Option<&Rc<JourneyMap>> {
        self.maps.iter().find(|m| m.id == id)
    }

    /// Most recently edited first, as the library view lists them.
    pub fn by_last_edit(&self) -> Vec<&Rc<JourneyMap>> {
        let mut maps: Vec<_> = self.maps.iter().collect();
        order::sort_by(&mut maps, |a, b| {
            b.updated.cmp(&a.updated).then_with(|| a.name.cmp(&b.name))
        });
        maps
    }

    /// Adds a map whose id the caller made fresh (a new map from a template).
    pub fn add(&mut self, map: JourneyMap) {
        self.maps.push(Rc::new(map));
    }

    /// Adds an imported map. A map whose id is taken becomes a copy under `fresh_id`, so an
    /// import never changes a map the user already has. Returns the id it was stored under.
    pub fn import(&mut self, mut map: JourneyMap, fresh_id: String, now: Millis) -> String {
        let id = self.import_id(&map, &fresh_id);
        if id != map.id {
            map.id = fresh_id;
            map.name = copy_name(&map.name);
            map.created = now;
            map.updated = now;
        }
        self.add(map);
        id
    }

    /// The id `import` will store the map under: its own, or `fresh_id` when that is taken.
    pub fn import_id(&self, map: &JourneyMap, fresh_id: &str) -> String {
        if self.get(&map.id).is_some() {
            fresh_id.to_string()
        } else {
            map.id.clone()
        }
    }

    pub fn rename(&mut self, id: &str, name: &str, now: Millis) -> Result<(), EditError> {
        let Some(slot) = self.maps.iter_mut().find(|m| m.id == id) else {
            return Ok(());
        };
        let mut map = (**slot).clone();
        map.rename(name)?;
        if let Some(problem) = limit_problems(&map).into_iter().next() {
            return Err(EditError::Limit(problem.to_string()));
        }
        if map != **slot {
            map.updated = now;
            *slot = Rc::new(map);
        }
        Ok(())
    }

    pub fn duplicate(&mut self, id: &str, fresh_id: String, now: Millis) {
        if let Some(original) = self.get(id) {
            let mut copy = (**original).clone();
            copy.id = fresh_id;
            copy.name = copy_name(&copy.name);
            copy.created = now;
            copy.updated = now;
            self.add(copy);
        }
    }

    /// Takes a map out, returning where it was so `restore` can put it back (undo delete).
    pub fn remove(&mut self, id: &str) -> Option<(usize, Rc<JourneyMap>)> {
        let at = self.maps.iter().position(|m| m.id == id)?;
        Some((at, self.maps.remove(at)))
    }

    pub fn restore(&mut self, at: usize, map: Rc<JourneyMap>) {
        if self.get(&map.id).is_none() {
            self.maps.insert(at.min(self.maps.len()), map);
        }
    }

    /// What dropping every map's score periods but the latest `keep` would free; `None` when
    /// there is nothing to drop.
    pub fn old_periods(&self, keep: usize) -> Option<Cleanup> {
        let mut totals = Cleanup::default();
        for map in &self.maps {
            if let Some((smaller, dropped)) = without_old_periods(map, keep) {
                totals.maps += 1;
                totals.periods += dropped;
                totals.chars += stored_chars(map).saturating_sub(stored_chars(&smaller));
            }
        }
        (totals.maps > 0).then_some(totals)
    }

    /// Drops every map's score periods but the latest `keep`, to make room in a full storage.
    pub fn drop_old_periods(&mut self, keep: usize, now: Millis) {
        for slot in &mut self.maps {
            if let Some((mut smaller, _)) = without_old_periods(slot, keep) {
                smaller.updated = now;
                *slot = Rc::new(smaller);
            }
        }
    }

    /// Puts in the newer version of a map that was edited in the map view.
    pub fn replace(&mut self, map: Rc<JourneyMap>) {
        match self.maps.iter_mut().find(|m| m.id == map.id) {
            Some(slot) => *slot = map,
            None => self.maps.push(map),
        }
    }
}

/// How many of each map's latest score periods a clean-up of a full storage keeps.
pub const KEEP_PERIODS: usize = 4;

/// What dropping old score periods would free.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cleanup {
    /// Maps that would change.
    pub maps: usize,
    /// Periods dropped from them.
    pub periods: usize,
    /// Characters of storage freed.
    pub chars: usize,
}

/// The map without its periods before the latest `keep`, and how many went; `None` if none would.
fn without_old_periods(map: &JourneyMap, keep: usize) -> Option<(JourneyMap, usize)> {
    let periods = periods(&map.scoring.evidence);
    let dropped = periods.len().checked_sub(keep).filter(|&n| n > 0)?;
    let mut smaller = map.clone();
    smaller.drop_periods_before(&periods[dropped]);
    Some((smaller, dropped))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(id: &str, name: &str, updated: Millis) -> JourneyMap {
        let mut map = JourneyMap::empty(id.into(), name.into(), 1);
        map.updated = updated;
        map
    }

    fn library() -> Library {
        Library::new(vec![
            map("a", "Alpha", 10),
            map("b", "Beta", 30),
            map("c", "Gamma", 20),
        ])
    }

    fn names(library: &Library) -> Vec<&str> {
        library
            .by_last_edit()
            .iter()
            .map(|m| m.name.as_str())
            .collect()
    }

    #[test]
    fn old_score_periods_are_offered_and_dropped_in_every_map() {
        let mut measured =
            crate::import_json(include_str!("../tests/fixtures/schema-v2.json")).unwrap();
        measured.updated = 99;
        let mut lib = library();
        lib.add(measured.clone());
        assert_eq!(lib.old_periods(2), None);
        let Cleanup {
            maps,
            periods,
            chars,
        } = lib.old_periods(1).unwrap();
        assert_eq!((maps, periods), (1, 1));
        assert!(chars > 100, "two of four histograms go: {chars}");
        lib.drop_old_periods(1, 99);
        let smaller = lib.get(&measured.id).unwrap();
        assert_eq!(smaller.scoring.evidence.len(), 2);
        assert_eq!(
            stored_chars(&measured) - stored_chars(smaller),
            chars,
            "the offer says what the drop frees"
        );
        assert_eq!(lib.get("a").unwrap().updated, 10);
    }

    #[test]
    fn lists_the_latest_edit_first() {
        assert_eq!(names(&library()), ["Beta", "Gamma", "Alpha"]);
    }

    #[test]
    fn importing_a_known_id_makes_a_copy_and_keeps_the_original() {
        let mut lib = library();
        let mut incoming = map("a", "Alpha", 99);
        incoming.description = "from a file".into();
        let id = lib.import(incoming, "fresh".into(), 50);
        assert_eq!(id, "fresh");
        assert_eq!(lib.get("a").unwrap().description, "");
        let copy = lib.get("fresh").unwrap();
        assert_eq!(
            (copy.name.as_str(), copy.description.as_str()),
            ("Alpha (copy)", "from a file")
        );
        assert_eq!((copy.created, copy.updated), (50, 50));
    }

    #[test]
    fn importing_a_new_id_keeps_everything_as_it_was() {
        let mut lib = library();
        let incoming = map("z", "Zeta", 5);
        assert_eq!(lib.import(incoming.clone(), "fresh".into(), 50), "z");
        assert_eq!(**lib.get("z").unwrap(), incoming);
    }

    #[test]
    fn rename_duplicate_remove_restore() {
        let mut lib = library();
        lib.rename("a", " First ", 40).unwrap();
        assert_eq!(lib.get("a").unwrap().name, "First");
        assert_eq!(lib.rename("a", "", 41), Err(EditError::EmptyName));
        lib.duplicate("a", "a2".into(), 50);
        assert_eq!(names(&lib), ["First (copy)", "First", "Beta", "Gamma"]);
        let (at, removed) = lib.remove("b").unwrap();
        assert!(lib.get("b").is_none());
        lib.restore(at, removed);
        assert_eq!(lib.maps()[1].id, "b");
    }

    #[test]
    fn replace_swaps_in_the_edited_map() {
        let mut lib = library();
        lib.replace(Rc::new(map("b", "Beta 2", 31)));
        assert_eq!(lib.get("b").unwrap().name, "Beta 2");
        assert_eq!(lib.maps().len(), 3);
    }
}
