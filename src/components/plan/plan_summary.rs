//! What the to-be changes, in words: touchpoints added, removed and changed, the pain points it
//! addresses, and its journey score projected from the as-is answers with each target's gain.

use journey_core::to_be::{PlanSummary, PlannedCard, Projection};
use yew::prelude::*;

fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "–".into(), |v| format!("{v:.1}"))
}

fn card_item(card: &PlannedCard) -> Html {
    html! { <li>{ format!("{} in {} ({})", card.text, card.stage, card.plan.label()) }</li> }
}

pub fn plan_summary(summary: &PlanSummary) -> Html {
    html! {
        <section class="plan-summary" aria-labelledby="plan-summary-title">
            <h3 id="plan-summary-title">{ "What the to-be changes" }</h3>
            <p>{ summary.line() }</p>
            if !summary.touchpoints.is_empty() {
                <h4>{ "Touchpoints" }</h4>
                <ul>{ for summary.touchpoints.iter().map(card_item) }</ul>
            }
            if !summary.pain_points_addressed.is_empty() {
                <h4>{ "Pain points addressed" }</h4>
                <ul>{ for summary.pain_points_addressed.iter().map(|c| html! { <li>{ format!("{} in {}", c.text, c.stage) }</li> }) }</ul>
            }
        </section>
    }
}

pub fn projection_table(projection: &Projection) -> Html {
    let gains = projection.gains.iter().map(|g| {
        let gain = g.gain.map_or_else(|| "–".into(), |v| format!("{v:+.1}"));
        html! {
            <tr>
                <th scope="row">{ &g.text }</th>
                <td>{ score(g.now) }</td>
                <td>{ format!("{:.0}", g.target) }</td>
                <td>{ gain }</td>
            </tr>
        }
    });
    html! {
        <section class="plan-projection" aria-labelledby="plan-projection-title">
            <h3 id="plan-projection-title">{ "Projected journey score" }</h3>
            <dl class="plan-scores">
                <div><dt>{ "As-is, from its answers" }</dt><dd>{ score(projection.as_is) }</dd></div>
                <div><dt>{ "To-be, on the as-is answers" }</dt><dd>{ score(projection.to_be) }</dd></div>
                <div><dt>{ "To-be with every target met" }</dt><dd>{ score(projection.projected) }</dd></div>
            </dl>
            if projection.gains.is_empty() {
                <p>{ "No to-be touchpoint has a target yet: set one in a measured card's Measure form." }</p>
            } else {
                <table>
                    <caption>{ "What each target adds on its own" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Touchpoint" }</th><th scope="col">{ "Score now" }</th>
                        <th scope="col">{ "Target" }</th><th scope="col">{ "Journey points" }</th>
                    </tr></thead>
                    <tbody>{ for gains }</tbody>
                </table>
            }
        </section>
    }
}
