//! One lane × stage cell: its cards, a drop target for dragged cards, and "Add card".

use std::rc::Rc;

use journey_core::{Card, Edit, Id, LaneKind};
use web_sys::{DragEvent, HtmlElement};
use yew::prelude::*;

use crate::components::grid::card_draft::CardDraft;
use crate::components::grid::card_view::{CardView, DroppedBefore, CARD_DRAG_TYPE};
use crate::components::grid::places::PlacesHandle;

#[derive(Properties, PartialEq)]
pub struct CardCellProps {
    pub lane: Id,
    pub stage: Id,
    pub kind: LaneKind,
    /// "Touchpoints in Awareness", for labels.
    pub label: AttrValue,
    pub cards: Rc<[Card]>,
    pub places: PlacesHandle,
    pub on_edit: Callback<Edit>,
}

fn dragged_card(e: &DragEvent) -> Option<Id> {
    e.data_transfer()?
        .get_data(CARD_DRAG_TYPE)
        .ok()?
        .parse()
        .ok()
}

#[component]
pub fn CardCell(props: &CardCellProps) -> Html {
    let drafting = use_state_eq(|| false);
    let add_button = use_node_ref();
    let refocus = use_mut_ref(|| false);
    {
        // Closing the draft hands the focus back to "Add card", where the keyboard user was.
        let (add_button, refocus) = (add_button.clone(), refocus.clone());
        use_effect_with(*drafting, move |drafting| {
            if !*drafting && refocus.replace(false) {
                if let Some(button) = add_button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let over = use_state_eq(|| false);
    let (lane, stage) = (props.lane, props.stage);

    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            let ours = e
                .data_transfer()
                .is_some_and(|t| t.types().includes(&CARD_DRAG_TYPE.into(), 0));
            if ours {
                e.prevent_default();
                over.set(true);
            }
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let (over, on_edit) = (over.clone(), props.on_edit.clone());
        Callback::from(move |e: DragEvent| {
            over.set(false);
            if let Some(card) = dragged_card(&e) {
                e.prevent_default();
                on_edit.emit(Edit::MoveCard {
                    card,
                    lane,
                    stage,
                    index: usize::MAX,
                });
            }
        })
    };
    let on_drop_before = {
        let (over, on_edit) = (over.clone(), props.on_edit.clone());
        let order: Vec<Id> = props.cards.iter().map(|c| c.id).collect();
        Callback::from(move |DroppedBefore { dropped, before }| {
            over.set(false);
            // The index counts the cell's other cards, since the dropped card leaves its place.
            let index = order
                .iter()
                .filter(|&&c| c != dropped)
                .position(|&c| c == before);
            let index = index.unwrap_or(usize::MAX);
            on_edit.emit(Edit::MoveCard {
                card: dropped,
                lane,
                stage,
                index,
            });
        })
    };

    let cards = props.cards.iter().map(|card| {
        html! {
            <CardView
                key={card.id}
                card={card.clone()}
                kind={props.kind}
                places={props.places.clone()}
                on_edit={props.on_edit.clone()}
                on_drop_before={on_drop_before.clone()}
            />
        }
    });
    let adder = if *drafting {
        html! { <CardDraft label={props.label.clone()} {lane} {stage} on_edit={props.on_edit.clone()} on_done={Callback::from({
            let (d, refocus) = (drafting.clone(), refocus.clone());
            move |_| {
                *refocus.borrow_mut() = true;
                d.set(false);
            }
        })} /> }
    } else {
        let start = Callback::from({
            let d = drafting.clone();
            move |_: MouseEvent| d.set(true)
        });
        html! {
            <button ref={add_button} type="button" class="add-card" onclick={start} aria-label={format!("Add card to {}", props.label)}>
                { "+ Add card" }
            </button>
        }
    };
    html! {
        <td class={classes!("cell", over.then_some("is-drop-target"))} {ondragover} {ondragleave} {ondrop}>
            <ul class="cards" aria-label={props.label.clone()}>{ for cards }</ul>
            { adder }
        </td>
    }
}
