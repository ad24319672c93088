//! The import report, shown before anything is saved: what was read, used and skipped (with
//! line numbers), labels that still need a value, and whether the periods are already in the map.

use std::rc::Rc;

use journey_core::survey::encoding::reading_note;
use journey_core::survey::{ImportResult, LabelValue, SurveyMapping};
use journey_core::JourneyMap;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::common::reading::Origin;
use crate::components::common::table::{table, Row, Table};

/// What an import does with the answers of periods the map already has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodsHere {
    Replace,
    AddTo,
}

#[derive(Properties, PartialEq)]
pub struct ImportReportViewProps {
    pub file: AttrValue,
    pub origin: Origin,
    pub map: Rc<JourneyMap>,
    pub mapping: SurveyMapping,
    pub result: Rc<ImportResult>,
    /// Import the answers; true replaces what the map has for the same periods.
    pub on_import: Callback<PeriodsHere>,
    pub on_remap: Callback<SurveyMapping>,
    /// Read again with these label values.
    pub on_rerun: Callback<SurveyMapping>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn ImportReportView(props: &ImportReportViewProps) -> Html {
    let report = &props.result.report;
    let label_refs = use_memo(report.unmapped_labels.len(), |n| {
        (0..*n).map(|_| NodeRef::default()).collect::<Vec<_>>()
    });
    let card_name = |id| props.map.card(id).map_or(String::new(), |c| c.text.clone());
    let overlap: Vec<String> = report
        .periods
        .iter()
        .filter(|p| {
            props.map.scoring.evidence.iter().any(|e| {
                e.period.as_deref() == Some(p.as_str())
                    && props.mapping.touchpoints.iter().any(|l| l.card == e.card)
            })
        })
        .cloned()
        .collect();
    let apply_labels = {
        let (refs, labels, mapping, on_rerun) = (
            label_refs.clone(),
            report.unmapped_labels.clone(),
            props.mapping.clone(),
            props.on_rerun.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let mut next = mapping.clone();
            for ((label, _), node) in labels.iter().zip(refs.iter()) {
                let value = node
                    .cast::<HtmlInputElement>()
                    .and_then(|i| i.value().trim().parse::<i32>().ok());
                if let Some(value) = value {
                    next.labels.retain(|l| l.label != *label);
                    next.labels.push(LabelValue {
                        label: label.clone(),
                        value,
                    });
                }
            }
            on_rerun.emit(next);
        })
    };
    let used: u64 = report.used.iter().map(|(_, n)| n).sum();
    let dialects: Vec<&str> = report.dialects.iter().map(|d| d.label()).collect();
    let read = match &props.origin {
        Origin::Text(encoding) => reading_note(*encoding, report.separator),
        Origin::Sheet { sheets, chosen } => format!(
            "read from sheet “{}” of the workbook",
            sheets.get(*chosen).map_or("", String::as_str)
        ),
    };
    html! {
        <div class="import-report" role="region" aria-label="Import report">
            <p>{ format!("{}: {}; {}. {} rows, {used} answers used, {} values skipped.",
                props.file, read, report.layout.label(), report.rows, report.skipped_total()) }</p>
            if !dialects.is_empty() {
                <p>{ format!("Recognised in this export: {}.", dialects.join("; ")) }</p>
            }
            if report.glued_labels > 0 {
                <p>{ format!("Answers with their number glued to the label (such as “Very likely7”), read by the number: {}.", report.glued_labels) }</p>
            }
            if props.mapping.date_column.is_some() {
                <p class="date-reading">{ report.dates.describe() }</p>
            }
            { table(Table {
                class: None,
                caption: "Answers used per touchpoint".into(),
                head: &["Touchpoint", "Answers"],
                row_heading: Some(0),
                rows: report.used.iter().map(|(card, n)| Row::new(*card, vec![card_name(*card), n.to_string()])).collect(),
            }) }
            if !report.skipped.is_empty() {
                <p>{ format!("Skipped: {}.", report.skipped.iter().map(|(r, n)| format!("{n} {r}")).collect::<Vec<_>>().join(", ")) }</p>
                { table(Table {
                    class: None,
                    caption: format!("The first {} skipped values", report.examples.len()),
                    head: &["Line", "Column", "Value", "Why"],
                    row_heading: None,
                    rows: report.examples.iter().enumerate().map(|(i, s)| Row::new(i as u32, vec![s.line.to_string(), s.column.clone(), s.value.clone(), s.reason.to_string()])).collect(),
                }) }
            }
            if report.dates.unreadable > 0 {
                <p>{ "Answers in rows whose date could not be read count in the totals, in no period." }</p>
            }
            if !report.unmapped_labels.is_empty() {
                <fieldset class="label-values">
                    <legend>{ "Labels with no value yet (never guessed)" }</legend>
                    for ((label, n), node) in report.unmapped_labels.iter().zip(label_refs.iter()) {
                        <label>{ format!("“{label}” ({n}×)") }
                            <input ref={node.clone()} type="number" step="1" />
                        </label>
                    }
                    <button type="button" onclick={apply_labels}>{ "Use these values and read again" }</button>
                </fieldset>
            }
            if !report.periods.is_empty() {
                <p>{ format!("Periods: {}.", report.periods.join(", ")) }</p>
            }
            <div class="form-actions">
                if overlap.is_empty() {
                    <button type="button" class="primary" onclick={props.on_import.reform(|_| PeriodsHere::AddTo)}>{ "Import answers" }</button>
                } else {
                    <p class="banner warning">{ format!("The map already has answers for {}.", overlap.join(", ")) }</p>
                    <button type="button" class="primary" onclick={props.on_import.reform(|_| PeriodsHere::Replace)}>{ "Replace those periods" }</button>
                    <button type="button" onclick={props.on_import.reform(|_| PeriodsHere::AddTo)}>{ "Add to them" }</button>
                }
                <button type="button" onclick={props.on_remap.reform({ let m = props.mapping.clone(); move |_| m.clone() })}>{ "Change mapping" }</button>
                <button type="button" onclick={props.on_cancel.reform(|_| ())}>{ "Cancel" }</button>
            </div>
        </div>
    }
}
