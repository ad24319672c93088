//! The journey score at the top of a measured map: score, 95% CI, weakest stage and flags, for
//! all answers or the chosen period or segment.

use journey_core::score::evidence::{periods, segments};
use journey_core::score::Slice;
use journey_core::{Id, JourneyMap};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::score::score_badge::ScoreBadge;
use crate::components::score::score_context::ScoreHandle;

#[derive(Properties, PartialEq)]
pub struct JourneyScoreBarProps {
    pub stages: Vec<(Id, String)>,
    pub periods: Vec<String>,
    pub segments: Vec<String>,
    pub on_slice: Callback<Slice>,
}

/// The bar for `map`, with its stages and the periods and segments its answers have.
pub fn score_bar_of(map: &JourneyMap, on_slice: Callback<Slice>) -> Html {
    html! {
        <JourneyScoreBar
            stages={map.stages.iter().map(|s| (s.id, s.name.clone())).collect::<Vec<_>>()}
            periods={periods(&map.scoring.evidence)}
            segments={segments(&map.scoring.evidence)}
            {on_slice}
        />
    }
}

fn slice_value(slice: &Slice) -> String {
    match (&slice.period, &slice.segment) {
        (Some(p), _) => format!("period:{p}"),
        (_, Some(s)) => format!("segment:{s}"),
        _ => "all".into(),
    }
}

#[component]
pub fn JourneyScoreBar(props: &JourneyScoreBarProps) -> Html {
    let Some(context) = use_context::<ScoreHandle>().filter(|c| c.measuring) else {
        return Html::default();
    };
    let journey = context.scores.journey.as_ref();
    let n: u64 = context.scores.stages.iter().map(|s| s.n).sum();
    let flags = context.thresholds.flags(journey.map(|j| j.score), n);
    let ci = journey
        .and_then(|j| j.ci)
        .map(|(lo, hi)| format!("95% CI {lo:.1}–{hi:.1}"));
    let weakest = journey
        .and_then(|j| props.stages.iter().find(|(id, _)| *id == j.weakest_stage))
        .map(|(_, name)| format!("Weakest stage: {name}"));
    let on_change = props.on_slice.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        match value.split_once(':') {
            Some(("period", p)) => Slice {
                period: Some(p.into()),
                segment: None,
            },
            Some(("segment", s)) => Slice {
                period: None,
                segment: Some(s.into()),
            },
            _ => Slice::default(),
        }
    });
    let current = slice_value(&context.slice);
    html! {
        <section class="journey-score" aria-labelledby="journey-score-title">
            <h3 id="journey-score-title" class="visually-hidden">{ "Journey score" }</h3>
            <ScoreBadge label="Journey score" score={journey.map(|j| j.score)} {n} {flags} />
            if let Some(ci) = ci { <p class="journey-ci">{ ci }</p> }
            if let Some(weakest) = weakest { <p class="journey-weakest">{ weakest }</p> }
            <label class="slice-picker">{ "Answers" }
                <select onchange={on_change}>
                    <option value="all" selected={current == "all"}>{ "All answers" }</option>
                    for period in &props.periods {
                        <option value={format!("period:{period}")} selected={current == format!("period:{period}")}>{ format!("Period {period}") }</option>
                    }
                    for segment in &props.segments {
                        <option value={format!("segment:{segment}")} selected={current == format!("segment:{segment}")}>{ format!("Segment: {segment}") }</option>
                    }
                </select>
            </label>
        </section>
    }
}
