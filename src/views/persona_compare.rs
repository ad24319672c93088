//! Personas side by side (the screens module's): pick two or more, see their emotion curves on one
//! chart, and, for each persona a survey segment is linked to (in the import's mapping step, or
//! without a mapping by its name), that segment's journey score and weakest stage.

use std::rc::Rc;

use journey_core::personas::{side_by_side, PersonaSide};
use journey_core::{Id, JourneyMap};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::compare::curves_chart::{curves_chart, Curve};

#[derive(Properties, PartialEq)]
pub struct PersonaCompareProps {
    pub map: Rc<JourneyMap>,
    pub on_close: Callback<()>,
}

fn score_cells(map: &JourneyMap, side: &PersonaSide) -> Html {
    match &side.score {
        Some(score) => {
            let weakest = map
                .stage(score.weakest_stage)
                .map(|s| s.name.clone())
                .unwrap_or_default();
            let ci = score
                .ci
                .map(|(lo, hi)| format!(" (95% CI {lo:.1}–{hi:.1})"))
                .unwrap_or_default();
            html! { <><td>{ format!("{:.1}{ci}", score.score) }</td><td>{ weakest }</td></> }
        }
        None => {
            html! { <td colspan="2">{ "No segment's answers are linked to this persona" }</td> }
        }
    }
}

#[component]
pub fn PersonaCompare(props: &PersonaCompareProps) -> Html {
    let map = &props.map;
    let chosen = use_state(|| map.personas.iter().map(|p| p.id).collect::<Vec<Id>>());
    let toggle = |id: Id| {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next: Vec<Id> = (*chosen).iter().copied().filter(|c| *c != id).collect();
            if on {
                next.push(id);
            }
            chosen.set(next);
        })
    };
    let sides = side_by_side(map, &chosen);
    let stages: Vec<String> = map.stages.iter().map(|s| s.name.clone()).collect();
    let curves: Vec<Curve> = sides
        .iter()
        .map(|s| Curve {
            name: s.name.clone(),
            values: s.feelings.clone(),
        })
        .collect();
    html! {
        <section class="persona-compare" aria-labelledby="personas-title">
            <div class="versions-head">
                <h2 id="personas-title">{ "Personas side by side" }</h2>
                <button type="button" onclick={props.on_close.reform(|_| ())}>{ "Back to the map" }</button>
            </div>
            <fieldset class="persona-choice">
                <legend>{ "Personas to compare" }</legend>
                for persona in &map.personas {
                    <label><input type="checkbox" checked={chosen.contains(&persona.id)} onchange={toggle(persona.id)} />{ format!(" {}", persona.name) }</label>
                }
            </fieldset>
            if sides.len() < 2 {
                <p role="status">{ "Choose two or more personas to compare them." }</p>
            } else {
                { curves_chart("Emotion curves", &stages, &curves) }
                <table class="persona-scores">
                    <caption>{ "Journey score by persona, from the answers of its segment" }</caption>
                    <thead><tr><th scope="col">{ "Persona" }</th><th scope="col">{ "Journey score" }</th><th scope="col">{ "Weakest stage" }</th></tr></thead>
                    <tbody>
                        for side in &sides {
                            <tr><th scope="row">{ &side.name }</th>{ score_cells(map, side) }</tr>
                        }
                    </tbody>
                </table>
            }
        </section>
    }
}
