//! The mapping step: which column feeds which touchpoint, and which are the date, the segment,
//! the respondent and the loyalty question; and which segments are personas.

use std::rc::Rc;

use journey_core::survey::suggest::{persona_links, suggest};
use journey_core::survey::{
    Column, ColumnLink, LabelValue, Layout, Periodicity, Survey, SurveyMapping,
};
use journey_core::{Id, JourneyMap};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::common::reading::{Origin, ReadAs};
use crate::components::survey::answer_labels::AnswerLabels;
use crate::components::survey::reading_options::ReadingOptions;
use crate::components::survey::segment_personas::SegmentPersonas;

/// Rows looked at, and values listed at most, for the segment column's values.
const SEGMENT_SCAN: usize = 50_000;
const SEGMENT_VALUES: usize = 50;

/// The segment column's values in the file, each linked to a persona where the mapping
/// remembers one or a persona has its name.
fn with_segments(
    mapping: &mut SurveyMapping,
    text: &str,
    layout: Layout,
    map: &JourneyMap,
) -> Vec<String> {
    let values = match (&mapping.segment_column, Survey::open(text, Some(layout))) {
        (Some(column), Ok(survey)) => survey.segment_values(column, SEGMENT_SCAN, SEGMENT_VALUES),
        _ => Vec::new(),
    };
    mapping.personas = persona_links(&values, &mapping.personas, map);
    values
}

#[derive(Properties, PartialEq)]
pub struct SurveyMappingFormProps {
    pub file: AttrValue,
    /// The file's text, for the segment column's values.
    pub text: Rc<String>,
    pub origin: Origin,
    /// Read the file again in another encoding or sheet, keeping this mapping.
    pub on_reread: Callback<(ReadAs, SurveyMapping)>,
    pub layout: Layout,
    pub columns: Vec<Column>,
    /// What a touchpoint can be linked to: column keys, or touchpoint names in the long layout.
    pub choices: Vec<String>,
    pub map: Rc<JourneyMap>,
    /// The remembered or last used mapping.
    pub mapping: SurveyMapping,
    /// The user picked another layout than the detected one.
    pub on_layout: Callback<SurveyMapping>,
    pub on_run: Callback<SurveyMapping>,
    pub on_cancel: Callback<()>,
}

fn selected(e: Event) -> Option<String> {
    let value = e.target_unchecked_into::<HtmlSelectElement>().value();
    (!value.is_empty()).then_some(value)
}

/// A select of the columns (or choices) with an empty "none" option.
fn picker(
    label: String,
    options: &[String],
    current: Option<&str>,
    none: &str,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <label>{ label }
            <select {onchange}>
                <option value="" selected={current.is_none()}>{ none.to_string() }</option>
                for option in options {
                    <option value={option.clone()} selected={current == Some(option.as_str())}>{ option }</option>
                }
            </select>
        </label>
    }
}

