//! One card: its text, note and channel, with edit, move (form, keyboard, drag) and delete.

use journey_core::{Card, Edit, Id, LaneKind};
use web_sys::{DragEvent, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::grid::card_form::CardForm;
use crate::components::grid::card_move::CardMove;
use crate::components::grid::places::{focus_wanted, move_card_to, PlacesHandle};
use crate::components::score::card_score::CardScore;
use crate::components::score::measure_form::MeasureForm;

/// The drag payload type, so only our cards are accepted as drops.
pub const CARD_DRAG_TYPE: &str = "application/x-journeyscope-card";

/// A card dropped on another, to go before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DroppedBefore {
    pub dropped: Id,
    pub before: Id,
}

#[derive(Properties, PartialEq)]
pub struct CardViewProps {
    pub card: Card,
    pub kind: LaneKind,
    /// Where Alt+arrow keys can move the card.
    pub places: PlacesHandle,
    pub on_edit: Callback<Edit>,
    /// A card was dropped on this one.
    pub on_drop_before: Callback<DroppedBefore>,
}

/// A card picked up: its id travels with the drag.
fn start_drag(e: &DragEvent, id: Id) {
    if let Some(transfer) = e.data_transfer() {
        let _ = transfer.set_data(CARD_DRAG_TYPE, &id.to_string());
        let _ = transfer.set_data("text/plain", &id.to_string());
        transfer.set_effect_allowed("move");
    }
}

/// The card a drop carries, if it carries one; the drop is then this card's to handle.
fn dropped_card(e: &DragEvent) -> Option<Id> {
    let dropped = e
        .data_transfer()
        .and_then(|t| t.get_data(CARD_DRAG_TYPE).ok())?
        .parse::<Id>()
        .ok()?;
    e.prevent_default();
    e.stop_propagation();
    Some(dropped)
}

#[component]
pub fn CardView(props: &CardViewProps) -> Html {
    let editing = use_state_eq(|| false);
    let measuring = use_state_eq(|| false);
    let element = use_node_ref();
    {
        let (element, id) = (element.clone(), props.card.id);
        use_effect(move || {
            if let Some(card) = element.cast::<HtmlElement>() {
                if focus_wanted(id) {
                    let _ = card.focus();
                }
            }
        });
    }
    if *measuring {
        let on_done = {
            let measuring = measuring.clone();
            Callback::from(move |_| measuring.set(false))
        };
        return html! {
            <li class="card is-editing">
                <MeasureForm card={props.card.clone()} on_edit={props.on_edit.clone()} {on_done} />
            </li>
        };
    }
    if *editing {
        let on_done = {
            let editing = editing.clone();
            Callback::from(move |_| editing.set(false))
        };
        return html! { <CardForm card={props.card.clone()} kind={props.kind} on_edit={props.on_edit.clone()} {on_done} /> };
    }
    let card = &props.card;
    let id = card.id;
    let start_edit = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    let delete = props
        .on_edit
        .reform(move |_: MouseEvent| Edit::DeleteCard { card: id });
    let onkeydown = {
        let (editing, places, on_edit) =
            (editing.clone(), props.places.clone(), props.on_edit.clone());
        let (lane, stage) = (card.lane, card.stage);
        Callback::from(move |e: KeyboardEvent| {
            // Keys typed in the card's buttons and fields are theirs; only the card itself moves.
            let on_card = e
                .target_dyn_into::<HtmlElement>()
                .is_some_and(|el| el.tag_name() == "LI");
            if !on_card {
                return;
            }
            let key = e.key();
            if e.alt_key() {
                if let Some((lane, stage)) = places.step(lane, stage, &key) {
                    e.prevent_default();
                    move_card_to(&on_edit, id, lane, stage);
                }
            } else if key == "Enter" {
                e.prevent_default();
                editing.set(true);
            } else if key == "Delete" {
                on_edit.emit(Edit::DeleteCard { card: id });
            }
        })
    };
    let ondragstart = Callback::from(move |e: DragEvent| start_drag(&e, id));
    let ondrop = {
        let on_drop_before = props.on_drop_before.clone();
        Callback::from(move |e: DragEvent| {
            if let Some(dropped) = dropped_card(&e) {
                on_drop_before.emit(DroppedBefore {
                    dropped,
                    before: id,
                });
            }
        })
    };
    let channel = card
        .channel
        .filter(|_| props.kind == LaneKind::Touchpoints)
        .map(|c| {
            html! {
                <span class={classes!("channel", c.slug())}>{ c.label() }</span>
            }
        });
    let note = card
        .note
        .as_ref()
        .map(|note| html! { <p class="card-note">{ note }</p> });
    let text = if card.text.is_empty() {
        "(empty card)".to_string()
    } else {
        card.text.clone()
    };
    html! {
        <li
            ref={element}
            class="card"
            id={format!("card-{id}")}
            tabindex="0"
            draggable="true"
            aria-describedby="card-keys"
            {onkeydown}
            {ondragstart}
            {ondrop}
        >
            { for channel }
            <p class="card-text">{ &text }</p>
            { for note }
            // Only measured cards have a score; the others need no reader of the score context.
            if card.measure.is_some() {
                <CardScore card={id} />
            }
            if let Some(target) = card.measure.and_then(|m| m.target) {
                <p class="card-target">{ format!("Target {target}") }</p>
            }
            <div class="card-actions">
                <button type="button" onclick={start_edit} aria-label={format!("Edit card: {text}")}>{ "Edit" }</button>
                <CardMove card={id} text={card.text.clone()} lane={card.lane} stage={card.stage} on_edit={props.on_edit.clone()} />
                if props.kind == LaneKind::Touchpoints {
                    <button type="button" onclick={Callback::from(move |_| measuring.set(true))}
                        aria-label={format!("Measure card: {text}")}>{ "Measure" }</button>
                }
                <button type="button" class="danger" onclick={delete} aria-label={format!("Delete card: {text}")}>{ "Delete" }</button>
            </div>
        </li>
    }
}
