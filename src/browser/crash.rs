//! If the app ever panics, the page must not go blank: the panic hook replaces it with a plain
//! screen that says the maps are safe and offers each stored map as a download. It uses the DOM
//! directly, since yew cannot be trusted after a panic, and text nodes only, never markup.

use journey_core::store::{self, MAP_PREFIX};
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, Document, Element, HtmlAnchorElement, Url};

use crate::browser::storage;

/// Yew sets its own panic hook when it starts rendering, so ours is handed to yew to use.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        let _ = show();
    }));
}

/// An embed frame keeps no maps, so its crash screen only says the map cannot be shown; it
/// also leaves out the panic's message, whose formatting would double the embed module's
/// start-up code.
pub fn install_for_embed() {
    yew::set_custom_panic_hook(Box::new(|_| {
        web_sys::console::error_1(&"Journeyscope stopped because of an error.".into());
        let _ = show_in_frame();
    }));
}

/// The screens module runs inside the app's page, whose maps it never holds: a panic there ends
/// only its own screen, with a word that the map is unchanged.
pub fn install_for_screens(host: Element) {
    yew::set_custom_panic_hook(Box::new(move |_| {
        web_sys::console::error_1(&"The compare screen stopped because of an error.".into());
        host.set_text_content(Some(
            "This screen stopped because of an error. Your map is unchanged; reload the page to go on.",
        ));
        let _ = host.set_attribute("role", "alert");
    }));
}

fn show_in_frame() -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let screen = element(&document, "p", "This journey map cannot be shown.")?;
    screen.set_attribute("class", "crash").ok()?;
    body.set_text_content(None);
    body.append_child(&screen).ok()?;
    Some(())
}

fn element(document: &Document, tag: &str, text: &str) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    element.set_text_content(Some(text));
    Some(element)
}

/// The stored maps as (name, file name, stored document), read straight from storage.
fn stored_maps() -> Vec<(String, String, String)> {
    let raw = storage::stored_map_values();
    let loaded = store::load(raw.clone());
    raw.into_iter()
        .map(|(key, value)| {
            let id = key.trim_start_matches(MAP_PREFIX).to_string();
            let map = loaded.maps.iter().find(|m| m.id == id);
            let name = map.map_or(id.clone(), |m| m.name.clone());
            let file = map.map_or(format!("{id}.journey.json"), journey_core::export_file_name);
            (name, file, value)
        })
        .collect()
}

fn show() -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let screen = document.create_element("main").ok()?;
    screen.set_id("crash");
    screen.set_attribute("class", "crash").ok()?;
    screen
        .append_child(&element(&document, "h1", "Something went wrong")?.into())
        .ok()?;
    let text = "Journeyscope stopped because of an error. Your maps are safe: they stay saved in this \
                browser up to the last autosave. Reload the page to go on, or download them here first.";
    screen
        .append_child(&element(&document, "p", text)?.into())
        .ok()?;
    let list = document.create_element("ul").ok()?;
    for (name, file, value) in stored_maps() {
        let options = BlobPropertyBag::new();
        options.set_type("application/json");
        let parts = js_sys::Array::of1(&value.into());
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let link: HtmlAnchorElement = element(&document, "a", &format!("Download “{name}”"))?
            .dyn_into()
            .ok()?;
        link.set_href(&Url::create_object_url_with_blob(&blob).ok()?);
        link.set_download(&file);
        let item = document.create_element("li").ok()?;
        item.append_child(&link).ok()?;
        list.append_child(&item).ok()?;
    }
    screen.append_child(&list).ok()?;
    body.set_text_content(None);
    body.append_child(&screen).ok()?;
    Some(())
}
