//! Reading a survey file in slices, yielding to the browser between them so a million rows never
//! freeze the page, with progress reported as the share of bytes read.

use std::time::Duration;

use journey_core::score::Plan;
use journey_core::survey::{ImportResult, Reading, SurveyError, SurveyMapping};
use yew::Callback;

/// Records per slice: large enough that the pauses cost little, small enough to stay responsive.
const SLICE: usize = 20_000;

pub async fn run(
    text: &str,
    mapping: &SurveyMapping,
    plan: &Plan,
    on_progress: &Callback<f64>,
) -> Result<ImportResult, SurveyError> {
    let mut reading = Reading::start(text, mapping, plan)?;
    while !reading.step(SLICE) {
        let (read, all) = reading.progress();
        on_progress.emit(read as f64 / all.max(1) as f64);
        yew::platform::time::sleep(Duration::ZERO).await;
    }
    Ok(reading.finish())
}
