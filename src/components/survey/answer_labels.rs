//! In the mapping step: every answer of the linked columns that is not a plain number, with how
//! often it occurs and the value it will be read as, which the user can change.

use journey_core::survey::labels::AnswerLabel;
use journey_core::survey::values::Cell;
use journey_core::survey::LabelValue;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswerLabelsProps {
    pub labels: Vec<AnswerLabel>,
    /// The user's own values, which the readings already follow.
    pub own: Vec<LabelValue>,
    /// A label given a value, or (`None`) left to the built-in reading.
    pub on_label: Callback<(String, Option<i32>)>,
}

fn reading(cell: &Cell) -> String {
    match cell {
        Cell::Value(v) | Cell::Glued(v) => v.to_string(),
        Cell::NotApplicable => "N/A".into(),
        _ => "no value yet".into(),
    }
}

#[component]
pub fn AnswerLabels(props: &AnswerLabelsProps) -> Html {
    let row = |label: &AnswerLabel| {
        let own = props
            .own
            .iter()
            .find(|l| l.label == label.text)
            .map(|l| l.value.to_string());
        let onchange = {
            let text = label.text.clone();
            props.on_label.reform(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlInputElement>().value();
                (text.clone(), value.trim().parse().ok())
            })
        };
        html! {
            <tr>
                <th scope="row">{ &label.text }</th>
                <td>{ label.count }</td>
                <td>{ reading(&label.reading) }</td>
                <td><input type="number" step="1" value={own.unwrap_or_default()} {onchange}
                    aria-label={format!("Value for “{}”", label.text)} /></td>
            </tr>
        }
    };
    html! {
        <table class="answer-labels">
            <caption>{ "Answers that are not numbers, in the linked columns" }</caption>
            <thead><tr><th scope="col">{ "Answer" }</th><th scope="col">{ "Count" }</th><th scope="col">{ "Read as" }</th><th scope="col">{ "Your value" }</th></tr></thead>
            <tbody>{ for props.labels.iter().map(row) }</tbody>
        </table>
    }
}
