//! How a touchpoint card is measured: metric, scale, direction, top-box threshold and weight, and
//! on a to-be journey the score it should reach.

use journey_core::model::{Measure, Weight};
use journey_core::score::{Metric, MetricKind};
use journey_core::{Card, Edit};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::score::score_context::ScoreHandle;

/// Scale presets: (value, label, min, max, higher is better).
const PRESETS: [(&str, &str, i32, i32, bool); 4] = [
    ("csat5", "CSAT 1–5", 1, 5, true),
    ("csat7", "CSAT 1–7", 1, 7, true),
    ("ces7", "CES 1–7 (less effort is better)", 1, 7, false),
    ("nps", "NPS 0–10", 0, 10, true),
];

fn preset_of(metric: &Metric) -> &'static str {
    PRESETS
        .iter()
        .find(|(_, _, min, max, up)| {
            (*min, *max, *up) == (metric.min, metric.max, metric.higher_is_better)
        })
        .map_or("custom", |p| p.0)
}

#[derive(Properties, PartialEq)]
pub struct MeasureFormProps {
    pub card: Card,
    pub on_edit: Callback<Edit>,
    pub on_done: Callback<()>,
}

fn number(node: &NodeRef) -> Option<f64> {
    node.cast::<HtmlInputElement>()
        .and_then(|i| i.value().trim().parse().ok())
}

/// The form's fields that are read when it is saved.
#[derive(Clone, Default)]
struct Fields {
    min: NodeRef,
    max: NodeRef,
    direction: NodeRef,
    threshold: NodeRef,
    weight: NodeRef,
    target: NodeRef,
}

/// The measure the form says: a preset's scale or the custom one typed in.
fn measure_of(kind: MetricKind, preset: &str, fields: &Fields, target: Option<u8>) -> Measure {
    let (min, max, higher_is_better) = match PRESETS.iter().find(|p| p.0 == preset) {
        Some(&(_, _, min, max, up)) => (min, max, up),
        None => {
            let up = fields
                .direction
                .cast::<HtmlSelectElement>()
                .is_none_or(|s| s.value() != "lower");
            (
                number(&fields.min).unwrap_or(1.0) as i32,
                number(&fields.max).unwrap_or(5.0) as i32,
                up,
            )
        }
    };
    let threshold = (kind == MetricKind::TopBox)
        .then(|| number(&fields.threshold).map(|t| t as i32))
        .flatten();
    let metric = Metric {
        kind,
        min,
        max,
        higher_is_better,
        threshold,
    };
    let weight = Weight(number(&fields.weight).unwrap_or(1.0));
    // Without the field (a map that is no to-be journey), the target stays as it was.
    let target = match fields.target.cast::<HtmlInputElement>() {
        Some(input) => input
            .value()
            .trim()
            .parse::<f64>()
            .ok()
            .map(|t| t.round().clamp(0.0, 100.0) as u8),
        None => target,
    };
    Measure {
        metric,
        weight,
        target,
    }
}

#[component]
pub fn MeasureForm(props: &MeasureFormProps) -> Html {
    let current = props.card.measure.unwrap_or(Measure {
        metric: Metric::mean(1, 5),
        weight: Weight::default(),
        target: None,
    });
    let kind = use_state(|| current.metric.kind);
    let preset = use_state(|| preset_of(&current.metric).to_string());
    let fields = use_memo((), |_| Fields::default());
    let planning = use_context::<ScoreHandle>().is_some_and(|c| c.planning);
    let id = props.card.id;

    let on_kind = {
        let (kind, preset) = (kind.clone(), preset.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let chosen = match value.as_str() {
                "top_box" => MetricKind::TopBox,
                "nps" => MetricKind::Nps,
                _ => MetricKind::Mean,
            };
            if chosen == MetricKind::Nps {
                preset.set("nps".into());
            }
            kind.set(chosen);
        })
    };
    let on_preset = {
        let preset = preset.clone();
        Callback::from(move |e: Event| {
            preset.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let save = {
        let (kind, preset, fields, target) =
            (*kind, (*preset).clone(), fields.clone(), current.target);
        let (on_edit, on_done) = (props.on_edit.clone(), props.on_done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_edit.emit(Edit::SetMeasure {
                card: id,
                measure: Some(measure_of(kind, &preset, &fields, target)),
            });
            on_done.emit(());
        })
    };
    let stop = {
        let (on_edit, on_done) = (props.on_edit.clone(), props.on_done.clone());
        Callback::from(move |_: MouseEvent| {
            on_edit.emit(Edit::SetMeasure {
                card: id,
                measure: None,
            });
            on_done.emit(());
        })
    };
    let custom = *preset == "custom";
    let metric = current.metric;
    html! {
        <form class="measure-form" onsubmit={save}>
            <p class="measure-title">{ format!("Measure “{}”", props.card.text) }</p>
            <label>{ "Metric" }
                <select onchange={on_kind}>
                    <option value="mean" selected={*kind == MetricKind::Mean}>{ "Average rating (mean)" }</option>
                    <option value="top_box" selected={*kind == MetricKind::TopBox}>{ "Top box (share of good answers)" }</option>
                    <option value="nps" selected={*kind == MetricKind::Nps}>{ "Net Promoter Score" }</option>
                </select>
            </label>
            <label>{ "Scale" }
                <select onchange={on_preset} disabled={*kind == MetricKind::Nps}>
                    for (value, label, ..) in PRESETS {
                        <option {value} selected={*preset == value}>{ label }</option>
                    }
                    <option value="custom" selected={custom}>{ "Custom scale" }</option>
                </select>
            </label>
            if custom {
                <div class="measure-row">
                    <label>{ "Lowest" }<input ref={fields.min.clone()} type="number" step="1" value={metric.min.to_string()} /></label>
                    <label>{ "Highest" }<input ref={fields.max.clone()} type="number" step="1" value={metric.max.to_string()} /></label>
                </div>
                <label>{ "Better answers are" }
                    <select ref={fields.direction.clone()}>
                        <option value="higher" selected={metric.higher_is_better}>{ "higher" }</option>
                        <option value="lower" selected={!metric.higher_is_better}>{ "lower" }</option>
                    </select>
                </label>
            }
            if *kind == MetricKind::TopBox {
                <label>{ "Counts as good from (blank: one step from the best end)" }
                    <input ref={fields.threshold.clone()} type="number" step="1"
                        value={metric.threshold.map(|t| t.to_string()).unwrap_or_default()} />
                </label>
            }
            <label>{ "Weight in its stage" }
                <input ref={fields.weight.clone()} type="number" min="0" step="any" value={current.weight.0.to_string()} />
            </label>
            if planning {
                <label>{ "Target score in the to-be (0–100, blank: none)" }
                    <input ref={fields.target.clone()} type="number" min="0" max="100" step="1"
                        value={current.target.map(|t| t.to_string()).unwrap_or_default()} />
                </label>
            }
            <div class="form-actions">
                <button type="submit" class="primary">{ "Save measure" }</button>
                if props.card.measure.is_some() {
                    <button type="button" class="danger" onclick={stop}>{ "Stop measuring" }</button>
                }
                <button type="button" onclick={props.on_done.reform(|_| ())}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
