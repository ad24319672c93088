//! The card being edited: text, note and, on touchpoints, the channel.

use journey_core::{Card, Channel, Edit, LaneKind};
use web_sys::{HtmlSelectElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::grid::places::focus_card_soon;

#[derive(Properties, PartialEq)]
pub struct CardFormProps {
    pub card: Card,
    pub kind: LaneKind,
    pub on_edit: Callback<Edit>,
    pub on_done: Callback<()>,
}

#[component]
pub fn CardForm(props: &CardFormProps) -> Html {
    let text_ref = use_node_ref();
    let note_ref = use_node_ref();
    let channel_ref = use_node_ref();
    {
        let text_ref = text_ref.clone();
        use_effect_with((), move |_| {
            if let Some(field) = text_ref.cast::<HtmlTextAreaElement>() {
                let _ = field.focus();
            }
        });
    }
    let id = props.card.id;
    let save = {
        let (text_ref, note_ref, channel_ref) =
            (text_ref.clone(), note_ref.clone(), channel_ref.clone());
        let (on_edit, on_done, previous) = (
            props.on_edit.clone(),
            props.on_done.clone(),
            props.card.channel,
        );
        Callback::from(move |_: ()| {
            let read = |r: &NodeRef| {
                r.cast::<HtmlTextAreaElement>()
                    .map(|f| f.value())
                    .unwrap_or_default()
            };
            let channel = match channel_ref.cast::<HtmlSelectElement>() {
                Some(select) => Channel::from_slug(&select.value()),
                None => previous,
            };
            focus_card_soon(id);
            on_edit.emit(Edit::EditCard {
                card: id,
                text: read(&text_ref),
                note: read(&note_ref),
                channel,
            });
            on_done.emit(());
        })
    };
    let cancel = {
        let on_done = props.on_done.clone();
        Callback::from(move |_: ()| {
            focus_card_soon(id);
            on_done.emit(());
        })
    };
    let onkeydown = {
        let (save, cancel) = (save.clone(), cancel.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => cancel.emit(()),
            "Enter" if e.ctrl_key() || e.meta_key() => {
                e.prevent_default();
                save.emit(());
            }
            _ => {}
        })
    };
    let onsubmit = save.reform(|e: SubmitEvent| e.prevent_default());
    let channel = (props.kind == LaneKind::Touchpoints).then(|| {
        let current = props.card.channel;
        html! {
            <label>{ "Channel" }
                <select ref={channel_ref}>
                    <option value="" selected={current.is_none()}>{ "None" }</option>
                    for c in Channel::ALL {
                        <option value={c.slug()} selected={current == Some(c)}>{ c.label() }</option>
                    }
                </select>
            </label>
        }
    });
    html! {
        <li class="card is-editing">
            <form class="card-form" {onsubmit} {onkeydown}>
                <label>{ "Card text" }
                    <textarea ref={text_ref} rows="3" value={props.card.text.clone()} />
                </label>
                <label>{ "Note (optional)" }
                    <textarea ref={note_ref} rows="2" value={props.card.note.clone().unwrap_or_default()} />
                </label>
                { for channel }
                <div class="form-actions">
                    <button type="submit" class="primary">{ "Save" }</button>
                    <button type="button" onclick={cancel.reform(|_| ())}>{ "Cancel" }</button>
                </div>
                <p class="hint">{ "Ctrl+Enter saves, Escape cancels." }</p>
            </form>
        </li>
    }
}
