//! The Customer Journey Score panel under the map: trend, stages, priorities with what-if,
//! segments, the loyalty link, settings, typed answers, survey import and the CSV export.

use std::rc::Rc;

use journey_core::exports::{export, Export};
use journey_core::score::evidence::{periods, segments};
use journey_core::score::{gather_loyalty, Slice};
use journey_core::{Edit, JourneyMap};
use yew::prelude::*;

use crate::components::answer_entry::AnswerEntry;
use crate::components::priority_table::PriorityTable;
use crate::components::score_settings::ScoreSettings;
use crate::components::segment_table::SegmentTable;
use crate::components::stage_bars::StageBars;
use crate::components::survey_import::SurveyImport;
use crate::components::trend_chart::TrendChart;
use crate::files::download;
use crate::score_context::ScoreHandle;

#[derive(Properties, PartialEq)]
pub struct ScorePanelProps {
    pub map: Rc<JourneyMap>,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn ScorePanel(props: &ScorePanelProps) -> Html {
    let context = use_context::<ScoreHandle>();
    let problem = use_state(|| None::<String>);
    let map = &props.map;
    let evidence = &map.scoring.evidence;
    let has_answers = !evidence.is_empty();
    let periods = periods(evidence);
    let points: Vec<_> = periods
        .iter()
        .map(|p| {
            (
                p.clone(),
                map.scores(&Slice {
                    period: Some(p.clone()),
                    segment: None,
                })
                .journey,
            )
        })
        .collect();
    let segments = segments(evidence);
    let loyalty = gather_loyalty(
        &map.scoring.loyalty,
        context
            .as_ref()
            .map(|c| &c.slice)
            .unwrap_or(&Slice::default()),
    )
    .link();
    let export_csv = {
        let (map, problem) = (map.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            let file = export(&map, Export::ScoresCsv);
            problem.set(download(&file.name, file.mime, &file.text).err());
        })
    };
    let scores = context.as_ref().map(|c| c.scores.clone());
    html! {
        <section class="score-panel" aria-labelledby="score-panel-title">
            <div class="section-head">
                <h3 id="score-panel-title">{ "Customer Journey Score" }</h3>
                if has_answers {
                    <button type="button" onclick={export_csv}>{ "Export scores CSV" }</button>
                }
            </div>
            if let Some(p) = &*problem { <p class="banner error" role="alert">{ p }</p> }
            <SurveyImport map={map.clone()} on_edit={props.on_edit.clone()} />
            <AnswerEntry map={map.clone()} on_edit={props.on_edit.clone()} />
            <ScoreSettings map={map.clone()} on_edit={props.on_edit.clone()} />
            if let (true, Some(scores), Some(context)) = (has_answers, scores, context.as_ref()) {
                <div class="score-grid">
                    if points.len() > 1 {
                        <section aria-labelledby="trend-title">
                            <h4 id="trend-title">{ "Trend" }</h4>
                            <TrendChart {points} />
                        </section>
                    }
                    <section aria-labelledby="stages-title">
                        <h4 id="stages-title">{ "Stages" }</h4>
                        <StageBars map={map.clone()} scores={scores.clone()} thresholds={context.thresholds} />
                    </section>
                    <section aria-labelledby="priority-title">
                        <h4 id="priority-title">{ "What to fix first" }</h4>
                        <PriorityTable map={map.clone()} {scores} />
                    </section>
                    if !segments.is_empty() {
                        <section aria-labelledby="segments-title">
                            <h4 id="segments-title">{ "Segments" }</h4>
                            <SegmentTable map={map.clone()} {segments} />
                        </section>
                    }
                    <section aria-labelledby="loyalty-title">
                        <h4 id="loyalty-title">{ "Loyalty link" }</h4>
                        { match loyalty {
                            Some(link) => html! {
                                <p>{ format!("r = {:.2} (95% CI {:.2} to {:.2}, n = {}). {}", link.r, link.ci.0, link.ci.1, link.n, link.sentence()) }</p>
                            },
                            None => html! {
                                <p class="hint">{ "Needs at least ten respondents with a loyalty answer: map a loyalty question when importing a file with one row per respondent (or a respondent column)." }</p>
                            },
                        } }
                    </section>
                </div>
            }
        </section>
    }
}
