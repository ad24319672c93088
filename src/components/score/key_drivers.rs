//! What drives loyalty: the driver chart and its table, for the slice on screen. A fragment,
//! not a component: it holds no state.

use journey_core::score::drivers::Drivers;
use journey_core::score::Scores;
use journey_core::JourneyMap;
use yew::prelude::*;

use crate::components::score::driver_chart::{driver_chart, DriverPoint};
use crate::components::score::driver_table::driver_table;

pub fn key_drivers(map: &JourneyMap, drivers: Option<&Drivers>, scores: &Scores) -> Html {
    let (Some(drivers), Some(journey)) = (drivers, &scores.journey) else {
        return html! {
            <p class="hint">{ "Needs respondent-level answers with a loyalty question: at least ten respondents who answered a touchpoint and the loyalty question." }</p>
        };
    };
    let fix_first = drivers.fix_first(scores);
    let points: Vec<DriverPoint> = drivers
        .drivers
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let score = scores.touchpoint(d.card)?.estimate?.score;
            Some(DriverPoint {
                number: i + 1,
                name: map.card(d.card).map_or(String::new(), |c| c.text.clone()),
                score,
                share: d.share,
                fix_first: fix_first.contains(&d.card),
            })
        })
        .collect();
    html! {
        <div class="key-drivers">
            { driver_chart(&points, journey.score) }
            { driver_table(map, drivers, scores, &fix_first) }
        </div>
    }
}
