//! A text field with an Add button: Enter or the button hands over the name and clears the field.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AddNameProps {
    /// The field's label ("New stage name").
    pub label: AttrValue,
    pub placeholder: AttrValue,
    /// The button's text ("Add stage").
    pub action: AttrValue,
    pub on_add: Callback<String>,
}

#[component]
pub fn AddName(props: &AddNameProps) -> Html {
    let field = use_node_ref();
    let add = {
        let (field, on_add) = (field.clone(), props.on_add.clone());
        Callback::from(move |_: ()| {
            if let Some(input) = field.cast::<HtmlInputElement>() {
                if !input.value().trim().is_empty() {
                    on_add.emit(input.value());
                    input.set_value("");
                }
            }
        })
    };
    let onclick = add.reform(|_: MouseEvent| ());
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            add.emit(());
        }
    });
    html! {
        <span class="add-name">
            <input ref={field} type="text" aria-label={props.label.clone()}
                placeholder={props.placeholder.clone()} {onkeydown} />
            <button type="button" {onclick}>{ props.action.clone() }</button>
        </span>
    }
}
