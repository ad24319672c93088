//! Text that turns into a field when clicked: Enter or leaving the field keeps the change,
//! Escape drops it. After Enter or Escape the focus returns to the text, so keyboard users stay
//! where they were.

use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InlineTextProps {
    pub value: AttrValue,
    /// What the text is, for the field's label and the button's hint ("Stage name").
    pub label: AttrValue,
    /// Shown when the value is empty.
    #[prop_or_default]
    pub placeholder: AttrValue,
    pub on_commit: Callback<String>,
}

#[component]
pub fn InlineText(props: &InlineTextProps) -> Html {
    let editing = use_state_eq(|| false);
    let refocus = use_mut_ref(|| false);
    let input = use_node_ref();
    let button = use_node_ref();
    {
        let (input, button, refocus) = (input.clone(), button.clone(), refocus.clone());
        use_effect_with(*editing, move |editing| {
            if *editing {
                if let Some(field) = input.cast::<HtmlInputElement>() {
                    let _ = field.focus();
                    field.select();
                }
            } else if refocus.replace(false) {
                if let Some(button) = button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    if !*editing {
        let start = {
            let editing = editing.clone();
            Callback::from(move |_: MouseEvent| editing.set(true))
        };
        let shown = if props.value.is_empty() {
            &props.placeholder
        } else {
            &props.value
        };
        let class = classes!(
            "inline-text",
            props.value.is_empty().then_some("is-placeholder")
        );
        return html! {
            <button ref={button} type="button" {class} onclick={start}>
                { shown.clone() }
                <span class="visually-hidden">{ format!(" (edit {})", props.label.to_lowercase()) }</span>
            </button>
        };
    }
    let commit = {
        let editing = editing.clone();
        let on_commit = props.on_commit.clone();
        let value = props.value.clone();
        move |field: &HtmlInputElement| {
            editing.set(false);
            if field.value() != value.as_str() {
                on_commit.emit(field.value());
            }
        }
    };
    let onkeydown = {
        let commit = commit.clone();
        let value = props.value.clone();
        Callback::from(move |e: KeyboardEvent| {
            let field: HtmlInputElement = e.target_unchecked_into();
            match e.key().as_str() {
                "Enter" => {
                    e.prevent_default();
                    *refocus.borrow_mut() = true;
                    commit(&field);
                }
                "Escape" => {
                    // Restoring the value first makes the blur that follows a no-op.
                    field.set_value(&value);
                    *refocus.borrow_mut() = true;
                    commit(&field);
                }
                _ => {}
            }
        })
    };
    let onblur = Callback::from(move |e: FocusEvent| commit(&e.target_unchecked_into()));
    html! {
        <input
            ref={input}
            class="inline-text-field"
            type="text"
            aria-label={props.label.clone()}
            placeholder={props.placeholder.clone()}
            value={props.value.clone()}
            {onkeydown}
            {onblur}
        />
    }
}
