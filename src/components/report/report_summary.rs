//! The report's headline: the journey score with its interval, the weakest stage, how many
//! answers and respondents stand behind it, and the loyalty link in one sentence.

use journey_core::score::{LinkReport, Scores};
use journey_core::JourneyMap;
use yew::prelude::*;

use crate::components::common::table::one_decimal;

pub fn report_summary(map: &JourneyMap, scores: &Scores, link: &LinkReport) -> Html {
    let Some(journey) = &scores.journey else {
        return html! { <p>{ "No journey score yet: no measured touchpoint has answers." }</p> };
    };
    let answers: u64 = scores.stages.iter().map(|s| s.n).sum();
    let weakest = map
        .stage(journey.weakest_stage)
        .map_or(String::new(), |s| s.name.clone());
    let weakest_score = scores.stage(journey.weakest_stage).and_then(|s| s.score);
    let mut facts = vec![
        ("Journey score", format!("{:.1}", journey.score)),
        (
            "95% confidence interval",
            journey
                .ci
                .map_or("–".to_string(), |(lo, hi)| format!("{lo:.1} to {hi:.1}")),
        ),
        (
            "Weakest stage",
            format!("{weakest} ({})", one_decimal(weakest_score)),
        ),
        ("Answers", answers.to_string()),
    ];
    if let Some(link) = link.link {
        facts.push((
            "Loyalty link",
            format!("r = {:.2} (n = {})", link.r, link.n),
        ));
    }
    html! {
        <dl class="report-summary">
            for (term, value) in facts {
                <div><dt>{ term }</dt><dd>{ value }</dd></div>
            }
        </dl>
    }
}
