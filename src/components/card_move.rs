use std::rc::Rc;

use journey_core::{Card, Edit, Id};
use web_sys::{HtmlDetailsElement, HtmlSelectElement};
use yew::prelude::*;

use crate::places::{move_card_to, Places};

#[derive(Properties, PartialEq)]
pub struct CardMoveProps {
    pub card: Card,
    pub places: Rc<Places>,
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
    let stage_ref = use_node_ref();
    let lane_ref = use_node_ref();
    let card = &props.card;
    let onclick = {
        let (stage_ref, lane_ref, on_edit, id) = (
            stage_ref.clone(),
            lane_ref.clone(),
            props.on_edit.clone(),
            card.id,
        );
        Callback::from(move |_: MouseEvent| {
            let pick = |r: &NodeRef| {
                r.cast::<HtmlSelectElement>()
                    .and_then(|s| s.value().parse::<Id>().ok())
            };
            if let (Some(stage), Some(lane)) = (pick(&stage_ref), pick(&lane_ref)) {
                move_card_to(&on_edit, id, lane, stage);
            }
        })
    };
    let options = |items: &[(Id, String)], current: Id| -> Html {
        items
            .iter()
            .map(|(id, name)| html! { <option value={id.to_string()} selected={*id == current}>{ name }</option> })
            .collect()
    };
    let form = open.then(|| html! {
            <div class="card-move-form">
                <label>{ "Stage" }
                    <select ref={stage_ref}>{ options(&props.places.stages, card.stage) }</select>
                </label>
                <label>{ "Lane" }
                    <select ref={lane_ref}>{ options(&props.places.lanes, card.lane) }</select>
                </label>
                <button type="button" {onclick}>{ "Move here" }</button>
            </div>
    });
    html! {
        <details class="card-move" {ontoggle}>
            <summary aria-label={format!("Move card: {}", card.text)}>{ "Move" }</summary>
            { for form }
        </details>
    }
}
