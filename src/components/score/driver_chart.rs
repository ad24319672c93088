//! Key drivers as a chart: each touchpoint's share of importance against its current score, the
//! "fix first" corner (important, scoring below the journey) shaded and named. Points carry
//! numbers that the table beside it lists, and fix-first points are squares, not only a colour.
//! A fragment, not a component: it holds no state.

use yew::prelude::*;

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 48.0;
const BOTTOM: f64 = 40.0;
const TOP: f64 = 16.0;
const RIGHT: f64 = 16.0;

/// One touchpoint on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct DriverPoint {
    pub number: usize,
    pub name: String,
    pub score: f64,
    /// Share of importance, 0–1.
    pub share: f64,
    pub fix_first: bool,
}

/// The chart of `points`; "low score" starts below `journey`, the journey score.
pub fn driver_chart(points: &[DriverPoint], journey: f64) -> Html {
    let top_share = points.iter().map(|p| p.share).fold(0.0, f64::max);
    // The vertical axis ends at the next 10% above the largest share.
    let y_max = ((top_share * 10.0).ceil() / 10.0).clamp(0.1, 1.0);
    let x_of = |score: f64| LEFT + score / 100.0 * (WIDTH - LEFT - RIGHT);
    let y_of = |share: f64| HEIGHT - BOTTOM - share / y_max * (HEIGHT - BOTTOM - TOP);
    let average = 1.0 / points.len().max(1) as f64;
    let (jx, ay) = (x_of(journey), y_of(average.min(y_max)));
    let label = format!(
        "Key drivers: share of importance against current score; touchpoints in the shaded corner are important and score below the journey score of {:.1}. The table lists the figures.",
        journey
    );
    html! {
        <figure class="driver-chart">
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label={label}>
                <rect class="fix-first-zone" x={LEFT.to_string()} y={TOP.to_string()}
                    width={(jx - LEFT).max(0.0).to_string()} height={(ay - TOP).max(0.0).to_string()} />
                <text class="zone-label" x={(LEFT + 6.0).to_string()} y={(TOP + 14.0).to_string()}>{ "Fix first" }</text>
                <line class="axis-line" x1={LEFT.to_string()} x2={LEFT.to_string()} y1={TOP.to_string()} y2={(HEIGHT - BOTTOM).to_string()} />
                <line class="axis-line" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={(HEIGHT - BOTTOM).to_string()} y2={(HEIGHT - BOTTOM).to_string()} />
                <line class="divider" x1={jx.to_string()} x2={jx.to_string()} y1={TOP.to_string()} y2={(HEIGHT - BOTTOM).to_string()} />
                <line class="divider" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={ay.to_string()} y2={ay.to_string()} />
                for tick in [0.0, 50.0, 100.0] {
                    <text class="axis" x={x_of(tick).to_string()} y={(HEIGHT - BOTTOM + 14.0).to_string()} text-anchor="middle">{ tick.to_string() }</text>
                }
                for tick in [0.0, y_max / 2.0, y_max] {
                    <text class="axis" x={(LEFT - 6.0).to_string()} y={(y_of(tick) + 4.0).to_string()} text-anchor="end">{ format!("{:.0}%", tick * 100.0) }</text>
                }
                <text class="axis-title" x={((LEFT + WIDTH - RIGHT) / 2.0).to_string()} y={(HEIGHT - 6.0).to_string()} text-anchor="middle">{ "Current score (0–100)" }</text>
                <text class="axis-title" x="12" y={((TOP + HEIGHT - BOTTOM) / 2.0).to_string()} text-anchor="middle"
                    transform={format!("rotate(-90 12 {})", (TOP + HEIGHT - BOTTOM) / 2.0)}>{ "Share of importance" }</text>
                for p in points {
                    <g class="driver">
                    <title>{ format!("{}. {}: score {:.1}, {:.1}% of importance", p.number, p.name, p.score, 100.0 * p.share) }</title>
                    if p.fix_first {
                        <rect class="driver-point is-fix-first" x={(x_of(p.score) - 6.0).to_string()} y={(y_of(p.share) - 6.0).to_string()} width="12" height="12" />
                    } else {
                        <circle class="driver-point" cx={x_of(p.score).to_string()} cy={y_of(p.share).to_string()} r="6" />
                    }
                    <text class="point-label" x={(x_of(p.score) + 9.0).to_string()} y={(y_of(p.share) + 4.0).to_string()}>{ p.number.to_string() }</text>
                    </g>
                }
            </svg>
        </figure>
    }
}
