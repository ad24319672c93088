//! Where the weights came from, and "Use data-driven weights": the weights the key drivers
//! suggest, the journey score before and after, applied as one undoable edit.

use std::rc::Rc;

use journey_core::score::Slice;
use journey_core::{Edit, Id, JourneyMap};
use yew::prelude::*;

use crate::components::common::table::{one_decimal, table, Row, Table};

#[derive(Properties, PartialEq)]
pub struct WeightsAdviceProps {
    pub map: Rc<JourneyMap>,
    pub slice: Slice,
    /// Today, `YYYY-MM-DD`, recorded with weights that are applied.
    pub today: AttrValue,
    pub on_edit: Callback<Edit>,
}

fn weight_of(map: &JourneyMap, id: Id) -> f64 {
    map.stage(id).map(|s| s.weight.0).unwrap_or_else(|| {
        map.card(id)
            .and_then(|c| c.measure)
            .map_or(0.0, |m| m.weight.0)
    })
}

#[component]
pub fn WeightsAdvice(props: &WeightsAdviceProps) -> Html {
    let previewing = use_state_eq(|| false);
    // Worked out only while the preview is open: it weighs a copy of the map.
    let proposal = use_memo(
        (
            props.map.clone(),
            props.slice.clone(),
            props.today.clone(),
            *previewing,
        ),
        |(map, slice, today, open)| {
            open.then(|| map.data_driven_weights(slice, today.to_string()))
                .flatten()
        },
    );
    let toggle = |open: bool| {
        let previewing = previewing.clone();
        Callback::from(move |_: MouseEvent| previewing.set(open))
    };
    let apply = {
        let (previewing, on_edit, proposal) =
            (previewing.clone(), props.on_edit.clone(), proposal.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = proposal.as_ref() {
                on_edit.emit(p.edit.clone());
            }
            previewing.set(false);
        })
    };
    let map = &props.map;
    let name = |id: Id| {
        map.stage(id)
            .map(|s| s.name.clone())
            .or_else(|| map.card(id).map(|c| c.text.clone()))
            .unwrap_or_default()
    };
    html! {
        <div class="weights-advice">
            <p class="weights-source">{ map.scoring.weights_described() }</p>
            if !*previewing {
                <button type="button" onclick={toggle(true)}>{ "Use data-driven weights…" }</button>
            } else if let Some(p) = proposal.as_ref() {
                <div class="weights-preview" role="group" aria-labelledby="weights-preview-title">
                    <p id="weights-preview-title" class="weights-change">
                        { format!("With weights from the key drivers the journey score would be {} (now {}).", one_decimal(p.after), one_decimal(p.before)) }
                    </p>
                    if let Edit::SetWeights { stages, touchpoints, .. } = &p.edit {
                        { table(Table {
                            class: None,
                            caption: "Suggested weights: each touchpoint weighs its share of importance in percent, each stage the sum of its touchpoints'".into(),
                            head: &["Stage or touchpoint", "Now", "Suggested"],
                            row_heading: Some(0),
                            rows: stages.iter().chain(touchpoints).map(|(id, w)| {
                                let note = if p.without_data.contains(id) { " (no data: its stage's average)" } else { "" };
                                Row::new(*id, vec![format!("{}{note}", name(*id)), weight_of(map, *id).to_string(), w.0.to_string()])
                            }).collect(),
                        }) }
                    }
                    <div class="row-actions">
                        <button type="button" class="primary" onclick={apply}>{ "Apply these weights" }</button>
                        <button type="button" onclick={toggle(false)}>{ "Cancel" }</button>
                    </div>
                </div>
            } else {
                <p class="hint" role="status">{ "Data-driven weights need two or more touchpoints with respondent-level answers and a loyalty question (at least ten respondents each)." }</p>
                <button type="button" onclick={toggle(false)}>{ "Close" }</button>
            }
        </div>
    }
}
