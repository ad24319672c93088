//! The Move disclosure under a card.

use journey_core::{Edit, Id};
use yew::prelude::*;

use crate::components::grid::move_pickers::MovePickers;

#[derive(Properties, PartialEq)]
pub struct CardMoveProps {
    pub card: Id,
    /// The card's text, for the disclosure's label.
    pub text: AttrValue,
    pub lane: Id,
    pub stage: Id,
    pub on_edit: Callback<Edit>,
}

/// A button that opens a stage and a lane picker: the way to move a card that needs no drag and
/// no shortcut to learn. The pickers exist only while it is open: on a big map, a list of every
/// stage and lane under every card would be most of the page. A plain button rather than
/// `<details>`: the browser styles each `<details>` with a shadow tree of its own, which made
/// moving a column of cards four times the style work.
#[component]
pub fn CardMove(props: &CardMoveProps) -> Html {
    let open = use_state_eq(|| false);
    let onclick = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let form = format!("card-move-{}", props.card);
    let pickers = open.then(|| {
        html! {
            <MovePickers id={form.clone()} card={props.card} lane={props.lane} stage={props.stage} on_edit={props.on_edit.clone()} />
        }
    });
    html! {
        <>
            <button type="button" class="card-move" aria-expanded={open.to_string()}
                aria-controls={open.then_some(form)} aria-label={format!("Move card: {}", props.text)} {onclick}>
                { "Move" }
            </button>
            { for pickers }
        </>
    }
}
