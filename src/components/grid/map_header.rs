//! The map's title bar: back to the library, name, description, undo, redo, exports, pictures
//! and sharing.

use std::rc::Rc;

use journey_core::exports::{Export, ImageFormat};
use journey_core::{Edit, JourneyMap};
use yew::prelude::*;

use crate::components::common::inline_text::InlineText;

#[derive(Properties, PartialEq)]
pub struct MapHeaderProps {
    pub map: Rc<JourneyMap>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub on_edit: Callback<Edit>,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    pub on_back: Callback<()>,
    pub on_export: Callback<Export>,
    /// The same drawing as an SVG export, as a PNG at twice the size.
    pub on_png: Callback<Export>,
    pub on_share: Callback<()>,
    pub on_versions: Callback<()>,
    /// Draws this map beside the other of its as-is and to-be pair; absent without a pair.
    #[prop_or_default]
    pub on_compare_picture: Option<Callback<ImageFormat>>,
}

const PICTURES: [(Export, &str); 3] = [
    (Export::MapSvg, "Whole map"),
    (Export::HeatmapSvg, "Score heatmap"),
    (Export::FeelingsSvg, "Feelings curve"),
];

/// One picture of the list: its name and a button for each format, each closing the list.
fn picture_item(
    what: &str,
    open: &UseStateHandle<bool>,
    pick: impl Fn(ImageFormat) + 'static,
) -> Html {
    let pick = Rc::new(pick);
    let choose = |format: ImageFormat| {
        let (pick, open) = (pick.clone(), open.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            pick(format);
        })
    };
    html! {
        <li>
            <span>{ what }</span>
            <button type="button" onclick={choose(ImageFormat::Svg)} aria-label={format!("{what} as SVG")}>{ "SVG" }</button>
            <button type="button" onclick={choose(ImageFormat::Png)} aria-label={format!("{what} as PNG")}>{ "PNG" }</button>
        </li>
    }
}

#[component]
pub fn MapHeader(props: &MapHeaderProps) -> Html {
    let rename = props.on_edit.reform(Edit::RenameMap);
    let describe = props.on_edit.reform(Edit::SetMapDescription);
    let pictures_open = use_state_eq(|| false);
    let toggle_pictures = {
        let open = pictures_open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let map_picture = |kind: Export, what: &str| {
        let (on_svg, on_png) = (props.on_export.clone(), props.on_png.clone());
        picture_item(what, &pictures_open, move |format| match format {
            ImageFormat::Svg => on_svg.emit(kind),
            ImageFormat::Png => on_png.emit(kind),
        })
    };
    html! {
        <div class="map-header">
            <button type="button" class="back" onclick={props.on_back.reform(|_| ())}>{ "← All maps" }</button>
            <div class="map-title">
                <h2 id="map-title"><InlineText value={props.map.name.clone()} label="Map name" on_commit={rename} /></h2>
                <div class="map-description">
                    <InlineText value={props.map.description.clone()} label="Map description"
                        placeholder="Add a description" on_commit={describe} />
                </div>
            </div>
            <div class="toolbar" role="toolbar" aria-label="Map actions">
                <button type="button" onclick={props.on_undo.reform(|_| ())} disabled={!props.can_undo}
                    aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">{ "Undo" }</button>
                <button type="button" onclick={props.on_redo.reform(|_| ())} disabled={!props.can_redo}
                    aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl+Shift+Z)">{ "Redo" }</button>
                <button type="button" onclick={props.on_export.reform(|_| Export::Json)}>{ "Export JSON" }</button>
                if !props.map.versions.is_empty() {
                    <button type="button" onclick={props.on_export.reform(|_| Export::JsonWithoutVersions)}>{ "JSON without versions" }</button>
                }
                <button type="button" onclick={props.on_export.reform(|_| Export::CardsCsv)}>{ "Cards CSV" }</button>
                <button type="button" onclick={props.on_export.reform(|_| Export::Mermaid)}>{ "Mermaid" }</button>
                <div class="menu pictures">
                    <button type="button" aria-expanded={pictures_open.to_string()} aria-controls="picture-list"
                        onclick={toggle_pictures}>{ "Pictures" }</button>
                    if *pictures_open {
                        <ul id="picture-list" role="list">
                            for (kind, what) in PICTURES {
                                { map_picture(kind, what) }
                            }
                            if let Some(on_compare) = props.on_compare_picture.clone() {
                                { picture_item("As-is and to-be", &pictures_open, move |format| on_compare.emit(format)) }
                            }
                        </ul>
                    }
                </div>
                <button type="button" onclick={props.on_versions.reform(|_| ())}>{ "Versions" }</button>
                <button type="button" class="primary" onclick={props.on_share.reform(|_| ())}>{ "Share…" }</button>
            </div>
        </div>
    }
}
