//! The open Move form of a card: a stage and a lane picker and "Move here".

use std::rc::Rc;

use journey_core::{Edit, Id};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::grid::places::{move_card_to, Places};

#[derive(Properties, PartialEq)]
pub struct MovePickersProps {
    /// The element id the Move button points to.
    pub id: AttrValue,
    pub card: Id,
    pub lane: Id,
    pub stage: Id,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn MovePickers(props: &MovePickersProps) -> Html {
    let places = use_context::<Rc<Places>>().unwrap_or_default();
    let stage_ref = use_node_ref();
    let lane_ref = use_node_ref();
    let onclick = {
        let (stage_ref, lane_ref, on_edit, id) = (
            stage_ref.clone(),
            lane_ref.clone(),
            props.on_edit.clone(),
            props.card,
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
    html! {
        <div id={props.id.clone()} class="card-move-form">
            <label>{ "Stage" }
                <select ref={stage_ref}>{ options(&places.stages, props.stage) }</select>
            </label>
            <label>{ "Lane" }
                <select ref={lane_ref}>{ options(&places.lanes, props.lane) }</select>
            </label>
            <button type="button" {onclick}>{ "Move here" }</button>
        </div>
    }
}
