//! As-is and to-be in one grid: a column per stage of either, matched by id, and for each lane a
//! row of the as-is and one of the to-be. A side that lacks the stage shows a gap in words; each
//! card that differs says how, in words and with an outline.

use std::collections::HashMap;

use journey_core::to_be::{CardPlan, Pair};
use journey_core::{Id, JourneyMap};
use yew::prelude::*;

fn cell(
    map: &JourneyMap,
    lane: Option<Id>,
    stage: Option<Id>,
    plans: &HashMap<Id, CardPlan>,
    side: &str,
) -> Html {
    let gap = |what: &str| html! { <td class="plan-gap">{ format!("No such {what} in the {side}") }</td> };
    let Some(lane) = lane else {
        return gap("lane");
    };
    let Some(stage) = stage else {
        return gap("stage");
    };
    let cards = map.cards_in(lane, stage).map(|card| {
        let plan = plans.get(&card.id).copied().unwrap_or(CardPlan::Same);
        let marked = plan != CardPlan::Same;
        html! {
            <li class={classes!("plan-card", marked.then(|| format!("plan-{}", plan.label())))}>
                <span class="plan-text">{ &card.text }</span>
                if marked {
                    <span class="plan-mark">{ format!(" ({})", plan.label()) }</span>
                }
            </li>
        }
    });
    html! { <td><ul class="plan-cards">{ for cards }</ul></td> }
}

pub fn plan_grid(
    as_is: &JourneyMap,
    to_be: &JourneyMap,
    stages: &[Pair],
    lanes: &[Pair],
    plans: &HashMap<Id, CardPlan>,
) -> Html {
    let rows = lanes.iter().map(|lane| {
        let sides = [("as-is", as_is, lane.as_is), ("to-be", to_be, lane.to_be)];
        html! { <>
            for (side, map, lane_id) in sides {
                <tr class={format!("plan-row plan-{side}")}>
                    <th scope="row">{ format!("{} · {side}", lane.name) }</th>
                    for stage in stages {
                        { cell(map, lane_id, if side == "as-is" { stage.as_is } else { stage.to_be }, plans, side) }
                    }
                </tr>
            }
        </> }
    });
    html! {
        <div class="plan-grid-wrap" tabindex="0" role="region" aria-label="As-is and to-be, stage by stage">
            <table class="plan-grid">
                <thead><tr>
                    <th scope="col">{ "Lane" }</th>
                    for stage in stages {
                        <th scope="col">{ &stage.name }
                            if stage.as_is.is_none() {
                                <span class="plan-mark">{ " (new in the to-be)" }</span>
                            } else if stage.to_be.is_none() {
                                <span class="plan-mark">{ " (removed in the to-be)" }</span>
                            }
                        </th>
                    }
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
