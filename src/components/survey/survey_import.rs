//! "Import a survey file": pick a CSV, text or .xlsx file, map its columns, read it with progress, review the report,
//! then add the answers to the map (or cancel and leave it untouched). Each step is a component
//! of its own; this one holds which step the import is at and moves between them.

use std::rc::Rc;

use journey_core::score::Plan;
use journey_core::survey::{Column, ImportResult, Layout, Survey, SurveyMapping, MAX_SURVEY_BYTES};
use journey_core::{Edit, JourneyMap};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::common::reading::{FileText, Origin, ReadAs, ReadRequest};
use crate::components::survey::import_progress::ImportProgress;
use crate::components::survey::import_report_view::{ImportReportView, PeriodsHere};
use crate::components::survey::survey_file_picker::SurveyFilePicker;
use crate::components::survey::survey_mapping_form::SurveyMappingForm;
use crate::components::survey::survey_run;

/// Rows looked at to list the touchpoint names of a long file.
const CHOICE_SCAN: usize = 50_000;

/// A survey file, read, and the picked file itself, to read again in another encoding or sheet.
#[derive(Clone, PartialEq)]
struct SurveyFile {
    name: String,
    text: Rc<String>,
    origin: Origin,
    picked: web_sys::File,
}

/// A file with the mapping to read it by.
#[derive(Clone, PartialEq)]
struct Attempt {
    file: SurveyFile,
    mapping: SurveyMapping,
}

#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    /// The file's header is read and its choices listed once, on entering this step.
    Mapping {
        attempt: Attempt,
        layout: Layout,
        columns: Vec<Column>,
        choices: Vec<String>,
    },
    Reading {
        name: String,
        progress: f64,
    },
    Review {
        attempt: Attempt,
        result: Rc<ImportResult>,
    },
}

/// The mapping step for a file, or why its header cannot be read.
fn mapping_step(attempt: Attempt) -> Result<Step, String> {
    let survey = Survey::open(&attempt.file.text, attempt.mapping.layout)
        .map_err(|e| format!("{}: {e}.", attempt.file.name))?;
    let (layout, columns) = (survey.layout, survey.columns.clone());
    let choices = survey.choices(CHOICE_SCAN);
    Ok(Step::Mapping {
        attempt,
        layout,
        columns,
        choices,
    })
}

/// The same file with whatever mapping the callback is given.
fn with_file(callback: &Callback<Attempt>, file: &SurveyFile) -> Callback<SurveyMapping> {
    let file = file.clone();
    callback.reform(move |mapping| Attempt {
        file: file.clone(),
        mapping,
    })
}

/// Reads the whole file by its mapping, showing progress, then shows the report; a file that
/// fails goes back to the mapping step with why.
fn read_all(
    attempt: Attempt,
    plan: Plan,
    step: UseStateHandle<Step>,
    problem: UseStateHandle<Option<String>>,
    to_mapping: Callback<Attempt>,
) {
    let name = attempt.file.name.clone();
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
        let read = survey_run::run(&attempt.file.text, &attempt.mapping, &plan, &on_progress);
        match read.await {
            Ok(result) => step.set(Step::Review {
                attempt,
                result: Rc::new(result),
            }),
            Err(e) => {
                problem.set(Some(format!("{name}: {e}.")));
                to_mapping.emit(attempt);
            }
        }
    });
}

/// What a picked file leads to once read: its mapping step (with the mapping the map remembers
/// from its last import, or the one being edited), or why it could not be read.
fn after_reading(
    problem: UseStateHandle<Option<String>>,
    mapping: SurveyMapping,
    picked: web_sys::File,
    to_mapping: Callback<Attempt>,
) -> Callback<FileText> {
    Callback::from(move |read: FileText| match read.text {
        Ok(survey_text) => {
            problem.set(None);
            to_mapping.emit(Attempt {
                file: SurveyFile {
                    name: read.name,
                    text: Rc::new(survey_text.text),
                    origin: survey_text.origin,
                    picked: picked.clone(),
                },
                mapping: mapping.clone(),
            });
        }
        Err(e) => problem.set(Some(format!("{}: {e}", read.name))),
    })
}

/// Asks the page to read `picked` as `read_as` says and go on to its mapping.
fn read_file(
    on_read: &Callback<ReadRequest>,
    problem: UseStateHandle<Option<String>>,
    mapping: SurveyMapping,
    picked: web_sys::File,
    read_as: ReadAs,
    to_mapping: Callback<Attempt>,
) {
    let answer = after_reading(problem, mapping, picked.clone(), to_mapping);
    on_read.emit(ReadRequest {
        file: picked,
        limit: MAX_SURVEY_BYTES,
        read_as,
        answer,
    });
}

