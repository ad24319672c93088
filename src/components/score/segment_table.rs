//! The journey score per segment (persona or customer group) side by side.

use std::rc::Rc;

use journey_core::score::Slice;
use journey_core::JourneyMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SegmentTableProps {
    pub map: Rc<JourneyMap>,
    pub segments: Vec<String>,
}

#[component]
pub fn SegmentTable(props: &SegmentTableProps) -> Html {
    let rows = props.segments.iter().map(|segment| {
        let scores = props.map.scores(&Slice { period: None, segment: Some(segment.clone()) });
        let n: u64 = scores.stages.iter().map(|s| s.n).sum();
        let j = scores.journey.as_ref();
        let weakest = j.and_then(|j| props.map.stage(j.weakest_stage)).map_or(String::new(), |s| s.name.clone());
        html! {
            <tr key={segment.clone()}>
                <th scope="row">{ segment }</th>
                <td>{ j.map_or("–".to_string(), |j| format!("{:.1}", j.score)) }</td>
                <td>{ j.and_then(|j| j.ci).map_or("–".to_string(), |(lo, hi)| format!("{lo:.1}–{hi:.1}")) }</td>
                <td>{ n }</td>
                <td>{ weakest }</td>
            </tr>
        }
    });
    html! {
        <table class="report-table">
            <caption>{ "Journey score by segment" }</caption>
            <thead><tr>
                <th scope="col">{ "Segment" }</th><th scope="col">{ "Score" }</th><th scope="col">{ "95% CI" }</th>
                <th scope="col">{ "Answers" }</th><th scope="col">{ "Weakest stage" }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
