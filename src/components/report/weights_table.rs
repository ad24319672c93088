//! Every stage and touchpoint with its weight, its metric, its score and the answers behind it,
//! and a sentence on where the weights came from.

use journey_core::score::{Metric, MetricKind, Scores};
use journey_core::JourneyMap;
use yew::prelude::*;

use crate::components::common::table::{interval, one_decimal, table, Row, Table};

/// The metric in words: "mean of 1–5", "share at 4 or above on 1–5", "NPS (0–10)".
pub fn metric_words(m: &Metric) -> String {
    let scale = format!("{}–{}", m.min, m.max);
    let better = if m.higher_is_better { "above" } else { "below" };
    match m.kind {
        MetricKind::Mean if m.higher_is_better => format!("mean of {scale}"),
        MetricKind::Mean => format!("mean of {scale}, lower is better"),
        MetricKind::TopBox => format!("share at {} or {better} on {scale}", m.threshold()),
        MetricKind::Nps => "NPS (0–10)".into(),
    }
}

pub fn weights_table(map: &JourneyMap, scores: &Scores) -> Html {
    let mut rows = Vec::new();
    for (stage, s) in map.stages.iter().zip(&scores.stages) {
        rows.push(Row {
            key: stage.id,
            class: Some("stage-row"),
            cells: vec![
                stage.name.clone(),
                stage.weight.0.to_string(),
                "stage".into(),
                one_decimal(s.score),
                interval(s.ci),
                s.n.to_string(),
            ],
        });
        for t in scores.touchpoints.iter().filter(|t| t.stage == stage.id) {
            let card = map.card(t.id);
            let measure = card.and_then(|c| c.measure);
            rows.push(Row {
                key: t.id,
                class: Some("touchpoint-row"),
                cells: vec![
                    card.map_or(String::new(), |c| format!("— {}", c.text)),
                    measure.map_or(0.0, |m| m.weight.0).to_string(),
                    measure.map_or(String::new(), |m| metric_words(&m.metric)),
                    one_decimal(t.estimate.map(|e| e.score)),
                    interval(t.ci),
                    t.estimate.map_or(0, |e| e.n).to_string(),
                ],
            });
        }
    }
    html! {
        <>
            <p class="weights-source">{ map.scoring.weights_described() }</p>
            { table(Table {
                class: Some("weights-table"),
                caption: "Stages and touchpoints: weight, how each is measured, score and answers (n)".into(),
                head: &["Stage / touchpoint", "Weight", "Measure", "Score", "95% CI", "n"],
                row_heading: Some(0),
                rows,
            }) }
        </>
    }
}
