//! As-is and to-be side by side (the screens module's): what the to-be changes, its projected
//! journey score with each target's gain, both emotion curves on one chart, and both maps in one
//! grid, stage by stage.

use std::rc::Rc;

use journey_core::to_be::{
    as_is_first, card_plans, feelings_by_stage, lane_pairs, projection, stage_pairs, summary, Pair,
};
use journey_core::{Id, JourneyMap};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::compare::curves_chart::{curves_chart, Curve};
use crate::components::plan::plan_grid::plan_grid;
use crate::components::plan::plan_summary::{plan_summary, projection_table};

#[derive(Properties, PartialEq)]
pub struct PlanCompareProps {
    /// The open map, as-is or to-be.
    pub map: Rc<JourneyMap>,
    /// The other map of the pair.
    pub partner: Option<Rc<JourneyMap>>,
    pub on_close: Callback<()>,
}

#[component]
pub fn PlanCompare(props: &PlanCompareProps) -> Html {
    let persona = use_state_eq(|| props.map.personas[0].id);
    let back = html! { <button type="button" onclick={props.on_close.reform(|_| ())}>{ "Back to the map" }</button> };
    let Some(partner) = props.partner.clone() else {
        return html! {
            <section class="plan-compare" aria-labelledby="plan-title">
                <div class="versions-head"><h2 id="plan-title">{ "As-is and to-be" }</h2>{ back }</div>
                <p role="status">{ "The other map of this pair is not in this browser." }</p>
            </section>
        };
    };
    let (as_is, to_be) = as_is_first(&props.map, &partner);
    let stages = stage_pairs(as_is, to_be);
    let names: Vec<String> = stages.iter().map(|s| s.name.clone()).collect();
    let curve = |name: &str, map: &JourneyMap, side: fn(&Pair) -> Option<Id>| {
        let (persona, values) = feelings_by_stage(map, *persona, &stages, side);
        Curve {
            name: format!("{name}: {persona}"),
            values,
        }
    };
    let curves = [
        curve("As-is", as_is, |s| s.as_is),
        curve("To-be", to_be, |s| s.to_be),
    ];
    let on_persona = {
        let persona = persona.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(id) = value.parse() {
                persona.set(id);
            }
        })
    };
    html! {
        <section class="plan-compare" aria-labelledby="plan-title">
            <div class="versions-head">
                <h2 id="plan-title">{ format!("As-is and to-be: {} and {}", as_is.name, to_be.name) }</h2>
                { back }
            </div>
            { plan_summary(&summary(as_is, to_be)) }
            { projection_table(&projection(as_is, to_be)) }
            if as_is.personas.len() > 1 {
                <label class="plan-persona">{ "Persona" }
                    <select onchange={on_persona}>
                        for p in &as_is.personas {
                            <option value={p.id.to_string()} selected={p.id == *persona}>{ &p.name }</option>
                        }
                    </select>
                </label>
            }
            { curves_chart("Emotion curves, as-is and to-be", &names, &curves) }
            { plan_grid(as_is, to_be, &stages, &lane_pairs(as_is, to_be), &card_plans(as_is, to_be)) }
        </section>
    }
}
