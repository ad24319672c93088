//! A frame on another site: only the read-only map, themed by the frame address's query
//! (`?accent=%23aa3300&theme=dark`), telling the host page its height so a `<journey-map>`
//! element can size its frame. It never reads or writes storage.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, UrlSearchParams};
use yew::prelude::*;

use crate::views::shared::SharedView;

/// Query settings a host may pass, and the custom property each sets. Values are checked, so a
/// query can only ever set a colour, a font list or a length.
const SETTINGS: [(&str, &str, Kind); 6] = [
    ("accent", "--accent", Kind::Colour),
    ("ink", "--ink", Kind::Colour),
    ("bg", "--bg", Kind::Colour),
    ("surface", "--surface", Kind::Colour),
    ("font", "--font", Kind::Font),
    ("radius", "--radius", Kind::Length),
];

#[derive(Clone, Copy)]
enum Kind {
    Colour,
    Font,
    Length,
}

fn acceptable(kind: Kind, value: &str) -> bool {
    match kind {
        Kind::Colour => value.strip_prefix('#').is_some_and(|hex| {
            matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit())
        }),
        Kind::Font => {
            !value.is_empty()
                && value.len() <= 200
                && value
                    .chars()
                    .all(|c| c.is_alphanumeric() || " ,-_'\"".contains(c))
        }
        Kind::Length => {
            let number = value
                .strip_suffix("px")
                .or_else(|| value.strip_suffix("rem"))
                .or_else(|| value.strip_suffix("em"));
            number
                .and_then(|n| n.parse::<f64>().ok())
                .is_some_and(|n| (0.0..=64.0).contains(&n))
        }
    }
}

/// The custom properties a query asks for, leaving out anything that is not a clean value, and
/// whether it asks for the dark theme.
pub fn theme_from(pairs: &[(String, String)]) -> (Vec<(&'static str, String)>, bool) {
    let properties = SETTINGS
        .iter()
        .filter_map(|(name, property, kind)| {
            let (_, value) = pairs.iter().find(|(key, _)| key == name)?;
            acceptable(*kind, value.trim()).then(|| (*property, value.trim().to_string()))
        })
        .collect();
    let dark = pairs
        .iter()
        .any(|(key, value)| key == "theme" && value == "dark");
    (properties, dark)
}

fn query_pairs() -> Vec<(String, String)> {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let Ok(params) = UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    SETTINGS
        .iter()
        .map(|(name, _, _)| *name)
        .chain(["theme"])
        .filter_map(|name| Some((name.to_string(), params.get(name)?)))
        .collect()
}

fn apply_theme() {
    let (properties, dark) = theme_from(&query_pairs());
    let Some(root) = gloo::utils::document()
        .document_element()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    for (property, value) in properties {
        let _ = root.style().set_property(property, &value);
    }
    let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    let _ = root.set_attribute("data-embed", "");
}

/// Tells the page around the frame how tall the map is.
fn post_height() {
    let window = gloo::utils::window();
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    let height = gloo::utils::document()
        .document_element()
        .map_or(0, |e| e.scroll_height());
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"journeyscope:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
    let _ = parent.post_message(&message, "*");
}

#[derive(Properties, PartialEq)]
pub struct EmbedFrameProps {
    /// The link's payload, after `#/embed/`.
    pub payload: AttrValue,
}

#[component]
pub fn EmbedFrame(props: &EmbedFrameProps) -> Html {
    use_effect_with((), |_| {
        apply_theme();
        let resize = EventListener::new(&gloo::utils::window(), "resize", |_| post_height());
        move || drop(resize)
    });
    html! {
        <main class="embed-main">
            <SharedView payload={props.payload.clone()} embed={true} on_rendered={Callback::from(|_| post_height())} />
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn only_clean_values_become_theme_properties() {
        let (properties, dark) = theme_from(&pairs(&[
            ("accent", "#aa3300"),
            ("ink", "red; background: url(x)"),
            ("font", "Georgia, 'Times New Roman', serif"),
            ("radius", "12px"),
            ("theme", "dark"),
        ]));
        assert_eq!(
            properties,
            [
                ("--accent", "#aa3300".to_string()),
                ("--font", "Georgia, 'Times New Roman', serif".to_string()),
                ("--radius", "12px".to_string()),
            ]
        );
        assert!(dark);
        let (properties, dark) = theme_from(&pairs(&[
            ("accent", "#zzz"),
            ("radius", "99px"),
            ("font", "x;y"),
        ]));
        assert!(properties.is_empty());
        assert!(!dark);
    }
}
