use std::rc::Rc;

use journey_core::{Edit, JourneyMap, Millis, Session};
use yew::Reducible;

/// The open map with its undo history.
#[derive(Clone, Debug, PartialEq)]
pub struct EditorState {
    pub session: Session,
    /// Why the last edit was refused, shown until the next edit.
    pub problem: Option<String>,
}

pub enum EditorAction {
    Apply(Edit, Millis),
    Undo,
    Redo,
    /// The map as another tab saved it.
    Adopt(Rc<JourneyMap>),
}

impl EditorState {
    pub fn new(map: Rc<JourneyMap>) -> EditorState {
        EditorState {
            session: Session::new(map),
            problem: None,
        }
    }

    pub fn map(&self) -> &Rc<JourneyMap> {
        self.session.map()
    }
}

impl Reducible for EditorState {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let changed = match action {
            EditorAction::Apply(edit, now) => match next.session.apply(&edit, now) {
                Ok(changed) => {
                    next.problem = None;
                    changed || self.problem.is_some()
                }
                Err(e) => {
                    next.problem = Some(format!("That change was not made: {e}."));
                    true
                }
            },
            EditorAction::Undo => next.session.undo(),
            EditorAction::Redo => next.session.redo(),
            EditorAction::Adopt(map) => {
                next.session.adopt(map);
                next.session != self.session
            }
        };
        // The same Rc tells yew nothing changed, so nothing re-renders.
        if changed {
            Rc::new(next)
        } else {
            self
        }
    }
}
