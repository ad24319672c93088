//! Where a card can go, and bringing the focus back to it after it moved.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use journey_core::{Edit, Id, JourneyMap};
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

    /// The neighbouring cell in a direction, for Alt+arrow moves, as (lane, stage).
    pub fn step(&self, lane: Id, stage: Id, key: &str) -> Option<(Id, Id)> {
        let neighbour = |items: &[(Id, String)], id: Id, forward: bool| -> Option<Id> {
            let at = items.iter().position(|(i, _)| *i == id)?;
            let to = if forward {
                at.checked_add(1)?
            } else {
                at.checked_sub(1)?
            };
            items.get(to).map(|(i, _)| *i)
        };
        match key {
            "ArrowLeft" => Some((lane, neighbour(&self.stages, stage, false)?)),
            "ArrowRight" => Some((lane, neighbour(&self.stages, stage, true)?)),
            "ArrowUp" => Some((neighbour(&self.lanes, lane, false)?, stage)),
            "ArrowDown" => Some((neighbour(&self.lanes, lane, true)?, stage)),
            _ => None,
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
        self.0.borrow().step(lane, stage, key)
    }
}

thread_local! {
    static FOCUS_WANTED: Cell<Option<Id>> = const { Cell::new(None) };
}

/// Asks for the card to take the keyboard focus when it is next drawn: after a move, in its new
/// cell; after its form closes, as a card again. A timer instead could fire before the render and
/// focus the element that render then removes. Asked before the edit, so no render comes first.
pub fn focus_card_soon(card: Id) {
    FOCUS_WANTED.with(|wanted| wanted.set(Some(card)));
}

/// Whether the card just drawn was asked to take the focus; the request is then used up.
pub fn focus_wanted(card: Id) -> bool {
    FOCUS_WANTED.with(|wanted| {
        let asked = wanted.get() == Some(card);
        if asked {
            wanted.set(None);
        }
        asked
    })
}

/// Moves a card to the end of a cell and keeps the keyboard focus on it.
pub fn move_card_to(on_edit: &Callback<Edit>, card: Id, lane: Id, stage: Id) {
    focus_card_soon(card);
    on_edit.emit(Edit::MoveCard {
        card,
        lane,
        stage,
        index: usize::MAX,
    });
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
        let places = places();
        assert_eq!(places.step(10, 2, "ArrowLeft"), Some((10, 1)));
        assert_eq!(places.step(10, 2, "ArrowRight"), Some((10, 3)));
        assert_eq!(places.step(10, 2, "ArrowUp"), None);
        assert_eq!(places.step(10, 2, "ArrowDown"), Some((20, 2)));
        assert_eq!(places.step(10, 2, "Enter"), None);
    }

    #[test]
    fn a_corner_cell_stops_at_the_edges() {
        let places = places();
        assert_eq!(places.step(20, 3, "ArrowRight"), None);
        assert_eq!(places.step(20, 3, "ArrowDown"), None);
        assert_eq!(places.step(20, 3, "ArrowUp"), Some((10, 3)));
    }

    #[test]
    fn a_cell_of_a_lane_without_cards_has_no_lane_neighbours() {
        let places = places();
        let up_and_down = (
            places.step(99, 1, "ArrowUp"),
            places.step(99, 1, "ArrowDown"),
        );
        assert_eq!(up_and_down, (None, None));
        assert_eq!(places.step(99, 1, "ArrowRight"), Some((99, 2)));
    }
}
