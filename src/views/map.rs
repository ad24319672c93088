//! The editor of one map: header, personas, and the grid.

use std::rc::Rc;

use journey_core::exports::Export;
use journey_core::score::evidence::{periods, segments};
use journey_core::score::Slice;
use journey_core::{Edit, JourneyMap};
use yew::prelude::*;

use crate::browser;
use crate::components::journey_grid::JourneyGrid;
use crate::components::journey_score_bar::JourneyScoreBar;
use crate::components::map_header::MapHeader;
use crate::components::persona_bar::PersonaBar;
use crate::components::score_panel::ScorePanel;
use crate::components::share_dialog::ShareDialog;
use crate::hooks::use_undo_keys::{use_undo_keys, UndoKey};
use crate::score_context::{ScoreContext, ScoreHandle};
use crate::state::editor::{EditorAction, EditorState};

#[derive(Properties, PartialEq)]
pub struct MapViewProps {
    pub map: Rc<JourneyMap>,
    /// Every new version of the map, for the library to keep and save.
    pub on_change: Callback<Rc<JourneyMap>>,
    pub on_back: Callback<()>,
    pub on_export: Callback<Export>,
    pub on_png: Callback<Export>,
    pub on_copy: Callback<(String, Callback<bool>)>,
}

#[component]
pub fn MapView(props: &MapViewProps) -> Html {
    let editor = use_reducer({
        let map = props.map.clone();
        move || EditorState::new(map)
    });
    let selected = use_state_eq(|| props.map.personas[0].id);
    let sharing = use_state_eq(|| false);
    // The last version this editor handed to the library, to tell it from other tabs' versions.
    let emitted = use_mut_ref(|| props.map.clone());
    {
        let (on_change, emitted) = (props.on_change.clone(), emitted.clone());
        use_effect_with(editor.map().clone(), move |map| {
            gloo::utils::document().set_title(&format!("{} · Journeyscope", map.name));
            *emitted.borrow_mut() = map.clone();
            on_change.emit(map.clone());
        });
    }
    use_effect_with((), |_| || gloo::utils::document().set_title("Journeyscope"));
    {
        // A version saved by another tab reaches us as a new map from the library.
        let dispatch = editor.dispatcher();
        use_effect_with(props.map.clone(), move |map| {
            if !Rc::ptr_eq(map, &emitted.borrow()) {
                dispatch.dispatch(EditorAction::Adopt(map.clone()));
            }
        });
    }
    let dispatch = editor.dispatcher();
    // One callback for the life of the view: a new one each render would differ from the last,
    // and every cell and card of the grid would render again after any edit.
    let on_edit = use_callback(dispatch.clone(), |edit: Edit, dispatch| {
        dispatch.dispatch(EditorAction::Apply(edit, browser::now()))
    });
    let on_undo = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(EditorAction::Undo))
    };
    let on_redo = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(EditorAction::Redo))
    };
    let on_undo_key = use_callback(dispatch, |key: UndoKey, dispatch| {
        dispatch.dispatch(match key {
            UndoKey::Undo => EditorAction::Undo,
            UndoKey::Redo => EditorAction::Redo,
        })
    });
    use_undo_keys(on_undo_key);
    let map = editor.map().clone();
    let slice = use_state(Slice::default);
    let context: ScoreHandle = use_memo((map.clone(), (*slice).clone()), |(map, slice)| {
        ScoreContext::of(map, slice)
    });
    let on_slice = Callback::from(move |s| slice.set(s));
    // A deleted persona hands the curve to the first one left.
    let persona = map.persona(*selected).unwrap_or(&map.personas[0]).clone();
    let problem = editor.problem.as_ref().map(|p| {
        html! {
            <div class="banner error" role="alert"><p>{ p }</p></div>
        }
    });
    html! {
        <section class="map-view" aria-labelledby="map-title">
            <MapHeader
                map={map.clone()}
                can_undo={editor.session.can_undo()}
                can_redo={editor.session.can_redo()}
                on_edit={on_edit.clone()}
                {on_undo}
                {on_redo}
                on_back={props.on_back.clone()}
                on_export={props.on_export.clone()}
                on_png={props.on_png.clone()}
                on_share={Callback::from({ let sharing = sharing.clone(); move |_| sharing.set(true) })}
            />
            if *sharing {
                <ShareDialog map={map.clone()} on_copy={props.on_copy.clone()}
                    on_close={Callback::from({ let sharing = sharing.clone(); move |_| sharing.set(false) })} />
            }
            { for problem }
            <ContextProvider<ScoreHandle> context={context}>
            <JourneyScoreBar
                stages={map.stages.iter().map(|s| (s.id, s.name.clone())).collect::<Vec<_>>()}
                periods={periods(&map.scoring.evidence)}
                segments={segments(&map.scoring.evidence)}
                {on_slice}
            />
            <PersonaBar
                personas={map.personas.clone()}
                selected={persona.id}
                on_select={Callback::from(move |id| selected.set(id))}
                on_edit={on_edit.clone()}
            />
            <JourneyGrid map={map.clone()} {persona} on_edit={on_edit.clone()} />
            <ScorePanel {map} {on_edit} />
            </ContextProvider<ScoreHandle>>
        </section>
    }
}
