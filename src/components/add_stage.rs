//! "Add stage": a name field that adds the stage on Enter.

use journey_core::Edit;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AddStageProps {
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn AddStage(props: &AddStageProps) -> Html {
    let field = use_node_ref();
    let add = {
        let (field, on_edit) = (field.clone(), props.on_edit.clone());
        Callback::from(move |_: ()| {
            if let Some(input) = field.cast::<HtmlInputElement>() {
                if !input.value().trim().is_empty() {
                    on_edit.emit(Edit::AddStage {
                        name: input.value(),
                    });
                    input.set_value("");
                }
            }
        })
    };
    let add_click = add.reform(|_: MouseEvent| ());
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            add.emit(());
        }
    });
    html! {
        <div class="add-stage">
            <input ref={field} type="text" aria-label="New stage name" placeholder="New stage" {onkeydown} />
            <button type="button" onclick={add_click}>{ "Add stage" }</button>
        </div>
    }
}
