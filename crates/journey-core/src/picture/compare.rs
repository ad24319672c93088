//! The as-is and to-be picture: what the to-be changes and its projected score in words, and one
//! persona's emotion curves of both journeys on one chart, stage by stage as the compare view
//! pairs them. The as-is line is dashed with round points, the to-be solid with square ones, so
//! the two never rest on colour alone.

use std::fmt::Write;

use super::{feeling_y, Canvas, Picture, COLUMN, INK, LINE, MARGIN, MUTED, PERSONA_COLOURS, WRAP};
use crate::model::{Id, JourneyMap};
use crate::to_be::{feelings_by_stage, projection, stage_pairs, summary, Pair};

const LEFT: u32 = MARGIN + 110;
const CHART_HEIGHT: u32 = 200;

/// How one journey's curve is drawn.
struct Style {
    label: &'static str,
    colour: &'static str,
    dash: &'static str,
    square: bool,
}

const AS_IS: Style = Style {
    label: "As-is",
    colour: PERSONA_COLOURS[0],
    dash: "7 5",
    square: false,
};
const TO_BE: Style = Style {
    label: "To-be",
    colour: PERSONA_COLOURS[1],
    dash: "none",
    square: true,
};

fn point(canvas: &mut Canvas, style: &Style, x: u32, y: u32) {
    let colour = style.colour;
    let _ = if style.square {
        writeln!(
            canvas.body,
            r#"<rect x="{}" y="{}" width="10" height="10" fill="{colour}"/>"#,
            x - 5,
            y - 5
        )
    } else {
        writeln!(
            canvas.body,
            r#"<circle cx="{x}" cy="{y}" r="5" fill="{colour}"/>"#
        )
    };
}

fn curve(canvas: &mut Canvas, style: &Style, values: &[Option<i8>], top: u32) {
    let points: Vec<(u32, u32)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            Some((
                LEFT + i as u32 * COLUMN + COLUMN / 2,
                feeling_y((*v)?, top, CHART_HEIGHT),
            ))
        })
        .collect();
    if points.len() > 1 {
        let path: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
        let _ = writeln!(
            canvas.body,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5" stroke-dasharray="{}"/>"#,
            path.join(" "),
            style.colour,
            style.dash
        );
    }
    for (x, y) in points {
        point(canvas, style, x, y);
    }
}

fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "no score yet".into(), |v| format!("{v:.1}"))
}

