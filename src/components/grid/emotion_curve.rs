//! The emotion curve: one line per persona across the stages, the selected persona on top.

use journey_core::{order, Id, Persona, EMOTION_MAX};
use yew::prelude::*;

/// Width of one stage in the drawing; the SVG stretches to the stage columns.
const STEP: f64 = 100.0;
const HEIGHT: f64 = 100.0;
const MARGIN: f64 = 12.0;

fn y_of(value: i8) -> f64 {
    let half = (HEIGHT - 2.0 * MARGIN) / 2.0;
    HEIGHT / 2.0 - f64::from(value) / f64::from(EMOTION_MAX) * half
}

/// Runs of consecutive stages that have a value: a stage left unset breaks the line.
fn runs(values: &[Option<i8>]) -> Vec<Vec<(f64, f64)>> {
    let mut runs = vec![Vec::new()];
    for (i, value) in values.iter().enumerate() {
        match value {
            Some(v) => runs
                .last_mut()
                .map_or((), |run| run.push((i as f64 * STEP + STEP / 2.0, y_of(*v)))),
            None => runs.push(Vec::new()),
        }
    }
    runs.retain(|run| !run.is_empty());
    runs
}

fn describe(persona: &Persona, stages: &[(Id, String)]) -> String {
    let points: Vec<String> = stages
        .iter()
        .map(|(id, name)| match persona.emotion_at(*id) {
            Some(v) => format!("{name} {v:+}"),
            None => format!("{name} not set"),
        })
        .collect();
    format!("Emotion curve of {}: {}", persona.name, points.join(", "))
}

#[derive(Properties, PartialEq)]
pub struct EmotionCurveProps {
    pub stages: Vec<(Id, String)>,
    pub personas: Vec<Persona>,
    pub selected: Id,
}

#[component]
pub fn EmotionCurve(props: &EmotionCurveProps) -> Html {
    let width = STEP * props.stages.len().max(1) as f64;
    let mut personas: Vec<(usize, &Persona)> = props.personas.iter().enumerate().collect();
    // Drawn last, so on top.
    order::sort_by(&mut personas, |(_, a), (_, b)| {
        (a.id == props.selected).cmp(&(b.id == props.selected))
    });
    let lines = personas.iter().map(|(index, persona)| {
        let values: Vec<Option<i8>> = props.stages.iter().map(|(id, _)| persona.emotion_at(*id)).collect();
        let class = classes!(
            "curve",
            format!("persona-{}", index % 6),
            (persona.id == props.selected).then_some("is-selected")
        );
        let paths = runs(&values).into_iter().map(|run| {
            let points: Vec<String> = run.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
            let dots = run.iter().map(|(x, y)| html! {
                <line class="dot" x1={format!("{x:.1}")} y1={format!("{y:.1}")} x2={format!("{x:.1}")} y2={format!("{y:.1}")} />
            });
            html! { <><polyline points={points.join(" ")} />{ for dots }</> }
        });
        html! { <g class={class} data-persona={persona.id.to_string()}>{ for paths }</g> }
    });
    let label = props
        .personas
        .iter()
        .find(|p| p.id == props.selected)
        .map(|p| describe(p, &props.stages))
        .unwrap_or_default();
    html! {
        <svg class="emotion-curve" viewBox={format!("0 0 {width} {HEIGHT}")} preserveAspectRatio="none"
            role="img" aria-label={label}>
            <line class="baseline" x1="0" y1={format!("{}", y_of(0))} x2={format!("{width}")} y2={format!("{}", y_of(0))} />
            { for lines }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unset_stages_break_the_line() {
        let runs = runs(&[Some(2), Some(-2), None, Some(0)]);
        assert_eq!(
            runs,
            vec![
                vec![(50.0, MARGIN), (150.0, HEIGHT - MARGIN)],
                vec![(350.0, 50.0)]
            ]
        );
    }
}
