//! Where a card can go, and bringing the focus back to it after it moved.

use gloo::timers::callback::Timeout;
use journey_core::{Edit, Id, JourneyMap};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::Callback;

/// The cells a card can move to: stages left to right, card-holding lanes top to bottom.
#[derive(Clone, Debug, PartialEq)]
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

    /// The neighbouring cell in a direction, for Alt+arrow moves.
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
