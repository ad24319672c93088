//! Stage scores side by side as meters, each labelled with its figure and flags.

use std::rc::Rc;

use journey_core::score::flags::Thresholds;
use journey_core::score::Scores;
use journey_core::JourneyMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StageBarsProps {
    pub map: Rc<JourneyMap>,
    pub scores: Rc<Scores>,
    pub thresholds: Thresholds,
}

#[component]
pub fn StageBars(props: &StageBarsProps) -> Html {
    let bars = props.map.stages.iter().zip(&props.scores.stages).map(|(stage, s)| {
        let flags: Vec<&str> = props.thresholds.flags(s.score, s.n).iter().map(|f| f.label()).collect();
        let value = s.score.unwrap_or(0.0).clamp(0.0, 100.0);
        let low = f64::from(props.thresholds.alert_below);
        html! {
            <li key={stage.id}>
                <span class="bar-label">{ &stage.name }</span>
                <meter min="0" max="100" low={low.to_string()} optimum="100" value={value.to_string()}
                    aria-label={format!("{} score", stage.name)}></meter>
                <span class="bar-value">
                    { s.score.map_or("–".to_string(), |x| format!("{x:.1}")) }
                    if !flags.is_empty() { { format!(" ({})", flags.join(", ")) } }
                </span>
            </li>
        }
    });
    html! { <ul class="stage-bars" aria-label="Stage scores">{ for bars }</ul> }
}
