//! Ctrl/Cmd+Z to undo and Ctrl/Cmd+Shift+Z (or Ctrl+Y) to redo, anywhere on the page except
//! inside a text field, where the browser's own text undo is what the user expects.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UndoKey {
    Undo,
    Redo,
}

fn in_text_field(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

fn undo_key(event: &KeyboardEvent) -> Option<UndoKey> {
    if !(event.ctrl_key() || event.meta_key()) || event.alt_key() || in_text_field(event) {
        return None;
    }
    match (event.key().to_lowercase().as_str(), event.shift_key()) {
        ("z", false) => Some(UndoKey::Undo),
        ("z", true) | ("y", false) => Some(UndoKey::Redo),
        _ => None,
    }
}

#[hook]
pub fn use_undo_keys(on_key: Callback<UndoKey>) {
    use_effect_with(on_key, |on_key| {
        let on_key = on_key.clone();
        // Not passive: the browser's own undo must be prevented.
        let options = EventListenerOptions::enable_prevent_default();
        let document = gloo::utils::document();
        let listener =
            EventListener::new_with_options(&document, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if let Some(key) = undo_key(event) {
                    event.prevent_default();
                    on_key.emit(key);
                }
            });
        move || drop(listener)
    });
}
