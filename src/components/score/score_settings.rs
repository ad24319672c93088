//! The score's settings: stage weights, the alert threshold and the low-sample size.

use std::rc::Rc;

use journey_core::model::Weight;
use journey_core::{Edit, JourneyMap};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScoreSettingsProps {
    pub map: Rc<JourneyMap>,
    pub on_edit: Callback<Edit>,
}

fn value(e: &Event) -> Option<f64> {
    e.target_unchecked_into::<HtmlInputElement>()
        .value()
        .trim()
        .parse()
        .ok()
}

/// A change handler that emits an edit when the field holds a number.
fn on_number(on_edit: &Callback<Edit>, edit: impl Fn(f64) -> Edit + 'static) -> Callback<Event> {
    let on_edit = on_edit.clone();
    Callback::from(move |e: Event| {
        if let Some(v) = value(&e) {
            on_edit.emit(edit(v));
        }
    })
}

#[component]
pub fn ScoreSettings(props: &ScoreSettingsProps) -> Html {
    let scoring = &props.map.scoring;
    html! {
        <details class="score-settings">
            <summary>{ "Weights and thresholds" }</summary>
            <fieldset>
                <legend>{ "Stage weights (0 leaves a stage out)" }</legend>
                for stage in &props.map.stages {
                    <label key={stage.id}>{ &stage.name }
                        <input type="number" min="0" step="any" value={stage.weight.0.to_string()}
                            onchange={on_number(&props.on_edit, {
                                let id = stage.id;
                                move |w| Edit::SetStageWeight { stage: id, weight: Weight(w) }
                            })} />
                    </label>
                }
            </fieldset>
            <label>{ "Flag scores below" }
                <input type="number" min="0" max="100" step="1" value={scoring.alert_below.to_string()}
                    onchange={on_number(&props.on_edit, |v| Edit::SetAlertBelow(v as u32))} />
            </label>
            <label>{ "Flag fewer answers than" }
                <input type="number" min="0" step="1" value={scoring.low_sample.to_string()}
                    onchange={on_number(&props.on_edit, |v| Edit::SetLowSample(v as u64))} />
            </label>
        </details>
    }
}
