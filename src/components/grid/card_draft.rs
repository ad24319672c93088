//! The text field for cards that are not in the map yet: Enter adds one and clears the field for
//! the next, Escape (or Enter on an empty field) closes it.

use journey_core::{Edit, Id};
use web_sys::{HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardDraftProps {
    pub lane: Id,
    pub stage: Id,
    pub label: AttrValue,
    pub on_edit: Callback<Edit>,
    pub on_done: Callback<()>,
}

#[component]
pub fn CardDraft(props: &CardDraftProps) -> Html {
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with((), move |_| {
            if let Some(field) = field.cast::<HtmlTextAreaElement>() {
                let _ = field.focus();
            }
        });
    }
    let add = {
        let (field, on_edit, on_done) =
            (field.clone(), props.on_edit.clone(), props.on_done.clone());
        let (lane, stage) = (props.lane, props.stage);
        Callback::from(move |_: ()| {
            let Some(input) = field.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = input.value();
            if text.trim().is_empty() {
                on_done.emit(());
            } else {
                on_edit.emit(Edit::AddCard { lane, stage, text });
                input.set_value("");
                let _ = input.focus();
            }
        })
    };
    let onkeydown = {
        let (add, on_done) = (add.clone(), props.on_done.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" if !e.shift_key() => {
                e.prevent_default();
                add.emit(());
            }
            "Escape" => on_done.emit(()),
            _ => {}
        })
    };
    html! {
        <div class="card-draft">
            <textarea ref={field} rows="2" aria-label={format!("New card in {}", props.label)}
                placeholder="Type, Enter to add" {onkeydown} />
            <div class="form-actions">
                <button type="button" class="primary" onclick={add.reform(|_| ())}>{ "Add" }</button>
                <button type="button" onclick={props.on_done.reform(|_| ())}>{ "Done" }</button>
            </div>
        </div>
    }
}