#[derive(Properties, PartialEq)]
pub struct SurveyImportProps {
    pub map: Rc<JourneyMap>,
    pub on_edit: Callback<Edit>,
    /// A picked file, for the page to read.
    pub on_read: Callback<ReadRequest>,
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
        Callback::from(move |attempt: Attempt| match mapping_step(attempt) {
            Ok(next) => step.set(next),
            Err(e) => {
                problem.set(Some(e));
                step.set(Step::Idle);
            }
        })
    };
    let on_file = {
        let (problem, on_read, to_mapping) =
            (problem.clone(), props.on_read.clone(), to_mapping.clone());
        let remembered = props.map.scoring.survey.clone().unwrap_or_default();
        Callback::from(move |file: web_sys::File| {
            let (problem, mapping) = (problem.clone(), remembered.clone());
            read_file(
                &on_read,
                problem,
                mapping,
                file,
                ReadAs::Detect,
                to_mapping.clone(),
            );
        })
    };
    let cancel = {
        let step = step.clone();
        Callback::from(move |_| step.set(Step::Idle))
    };
    let run = {
        let (step, problem, to_mapping) = (step.clone(), problem.clone(), to_mapping.clone());
        Callback::from(move |attempt| {
            read_all(
                attempt,
                plan.clone(),
                step.clone(),
                problem.clone(),
                to_mapping.clone(),
            )
        })
    };
    let body = match &*step {
        Step::Idle => html! { <SurveyFilePicker enabled={measured} {on_file} /> },
        Step::Mapping {
            attempt,
            layout,
            columns,
            choices,
        } => {
            let on_reread = {
                let (on_read, problem, to_mapping) =
                    (props.on_read.clone(), problem.clone(), to_mapping.clone());
                let picked = attempt.file.picked.clone();
                Callback::from(move |(read_as, mapping): (ReadAs, SurveyMapping)| {
                    let (problem, picked) = (problem.clone(), picked.clone());
                    read_file(
                        &on_read,
                        problem,
                        mapping,
                        picked,
                        read_as,
                        to_mapping.clone(),
                    );
                })
            };
            html! {
            <SurveyMappingForm
                key={format!("{layout:?} {:?}", attempt.file.origin)}
                file={attempt.file.name.clone()}
                text={attempt.file.text.clone()}
                origin={attempt.file.origin.clone()}
                {on_reread}
                layout={*layout}
                columns={columns.clone()}
                choices={choices.clone()}
                map={props.map.clone()}
                mapping={attempt.mapping.clone()}
                on_layout={with_file(&to_mapping, &attempt.file)}
                on_run={with_file(&run, &attempt.file)}
                on_cancel={cancel.clone()}
            />
            }
        }
        Step::Reading { name, progress } => {
            html! { <ImportProgress file={name.clone()} progress={*progress} /> }
        }
        Step::Review { attempt, result } => {
            let on_import = {
                let (step, on_edit) = (step.clone(), props.on_edit.clone());
                let (mapping, result) = (attempt.mapping.clone(), result.clone());
                Callback::from(move |periods: PeriodsHere| {
                    on_edit.emit(Edit::AddEvidence {
                        evidence: result.evidence.clone(),
                        loyalty: result.loyalty.clone(),
                        replace: periods == PeriodsHere::Replace,
                        survey: Some(Box::new(mapping.clone())),
                    });
                    step.set(Step::Idle);
                })
            };
            html! {
                <ImportReportView
                    file={attempt.file.name.clone()}
                    origin={attempt.file.origin.clone()}
                    map={props.map.clone()}
                    mapping={attempt.mapping.clone()}
                    result={result.clone()}
                    {on_import}
                    on_remap={with_file(&to_mapping, &attempt.file)}
                    on_rerun={with_file(&run, &attempt.file)}
                    on_cancel={cancel.clone()}
                />
            }
        }
    };
    html! {
        <section class="survey-import" aria-labelledby="survey-import-title">
            <h3 id="survey-import-title">{ "Survey answers" }</h3>
            if !measured {
                <p class="hint">{ "Measure a touchpoint first (its Measure button), then import a survey export (Qualtrics, SurveyMonkey, Google Forms, a CSV or an .xlsx workbook)." }</p>
            }
            if let Some(p) = &*problem { <p class="banner error" role="alert">{ p }</p> }
            { body }
        </section>
    }
}
