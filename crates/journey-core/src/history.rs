//! An editing session on one map: the current map plus snapshots for undo and redo.
//!
//! Snapshots are shared (`Rc`), so keeping a hundred of them costs a hundred pointers plus
//! whatever each edit actually changed the map into.

use std::rc::Rc;

use crate::edit::{Edit, EditError};
use crate::model::{JourneyMap, Millis};
use crate::validate::limit_problems;

/// How many edits can be undone.
pub const UNDO_LIMIT: usize = 100;

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    current: Rc<JourneyMap>,
    past: Vec<Rc<JourneyMap>>,
    future: Vec<Rc<JourneyMap>>,
}

impl Session {
    pub fn new(map: Rc<JourneyMap>) -> Session {
        Session {
            current: map,
            past: Vec::new(),
            future: Vec::new(),
        }
    }

    pub fn map(&self) -> &Rc<JourneyMap> {
        &self.current
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Applies an edit. Returns `Ok(false)` when the edit changes nothing, so no undo step is
    /// recorded and the caller can skip re-rendering.
    pub fn apply(&mut self, edit: &Edit, now: Millis) -> Result<bool, EditError> {
        let mut next = (*self.current).clone();
        next.apply(edit)?;
        if let Some(problem) = limit_problems(&next).into_iter().next() {
            return Err(EditError::Limit(problem.to_string()));
        }
        if next == *self.current {
            return Ok(false);
        }
        next.updated = now.max(self.current.updated);
        let previous = std::mem::replace(&mut self.current, Rc::new(next));
        self.past.push(previous);
        if self.past.len() > UNDO_LIMIT {
            self.past.remove(0);
        }
        self.future.clear();
        Ok(true)
    }

    /// Takes in a version of the map saved elsewhere (another tab) as one undoable step.
    pub fn adopt(&mut self, map: Rc<JourneyMap>) {
        if *map == *self.current {
            return;
        }
        let previous = std::mem::replace(&mut self.current, map);
        self.past.push(previous);
        if self.past.len() > UNDO_LIMIT {
            self.past.remove(0);
        }
        self.future.clear();
    }

    pub fn undo(&mut self) -> bool {
        match self.past.pop() {
            Some(previous) => {
                let undone = std::mem::replace(&mut self.current, previous);
                self.future.push(undone);
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.future.pop() {
            Some(next) => {
                let redone = std::mem::replace(&mut self.current, next);
                self.past.push(redone);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        Session::new(Rc::new(JourneyMap::empty("m".into(), "Map".into(), 10)))
    }

    #[test]
    fn undo_and_redo_walk_the_snapshots() {
        let mut s = session();
        s.apply(&Edit::AddStage { name: "A".into() }, 20).unwrap();
        s.apply(&Edit::AddStage { name: "B".into() }, 30).unwrap();
        assert_eq!(s.map().stages.len(), 2);
        assert_eq!(s.map().updated, 30);
        assert!(s.undo());
        assert_eq!(s.map().stages.len(), 1);
        assert_eq!(s.map().updated, 20);
        assert!(s.undo());
        assert!(!s.undo());
        assert_eq!(s.map().stages.len(), 0);
        assert!(s.redo());
        assert!(s.redo());
        assert!(!s.redo());
        assert_eq!(s.map().stages.len(), 2);
    }

    #[test]
    fn a_version_from_elsewhere_is_one_undoable_step() {
        let mut s = session();
        let mut other = (**s.map()).clone();
        other
            .apply(&Edit::AddStage {
                name: "From the other tab".into(),
            })
            .unwrap();
        s.adopt(Rc::new(other.clone()));
        assert_eq!(**s.map(), other);
        s.adopt(Rc::new(other));
        assert!(s.undo());
        assert!(s.map().stages.is_empty());
        assert!(!s.undo());
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut s = session();
        s.apply(&Edit::AddStage { name: "A".into() }, 20).unwrap();
        s.undo();
        assert!(s.can_redo());
        s.apply(&Edit::AddStage { name: "B".into() }, 30).unwrap();
        assert!(!s.can_redo());
    }

    #[test]
    fn an_edit_that_changes_nothing_records_nothing() {
        let mut s = session();
        assert_eq!(s.apply(&Edit::RenameMap("Map".into()), 20), Ok(false));
        assert!(!s.can_undo());
        assert_eq!(s.map().updated, 10);
    }

    #[test]
    fn a_failed_edit_records_nothing() {
        let mut s = session();
        assert!(s.apply(&Edit::DeleteStage { stage: 7 }, 20).is_err());
        assert!(!s.can_undo());
    }

    #[test]
    fn undo_is_bounded() {
        let mut s = session();
        for i in 0..(UNDO_LIMIT + 5) {
            s.apply(
                &Edit::AddStage {
                    name: format!("S{i}"),
                },
                20,
            )
            .unwrap();
        }
        let mut undone = 0;
        while s.undo() {
            undone += 1;
        }
        assert_eq!(undone, UNDO_LIMIT);
        assert_eq!(s.map().stages.len(), 5);
    }

    #[test]
    fn a_clock_going_backwards_never_moves_updated_back() {
        let mut s = session();
        s.apply(&Edit::AddStage { name: "A".into() }, 5).unwrap();
        assert_eq!(s.map().updated, 10);
    }

    #[test]
    fn an_edit_past_a_size_limit_is_refused() {
        let mut s = session();
        for i in 0..crate::validate::MAX_STAGES {
            s.apply(
                &Edit::AddStage {
                    name: format!("S{i}"),
                },
                20,
            )
            .unwrap();
        }
        let refused = s.apply(
            &Edit::AddStage {
                name: "One too many".into(),
            },
            20,
        );
        assert_eq!(
            refused.unwrap_err().to_string(),
            "the map would be too large (stages: 201 stages; a map holds at most 200)"
        );
        assert_eq!(s.map().stages.len(), crate::validate::MAX_STAGES);
    }
}