#[component]
pub fn SurveyMappingForm(props: &SurveyMappingFormProps) -> Html {
    let start = use_memo((), |_| {
        let mut mapping = suggest(&props.mapping, &props.columns, &props.choices, &props.map);
        let values = with_segments(&mut mapping, &props.text, props.layout, &props.map);
        (mapping, values)
    });
    let draft = use_state(|| start.0.clone());
    let segments = use_state(|| start.1.clone());
    let labels = use_memo((draft.touchpoints.clone(), draft.labels.clone()), |_| {
        Survey::open(&props.text, Some(props.layout))
            .map(|s| s.answer_labels(&draft, &props.map.plan(), SEGMENT_SCAN))
            .unwrap_or_default()
    });
    let keys: Vec<String> = props.columns.iter().map(|c| c.key.clone()).collect();
    let update = |change: fn(&mut SurveyMapping, Option<String>)| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            change(&mut next, selected(e));
            draft.set(next);
        })
    };
    let link_picker = |card: Id, name: &str| {
        let current = draft
            .touchpoints
            .iter()
            .find(|l| l.card == card)
            .map(|l| l.column.as_str());
        let draft = draft.clone();
        let onchange = Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            next.touchpoints.retain(|l| l.card != card);
            if let Some(column) = selected(e) {
                next.touchpoints.push(ColumnLink { column, card });
            }
            draft.set(next);
        });
        picker(
            format!("Answers for “{name}”"),
            &props.choices,
            current,
            "— not in this file —",
            onchange,
        )
    };
    let on_layout = {
        let (draft, on_layout) = (draft.clone(), props.on_layout.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*draft).clone();
            next.layout = Layout::ALL.into_iter().find(|l| format!("{l:?}") == value);
            on_layout.emit(next);
        })
    };
    let on_segment = {
        let (draft, segments) = (draft.clone(), segments.clone());
        let (text, layout, map) = (props.text.clone(), props.layout, props.map.clone());
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            next.segment_column = selected(e);
            segments.set(with_segments(&mut next, &text, layout, &map));
            draft.set(next);
        })
    };
    let on_link = {
        let draft = draft.clone();
        Callback::from(move |(segment, persona): (String, Option<Id>)| {
            let mut next = (*draft).clone();
            next.link_persona(&segment, persona);
            draft.set(next);
        })
    };
    let on_period = update(|m, v| {
        m.period = if v.as_deref() == Some("month") {
            Periodicity::Month
        } else {
            Periodicity::Quarter
        }
    });
    let on_reread = {
        let (draft, on_reread) = (draft.clone(), props.on_reread.clone());
        Callback::from(move |read_as| on_reread.emit((read_as, (*draft).clone())))
    };
    let on_date_order = {
        let draft = draft.clone();
        Callback::from(move |order| {
            let mut next = (*draft).clone();
            next.date_order = order;
            draft.set(next);
        })
    };
    let on_label = {
        let draft = draft.clone();
        Callback::from(move |(label, value): (String, Option<i32>)| {
            let mut next = (*draft).clone();
            next.labels.retain(|l| l.label != label);
            if let Some(value) = value {
                next.labels.push(LabelValue { label, value });
            }
            draft.set(next);
        })
    };
    let run = {
        let (draft, on_run) = (draft.clone(), props.on_run.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_run.emit((*draft).clone());
        })
    };
    let measured: Vec<(Id, String)> = props
        .map
        .cards
        .iter()
        .filter(|c| c.measure.is_some())
        .map(|c| (c.id, c.text.clone()))
        .collect();
    let loyalty_options = if props.layout == Layout::Long {
        &props.choices
    } else {
        &keys
    };
    html! {
        <form class="mapping-form" onsubmit={run}>
            <p>{ format!("{}: {} columns", props.file, props.columns.len()) }</p>
            <label>{ "File layout (detected)" }
                <select onchange={on_layout}>
                    for layout in Layout::ALL {
                        <option value={format!("{layout:?}")} selected={layout == props.layout}>{ layout.label() }</option>
                    }
                </select>
            </label>
            <ReadingOptions origin={props.origin.clone()} date_order={draft.date_order} {on_reread} {on_date_order} />
            <fieldset>
                <legend>{ "Touchpoints" }</legend>
                for (card, name) in &measured { { link_picker(*card, name) } }
            </fieldset>
            if !labels.is_empty() {
                <AnswerLabels labels={(*labels).clone()} own={draft.labels.clone()} {on_label} />
            }
            <fieldset>
                <legend>{ "Dates, segments and loyalty" }</legend>
                { picker("Date column".into(), &keys, draft.date_column.as_deref(), "— no dates —", update(|m, v| m.date_column = v)) }
                <label>{ "Group answers by" }
                    <select onchange={on_period}>
                        <option value="quarter" selected={draft.period == Periodicity::Quarter}>{ "Quarter" }</option>
                        <option value="month" selected={draft.period == Periodicity::Month}>{ "Month" }</option>
                    </select>
                </label>
                { picker("Segment or persona column".into(), &keys, draft.segment_column.as_deref(), "— none —", on_segment) }
                { picker("Respondent id column".into(), &keys, draft.respondent_column.as_deref(), "— none —", update(|m, v| m.respondent_column = v)) }
                { picker("Loyalty question (NPS or rating)".into(), loyalty_options, draft.loyalty_column.as_deref(), "— none —", update(|m, v| m.loyalty_column = v)) }
            </fieldset>
            if !segments.is_empty() {
                <SegmentPersonas values={(*segments).clone()} personas={props.map.personas.clone()}
                    links={draft.personas.clone()} {on_link} />
            }
            <div class="form-actions">
                <button type="submit" class="primary" disabled={draft.touchpoints.is_empty()}>{ "Read the file" }</button>
                <button type="button" onclick={props.on_cancel.reform(|_| ())}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
