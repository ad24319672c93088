//! What the answers say, section by section: trend, stages, what to fix first, what drives
//! loyalty, segments, the loyalty link and the weights.

use std::rc::Rc;

use journey_core::score::evidence::{periods, segments};
use journey_core::score::flags::Thresholds;
use journey_core::score::{Scores, Slice};
use journey_core::{Edit, JourneyMap};
use yew::prelude::*;

use crate::components::score::key_drivers::key_drivers;
use crate::components::score::loyalty_link::loyalty_link;
use crate::components::score::priority_table::PriorityTable;
use crate::components::score::segment_table::SegmentTable;
use crate::components::score::stage_bars::StageBars;
use crate::components::score::trend_chart::TrendChart;
use crate::components::score::weights_advice::WeightsAdvice;

#[derive(Properties, PartialEq)]
pub struct ScoreFindingsProps {
    pub map: Rc<JourneyMap>,
    pub scores: Rc<Scores>,
    pub slice: Slice,
    pub thresholds: Thresholds,
    pub today: AttrValue,
    pub on_edit: Callback<Edit>,
}

/// Every period's journey score, oldest first.
pub fn trend(map: &JourneyMap) -> Vec<(String, Option<journey_core::score::JourneyScore>)> {
    periods(&map.scoring.evidence)
        .into_iter()
        .map(|period| {
            let slice = Slice {
                period: Some(period.clone()),
                segment: None,
            };
            (period, map.scores(&slice).journey)
        })
        .collect()
}

#[component]
pub fn ScoreFindings(props: &ScoreFindingsProps) -> Html {
    let map = &props.map;
    // Worked out once per version of the map (and slice), not per render.
    let points = use_memo(map.clone(), |map| trend(map));
    let respondents = use_memo((map.clone(), props.slice.clone()), |(map, slice)| {
        map.loyalty_findings(slice)
    });
    let (link, drivers) = &*respondents;
    let segments = segments(&map.scoring.evidence);
    let scores = props.scores.clone();
    html! {
        <div class="score-grid">
            if points.len() > 1 {
                <section aria-labelledby="trend-title">
                    <h4 id="trend-title">{ "Trend" }</h4>
                    <TrendChart points={(*points).clone()} />
                </section>
            }
            <section aria-labelledby="stages-title">
                <h4 id="stages-title">{ "Stages" }</h4>
                <StageBars map={map.clone()} scores={scores.clone()} thresholds={props.thresholds} />
            </section>
            <section aria-labelledby="priority-title">
                <h4 id="priority-title">{ "What to fix first" }</h4>
                <PriorityTable map={map.clone()} scores={scores.clone()} />
            </section>
            <section aria-labelledby="drivers-title" class="wide">
                <h4 id="drivers-title">{ "What drives loyalty" }</h4>
                { key_drivers(map, drivers.as_ref(), &scores) }
            </section>
            if !segments.is_empty() {
                <section aria-labelledby="segments-title">
                    <h4 id="segments-title">{ "Segments" }</h4>
                    <SegmentTable map={map.clone()} {segments} />
                </section>
            }
            <section aria-labelledby="loyalty-title">
                <h4 id="loyalty-title">{ "Loyalty link" }</h4>
                { loyalty_link(link) }
            </section>
            <section aria-labelledby="weights-title">
                <h4 id="weights-title">{ "Weights" }</h4>
                <WeightsAdvice map={map.clone()} slice={props.slice.clone()} today={props.today.clone()} on_edit={props.on_edit.clone()} />
            </section>
        </div>
    }
}
