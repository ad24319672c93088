//! Answers typed by hand: a count per scale value, or n, mean and sd when that is all a report
//! gives. Both become the same histogram as an imported file.

use std::rc::Rc;

use journey_core::score::{Evidence, Histogram};
use journey_core::{Edit, Id, JourneyMap};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswerEntryProps {
    pub map: Rc<JourneyMap>,
    pub on_edit: Callback<Edit>,
}

fn text(node: &NodeRef) -> String {
    node.cast::<HtmlInputElement>()
        .map(|i| i.value().trim().to_string())
        .unwrap_or_default()
}

/// The form's fields that are read when answers are added.
struct Fields {
    period: NodeRef,
    segment: NodeRef,
    n: NodeRef,
    mean: NodeRef,
    sd: NodeRef,
    /// One count field per scale value, as many as any scale has.
    counts: Vec<NodeRef>,
}

/// The answers the form says for a touchpoint on the scale `min..=max`: counts, or a histogram
/// matching n, mean and sd; `None` when it says no answer at all.
fn evidence_of(
    card: Id,
    (min, max): (i32, i32),
    summary: bool,
    fields: &Fields,
) -> Option<Evidence> {
    let number = |node: &NodeRef| text(node).parse::<f64>().ok();
    let answers = if summary {
        let (n, mean) = (number(&fields.n)?, number(&fields.mean)?);
        let sd = number(&fields.sd).unwrap_or(0.0);
        Histogram::approximate(min, max, n.max(0.0) as u64, mean, sd)
    } else {
        let mut h = Histogram::new(min, max);
        for (value, node) in (min..=max).zip(fields.counts.iter()) {
            h.add(value, number(node).unwrap_or(0.0).max(0.0) as u64);
        }
        h
    };
    let optional = |node: &NodeRef| Some(text(node)).filter(|t| !t.is_empty());
    (answers.n() > 0).then(|| Evidence {
        card,
        period: optional(&fields.period),
        segment: optional(&fields.segment),
        answers,
    })
}

#[component]
pub fn AnswerEntry(props: &AnswerEntryProps) -> Html {
    let measured: Vec<(Id, String, (i32, i32))> = props
        .map
        .cards
        .iter()
        .filter_map(|c| {
            c.measure
                .map(|m| (c.id, c.text.clone(), (m.metric.min, m.metric.max)))
        })
        .collect();
    let card = use_state(|| measured.first().map(|m| m.0));
    let by_summary = use_state(|| false);
    let fields = use_memo((), |_| Fields {
        period: NodeRef::default(),
        segment: NodeRef::default(),
        n: NodeRef::default(),
        mean: NodeRef::default(),
        sd: NodeRef::default(),
        counts: (0..101).map(|_| NodeRef::default()).collect(),
    });
    let Some(&(id, _, (min, max))) = measured
        .iter()
        .find(|m| Some(m.0) == *card)
        .or(measured.first())
    else {
        return Html::default();
    };
    let on_card = {
        let card = card.clone();
        Callback::from(move |e: Event| {
            card.set(
                e.target_unchecked_into::<HtmlSelectElement>()
                    .value()
                    .parse()
                    .ok(),
            )
        })
    };
    let on_mode = {
        let by_summary = by_summary.clone();
        Callback::from(move |e: Event| {
            by_summary.set(e.target_unchecked_into::<HtmlSelectElement>().value() == "summary")
        })
    };
    let save = {
        let (on_edit, summary, fields) = (props.on_edit.clone(), *by_summary, fields.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(evidence) = evidence_of(id, (min, max), summary, &fields) {
                on_edit.emit(Edit::AddEvidence {
                    evidence: vec![evidence],
                    loyalty: vec![],
                    replace: false,
                    survey: None,
                });
            }
        })
    };
    html! {
        <details class="answer-entry">
            <summary>{ "Type answers in" }</summary>
            <form onsubmit={save}>
                <label>{ "Touchpoint" }
                    <select onchange={on_card}>
                        for (cid, name, _) in &measured {
                            <option value={cid.to_string()} selected={*cid == id}>{ name }</option>
                        }
                    </select>
                </label>
                <label>{ "Period (e.g. 2026-Q1 or 2026-03, optional)" }<input ref={fields.period.clone()} type="text" /></label>
                <label>{ "Segment (optional)" }<input ref={fields.segment.clone()} type="text" /></label>
                <label>{ "I have" }
                    <select onchange={on_mode}>
                        <option value="counts" selected={!*by_summary}>{ "a count for each answer" }</option>
                        <option value="summary" selected={*by_summary}>{ "only n, mean and sd" }</option>
                    </select>
                </label>
                if *by_summary {
                    <div class="measure-row">
                        <label>{ "n" }<input ref={fields.n.clone()} type="number" min="1" step="1" /></label>
                        <label>{ "Mean" }<input ref={fields.mean.clone()} type="number" step="any" /></label>
                        <label>{ "sd" }<input ref={fields.sd.clone()} type="number" min="0" step="any" /></label>
                    </div>
                    <p class="hint">{ "Stored as the closest whole answers with that n, mean and sd." }</p>
                } else {
                    <div class="count-grid">
                        for (value, node) in (min..=max).zip(fields.counts.iter()) {
                            <label key={value}>{ format!("Answered {value}") }<input ref={node.clone()} type="number" min="0" step="1" /></label>
                        }
                    </div>
                }
                <button type="submit" class="primary">{ "Add answers" }</button>
            </form>
        </details>
    }
}
