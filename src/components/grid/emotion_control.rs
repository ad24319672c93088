//! The feeling of the selected persona at one stage: −2 to +2, or not set.

use journey_core::{Edit, Id};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

pub const EMOTION_LABELS: [(i8, &str); 5] = [
    (2, "+2 Very positive"),
    (1, "+1 Positive"),
    (0, "0 Neutral"),
    (-1, "−1 Negative"),
    (-2, "−2 Very negative"),
];

#[derive(Properties, PartialEq)]
pub struct EmotionControlProps {
    pub persona: Id,
    pub stage: Id,
    /// "Feeling of Busy shopper at Discover", for the label.
    pub label: AttrValue,
    pub value: Option<i8>,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn EmotionControl(props: &EmotionControlProps) -> Html {
    let (persona, stage) = (props.persona, props.stage);
    let onchange = props.on_edit.reform(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Edit::SetEmotion {
            persona,
            stage,
            value: select.value().parse().ok(),
        }
    });
    let tone = match props.value {
        Some(v) if v > 0 => "positive",
        Some(v) if v < 0 => "negative",
        Some(_) => "neutral",
        None => "unset",
    };
    html! {
        <td class={classes!("cell", "feelings-cell", tone)}>
            <select class="emotion" aria-label={props.label.clone()} {onchange}>
                <option value="" selected={props.value.is_none()}>{ "Not set" }</option>
                for (value, label) in EMOTION_LABELS {
                    <option value={value.to_string()} selected={props.value == Some(value)}>{ label }</option>
                }
            </select>
        </td>
    }
}
