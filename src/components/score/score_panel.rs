//! The Customer Journey Score panel under the map: survey import, typed answers, settings, what
//! the answers say, the score report and the CSV export.

use std::rc::Rc;

use journey_core::exports::Export;
use journey_core::{Edit, JourneyMap};
use yew::prelude::*;

use crate::components::common::reading::ReadRequest;
use crate::components::score::score_context::ScoreHandle;
use crate::components::score::score_findings::ScoreFindings;
use crate::components::score::score_settings::ScoreSettings;
use crate::components::survey::answer_entry::AnswerEntry;
use crate::components::survey::survey_import::SurveyImport;

#[derive(Properties, PartialEq)]
pub struct ScorePanelProps {
    pub map: Rc<JourneyMap>,
    /// Today, `YYYY-MM-DD`, for weights applied today.
    pub today: AttrValue,
    pub on_edit: Callback<Edit>,
    /// "Export scores CSV": the page makes the file and downloads it.
    pub on_export: Callback<Export>,
    /// A survey file picked, for the page to read.
    pub on_read: Callback<ReadRequest>,
    /// "Score report": the page shows the printable report.
    pub on_report: Callback<()>,
}

#[component]
pub fn ScorePanel(props: &ScorePanelProps) -> Html {
    let context = use_context::<ScoreHandle>();
    let map = &props.map;
    let has_answers = !map.scoring.evidence.is_empty();
    let export_csv = props.on_export.reform(|_: MouseEvent| Export::ScoresCsv);
    html! {
        <section class="score-panel" aria-labelledby="score-panel-title">
            <div class="section-head">
                <h3 id="score-panel-title">{ "Customer Journey Score" }</h3>
                if has_answers {
                    <div class="head-actions">
                        <button type="button" onclick={props.on_report.reform(|_| ())}>{ "Score report" }</button>
                        <button type="button" onclick={export_csv}>{ "Export scores CSV" }</button>
                    </div>
                }
            </div>
            <SurveyImport map={map.clone()} on_edit={props.on_edit.clone()} on_read={props.on_read.clone()} />
            <AnswerEntry map={map.clone()} on_edit={props.on_edit.clone()} />
            <ScoreSettings map={map.clone()} on_edit={props.on_edit.clone()} />
            if let (true, Some(context)) = (has_answers, context.as_ref()) {
                <ScoreFindings map={map.clone()} scores={context.scores.clone()} slice={context.slice.clone()}
                    thresholds={context.thresholds} today={props.today.clone()} on_edit={props.on_edit.clone()} />
            }
        </section>
    }
}
