use std::rc::Rc;

use journey_core::store::{human_size, stored_chars, QUOTA_CHARS};
use journey_core::{JourneyMap, Template};
use yew::prelude::*;

use crate::components::drop_zone::DropZone;
use crate::components::import_button::ImportButton;
use crate::components::map_row::MapRow;
use crate::components::template_picker::TemplatePicker;

#[derive(Properties, PartialEq)]
pub struct LibraryViewProps {
    /// Most recently edited first.
    pub maps: Vec<Rc<JourneyMap>>,
    pub on_create: Callback<Template>,
    pub on_open: Callback<String>,
    pub on_rename: Callback<(String, String)>,
    pub on_duplicate: Callback<String>,
    pub on_export: Callback<String>,
    pub on_delete: Callback<String>,
    pub on_file: Callback<(String, Result<String, String>)>,
}

#[component]
pub fn LibraryView(props: &LibraryViewProps) -> Html {
    // Each map's stored size, measured once for its row and the total.
    let sizes = use_memo(props.maps.clone(), |maps| {
        maps.iter().map(|m| stored_chars(m)).collect::<Vec<_>>()
    });
    let rows = props.maps.iter().zip(sizes.iter()).map(|(map, size)| {
        html! {
            <MapRow
                key={map.id.clone()}
                map={map.clone()}
                size={*size}
                on_open={props.on_open.clone()}
                on_rename={props.on_rename.clone()}
                on_duplicate={props.on_duplicate.clone()}
                on_export={props.on_export.clone()}
                on_delete={props.on_delete.clone()}
            />
        }
    });
    let used: usize = sizes.iter().sum();
    let usage = format!(
        "Stored in this browser: {} of about {}.",
        human_size(used),
        human_size(QUOTA_CHARS)
    );
    let empty = props.maps.is_empty().then(|| html! {
        <p class="empty">{ "No maps yet. Start one from a template above, or import a .journey.json or Mermaid journey file." }</p>
    });
    html! {
        <DropZone on_file={props.on_file.clone()}>
            <section class="library" aria-labelledby="new-map-title">
                <h2 id="new-map-title">{ "Start a new map" }</h2>
                <TemplatePicker on_create={props.on_create.clone()} />
            </section>
            <section class="library" aria-labelledby="your-maps-title">
                <div class="section-head">
                    <h2 id="your-maps-title">{ "Your maps" }</h2>
                    <ImportButton on_file={props.on_file.clone()} />
                </div>
                <p class="hint storage-usage">{ usage }</p>
                <p class="hint">{ "Maps are kept in this browser only. Drop a .journey.json or Mermaid (.mmd) file here to import it." }</p>
                { for empty }
                <ul class="map-list">{ for rows }</ul>
            </section>
        </DropZone>
    }
}
