//! Reading a survey file in slices, yielding to the browser between them so a million rows never
//! freeze the page, with progress reported as the share of bytes read.

use std::time::Duration;

use journey_core::score::Plan;
use journey_core::survey::csv::Record;
use journey_core::survey::{ImportResult, Survey, SurveyError, SurveyMapping};
use yew::Callback;

/// Records per slice: large enough that the pauses cost little, small enough to stay responsive.
const SLICE: usize = 20_000;

pub async fn run(
    text: &str,
    mapping: &SurveyMapping,
    plan: &Plan,
    on_progress: &Callback<f64>,
) -> Result<ImportResult, SurveyError> {
    let mut survey = Survey::open(text, mapping.layout)?;
    let mut aggregator = survey.aggregator(mapping, plan)?;
    let mut record = Record {
        line: 0,
        fields: Vec::new(),
    };
    while !aggregator.read(&mut survey, &mut record, SLICE) {
        let (read, all) = survey.progress();
        on_progress.emit(read as f64 / all.max(1) as f64);
        yew::platform::time::sleep(Duration::ZERO).await;
    }
    Ok(aggregator.finish())
}
