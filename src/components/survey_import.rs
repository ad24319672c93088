//! "Import survey CSV": pick a file, map its columns, read it with progress, review the report,
//! then add the answers to the map (or cancel and leave it untouched).

use std::rc::Rc;

use journey_core::survey::{Column, ImportResult, Layout, Survey, SurveyMapping, MAX_SURVEY_BYTES};
use journey_core::{Edit, JourneyMap};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::import_report_view::ImportReportView;
use crate::components::survey_mapping_form::SurveyMappingForm;
use crate::files::read_text;
use crate::survey_run;

/// Rows looked at to list the touchpoint names of a long file.
const CHOICE_SCAN: usize = 50_000;

#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    /// The file's header is read and its choices listed once, on entering this step.
    Mapping {
        name: String,
        text: Rc<String>,
        mapping: SurveyMapping,
        layout: Layout,
        columns: Vec<Column>,
        choices: Vec<String>,
    },
    Reading {
        name: String,
        progress: f64,
    },
    Review {
        name: String,
        text: Rc<String>,
        mapping: SurveyMapping,
        result: Rc<ImportResult>,
    },
}

/// The mapping step for a file, or why its header cannot be read.
fn mapping_step(name: String, text: Rc<String>, mapping: SurveyMapping) -> Result<Step, String> {
    let survey = Survey::open(&text, mapping.layout).map_err(|e| format!("{name}: {e}."))?;
    let (layout, columns) = (survey.layout, survey.columns.clone());
    let choices = survey.choices(CHOICE_SCAN);
    Ok(Step::Mapping {
        name,
        text,
        mapping,
        layout,
        columns,
        choices,
    })
}

#[derive(Properties, PartialEq)]
pub struct SurveyImportProps {
    pub map: Rc<JourneyMap>,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn SurveyImport(props: &SurveyImportProps) -> Html {
    let step = use_state(|| Step::Idle);
    let problem = use_state(|| None::<String>);
    let plan = props.map.plan();
    let measured = plan.touchpoints().count() > 0;

    // Every way into the mapping step goes through here.
    let to_mapping = {
        let (step, problem) = (step.clone(), problem.clone());
        Callback::from(
            move |(name, text, mapping): (String, Rc<String>, SurveyMapping)| match mapping_step(
                name, text, mapping,
            ) {
                Ok(next) => step.set(next),
                Err(e) => {
                    problem.set(Some(e));
                    step.set(Step::Idle);
                }
            },
        )
    };
    let on_file = {
        let (problem, remembered, to_mapping) = (
            problem.clone(),
            props.map.scoring.survey.clone(),
            to_mapping.clone(),
        );
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (problem, remembered, to_mapping) =
                (problem.clone(), remembered.clone(), to_mapping.clone());
            spawn_local(async move {
                let name = file.name();
                match read_text(file, MAX_SURVEY_BYTES).await {
                    Ok(text) => {
                        problem.set(None);
                        to_mapping.emit((name, Rc::new(text), remembered.unwrap_or_default()));
                    }
                    Err(e) => problem.set(Some(format!("{name}: {e}"))),
                }
            });
        })
    };
    let cancel = {
        let step = step.clone();
        Callback::from(move |_| step.set(Step::Idle))
    };
    let run = {
        let (step, problem, plan, to_mapping) = (
            step.clone(),
            problem.clone(),
            plan.clone(),
            to_mapping.clone(),
        );
        Callback::from(
            move |(name, text, mapping): (String, Rc<String>, SurveyMapping)| {
                let (step, problem, plan, to_mapping) = (
                    step.clone(),
                    problem.clone(),
                    plan.clone(),
                    to_mapping.clone(),
                );
                step.set(Step::Reading {
                    name: name.clone(),
                    progress: 0.0,
                });
                let on_progress = {
                    let (step, name) = (step.clone(), name.clone());
                    Callback::from(move |progress| {
                        step.set(Step::Reading {
                            name: name.clone(),
                            progress,
                        })
                    })
                };
                spawn_local(async move {
                    match survey_run::run(&text, &mapping, &plan, &on_progress).await {
                        Ok(result) => step.set(Step::Review {
                            name,
                            text,
                            mapping,
                            result: Rc::new(result),
                        }),
                        Err(e) => {
                            problem.set(Some(format!("{name}: {e}.")));
                            to_mapping.emit((name, text, mapping));
                        }
                    }
                });
            },
        )
    };
    // Back to the mapping step for the same file, with the given mapping.
    let back_to_mapping = |name: &String, text: &Rc<String>| {
        let (name, text) = (name.clone(), text.clone());
        to_mapping.reform(move |mapping| (name.clone(), text.clone(), mapping))
    };
    let body = match &*step {
        Step::Idle => html! {
            <label class={classes!("button", "import-button", (!measured).then_some("is-disabled"))}>
                { "Import survey CSV" }
                <input type="file" class="visually-hidden" accept=".csv,.tsv,.txt,text/csv" disabled={!measured} onchange={on_file} />
            </label>
        },
        Step::Mapping {
            name,
            text,
            mapping,
            layout,
            columns,
            choices,
        } => {
            let on_run = run.reform({
                let (name, text) = (name.clone(), text.clone());
                move |mapping| (name.clone(), text.clone(), mapping)
            });
            html! {
                <SurveyMappingForm
                    key={format!("{layout:?}")}
                    file={name.clone()}
                    layout={*layout}
                    columns={columns.clone()}
                    choices={choices.clone()}
                    map={props.map.clone()}
                    mapping={mapping.clone()}
                    on_layout={back_to_mapping(name, text)}
                    {on_run}
                    on_cancel={cancel.clone()}
                />
            }
        }
        Step::Reading { name, progress } => html! {
            <div class="import-progress">
                <label>{ format!("Reading {name}…") }
                    <progress max="1" value={progress.to_string()}>{ format!("{:.0}%", progress * 100.0) }</progress>
                </label>
            </div>
        },
        Step::Review {
            name,
            text,
            mapping,
            result,
        } => {
            let on_import = {
                let (step, on_edit, mapping, result) = (
                    step.clone(),
                    props.on_edit.clone(),
                    mapping.clone(),
                    result.clone(),
                );
                Callback::from(move |replace: bool| {
                    on_edit.emit(Edit::AddEvidence {
                        evidence: result.evidence.clone(),
                        loyalty: result.loyalty.clone(),
                        replace,
                        survey: Some(Box::new(mapping.clone())),
                    });
                    step.set(Step::Idle);
                })
            };
            let on_remap = back_to_mapping(name, text);
            let on_rerun = run.reform({
                let (name, text) = (name.clone(), text.clone());
                move |mapping| (name.clone(), text.clone(), mapping)
            });
            html! {
                <ImportReportView
                    file={name.clone()}
                    map={props.map.clone()}
                    mapping={mapping.clone()}
                    result={result.clone()}
                    {on_import}
                    {on_remap}
                    {on_rerun}
                    on_cancel={cancel.clone()}
                />
            }
        }
    };
    html! {
        <section class="survey-import" aria-labelledby="survey-import-title">
            <h3 id="survey-import-title">{ "Survey answers" }</h3>
            if !measured {
                <p class="hint">{ "Measure a touchpoint first (its Measure button), then import a survey export (Qualtrics, SurveyMonkey, Google Forms or a spreadsheet saved as CSV)." }</p>
            }
            if let Some(p) = &*problem { <p class="banner error" role="alert">{ p }</p> }
            { body }
        </section>
    }
}
