//! "Share": a link that carries the whole map in its fragment, and code to embed the map in
//! another site, by frame or by the `<journey-map>` element. Nothing is uploaded anywhere.

use std::cell::Cell;
use std::rc::Rc;

use journey_core::format::file_stem;
use journey_core::share::{link_length, LinkLength};
use journey_core::JourneyMap;
use yew::prelude::*;

use crate::browser::route::{page_address, Route};
use crate::browser::zlib::link_payload;

/// Text for the page to put on the clipboard.
pub struct CopyRequest {
    pub text: String,
    pub answer: Callback<Copied>,
}

/// Whether the browser let the text onto the clipboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    Yes,
    Refused,
}

#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    pub map: Rc<JourneyMap>,
    /// The other map of the open map's as-is and to-be pair, when it is in this browser.
    #[prop_or_default]
    pub partner: Option<Rc<JourneyMap>>,
    pub on_close: Callback<()>,
    /// Copies text to the clipboard; the answer says whether it worked.
    pub on_copy: Callback<CopyRequest>,
}

/// A frame tall enough for the header, the score and a few lanes before it scrolls.
fn frame_height(map: &JourneyMap) -> u32 {
    (220 + 150 * map.lanes.len() as u32).clamp(420, 900)
}

/// Text safe inside a double-quoted HTML attribute of the code the user pastes.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn length_advice(chars: usize) -> Option<&'static str> {
    match link_length(chars) {
        LinkLength::Fine => None,
        LinkLength::LongForChat => Some(
            "This link is long: some chat and e-mail tools cut links this size. If it arrives \
             broken, send the map file (Export JSON) instead.",
        ),
        LinkLength::LongForBrowsers => Some(
            "This link is too long for some browsers to open. Send the map file (Export JSON) \
             instead.",
        ),
    }
}

/// Whether the link and the frame also carry the other map of the pair, for readers to switch to.
fn partner_choice(partner: &JourneyMap, with_partner: UseStateHandle<bool>) -> Html {
    let checked = *with_partner;
    let onchange = Callback::from(move |_: Event| with_partner.set(!checked));
    let other = if partner.as_is.is_some() {
        "to-be"
    } else {
        "as-is"
    };
    html! {
        <label class="share-partner">
            <input type="checkbox" {checked} {onchange} />
            { format!(" Let readers switch to the {other} journey “{}” (the link carries both maps)", partner.name) }
        </label>
    }
}

#[component]
pub fn ShareDialog(props: &ShareDialogProps) -> Html {
    // The browser compresses the map asynchronously; a result for a map since edited is dropped.
    let payload = use_state_eq(|| None::<Result<String, String>>);
    let with_partner = use_state_eq(|| false);
    let carried = props.partner.clone().filter(|_| *with_partner);
    {
        let payload = payload.clone();
        use_effect_with((props.map.clone(), carried), move |(map, partner)| {
            let stale = Rc::new(Cell::new(false));
            let (map, partner, done) = (map.clone(), partner.clone(), stale.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let made = link_payload(&map, partner.as_deref()).await;
                if !done.get() {
                    payload.set(Some(made));
                }
            });
            move || stale.set(true)
        });
    }
    let copied = use_state_eq(|| None::<(&'static str, Copied)>);
    let link_field = use_node_ref();
    {
        // Keyboard and screen-reader users land in the dialog, on the link, ready to copy it.
        let link_field = link_field.clone();
        use_effect_with(payload.is_some(), move |_| {
            if let Some(field) = link_field.cast::<web_sys::HtmlTextAreaElement>() {
                let _ = field.focus();
                field.select();
            }
        });
    }
    let payload = match &*payload {
        Some(Ok(payload)) => payload.clone(),
        Some(Err(problem)) => {
            return html! {
                <section class="dialog share-dialog" role="dialog" aria-label="Share this map">
                    <p role="alert">{ format!("No link could be made: {problem}. Export JSON sends the map as a file.") }</p>
                    <button type="button" class="close" onclick={props.on_close.reform(|_| ())}>{ "Close" }</button>
                </section>
            };
        }
        None => {
            return html! {
                <section class="dialog share-dialog" role="dialog" aria-label="Share this map">
                    <p role="status">{ "Preparing the link…" }</p>
                </section>
            };
        }
    };
    let address = page_address();
    let directory = address
        .rsplit_once('/')
        .map_or(address.clone(), |(dir, _)| format!("{dir}/"));
    let link = format!("{address}{}", Route::Shared(payload.clone()).hash());
    let title = attribute(&format!("{} — customer journey map", props.map.name));
    let frame = format!(
        "<iframe src=\"{address}?theme=light{}\" title=\"{title}\" width=\"100%\" height=\"{}\" \
         loading=\"lazy\" referrerpolicy=\"no-referrer\"></iframe>",
        Route::Embed(payload.clone()).hash(),
        frame_height(&props.map)
    );
    let element = format!(
        "<script src=\"{directory}journey-map.js\" defer></script>\n\
         <journey-map src=\"/path/to/{}.journey.json\" title=\"{title}\"></journey-map>",
        file_stem(&props.map)
    );
    let copy = |what: &'static str, text: String| {
        let (on_copy, copied) = (props.on_copy.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            on_copy.emit(CopyRequest {
                text: text.clone(),
                answer: Callback::from(move |answer| copied.set(Some((what, answer)))),
            });
        })
    };
    let status = copied.map(|(what, answer)| {
        if answer == Copied::Yes {
            format!("{what} copied.")
        } else {
            format!(
                "{what} could not be copied here: select the text and press Ctrl+C (⌘C on a Mac)."
            )
        }
    });
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_close.emit(());
            }
        })
    };
    html! {
        <section class="dialog share-dialog" role="dialog" aria-labelledby="share-title" {onkeydown}>
            <h3 id="share-title">{ "Share this map" }</h3>
            if let Some(partner) = &props.partner {
                { partner_choice(partner, with_partner) }
            }
            <h4>{ "Link" }</h4>
            <p class="hint">{ "The whole map, its scores included, is inside the link. It is never uploaded: whoever opens it sees the map read-only and can save a copy." }</p>
            <textarea id="share-link" ref={link_field} readonly=true rows="3" aria-label="Share link" value={link.clone()} />
            <p class="link-length">{ format!("{} characters", link.chars().count()) }</p>
            if let Some(advice) = length_advice(link.chars().count()) {
                <p class="banner warning" role="note">{ advice }</p>
            }
            <button type="button" class="primary" onclick={copy("Link", link)}>{ "Copy share link" }</button>
            <h4>{ "Embed on a website" }</h4>
            <p class="hint">{ "A frame showing the map read-only, with its score and feelings. To match your site, change theme=light to theme=dark, or add &accent=%23aa3300 (any colour) after it." }</p>
            <textarea readonly=true rows="4" aria-label="Frame embed code" value={frame.clone()} />
            <button type="button" onclick={copy("Frame code", frame)}>{ "Copy embed code" }</button>
            <p class="hint">{ "Or host the map file (Export JSON) on your site and use the <journey-map> element, styled by your CSS custom properties:" }</p>
            <textarea readonly=true rows="3" aria-label="Element embed code" value={element.clone()} />
            <button type="button" onclick={copy("Element code", element)}>{ "Copy element code" }</button>
            <p class="copy-status" role="status" aria-live="polite">{ status.unwrap_or_default() }</p>
            <button type="button" class="close" onclick={props.on_close.reform(|_| ())}>{ "Close" }</button>
        </section>
    }
}
