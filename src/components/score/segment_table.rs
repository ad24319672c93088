//! The journey score per segment (persona or customer group) side by side, with the persona a
//! segment is linked to.

use std::rc::Rc;

use journey_core::personas::persona_of;
use journey_core::score::Slice;
use journey_core::JourneyMap;
use yew::prelude::*;

use crate::components::common::table::{interval, one_decimal, table, Row, Table};

#[derive(Properties, PartialEq)]
pub struct SegmentTableProps {
    pub map: Rc<JourneyMap>,
    pub segments: Vec<String>,
}

#[component]
pub fn SegmentTable(props: &SegmentTableProps) -> Html {
    let rows = props.segments.iter().enumerate().map(|(i, segment)| {
        let scores = props.map.scores(&Slice {
            period: None,
            segment: Some(segment.clone()),
        });
        let n: u64 = scores.stages.iter().map(|s| s.n).sum();
        let j = scores.journey.as_ref();
        let weakest = j
            .and_then(|j| props.map.stage(j.weakest_stage))
            .map_or(String::new(), |s| s.name.clone());
        Row::new(
            i as u32,
            vec![
                segment.clone(),
                persona_of(&props.map, segment).map_or_else(|| "–".into(), |p| p.name.clone()),
                one_decimal(j.map(|j| j.score)),
                interval(j.and_then(|j| j.ci)),
                n.to_string(),
                weakest,
            ],
        )
    });
    table(Table {
        class: None,
        caption: "Journey score by segment".into(),
        head: &[
            "Segment",
            "Persona",
            "Score",
            "95% CI",
            "Answers",
            "Weakest stage",
        ],
        row_heading: Some(0),
        rows: rows.collect(),
    })
}
