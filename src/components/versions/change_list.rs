//! What changed between two maps, in words: grouped by stage, then the scores before and after.

use journey_core::compare::{MapDiff, ScoreChange};
use yew::prelude::*;

fn score_rows(what: &str, changes: &[ScoreChange]) -> Html {
    html! {
        for change in changes {
            <tr><th scope="row">{ format!("{what}{}", change.label) }</th><td>{ change.arrow() }</td></tr>
        }
    }
}

pub fn change_list(diff: &MapDiff) -> Html {
    if diff.is_empty() {
        return html! { <p class="changes-none">{ "Nothing changed." }</p> };
    }
    let groups = diff.by_stage().into_iter().map(|(stage, changes)| {
        let heading = stage.map_or_else(|| "The map".to_string(), |s| format!("Stage {s}"));
        html! {
            <li>
                <h3>{ heading }</h3>
                <ul>{ for changes.iter().map(|c| html! { <li>{ &c.text }</li> }) }</ul>
            </li>
        }
    });
    let journey = diff.journey.iter().cloned().collect::<Vec<_>>();
    let scored =
        !journey.is_empty() || !diff.stage_scores.is_empty() || !diff.touchpoint_scores.is_empty();
    html! {
        <div class="changes">
            <ul class="change-groups">{ for groups }</ul>
            if scored {
                <table class="score-changes">
                    <caption>{ "Scores before → after" }</caption>
                    <tbody>
                        { score_rows("", &journey) }
                        { score_rows("Stage ", &diff.stage_scores) }
                        { score_rows("Touchpoint ", &diff.touchpoint_scores) }
                    </tbody>
                </table>
            }
        </div>
    }
}
