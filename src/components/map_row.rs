//! One saved map in the library list.

use std::rc::Rc;

use journey_core::store::human_size;
use journey_core::JourneyMap;
use yew::prelude::*;

use crate::browser::local_time;
use crate::components::inline_text::InlineText;

#[derive(Properties, PartialEq)]
pub struct MapRowProps {
    pub map: Rc<JourneyMap>,
    /// Characters it takes in storage.
    pub size: usize,
    pub on_open: Callback<String>,
    pub on_rename: Callback<(String, String)>,
    pub on_duplicate: Callback<String>,
    pub on_export: Callback<String>,
    pub on_delete: Callback<String>,
}

#[component]
pub fn MapRow(props: &MapRowProps) -> Html {
    let map = &props.map;
    let with_id = |callback: &Callback<String>| {
        let id = map.id.clone();
        callback.reform(move |_: MouseEvent| id.clone())
    };
    let on_commit = {
        let id = map.id.clone();
        props.on_rename.reform(move |name| (id.clone(), name))
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
    let size = human_size(props.size);
    html! {
        <li class="map-row" data-map-id={map.id.clone()}>
            <div class="map-row-main">
                <h3 class="map-row-name">
                    <InlineText value={map.name.clone()} label="Map name" {on_commit} />
                </h3>
                <p class="map-row-meta">
                    { format!("{stages} · {cards} · {size} · last edited ") }
                    <time>{ local_time(map.updated) }</time>
                </p>
            </div>
            <div class="map-row-actions">
                <button type="button" class="primary" aria-label={open_label} onclick={with_id(&props.on_open)}>{ "Open" }</button>
                <button type="button" onclick={with_id(&props.on_duplicate)}>{ "Duplicate" }</button>
                <button type="button" onclick={with_id(&props.on_export)}>{ "Export JSON" }</button>
                <button type="button" class="danger" onclick={with_id(&props.on_delete)}>{ "Delete" }</button>
            </div>
        </li>
    }
}
