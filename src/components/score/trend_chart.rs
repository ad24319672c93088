//! The journey score per period: points with their 95% intervals, significant changes marked,
//! and the same figures as a table for screen readers.

use journey_core::score::{significant_change, JourneyScore};
use yew::prelude::*;

use crate::components::common::table::{interval, one_decimal, table, Row, Table};

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 180.0;
const PAD: f64 = 28.0;

fn y_of(score: f64) -> f64 {
    HEIGHT - PAD - score / 100.0 * (HEIGHT - 2.0 * PAD)
}

/// A change from the period before: "▲ significant rise", "▼ significant fall" or nothing.
pub fn change(previous: Option<&JourneyScore>, now: &JourneyScore) -> Option<&'static str> {
    match significant_change(previous?, now)? {
        true if now.score > previous?.score => Some("▲ significant rise"),
        true => Some("▼ significant fall"),
        false => None,
    }
}

#[derive(Properties, PartialEq)]
pub struct TrendChartProps {
    /// Each period with its journey score, oldest first.
    pub points: Vec<(String, Option<JourneyScore>)>,
}

#[component]
pub fn TrendChart(props: &TrendChartProps) -> Html {
    let count = props.points.len().max(1) as f64;
    let x_of = |i: usize| PAD + (i as f64 + 0.5) * (WIDTH - 2.0 * PAD) / count;
    let scored: Vec<(usize, &JourneyScore)> = props
        .points
        .iter()
        .enumerate()
        .filter_map(|(i, (_, j))| j.as_ref().map(|j| (i, j)))
        .collect();
    let line: Vec<String> = scored
        .iter()
        .map(|(i, j)| format!("{:.1},{:.1}", x_of(*i), y_of(j.score)))
        .collect();
    let changes: Vec<Option<&str>> = props
        .points
        .iter()
        .enumerate()
        .map(|(i, (_, j))| {
            let previous = props.points[..i].iter().rev().find_map(|(_, p)| p.as_ref());
            j.as_ref().and_then(|j| change(previous, j))
        })
        .collect();
    html! {
        <figure class="trend">
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label="Journey score per period; the table below lists the figures">
                for tick in [0.0, 50.0, 100.0] {
                    <line class="grid-line" x1={PAD.to_string()} x2={(WIDTH - PAD).to_string()}
                        y1={y_of(tick).to_string()} y2={y_of(tick).to_string()} />
                    <text class="axis" x="2" y={(y_of(tick) + 4.0).to_string()}>{ tick.to_string() }</text>
                }
                <polyline class="trend-line" points={line.join(" ")} />
                for (i, j) in scored.iter().copied() {
                    if let Some((lo, hi)) = j.ci {
                        <line class="whisker" x1={x_of(i).to_string()} x2={x_of(i).to_string()}
                            y1={y_of(lo).to_string()} y2={y_of(hi).to_string()} />
                    }
                    <circle class={classes!("trend-point", changes[i].is_some().then_some("is-significant"))}
                        cx={x_of(i).to_string()} cy={y_of(j.score).to_string()} r="5" />
                    if let Some(c) = changes[i] {
                        <text class="change-mark" x={x_of(i).to_string()} y={(y_of(j.score) - 10.0).to_string()}
                            text-anchor="middle">{ &c[..3] }</text>
                    }
                }
                for (i, (period, _)) in props.points.iter().enumerate() {
                    <text class="axis" x={x_of(i).to_string()} y={(HEIGHT - 6.0).to_string()} text-anchor="middle">{ period }</text>
                }
            </svg>
            { table(Table {
                class: None,
                caption: "Journey score per period".into(),
                head: &["Period", "Score", "95% CI", "Change"],
                row_heading: Some(0),
                rows: props.points.iter().zip(&changes).enumerate().map(|(i, ((period, j), c))| {
                    let j = j.as_ref();
                    Row::new(i as u32, vec![period.clone(), one_decimal(j.map(|j| j.score)), interval(j.and_then(|j| j.ci)), c.unwrap_or("").to_string()])
                }).collect(),
            }) }
        </figure>
    }
}
