//! Reading a survey file in slices, yielding to the browser between them so a million rows never
//! freeze the page, with progress reported as the share of bytes read.

use std::time::Duration;

use journey_core::score::Plan;
use journey_core::survey::{ImportResult, Reading, SurveyError, SurveyMapping};
use yew::Callback;

use crate::browser::clock;

/// Records read between looks at the clock.
const CHUNK: usize = 4_096;
/// How long a slice runs before the page gets a turn: under the 50 ms of a long task, and long
/// enough that the pauses (a timer's few milliseconds each) cost little.
const SLICE_MS: i64 = 40;

pub async fn run(
    text: &str,
    mapping: &SurveyMapping,
    plan: &Plan,
    on_progress: &Callback<f64>,
) -> Result<ImportResult, SurveyError> {
    let mut reading = Reading::start(text, mapping, plan)?;
    loop {
        let started = clock::now();
        let mut done = false;
        while !done && clock::now() - started < SLICE_MS {
            done = reading.step(CHUNK);
        }
        if done {
            return Ok(reading.finish());
        }
        let (read, all) = reading.progress();
        on_progress.emit(read as f64 / all.max(1) as f64);
        yew::platform::time::sleep(Duration::ZERO).await;
    }
}
