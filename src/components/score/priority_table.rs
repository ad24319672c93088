//! What to fix first: the journey points each touchpoint would add if it were perfect, and a
//! what-if target for one of them.

use std::rc::Rc;

use journey_core::score::Scores;
use journey_core::{Id, JourneyMap};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::common::table::{one_decimal, table, Row, Table};

#[derive(Properties, PartialEq)]
pub struct PriorityTableProps {
    pub map: Rc<JourneyMap>,
    pub scores: Rc<Scores>,
}

#[component]
pub fn PriorityTable(props: &PriorityTableProps) -> Html {
    let pick = use_state(|| props.scores.gains.first().map(|g| g.0));
    let target = use_state(|| 80.0f64);
    let name = |id: Id| props.map.card(id).map_or(String::new(), |c| c.text.clone());
    let Some(journey) = props.scores.journey.as_ref() else {
        return html! { <p class="hint">{ "No journey score yet: import answers or type them in." }</p> };
    };
    let on_pick = {
        let pick = pick.clone();
        Callback::from(move |e: Event| {
            pick.set(
                e.target_unchecked_into::<HtmlSelectElement>()
                    .value()
                    .parse()
                    .ok(),
            )
        })
    };
    let on_target = {
        let target = target.clone();
        Callback::from(move |e: InputEvent| {
            if let Ok(v) = e
                .target_unchecked_into::<HtmlInputElement>()
                .value()
                .parse::<f64>()
            {
                target.set(v.clamp(0.0, 100.0));
            }
        })
    };
    let what_if = pick.and_then(|id| props.scores.what_if(id, *target));
    html! {
        <div class="priorities">
            { table(Table {
                class: None,
                caption: "Improvement priority: journey points each touchpoint would add if it were perfect".into(),
                head: &["Touchpoint", "Score", "n", "Points to gain"],
                row_heading: Some(0),
                rows: props.scores.gains.iter().map(|(id, gain)| {
                    let estimate = props.scores.touchpoint(*id).and_then(|t| t.estimate);
                    Row::new(*id, vec![name(*id), one_decimal(estimate.map(|e| e.score)), estimate.map_or(0, |e| e.n).to_string(), format!("{gain:.2}")])
                }).collect(),
            }) }
            <div class="what-if">
                <label>{ "What if" }
                    <select onchange={on_pick}>
                        for (id, _) in &props.scores.gains {
                            <option value={id.to_string()} selected={*pick == Some(*id)}>{ name(*id) }</option>
                        }
                    </select>
                </label>
                <label>{ "scored" }
                    <input type="number" min="0" max="100" step="1" value={target.to_string()} oninput={on_target} />
                </label>
                if let Some(moved) = what_if {
                    <p class="what-if-result" aria-live="polite">
                        { format!("The journey score would be {moved:.1} (now {:.1}).", journey.score) }
                    </p>
                }
            </div>
        </div>
    }
}
