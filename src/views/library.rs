use std::rc::Rc;

use journey_core::store::{human_size, stored_chars, QUOTA_CHARS};
use journey_core::{JourneyMap, Template};
use yew::prelude::*;

use crate::components::library::drop_zone::DropZone;
use crate::components::library::import_button::ImportButton;
use crate::components::library::map_row::{MapRequest, MapRow};
use crate::components::library::template_picker::TemplatePicker;

#[derive(Properties, PartialEq)]
pub struct LibraryViewProps {
    /// Most recently edited first, each to-be journey right after its as-is map.
    pub maps: Vec<Rc<JourneyMap>>,
    pub on_create: Callback<Template>,
    pub on_request: Callback<MapRequest>,
    /// Map files picked or dropped, to import.
    pub on_files: Callback<Vec<web_sys::File>>,
}

#[component]
pub fn LibraryView(props: &LibraryViewProps) -> Html {
    // Each map's stored size, measured once for its row and the total.
    let sizes = use_memo(props.maps.clone(), |maps| {
        maps.iter().map(|m| stored_chars(m)).collect::<Vec<_>>()
    });
    let name_of = |id: &str| {
        props
            .maps
            .iter()
            .find(|m| m.id == id)
            .map(|m| AttrValue::from(m.name.clone()))
    };
    let rows = props.maps.iter().zip(sizes.iter()).map(|(map, size)| {
        html! {
            <MapRow
                key={map.id.clone()}
                map={map.clone()}
                size={*size}
                planned_from={map.as_is.as_deref().and_then(name_of)}
                on_request={props.on_request.clone()}
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
        <DropZone on_files={props.on_files.clone()}>
            <section class="library" aria-labelledby="new-map-title">
                <h2 id="new-map-title">{ "Start a new map" }</h2>
                <TemplatePicker on_create={props.on_create.clone()} />
            </section>
            <section class="library" aria-labelledby="your-maps-title">
                <div class="section-head">
                    <h2 id="your-maps-title">{ "Your maps" }</h2>
                    <ImportButton on_files={props.on_files.clone()} />
                </div>
                <p class="hint storage-usage">{ usage }</p>
                <p class="hint">{ "Maps are kept in this browser only. Drop a .journey.json or Mermaid (.mmd) file here to import it." }</p>
                { for empty }
                <ul class="map-list">{ for rows }</ul>
            </section>
        </DropZone>
    }
}
