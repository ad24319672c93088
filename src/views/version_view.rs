//! A saved version, read-only, or the map now: the same grid, curve and scores, clearly marked,
//! and, against an older version, what changed in words with the changed cards marked.

use std::rc::Rc;

use journey_core::compare::{diff, MapDiff};
use journey_core::score::Slice;
use journey_core::{Edit, JourneyMap};
use yew::prelude::*;

use crate::browser::clock::local_time;
use crate::components::grid::read_only_grid::ReadOnlyGrid;
use crate::components::score::journey_score_bar::score_bar_of;
use crate::components::score::score_context::{ScoreContext, ScoreHandle};
use crate::components::versions::change_list::change_list;
use crate::components::versions::Showing;

#[derive(Properties, PartialEq)]
pub struct VersionViewProps {
    pub map: Rc<JourneyMap>,
    pub showing: Showing,
    pub on_edit: Callback<Edit>,
    pub on_back: Callback<()>,
}

/// The shown map with its title, and the older one's title and difference, if any.
#[derive(PartialEq)]
struct Shown {
    map: Rc<JourneyMap>,
    title: String,
    since: Option<(String, MapDiff)>,
}

fn shown(map: &JourneyMap, showing: Showing) -> Option<Shown> {
    let list = map.version_list();
    let name_of = |number: u32| {
        let info = list.iter().find(|v| v.number == number)?;
        Some(format!(
            "version “{}” of {}",
            info.name,
            local_time(info.saved)
        ))
    };
    let (shown, title) = match showing.version {
        Some(number) => (map.version(number)?, name_of(number)?),
        None => (map.snapshot(), "the map now".to_string()),
    };
    let since = showing
        .since
        .and_then(|number| Some((name_of(number)?, diff(&map.version(number)?, &shown))));
    Some(Shown {
        map: Rc::new(shown),
        title,
        since,
    })
}

#[component]
pub fn VersionView(props: &VersionViewProps) -> Html {
    let found = use_memo((props.map.clone(), props.showing), |(map, showing)| {
        shown(map, *showing)
    });
    let slice = use_state(Slice::default);
    let shown_map = (*found).as_ref().map(|f| f.map.clone());
    let context = use_memo((shown_map, (*slice).clone()), |(map, slice)| {
        map.as_ref()
            .map(|map| -> ScoreHandle { Rc::new(ScoreContext::of(map, slice)) })
    });
    let back = props.on_back.reform(|_: MouseEvent| ());
    let (Some(found), Some(context)) = ((*found).as_ref(), (*context).clone()) else {
        return html! {
            <section class="version-view" aria-label="Version">
                <p role="alert">{ "This version no longer exists." }</p>
                <button type="button" onclick={back}>{ "Back to the versions" }</button>
            </section>
        };
    };
    let map = &found.map;
    let restore = props.showing.version.map(|number| {
        let (on_edit, on_back) = (props.on_edit.clone(), props.on_back.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            on_edit.emit(Edit::RestoreVersion { number });
            on_back.emit(());
        });
        html! { <button type="button" class="primary" {onclick}>{ "Restore this version" }</button> }
    });
    let marks = Rc::new(
        found
            .since
            .as_ref()
            .map(|(_, d)| d.marks.clone())
            .unwrap_or_default(),
    );
    let heading = match &found.since {
        Some((older, _)) => format!("What changed from {older} to {}", found.title),
        None => format!("Showing {}", found.title),
    };
    html! {
        <section class="version-view" aria-labelledby="version-title">
            <div class="banner info" role="status">
                <p>{ format!("Read-only: {}. Edits go to the map itself.", found.title) }</p>
                { for restore }
                <button type="button" onclick={back}>{ "Back to the versions" }</button>
            </div>
            <h2 id="version-title">{ heading }</h2>
            if let Some((_, changes)) = &found.since {
                <p class="change-summary">{ format!("In short: {}.", changes.summary()) }</p>
                { change_list(changes) }
            }
            <ContextProvider<ScoreHandle> {context}>
                { score_bar_of(map, Callback::from(move |s| slice.set(s))) }
                <ReadOnlyGrid map={map.clone()} persona={map.personas[0].clone()} {marks} />
            </ContextProvider<ScoreHandle>>
        </section>
    }
}
