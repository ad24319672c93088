//! One saved map in the library list.

use std::rc::Rc;

use journey_core::store::human_size;
use journey_core::JourneyMap;
use yew::prelude::*;

use crate::browser::clock::local_time;
use crate::components::common::inline_text::InlineText;

/// What the user asked of one map in the library, by the map's id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MapRequest {
    Open(String),
    Rename { id: String, name: String },
    Duplicate(String),
    Export(String),
    Delete(String),
}

#[derive(Properties, PartialEq)]
pub struct MapRowProps {
    pub map: Rc<JourneyMap>,
    /// Characters it takes in storage.
    pub size: usize,
    /// The name of the as-is map this to-be journey was planned from, listed just above it.
    pub planned_from: Option<AttrValue>,
    pub on_request: Callback<MapRequest>,
}

#[component]
pub fn MapRow(props: &MapRowProps) -> Html {
    let map = &props.map;
    let with_id = |request: fn(String) -> MapRequest| {
        let id = map.id.clone();
        props
            .on_request
            .reform(move |_: MouseEvent| request(id.clone()))
    };
    let on_commit = {
        let id = map.id.clone();
        props.on_request.reform(move |name| MapRequest::Rename {
            id: id.clone(),
            name,
        })
    };
    let stages = match map.stages.len() {
        1 => "1 stage".to_string(),
        n => format!("{n} stages"),
    };
    let cards = match map.cards.len() {
        1 => "1 card".to_string(),
        n => format!("{n} cards"),
    };
    let open_label = format!("Open {}", map.name);
    // The size already counts the saved versions; saying how much of it they are shows what
    // dropping them would free.
    let size = match map.version_list().len() {
        0 => human_size(props.size),
        n => format!(
            "{} ({n} saved version{}, {})",
            human_size(props.size),
            if n == 1 { "" } else { "s" },
            human_size(map.versions.chars())
        ),
    };
    html! {
        <li class={classes!("map-row", props.planned_from.is_some().then_some("to-be"))} data-map-id={map.id.clone()}>
            <div class="map-row-main">
                <h3 class="map-row-name">
                    <InlineText value={map.name.clone()} label="Map name" {on_commit} />
                </h3>
                if let Some(as_is) = &props.planned_from {
                    <p class="map-row-pair">{ format!("To-be journey of “{as_is}”") }</p>
                }
                <p class="map-row-meta">
                    { format!("{stages} · {cards} · {size} · last edited ") }
                    <time>{ local_time(map.updated) }</time>
                </p>
            </div>
            <div class="map-row-actions">
                <button type="button" class="primary" aria-label={open_label} onclick={with_id(MapRequest::Open)}>{ "Open" }</button>
                <button type="button" onclick={with_id(MapRequest::Duplicate)}>{ "Duplicate" }</button>
                <button type="button" onclick={with_id(MapRequest::Export)}>{ "Export JSON" }</button>
                <button type="button" class="danger" onclick={with_id(MapRequest::Delete)}>{ "Delete" }</button>
            </div>
        </li>
    }
}
