//! Several emotion curves on one chart, stages across and −2 … +2 up, each line in its own dash
//! pattern and point shape and named in the legend, so no line is told apart by colour alone;
//! the same values follow as a table.

use journey_core::EMOTION_MAX;
use yew::prelude::*;

/// One line of the chart: its name and a value (or none) per stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub name: String,
    pub values: Vec<Option<i8>>,
}

const STEP: f64 = 120.0;
const LEFT: f64 = 40.0;
const TOP: f64 = 16.0;
const PLOT: f64 = 160.0;
const BOTTOM: f64 = 40.0;
const DASHES: [&str; 5] = ["none", "9 5", "2 5", "12 4 3 4", "5 3"];

fn x_of(stage: usize) -> f64 {
    LEFT + stage as f64 * STEP + STEP / 2.0
}

fn y_of(value: i8) -> f64 {
    TOP + PLOT / 2.0 - f64::from(value) / f64::from(EMOTION_MAX) * (PLOT / 2.0)
}

/// The point shape of line `style` at (x, y), as a path.
fn marker(style: usize, x: f64, y: f64) -> String {
    match style % 5 {
        0 => format!("M{} {y}a5 5 0 1 0 10 0a5 5 0 1 0 -10 0", x - 5.0),
        1 => format!("M{} {}h10v10h-10z", x - 5.0, y - 5.0),
        2 => format!("M{x} {}l6 10h-12z", y - 6.0),
        3 => format!("M{x} {}l6 6l-6 6l-6 -6z", y - 6.0),
        _ => format!("M{} {}l10 10m0 -10l-10 10", x - 5.0, y - 5.0),
    }
}

fn line(style: usize, curve: &Curve) -> Html {
    let mut d = String::new();
    let mut drawing = false;
    for (stage, value) in curve.values.iter().enumerate() {
        match value {
            Some(v) => {
                d.push_str(&format!(
                    "{}{:.1} {:.1}",
                    if drawing { " L" } else { " M" },
                    x_of(stage),
                    y_of(*v)
                ));
                drawing = true;
            }
            // An unset stage breaks the line.
            None => drawing = false,
        }
    }
    let points = curve.values.iter().enumerate().filter_map(|(stage, v)| {
        v.map(|v| html! { <path class="curve-point" d={marker(style, x_of(stage), y_of(v))} /> })
    });
    html! {
        <g class={classes!("compare-curve", format!("style-{}", style % 5))}>
            <path class="curve-line" d={d} stroke-dasharray={DASHES[style % 5]} />
            { for points }
        </g>
    }
}

fn legend_swatch(style: usize) -> Html {
    html! {
        <svg class={classes!("legend-swatch", format!("style-{}", style % 5))} viewBox="0 0 40 14" aria-hidden="true">
            <path class="curve-line" d="M2 7H38" stroke-dasharray={DASHES[style % 5]} />
            <path class="curve-point" d={marker(style, 20.0, 7.0)} />
        </svg>
    }
}

fn value_text(value: Option<i8>) -> String {
    value.map_or_else(|| "not set".into(), |v| format!("{v:+}"))
}

/// The chart of `curves` over `stages`, with its legend and its table; `title` names it.
pub fn curves_chart(title: &str, stages: &[String], curves: &[Curve]) -> Html {
    let width = LEFT + STEP * stages.len().max(1) as f64;
    let height = TOP + PLOT + BOTTOM;
    let levels = (-2..=2).rev().map(|v: i8| {
        let y = y_of(v);
        html! { <>
            <line class={if v == 0 { "baseline" } else { "gridline" }} x1={LEFT.to_string()} x2={width.to_string()} y1={y.to_string()} y2={y.to_string()} />
            <text class="axis-label" x={(LEFT - 8.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end">{ format!("{v:+}").replace("+0", "0") }</text>
        </> }
    });
    let names = stages.iter().enumerate().map(|(i, name)| html! {
        <text class="axis-label" x={x_of(i).to_string()} y={(TOP + PLOT + 24.0).to_string()} text-anchor="middle">{ name }</text>
    });
    let label = format!(
        "{title}: {}",
        curves
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    html! {
        <figure class="curves-chart">
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-label={label}>
                { for levels }
                { for names }
                { for curves.iter().enumerate().map(|(style, curve)| line(style, curve)) }
            </svg>
            <figcaption>
                <ul class="curve-legend" aria-label="Legend">
                    for (style, curve) in curves.iter().enumerate() {
                        <li>{ legend_swatch(style) }{ &curve.name }</li>
                    }
                </ul>
            </figcaption>
            <table class="curve-values">
                <caption>{ format!("{title}, by stage") }</caption>
                <thead><tr><th scope="col">{ "Stage" }</th>
                    for curve in curves { <th scope="col">{ &curve.name }</th> }
                </tr></thead>
                <tbody>
                    for (i, stage) in stages.iter().enumerate() {
                        <tr><th scope="row">{ stage }</th>
                            for curve in curves { <td>{ value_text(curve.values.get(i).copied().flatten()) }</td> }
                        </tr>
                    }
                </tbody>
            </table>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fifth_line_repeats_a_style_and_no_two_neighbours_share_one() {
        let shapes: Vec<String> = (0..5).map(|s| marker(s, 0.0, 0.0)).collect();
        for (i, shape) in shapes.iter().enumerate() {
            assert!(!shapes[i + 1..].contains(shape), "{shape}");
            assert_ne!(DASHES[i], DASHES[(i + 1) % 5]);
        }
        assert_eq!(marker(5, 1.0, 2.0), marker(0, 1.0, 2.0));
    }

    #[test]
    fn the_top_of_the_scale_is_at_the_top_of_the_plot() {
        assert_eq!(y_of(EMOTION_MAX), TOP);
        assert_eq!(y_of(-EMOTION_MAX), TOP + PLOT);
        assert_eq!(y_of(0), TOP + PLOT / 2.0);
    }
}
