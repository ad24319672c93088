//! The map's saved versions: save one, and for each its name, time and what changed since the one
//! before, with open, restore, duplicate, rename and delete. Every change of the list is an edit
//! of the map, so Undo takes it back.

use std::rc::Rc;

use journey_core::compare::diff;
use journey_core::{Edit, JourneyMap};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::clock::local_time;
use crate::components::common::inline_text::InlineText;
use crate::components::versions::version_compare::VersionCompare;
use crate::components::versions::Showing;

#[derive(Properties, PartialEq)]
pub struct VersionsPanelProps {
    pub map: Rc<JourneyMap>,
    /// Today, `YYYY-MM-DD`: a new version's name until the user types one.
    pub today: AttrValue,
    /// A version saved under this name; the app reads the time.
    pub on_save: Callback<String>,
    pub on_edit: Callback<Edit>,
    pub on_show: Callback<Showing>,
    /// Adds the version with this number to the library as a map of its own.
    pub on_duplicate: Callback<u32>,
    pub on_close: Callback<()>,
}

/// Each version's name, time and summary against the one before, oldest first.
struct Row {
    number: u32,
    name: String,
    saved: i64,
    summary: String,
}

fn rows(map: &JourneyMap) -> Result<(Vec<Row>, Option<String>), String> {
    let history = map.version_history()?;
    let mut rows = Vec::with_capacity(history.len());
    for (i, (info, version)) in history.iter().enumerate() {
        let summary = match i.checked_sub(1).map(|before| &history[before].1) {
            Some(before) => diff(before, version).summary(),
            None => "the first version".into(),
        };
        let (number, name, saved) = (info.number, info.name.clone(), info.saved);
        rows.push(Row {
            number,
            name,
            saved,
            summary,
        });
    }
    let since_newest = history
        .last()
        .map(|(_, newest)| diff(newest, &map.snapshot()).summary());
    Ok((rows, since_newest))
}

#[component]
pub fn VersionsPanel(props: &VersionsPanelProps) -> Html {
    let listed = use_memo(props.map.clone(), |map| rows(map));
    let name = use_node_ref();
    let on_submit = {
        let (name, on_save, today) = (name.clone(), props.on_save.clone(), props.today.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(field) = name.cast::<HtmlInputElement>() else {
                return;
            };
            let typed = field.value();
            on_save.emit(if typed.trim().is_empty() {
                today.to_string()
            } else {
                typed
            });
            field.set_value("");
        })
    };
    let (rows, since_newest) = match &*listed {
        Ok((rows, since)) => (rows.as_slice(), since.clone()),
        Err(problem) => {
            let text = format!("The saved versions of this map cannot be read ({problem}). The map itself is unharmed.");
            return html! { <section class="versions" aria-label="Versions"><p role="alert">{ text }</p></section> };
        }
    };
    let row = |(i, row): (usize, &Row)| {
        let number = row.number;
        let since = i.checked_sub(1).map(|before| rows[before].number);
        let on_edit = props.on_edit.clone();
        let rename = props
            .on_edit
            .reform(move |name| Edit::RenameVersion { number, name });
        html! {
            <li key={number} class="version-row">
                <div class="version-main">
                    <h3><InlineText value={row.name.clone()} label="Version name" on_commit={rename} /></h3>
                    <p class="version-meta"><time>{ local_time(row.saved) }</time>{ " · " }{ &row.summary }</p>
                </div>
                <div class="version-actions">
                    <button type="button" onclick={props.on_show.reform(move |_| Showing { version: Some(number), since })}
                        aria-label={format!("Open {}", row.name)}>{ "Open" }</button>
                    <button type="button" onclick={on_edit.reform(move |_| Edit::RestoreVersion { number })}
                        aria-label={format!("Restore {}", row.name)}>{ "Restore" }</button>
                    <button type="button" onclick={props.on_duplicate.reform(move |_| number)}
                        aria-label={format!("Duplicate {} as a new map", row.name)}>{ "Duplicate" }</button>
                    <button type="button" class="danger" onclick={on_edit.reform(move |_| Edit::DeleteVersions { numbers: vec![number] })}
                        aria-label={format!("Delete {}", row.name)}>{ "Delete" }</button>
                </div>
            </li>
        }
    };
    html! {
        <section class="versions" aria-labelledby="versions-title">
            <div class="versions-head">
                <h2 id="versions-title">{ "Versions" }</h2>
                <button type="button" onclick={props.on_close.reform(|_| ())}>{ "Back to the map" }</button>
            </div>
            <form class="save-version" onsubmit={on_submit}>
                <label>{ "Name " }<input ref={name} type="text" placeholder={props.today.clone()} maxlength="200" /></label>
                <button type="submit" class="primary">{ "Save version" }</button>
            </form>
            if rows.is_empty() {
                <p>{ "No saved versions yet. A version keeps the map as it is now, to compare with or go back to later." }</p>
            } else {
                <p class="version-since">{ format!("Since the latest version: {}.", since_newest.unwrap_or_default()) }</p>
                <ol class="version-list" reversed=true>{ for rows.iter().enumerate().rev().map(row) }</ol>
                <VersionCompare versions={rows.iter().map(|r| (r.number, AttrValue::from(r.name.clone()))).collect::<Vec<_>>()}
                    on_show={props.on_show.clone()} />
            }
        </section>
    }
}
