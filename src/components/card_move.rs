//! The Move disclosure under a card.

use journey_core::{Edit, Id};
use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use crate::components::move_pickers::MovePickers;

#[derive(Properties, PartialEq)]
pub struct CardMoveProps {
    pub card: Id,
    /// The card's text, for the disclosure's label.
    pub text: AttrValue,
    pub lane: Id,
    pub stage: Id,
    pub on_edit: Callback<Edit>,
}

/// A disclosure with a stage and a lane picker: the way to move a card that needs no drag and no
/// shortcut to learn. The pickers exist only while it is open: on a big map, a list of every
/// stage and lane under every card would be most of the page.
#[component]
pub fn CardMove(props: &CardMoveProps) -> Html {
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<HtmlDetailsElement>() {
                open.set(details.open());
            }
        })
    };
    let pickers = open.then(|| {
        html! {
            <MovePickers card={props.card} lane={props.lane} stage={props.stage} on_edit={props.on_edit.clone()} />
        }
    });
    html! {
        <details class="card-move" {ontoggle}>
            <summary aria-label={format!("Move card: {}", props.text)}>{ "Move" }</summary>
            { for pickers }
        </details>
    }
}
