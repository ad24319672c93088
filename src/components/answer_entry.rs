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
    let (period, segment, n, mean, sd) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let counts = use_memo(101usize, |len| {
        (0..*len).map(|_| NodeRef::default()).collect::<Vec<_>>()
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
        let (on_edit, summary) = (props.on_edit.clone(), *by_summary);
        let refs = (
            period.clone(),
            segment.clone(),
            n.clone(),
            mean.clone(),
            sd.clone(),
            counts.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let number = |node: &NodeRef| text(node).parse::<f64>().ok();
            let answers = if summary {
                let (Some(n), Some(mean)) = (number(&refs.2), number(&refs.3)) else {
                    return;
                };
                Histogram::approximate(
                    min,
                    max,
                    n.max(0.0) as u64,
                    mean,
                    number(&refs.4).unwrap_or(0.0),
                )
            } else {
                let mut h = Histogram::new(min, max);
                for (value, node) in (min..=max).zip(refs.5.iter()) {
                    h.add(value, number(node).unwrap_or(0.0).max(0.0) as u64);
                }
                h
            };
            if answers.n() == 0 {
                return;
            }
            let optional = |node: &NodeRef| Some(text(node)).filter(|t| !t.is_empty());
            let evidence = vec![Evidence {
                card: id,
                period: optional(&refs.0),
                segment: optional(&refs.1),
                answers,
            }];
            on_edit.emit(Edit::AddEvidence {
                evidence,
                loyalty: vec![],
                replace: false,
                survey: None,
            });
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
                <label>{ "Period (e.g. 2026-Q1 or 2026-03, optional)" }<input ref={period} type="text" /></label>
                <label>{ "Segment (optional)" }<input ref={segment} type="text" /></label>
                <label>{ "I have" }
                    <select onchange={on_mode}>
                        <option value="counts" selected={!*by_summary}>{ "a count for each answer" }</option>
                        <option value="summary" selected={*by_summary}>{ "only n, mean and sd" }</option>
                    </select>
                </label>
                if *by_summary {
                    <div class="measure-row">
                        <label>{ "n" }<input ref={n} type="number" min="1" step="1" /></label>
                        <label>{ "Mean" }<input ref={mean} type="number" step="any" /></label>
                        <label>{ "sd" }<input ref={sd} type="number" min="0" step="any" /></label>
                    </div>
                    <p class="hint">{ "Stored as the closest whole answers with that n, mean and sd." }</p>
                } else {
                    <div class="count-grid">
                        for (value, node) in (min..=max).zip(counts.iter()) {
                            <label key={value}>{ format!("Answered {value}") }<input ref={node.clone()} type="number" min="0" step="1" /></label>
                        }
                    </div>
                }
                <button type="submit" class="primary">{ "Add answers" }</button>
            </form>
        </details>
    }
}
