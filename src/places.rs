//! Where a card can go, and bringing the focus back to it after it moved.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use journey_core::{Edit, Id, JourneyMap};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::Callback;

/// The cells a card can move to: stages left to right, card-holding lanes top to bottom. Shared
/// with the open Move forms through a context, so a change of stages reaches only those.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Places {
    pub stages: Vec<(Id, String)>,
    pub lanes: Vec<(Id, String)>,
}

impl Places {
    pub fn of(map: &JourneyMap) -> Places {
        Places {
            stages: map.stages.iter().map(|s| (s.id, s.name.clone())).collect(),
            lanes: map
                .lanes
                .iter()
                .filter(|l| l.kind.holds_cards())
                .map(|l| (l.id, l.title.clone()))
                .collect(),
        }
    }

    /// The cells around one cell, which is all a card needs for its Alt+arrow moves.
    pub fn around(&self, lane: Id, stage: Id) -> Neighbours {
        let beside = |items: &[(Id, String)], id: Id| {
            let Some(at) = items.iter().position(|(i, _)| *i == id) else {
                return (None, None);
            };
            let before = at
                .checked_sub(1)
                .and_then(|i| items.get(i))
                .map(|(i, _)| *i);
            let after = items.get(at + 1).map(|(i, _)| *i);
            (before, after)
        };
        let (left, right) = beside(&self.stages, stage);
        let (up, down) = beside(&self.lanes, lane);
        Neighbours {
            lane,
            stage,
            left,
            right,
            up,
            down,
        }
    }
}

/// The map's current places, for cards to read when an Alt+arrow key is pressed. Cards hold the
/// handle, not the places: it is the same handle for the life of the grid and always equal to
/// itself, so moving a stage or a lane re-renders no card.
#[derive(Clone, Default)]
pub struct PlacesHandle(Rc<RefCell<Rc<Places>>>);

impl PartialEq for PlacesHandle {
    fn eq(&self, other: &PlacesHandle) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl PlacesHandle {
    pub fn set(&self, places: Rc<Places>) {
        *self.0.borrow_mut() = places;
    }

    /// The cell an Alt+arrow key moves a card in (lane, stage) to, as (lane, stage).
    pub fn step(&self, lane: Id, stage: Id, key: &str) -> Option<(Id, Id)> {
        self.0.borrow().around(lane, stage).step(key)
    }
}

/// One cell and the stages and lanes next to it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Neighbours {
    pub lane: Id,
    pub stage: Id,
    pub left: Option<Id>,
    pub right: Option<Id>,
    pub up: Option<Id>,
    pub down: Option<Id>,
}

impl Neighbours {
    /// The cell an Alt+arrow key moves to, as (lane, stage).
    pub fn step(&self, key: &str) -> Option<(Id, Id)> {
        match key {
            "ArrowLeft" => Some((self.lane, self.left?)),
            "ArrowRight" => Some((self.lane, self.right?)),
            "ArrowUp" => Some((self.up?, self.stage)),
            "ArrowDown" => Some((self.down?, self.stage)),
            _ => None,
        }
    }
}

/// Focuses a card once the move has re-rendered it in its new cell.
pub fn focus_card_soon(card: Id) {
    Timeout::new(0, move || {
        if let Some(el) = gloo::utils::document().get_element_by_id(&format!("card-{card}")) {
            if let Ok(el) = el.dyn_into::<HtmlElement>() {
                let _ = el.focus();
            }
        }
    })
    .forget();
}

/// Moves a card to the end of a cell and keeps the keyboard focus on it.
pub fn move_card_to(on_edit: &Callback<Edit>, card: Id, lane: Id, stage: Id) {
    on_edit.emit(Edit::MoveCard {
        card,
        lane,
        stage,
        index: usize::MAX,
    });
    focus_card_soon(card);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places() -> Places {
        let named = |ids: &[Id]| ids.iter().map(|&i| (i, format!("#{i}"))).collect();
        Places {
            stages: named(&[1, 2, 3]),
            lanes: named(&[10, 20]),
        }
    }

    #[test]
    fn a_middle_cell_has_neighbours_on_both_sides_and_below() {
        let around = places().around(10, 2);
        assert_eq!(around.step("ArrowLeft"), Some((10, 1)));
        assert_eq!(around.step("ArrowRight"), Some((10, 3)));
        assert_eq!(around.step("ArrowUp"), None);
        assert_eq!(around.step("ArrowDown"), Some((20, 2)));
        assert_eq!(around.step("Enter"), None);
    }

    #[test]
    fn a_corner_cell_stops_at_the_edges() {
        let around = places().around(20, 3);
        assert_eq!(around.step("ArrowRight"), None);
        assert_eq!(around.step("ArrowDown"), None);
        assert_eq!(around.step("ArrowUp"), Some((10, 3)));
    }

    #[test]
    fn a_cell_of_a_lane_without_cards_has_no_lane_neighbours() {
        let around = places().around(99, 1);
        assert_eq!((around.up, around.down), (None, None));
        assert_eq!(around.step("ArrowRight"), Some((99, 2)));
    }
}
