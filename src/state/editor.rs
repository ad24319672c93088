//! The open map's editing session, held inside `LibraryState`: every edit, undo and redo of the
//! open map goes through it, and the library takes the result in the same step.

use std::rc::Rc;

use journey_core::{Edit, JourneyMap, Millis, Session};

/// The open map with its undo history.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenMap {
    pub session: Session,
    /// Why the last edit was refused, shown until the next edit.
    pub problem: Option<String>,
}

impl OpenMap {
    pub fn new(map: Rc<JourneyMap>) -> OpenMap {
        OpenMap {
            session: Session::new(map),
            problem: None,
        }
    }

    pub fn id(&self) -> &str {
        &self.session.map().id
    }

    pub fn map(&self) -> &Rc<JourneyMap> {
        self.session.map()
    }

    /// Applies an edit; false when nothing the user sees changed.
    pub fn apply(&mut self, edit: &Edit, now: Millis) -> bool {
        let had_problem = self.problem.take().is_some();
        match self.session.apply(edit, now) {
            Ok(changed) => changed || had_problem,
            Err(e) => {
                self.problem = Some(format!("That change was not made: {e}."));
                true
            }
        }
    }

    /// Takes in a version of the map that reached the library another way (another tab's save,
    /// a merge, a conflict settled, old periods dropped) as one undoable step.
    pub fn follow(&mut self, map: &Rc<JourneyMap>) {
        if !Rc::ptr_eq(map, self.session.map()) {
            self.session.adopt(map.clone());
        }
    }
}
