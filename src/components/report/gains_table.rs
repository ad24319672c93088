//! The improvement priorities as the report prints them: the journey points each touchpoint
//! would add if it were perfect.

use journey_core::score::Scores;
use journey_core::JourneyMap;
use yew::prelude::*;

use crate::components::common::table::{one_decimal, table, Row, Table};

pub fn gains_table(map: &JourneyMap, scores: &Scores) -> Html {
    let rows = scores.gains.iter().enumerate().map(|(i, (id, gain))| {
        let estimate = scores.touchpoint(*id).and_then(|t| t.estimate);
        Row::new(
            *id,
            vec![
                (i + 1).to_string(),
                map.card(*id).map_or(String::new(), |c| c.text.clone()),
                one_decimal(estimate.map(|e| e.score)),
                estimate.map_or(0, |e| e.n).to_string(),
                format!("{gain:.2}"),
            ],
        )
    });
    table(Table {
        class: None,
        caption:
            "Improvement priority: journey points each touchpoint would add if it were perfect"
                .into(),
        head: &["#", "Touchpoint", "Score", "n", "Points to gain"],
        row_heading: Some(1),
        rows: rows.collect(),
    })
}