/// As-is and to-be of one persona (`persona`, or each map's first when a map lacks it).
pub fn compare_svg(as_is: &JourneyMap, to_be: &JourneyMap, persona: Id) -> Picture {
    let stages = stage_pairs(as_is, to_be);
    let mut canvas = Canvas::new();
    let width = (LEFT + MARGIN + COLUMN * stages.len().max(1) as u32).max(640);
    let title = format!("As-is and to-be: {} and {}", as_is.name, to_be.name);
    canvas.heading(&title);
    let projected = projection(as_is, to_be);
    canvas.text(
        MARGIN,
        MARGIN + 46,
        14,
        400,
        INK,
        &summary(as_is, to_be).line(),
    );
    let scores = format!(
        "Journey score as-is {} · to-be on the as-is answers {} · with every target met {}",
        score(projected.as_is),
        score(projected.to_be),
        score(projected.projected)
    );
    canvas.text(MARGIN, MARGIN + 68, 14, 600, MUTED, &scores);
    let top = MARGIN + 90;
    for (value, label) in [(2, "+2"), (1, "+1"), (0, "0"), (-1, "−1"), (-2, "−2")] {
        let y = feeling_y(value, top, CHART_HEIGHT);
        let _ = writeln!(
            canvas.body,
            r#"<line x1="{LEFT}" y1="{y}" x2="{}" y2="{y}" stroke="{LINE}"/>"#,
            width - MARGIN
        );
        canvas.text(LEFT - 30, y + 4, 12, 400, MUTED, label);
    }
    let mut legend_x = MARGIN;
    let legend_y = top + CHART_HEIGHT + 50;
    for (style, map, side) in [
        (
            &AS_IS,
            as_is,
            (|s: &Pair| s.as_is) as fn(&Pair) -> Option<Id>,
        ),
        (&TO_BE, to_be, |s: &Pair| s.to_be),
    ] {
        let (name, values) = feelings_by_stage(map, persona, &stages, side);
        curve(&mut canvas, style, &values, top);
        let _ = writeln!(
            canvas.body,
            r#"<line x1="{legend_x}" y1="{y}" x2="{}" y2="{y}" stroke="{}" stroke-width="2.5" stroke-dasharray="{}"/>"#,
            legend_x + 30,
            style.colour,
            style.dash,
            y = legend_y - 4
        );
        point(&mut canvas, style, legend_x + 15, legend_y - 4);
        let words: String = format!("{}: {name}", style.label)
            .chars()
            .take(48)
            .collect();
        canvas.text(legend_x + 38, legend_y, 12, 400, MUTED, &words);
        legend_x += 60 + words.chars().count() as u32 * 7;
    }
    for (i, stage) in stages.iter().enumerate() {
        let mut name: String = stage.name.chars().take(WRAP).collect();
        match (stage.as_is, stage.to_be) {
            (Some(_), None) => name.push_str(" (removed)"),
            (None, Some(_)) => name.push_str(" (added)"),
            _ => {}
        }
        let x = LEFT + i as u32 * COLUMN + 10;
        canvas.text(x, top + CHART_HEIGHT + 18, 13, 600, INK, &name);
    }
    canvas.finish(&title, width.max(legend_x + MARGIN), legend_y + 12 + MARGIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EmotionPoint;
    use crate::templates::Template;
    use crate::to_be::plan_to_be;

    #[test]
    fn both_curves_are_drawn_in_their_own_styles_with_the_changed_stages_named() {
        let mut as_is = Template::FourStage.build("a".into(), 0);
        let persona = as_is.personas[0].id;
        let stages: Vec<Id> = as_is.stages.iter().map(|s| s.id).collect();
        as_is.personas[0].emotions = vec![
            EmotionPoint {
                stage: stages[0],
                value: -1,
            },
            EmotionPoint {
                stage: stages[1],
                value: 1,
            },
        ];
        let mut to_be = plan_to_be(&as_is, "b".into(), 0);
        to_be.name = "Next <year>".into();
        to_be.personas[0].emotions[0].value = 2;
        to_be.stages.remove(3);
        let svg = compare_svg(&as_is, &to_be, persona).svg;
        assert!(svg.contains("Next &lt;year&gt;"));
        // As-is: −1 and +1 at the first two stages; to-be: +2 and +1.
        let left = LEFT + COLUMN / 2;
        let next = left + COLUMN;
        let (minus_one, plus_one, plus_two) = (
            feeling_y(-1, MARGIN + 90, CHART_HEIGHT),
            feeling_y(1, MARGIN + 90, CHART_HEIGHT),
            feeling_y(2, MARGIN + 90, CHART_HEIGHT),
        );
        assert!(svg.contains(&format!(
            r#"points="{left},{minus_one} {next},{plus_one}" fill="none" stroke="{}" stroke-width="2.5" stroke-dasharray="7 5""#,
            AS_IS.colour
        )));
        assert!(svg.contains(&format!(
            r#"points="{left},{plus_two} {next},{plus_one}" fill="none" stroke="{}" stroke-width="2.5" stroke-dasharray="none""#,
            TO_BE.colour
        )));
        assert!(svg.contains(&format!("{} (removed)", as_is.stages[3].name)));
        assert!(svg.contains("As-is: "));
        assert!(svg.contains("To-be: "));
        assert!(svg.contains("Journey score as-is no score yet"));
    }
}
