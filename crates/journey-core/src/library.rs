//! The user's collection of maps and the operations of the library view.

use std::rc::Rc;

use crate::edit::{Edit, EditError};
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

    /// Most recently edited first, as the library view lists them, each to-be journey right
    /// after its as-is map (a to-be whose as-is is gone stands on its own).
    pub fn by_last_edit(&self) -> Vec<&Rc<JourneyMap>> {
        let mut maps: Vec<_> = self.maps.iter().collect();
        order::sort_by(&mut maps, |a, b| {
            b.updated.cmp(&a.updated).then_with(|| a.name.cmp(&b.name))
        });
        let paired = |m: &JourneyMap| m.as_is.as_deref().is_some_and(|id| self.get(id).is_some());
        let mut listed = Vec::with_capacity(maps.len());
        for map in maps.iter().filter(|m| !paired(m)) {
            listed.push(*map);
            listed.extend(
                maps.iter()
                    .filter(|m| paired(m) && m.as_is.as_deref() == Some(map.id.as_str())),
            );
        }
        listed
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

    /// Adds the maps of a shared pair, each as `import` adds a map, the to-be still linked to its
    /// as-is under whichever id that was stored. Returns the id `map` was stored under.
    pub fn import_pair(
        &mut self,
        map: JourneyMap,
        partner: JourneyMap,
        fresh_ids: [String; 2],
        now: Millis,
    ) -> String {
        let [fresh_map, fresh_partner] = fresh_ids;
        if partner.as_is.as_deref() == Some(map.id.as_str()) {
            let as_is = self.import(map, fresh_map, now);
            self.import_to_be(partner, &as_is, fresh_partner, now);
            as_is
        } else {
            let as_is = self.import(partner, fresh_partner, now);
            self.import_to_be(map, &as_is, fresh_map, now)
        }
    }

    fn import_to_be(
        &mut self,
        mut to_be: JourneyMap,
        as_is: &str,
        fresh_id: String,
        now: Millis,
    ) -> String {
        to_be.as_is = Some(as_is.to_string());
        self.import(to_be, fresh_id, now)
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

    /// Adds one of a map's versions as a map of its own, without versions, named after both.
    pub fn duplicate_version(&mut self, id: &str, number: u32, fresh_id: String, now: Millis) {
        let Some(original) = self.get(id) else {
            return;
        };
        let name = original
            .version_list()
            .into_iter()
            .find(|v| v.number == number)
            .map(|v| v.name);
        if let (Some(mut copy), Some(name)) = (original.version(number), name) {
            copy.id = fresh_id;
            copy.name = format!("{} ({name})", copy.name);
            copy.created = now;
            copy.updated = now;
            self.add(copy);
        }
    }

    /// Adds a to-be journey planned from the map (`to_be::plan_to_be`).
    pub fn plan_to_be(&mut self, id: &str, fresh_id: String, now: Millis) {
        if let Some(as_is) = self.get(id) {
            let to_be = crate::to_be::plan_to_be(as_is, fresh_id, now);
            self.add(to_be);
        }
    }

    /// The other map of an as-is and to-be pair: a to-be's as-is, or an as-is map's most
    /// recently edited to-be.
    pub fn partner(&self, map: &JourneyMap) -> Option<&Rc<JourneyMap>> {
        if let Some(as_is) = &map.as_is {
            return self.get(as_is);
        }
        self.maps
            .iter()
            .filter(|m| m.as_is.as_deref() == Some(map.id.as_str()))
            .max_by(|a, b| a.updated.cmp(&b.updated).then_with(|| b.id.cmp(&a.id)))
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
        self.cleanup(|map| without_old_periods(map, keep))
    }

    /// What dropping every map's saved versions but the latest `keep` would free.
    pub fn old_versions(&self, keep: usize) -> Option<Cleanup> {
        self.cleanup(|map| without_old_versions(map, keep))
    }

    /// Drops every map's saved versions but the latest `keep`, to make room in a full storage.
    pub fn drop_old_versions(&mut self, keep: usize, now: Millis) {
        self.shrink(|map| without_old_versions(map, keep), now);
    }

    fn cleanup(
        &self,
        smaller: impl Fn(&JourneyMap) -> Option<(JourneyMap, usize)>,
    ) -> Option<Cleanup> {
        let mut totals = Cleanup::default();
        for map in &self.maps {
            if let Some((smaller, dropped)) = smaller(map) {
                totals.maps += 1;
                totals.dropped += dropped;
                totals.chars += stored_chars(map).saturating_sub(stored_chars(&smaller));
            }
        }
        (totals.maps > 0).then_some(totals)
    }

    fn shrink(
        &mut self,
        smaller: impl Fn(&JourneyMap) -> Option<(JourneyMap, usize)>,
        now: Millis,
    ) {
        for slot in &mut self.maps {
            if let Some((mut smaller, _)) = smaller(slot) {
                smaller.updated = now;
                *slot = Rc::new(smaller);
            }
        }
    }

    /// Drops every map's score periods but the latest `keep`, to make room in a full storage.
    pub fn drop_old_periods(&mut self, keep: usize, now: Millis) {
        self.shrink(|map| without_old_periods(map, keep), now);
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

/// How many of each map's latest saved versions a clean-up of a full storage keeps.
pub const KEEP_VERSIONS: usize = 3;

/// What dropping old score periods or versions would free.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cleanup {
    /// Maps that would change.
    pub maps: usize,
    /// Periods or versions dropped from them.
    pub dropped: usize,
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

/// The map without its versions before the latest `keep`, and how many went.
fn without_old_versions(map: &JourneyMap, keep: usize) -> Option<(JourneyMap, usize)> {
    let list = map.version_list();
    let dropped = list.len().checked_sub(keep).filter(|&n| n > 0)?;
    let numbers: Vec<u32> = list[..dropped].iter().map(|v| v.number).collect();
    let mut smaller = map.clone();
    smaller.apply(&Edit::DeleteVersions { numbers }).ok()?;
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

    #[test]
    fn a_shared_pair_stays_a_pair_when_its_ids_are_taken() {
        let as_is = map("a", "Alpha", 10);
        let to_be = crate::to_be::plan_to_be(&as_is, "t".into(), 20);
        let mut library = Library::new(vec![as_is.clone(), to_be.clone()]);
        let id = library.import_pair(to_be.clone(), as_is.clone(), ["t2".into(), "a2".into()], 30);
        assert_eq!(id, "t2");
        let copy = library.get("t2").unwrap();
        assert_eq!(copy.as_is.as_deref(), Some("a2"));
        assert_eq!(library.partner(copy).map(|m| m.id.as_str()), Some("a2"));
        assert_eq!(library.get("t").unwrap().as_is.as_deref(), Some("a"));

        let mut empty = Library::new(Vec::new());
        let id = empty.import_pair(as_is, to_be, ["x".into(), "y".into()], 30);
        assert_eq!(id, "a");
        assert_eq!(empty.get("t").unwrap().as_is.as_deref(), Some("a"));
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
    fn a_to_be_lists_after_its_as_is_and_each_finds_the_other() {
        let mut lib = library();
        lib.plan_to_be("a", "a2".into(), 40);
        assert_eq!(names(&lib), ["Beta", "Gamma", "Alpha", "Alpha (to-be)"]);
        let (as_is, to_be) = (lib.get("a").unwrap(), lib.get("a2").unwrap());
        assert_eq!(lib.partner(as_is).map(|m| m.id.as_str()), Some("a2"));
        assert_eq!(lib.partner(to_be).map(|m| m.id.as_str()), Some("a"));
        assert_eq!(lib.partner(lib.get("b").unwrap()), None);
        lib.plan_to_be("a", "a3".into(), 50);
        let as_is = lib.get("a").unwrap();
        assert_eq!(lib.partner(as_is).map(|m| m.id.as_str()), Some("a3"));
        lib.remove("a");
        assert_eq!(names(&lib)[0], "Alpha (to-be)");
        assert_eq!(names(&lib).len(), 4);
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
            dropped,
            chars,
        } = lib.old_periods(1).unwrap();
        assert_eq!((maps, dropped), (1, 1));
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

    fn with_versions(count: u32) -> JourneyMap {
        let mut map = map("v", "Trip", 5);
        for n in 1..=count {
            map.apply(&Edit::RenameMap(format!("Trip {n}"))).unwrap();
            map.apply(&Edit::SaveVersion {
                name: format!("Draft {n}"),
                saved: i64::from(n),
            })
            .unwrap();
        }
        map
    }

    #[test]
    fn old_versions_are_offered_and_dropped_keeping_the_latest() {
        let mut lib = library();
        let five = with_versions(5);
        lib.add(five.clone());
        assert_eq!(lib.old_versions(5), None);
        let offer = lib.old_versions(3).unwrap();
        assert_eq!((offer.maps, offer.dropped), (1, 2));
        lib.drop_old_versions(3, 7);
        let smaller = lib.get("v").unwrap();
        let names: Vec<String> = smaller.version_list().into_iter().map(|v| v.name).collect();
        assert_eq!(names, ["Draft 3", "Draft 4", "Draft 5"]);
        assert_eq!(smaller.version(3).unwrap().name, "Trip 3");
        assert_eq!(smaller.updated, 7);
        assert_eq!(stored_chars(&five) - stored_chars(smaller), offer.chars);
    }

    #[test]
    fn a_version_duplicates_as_a_map_of_its_own() {
        let mut lib = library();
        lib.add(with_versions(2));
        lib.duplicate_version("v", 1, "fresh".into(), 50);
        let copy = lib.get("fresh").unwrap();
        assert_eq!(copy.name, "Trip 1 (Draft 1)");
        assert!(copy.versions.is_empty());
        assert_eq!((copy.created, copy.updated), (50, 50));
        lib.duplicate_version("v", 9, "other".into(), 50);
        assert!(lib.get("other").is_none());
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
