//! The Customer Journey Score panel under the map: the way into the survey import (a screen of
//! the screens module), typed answers, settings, what the answers say, the score report and the
//! CSV export.

use std::rc::Rc;

use journey_core::exports::Export;
use journey_core::{Edit, JourneyMap};
use yew::prelude::*;

use crate::components::score::score_context::ScoreHandle;
use crate::components::score::score_findings::ScoreFindings;
use crate::components::score::score_settings::ScoreSettings;
use crate::components::survey::answer_entry::AnswerEntry;

#[derive(Properties, PartialEq)]
pub struct ScorePanelProps {
    pub map: Rc<JourneyMap>,
    /// Today, `YYYY-MM-DD`, for weights applied today.
    pub today: AttrValue,
    pub on_edit: Callback<Edit>,
    /// "Export scores CSV": the page makes the file and downloads it.
    pub on_export: Callback<Export>,
    /// "Import survey answers…": the import's screen opens in place of the map.
    pub on_import: Callback<()>,
    /// "Score report": the page shows the printable report.
    pub on_report: Callback<()>,
}

#[component]
pub fn ScorePanel(props: &ScorePanelProps) -> Html {
    let context = use_context::<ScoreHandle>();
    let map = &props.map;
    let has_answers = !map.scoring.evidence.is_empty();
    let export_csv = props.on_export.reform(|_: MouseEvent| Export::ScoresCsv);
    let measured = map.cards.iter().any(|c| c.measure.is_some());
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
            <section class="survey-answers" aria-labelledby="survey-answers-title">
                <h3 id="survey-answers-title">{ "Survey answers" }</h3>
                if measured {
                    <button type="button" onclick={props.on_import.reform(|_| ())}>{ "Import survey answers…" }</button>
                } else {
                    <p class="hint">{ "Measure a touchpoint first (its Measure button), then import a survey export (Qualtrics, SurveyMonkey, Google Forms or a spreadsheet saved as CSV)." }</p>
                }
            </section>
            <AnswerEntry map={map.clone()} on_edit={props.on_edit.clone()} />
            <ScoreSettings map={map.clone()} on_edit={props.on_edit.clone()} />
            if let (true, Some(context)) = (has_answers, context.as_ref()) {
                <ScoreFindings map={map.clone()} scores={context.scores.clone()} slice={context.slice.clone()}
                    thresholds={context.thresholds} today={props.today.clone()} on_edit={props.on_edit.clone()} />
            }
        </section>
    }
}
