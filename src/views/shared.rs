//! A map from a share link, read-only: as a page of its own with "Save a copy to my maps", or
//! compact for a frame on another site. The map is decoded from the link once; a link that
//! cannot be read shows why, and nothing else changes.

use std::cell::Cell;
use std::rc::Rc;

use journey_core::score::Slice;
use journey_core::share::{LinkError, Shared};
use journey_core::{Id, JourneyMap};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::browser::route::{page_address, Route};
use crate::browser::zlib::open_link;
use crate::components::grid::read_only_grid::ReadOnlyGrid;
use crate::components::score::journey_score_bar::score_bar_of;
use crate::components::score::score_context::{ScoreContext, ScoreHandle};

#[derive(Properties, PartialEq)]
pub struct SharedViewProps {
    /// The link's payload, after `#/view/` or `#/embed/`.
    pub payload: AttrValue,
    /// Compact, for a frame: no save button, a link to the full view instead.
    pub embed: bool,
    /// The reader asked to save the map into this browser's maps.
    #[prop_or_default]
    pub on_save_copy: Callback<()>,
    /// After every render, for a frame to tell its page how tall the map is now.
    #[prop_or_default]
    pub on_rendered: Callback<()>,
}

#[component]
pub fn SharedView(props: &SharedViewProps) -> Html {
    // The browser inflates the link asynchronously; a result for a payload since replaced is dropped.
    let opened = use_state_eq(|| None::<Result<Opened, LinkError>>);
    {
        let opened = opened.clone();
        use_effect_with(props.payload.clone(), move |payload| {
            opened.set(None);
            let stale = Rc::new(Cell::new(false));
            let (payload, done) = (payload.clone(), stale.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let map = open_link(&payload)
                    .await
                    .map(|Shared { map, partner }| (Rc::new(map), partner.map(Rc::new)));
                if !done.get() {
                    opened.set(Some(map));
                }
            });
            move || stale.set(true)
        });
    }
    // With a pair, which of the two maps the reader is looking at.
    let on_partner = use_state_eq(|| false);
    let decoded = Rc::new(
        (*opened)
            .clone()
            .unwrap_or(Err(LinkError::NotALink))
            .map(|(map, partner)| partner.filter(|_| *on_partner).unwrap_or(map)),
    );
    let selected = use_state_eq(|| None::<Id>);
    let slice = use_state(Slice::default);
    let context = use_memo(
        ((*decoded).clone().ok(), (*slice).clone()),
        |(map, slice)| {
            map.as_ref()
                .map(|map| -> ScoreHandle { Rc::new(ScoreContext::of(map, slice)) })
        },
    );
    {
        let title = match &*decoded {
            Ok(map) => format!("{} · Journeyscope", map.name),
            Err(_) => "Journeyscope".to_string(),
        };
        use_effect_with(title, |title| gloo::utils::document().set_title(title));
    }
    {
        let on_rendered = props.on_rendered.clone();
        use_effect(move || on_rendered.emit(()));
    }
    if opened.is_none() {
        return html! { <p class="opening" role="status">{ "Opening the shared map…" }</p> };
    }
    let (map, context) = match (&*decoded, (*context).clone()) {
        (Ok(map), Some(context)) => (map.clone(), context),
        (result, _) => {
            let why = result
                .as_ref()
                .err()
                .map(ToString::to_string)
                .unwrap_or_default();
            return html! {
                <section class="shared missing" aria-labelledby="shared-title">
                    <h2 id="shared-title">{ "This link cannot be opened" }</h2>
                    <p>{ format!("{}.", capitalised(&why)) }</p>
                    if !props.embed {
                        <a href="#/">{ "Go to my maps" }</a>
                    }
                </section>
            };
        }
    };
    let persona = selected
        .and_then(|id| map.persona(id))
        .unwrap_or(&map.personas[0])
        .clone();
    let on_persona = {
        let selected = selected.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            selected.set(value.parse().ok());
        })
    };
    let save = props.on_save_copy.reform(|_: MouseEvent| ());
    let full_view = format!(
        "{}{}",
        page_address(),
        Route::Shared(props.payload.to_string()).hash()
    );
    html! {
        <section class={classes!("shared", props.embed.then_some("embed"))} aria-labelledby="shared-title">
            if !props.embed {
                <div class="banner info" role="status">
                    <p>{ "A shared map, read-only. Saving a copy adds it to your maps in this browser; nothing you have is replaced." }</p>
                    <button type="button" class="primary" onclick={save}>{ "Save a copy to my maps" }</button>
                </div>
            }
            <header class="shared-header">
                if matches!(&*opened, Some(Ok((_, Some(_))))) {
                    { pair_switch(&map, *on_partner, on_partner.clone()) }
                }
                <h2 id="shared-title">{ &map.name }</h2>
                if !map.description.is_empty() { <p class="map-description">{ &map.description }</p> }
            </header>
            <ContextProvider<ScoreHandle> {context}>
                { score_bar_of(&map, Callback::from(move |s| slice.set(s))) }
                if map.personas.len() > 1 {
                    <label class="persona-picker">{ "Persona " }
                        <select onchange={on_persona}>
                            for p in &map.personas {
                                <option value={p.id.to_string()} selected={p.id == persona.id}>{ &p.name }</option>
                            }
                        </select>
                    </label>
                }
                <ReadOnlyGrid map={map.clone()} {persona} />
            </ContextProvider<ScoreHandle>>
            if props.embed {
                <p class="embed-credit">
                    <a href={full_view} target="_blank" rel="noopener">{ "Open in Journeyscope" }</a>
                </p>
            }
        </section>
    }
}

/// A link's map, and the other map of its pair when it carries one.
type Opened = (Rc<JourneyMap>, Option<Rc<JourneyMap>>);

/// For a pair: one button that shows the other journey of the two.
fn pair_switch(shown: &JourneyMap, partner: bool, on_partner: UseStateHandle<bool>) -> Html {
    let label = if shown.as_is.is_some() {
        "Show the as-is journey"
    } else {
        "Show the to-be journey"
    };
    let onclick = Callback::from(move |_: MouseEvent| on_partner.set(!partner));
    html! {
        <button type="button" class="pair-switch" {onclick}>{ label }</button>
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
