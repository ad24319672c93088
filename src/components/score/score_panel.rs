//! The Customer Journey Score panel under the map: trend, stages, priorities with what-if,
//! segments, the loyalty link, settings, typed answers, survey import and the CSV export.

use std::rc::Rc;

use journey_core::exports::Export;
use journey_core::score::evidence::{periods, segments};
use journey_core::score::{gather_loyalty, Slice};
use journey_core::{Edit, JourneyMap};
use yew::prelude::*;

use crate::components::common::reading::ReadRequest;
use crate::components::score::priority_table::PriorityTable;
use crate::components::score::score_context::ScoreHandle;
use crate::components::score::score_settings::ScoreSettings;
use crate::components::score::segment_table::SegmentTable;
use crate::components::score::stage_bars::StageBars;
use crate::components::score::trend_chart::TrendChart;
use crate::components::survey::answer_entry::AnswerEntry;
use crate::components::survey::survey_import::SurveyImport;

#[derive(Properties, PartialEq)]
pub struct ScorePanelProps {
    pub map: Rc<JourneyMap>,
    pub on_edit: Callback<Edit>,
    /// "Export scores CSV": the page makes the file and downloads it.
    pub on_export: Callback<Export>,
    /// A survey file picked, for the page to read.
    pub on_read: Callback<ReadRequest>,
}

#[component]
pub fn ScorePanel(props: &ScorePanelProps) -> Html {
    let context = use_context::<ScoreHandle>();
    let map = &props.map;
    let evidence = &map.scoring.evidence;
    let has_answers = !evidence.is_empty();
    // Every period's journey score, worked out once per version of the map.
    let points = use_memo(map.clone(), |map| {
        periods(&map.scoring.evidence)
            .into_iter()
            .map(|period| {
                let slice = Slice {
                    period: Some(period.clone()),
                    segment: None,
                };
                (period, map.scores(&slice).journey)
            })
            .collect::<Vec<_>>()
    });
    let segments = segments(evidence);
    let slice = context
        .as_ref()
        .map(|c| c.slice.clone())
        .unwrap_or_default();
    let loyalty = use_memo((map.clone(), slice), |(map, slice)| {
        gather_loyalty(&map.scoring.loyalty, slice).link()
    });
    let export_csv = props.on_export.reform(|_: MouseEvent| Export::ScoresCsv);
    let scores = context.as_ref().map(|c| c.scores.clone());
    html! {
        <section class="score-panel" aria-labelledby="score-panel-title">
            <div class="section-head">
                <h3 id="score-panel-title">{ "Customer Journey Score" }</h3>
                if has_answers {
                    <button type="button" onclick={export_csv}>{ "Export scores CSV" }</button>
                }
            </div>
            <SurveyImport map={map.clone()} on_edit={props.on_edit.clone()} on_read={props.on_read.clone()} />
            <AnswerEntry map={map.clone()} on_edit={props.on_edit.clone()} />
            <ScoreSettings map={map.clone()} on_edit={props.on_edit.clone()} />
            if let (true, Some(scores), Some(context)) = (has_answers, scores, context.as_ref()) {
                <div class="score-grid">
                    if points.len() > 1 {
                        <section aria-labelledby="trend-title">
                            <h4 id="trend-title">{ "Trend" }</h4>
                            <TrendChart points={(*points).clone()} />
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
                        { match &*loyalty {
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
