//! Key drivers as a table: each touchpoint's link with loyalty (r, 95% CI, n), its share of
//! importance, and notes: fix first, or too few respondents to lean on. A fragment, not a
//! component: it holds no state.

use journey_core::score::drivers::Drivers;
use journey_core::score::Scores;
use journey_core::{Id, JourneyMap};
use yew::prelude::*;

use crate::components::common::table::{one_decimal, table, Row, Table};

pub fn driver_table(
    map: &JourneyMap,
    drivers: &Drivers,
    scores: &Scores,
    fix_first: &[Id],
) -> Html {
    let low_sample = map.scoring.low_sample;
    let rows = drivers.drivers.iter().enumerate().map(|(i, d)| {
        let mut notes = Vec::new();
        if fix_first.contains(&d.card) {
            notes.push("fix first".to_string());
        }
        if d.link.n < low_sample {
            notes.push(format!("low sample: only {} respondents", d.link.n));
        }
        let score = scores.touchpoint(d.card).and_then(|t| t.estimate);
        Row::new(
            d.card,
            vec![
                (i + 1).to_string(),
                map.card(d.card).map_or(String::new(), |c| c.text.clone()),
                one_decimal(score.map(|e| e.score)),
                format!("{:.2}", d.link.r),
                format!("{:.2}–{:.2}", d.link.ci.0, d.link.ci.1),
                d.link.n.to_string(),
                format!("{:.1}%", 100.0 * d.share),
                notes.join("; "),
            ],
        )
    });
    let r2 = drivers.r_squared;
    table(Table {
        class: Some("driver-table"),
        caption: format!(
            "What drives loyalty: together the touchpoints explain {:.0}% of it (R² = {r2:.2})",
            100.0 * r2
        ),
        head: &[
            "#",
            "Touchpoint",
            "Score",
            "r with loyalty",
            "95% CI",
            "n",
            "Importance",
            "Notes",
        ],
        row_heading: Some(1),
        rows: rows.collect(),
    })
}
