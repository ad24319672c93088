//! The score report of one map, for all answers: a page to print or save as PDF and send. Every
//! figure is the panel's own, from the same domain calls.

use std::rc::Rc;

use journey_core::score::evidence::segments;
use journey_core::score::Slice;
use journey_core::JourneyMap;
use yew::prelude::*;

use crate::components::report::gains_table::gains_table;
use crate::components::report::method_note::method_note;
use crate::components::report::report_summary::report_summary;
use crate::components::report::weights_table::weights_table;
use crate::components::score::key_drivers::key_drivers;
use crate::components::score::loyalty_link::loyalty_link;
use crate::components::score::score_findings::trend;
use crate::components::score::segment_table::SegmentTable;
use crate::components::score::trend_chart::TrendChart;

#[derive(Properties, PartialEq)]
pub struct ScoreReportProps {
    pub map: Rc<JourneyMap>,
    /// The day the report is made, `YYYY-MM-DD`.
    pub today: AttrValue,
    pub on_close: Callback<()>,
    pub on_print: Callback<()>,
}

#[component]
pub fn ScoreReport(props: &ScoreReportProps) -> Html {
    let map = &props.map;
    let title = use_node_ref();
    {
        // The report replaces the editor in place: focus (and so the view) moves to its title.
        let title = title.clone();
        use_effect_with((), move |_| {
            if let Some(h) = title.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let scores = use_memo(map.clone(), |map| map.scores(&Slice::default()));
    let points = use_memo(map.clone(), |map| trend(map));
    let respondents = use_memo(map.clone(), |map| map.loyalty_findings(&Slice::default()));
    let (link, drivers) = &*respondents;
    let scores = (*scores).clone();
    let segments = segments(&map.scoring.evidence);
    html! {
        <article class="score-report" aria-labelledby="report-title">
            <div class="report-actions">
                <button type="button" class="back" onclick={props.on_close.reform(|_| ())}>{ "← Back to the map" }</button>
                <button type="button" class="primary" onclick={props.on_print.reform(|_| ())}>{ "Print or save as PDF" }</button>
            </div>
            <header>
                <h2 id="report-title" tabindex="-1" ref={title}>{ format!("Customer Journey Score report: {}", map.name) }</h2>
                <p class="report-meta">{ format!("All answers · made with Journeyscope on {}", props.today) }</p>
            </header>
            { report_summary(map, &scores, link) }
            if points.len() > 1 {
                <section aria-labelledby="report-trend"><h3 id="report-trend">{ "Trend" }</h3><TrendChart points={(*points).clone()} /></section>
            }
            <section aria-labelledby="report-priorities">
                <h3 id="report-priorities">{ "What to fix first" }</h3>
                { gains_table(map, &scores) }
            </section>
            <section aria-labelledby="report-drivers">
                <h3 id="report-drivers">{ "What drives loyalty" }</h3>
                { key_drivers(map, drivers.as_ref(), &scores) }
            </section>
            if !segments.is_empty() {
                <section aria-labelledby="report-segments"><h3 id="report-segments">{ "Segments" }</h3><SegmentTable map={map.clone()} {segments} /></section>
            }
            <section aria-labelledby="report-loyalty">
                <h3 id="report-loyalty">{ "Loyalty link" }</h3>
                { loyalty_link(link) }
            </section>
            <section aria-labelledby="report-weights">
                <h3 id="report-weights">{ "Weights, measures and answers" }</h3>
                { weights_table(map, &scores) }
            </section>
            <section aria-labelledby="report-method">
                <h3 id="report-method">{ "Method" }</h3>
                { method_note() }
            </section>
        </article>
    }
}
