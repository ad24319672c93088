//! The user's collection of maps and the operations of the library view.

use std::rc::Rc;

use crate::edit::{Edit, EditError};
use crate::model::{JourneyMap, Millis};
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
        maps.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.name.cmp(&b.name)));
        maps
    }

    /// Adds a map whose id the caller made fresh (a new map from a template).
    pub fn add(&mut self, map: JourneyMap) {
        self.maps.push(Rc::new(map));
    }

    /// Adds an imported map. A map whose id is taken becomes a copy under `fresh_id`, so an
    /// import never changes a map the user already has. Returns the id it was stored under.
    pub fn import(&mut self, mut map: JourneyMap, fresh_id: String, now: Millis) -> String {
        if self.get(&map.id).is_some() {
            map.id = fresh_id;
            map.name = copy_name(&map.name);
            map.created = now;
            map.updated = now;
        }
        let id = map.id.clone();
        self.add(map);
        id
    }

    pub fn rename(&mut self, id: &str, name: &str, now: Millis) -> Result<(), EditError> {
        let Some(slot) = self.maps.iter_mut().find(|m| m.id == id) else {
            return Ok(());
        };
        let mut map = (**slot).clone();
        map.apply(&Edit::RenameMap(name.to_string()))?;
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

    /// Puts in the newer version of a map that was edited in the map view.
    pub fn replace(&mut self, map: Rc<JourneyMap>) {
        match self.maps.iter_mut().find(|m| m.id == map.id) {
            Some(slot) => *slot = map,
            None => self.maps.push(map),
        }
    }
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
