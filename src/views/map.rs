//! The editor of one map: header, personas, the grid and the score panel, or in their place one
//! of the screens module's: the map's score report, or under the header its saved versions.

use std::rc::Rc;

use journey_core::exports::{ComparePicture, Export};
use journey_core::score::Slice;
use journey_core::{Edit, JourneyMap};
use yew::prelude::*;

use crate::browser::clock::now;
use crate::browser::screen_link::{Request, Screen};
use crate::components::grid::journey_grid::JourneyGrid;
use crate::components::grid::map_header::MapHeader;
use crate::components::grid::persona_bar::PersonaBar;
use crate::components::plan::plan_bar::PlanBar;
use crate::components::score::journey_score_bar::score_bar_of;
use crate::components::score::score_context::{ScoreContext, ScoreHandle};
use crate::components::score::score_panel::ScorePanel;
use crate::components::share::share_dialog::{CopyRequest, ShareDialog};
use crate::hooks::use_undo_keys::{use_undo_keys, UndoKey};
use crate::views::module_screen::ModuleScreen;

#[derive(Properties, PartialEq)]
pub struct MapViewProps {
    pub map: Rc<JourneyMap>,
    pub can_undo: bool,
    pub can_redo: bool,
    /// Why the last edit was refused.
    pub problem: Option<String>,
    /// These three stay the same callbacks for the life of the view: a new one each render would
    /// differ from the last, and every cell and card of the grid would render again after any edit.
    pub on_edit: Callback<Edit>,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    pub on_back: Callback<()>,
    pub on_export: Callback<Export>,
    pub on_png: Callback<Export>,
    pub on_copy: Callback<CopyRequest>,
    /// Prints the page (the score report, when it is open).
    pub on_print: Callback<()>,
    /// Adds the saved version with this number to the library as a map of its own.
    pub on_duplicate_version: Callback<u32>,
    /// The other map of an as-is and to-be pair, when it is in this browser.
    pub partner: Option<Rc<JourneyMap>>,
    /// Downloads the as-is and to-be picture of the pair.
    pub on_compare_picture: Callback<ComparePicture>,
    /// Plans a to-be journey from this map and opens it.
    pub on_plan_to_be: Callback<()>,
    /// Today, `YYYY-MM-DD`.
    pub today: AttrValue,
}

#[component]
pub fn MapView(props: &MapViewProps) -> Html {
    let selected = use_state_eq(|| props.map.personas[0].id);
    let sharing = use_state_eq(|| false);
    let on_screen = use_state_eq(|| None::<Screen>);
    use_effect_with(props.map.name.clone(), |name| {
        gloo::utils::document().set_title(&format!("{name} · Journeyscope"))
    });
    use_effect_with((), |_| || gloo::utils::document().set_title("Journeyscope"));
    let on_undo_key = use_callback(
        (props.on_undo.clone(), props.on_redo.clone()),
        |key: UndoKey, (on_undo, on_redo)| match key {
            UndoKey::Undo => on_undo.emit(()),
            UndoKey::Redo => on_redo.emit(()),
        },
    );
    use_undo_keys(on_undo_key);
    let on_edit = props.on_edit.clone();
    let map = props.map.clone();
    let slice = use_state(Slice::default);
    let context: ScoreHandle = use_memo((map.clone(), (*slice).clone()), |(map, slice)| {
        ScoreContext::of(map, slice)
    });
    let on_slice = Callback::from(move |s| slice.set(s));
    // A deleted persona hands the curve to the first one left.
    let persona = map.persona(*selected).unwrap_or(&map.personas[0]).clone();
    let problem = props.problem.as_ref().map(|p| {
        html! {
            <div class="banner error" role="alert"><p>{ p }</p></div>
        }
    });
    let module = (*on_screen).map(|screen| {
        let on_request = requests(props, on_screen.clone());
        html! { <ModuleScreen {screen} map={map.clone()} partner={props.partner.clone()} today={props.today.clone()} {on_request} /> }
    });
    // The report takes the whole view, header and all.
    if *on_screen == Some(Screen::Report) {
        return module.unwrap_or_default();
    }
    let on_report = Callback::from({
        let on_screen = on_screen.clone();
        move |_| on_screen.set(Some(Screen::Report))
    });
    html! {
        <section class="map-view" aria-labelledby="map-title">
            <MapHeader
                map={map.clone()}
                can_undo={props.can_undo}
                can_redo={props.can_redo}
                on_edit={on_edit.clone()}
                on_undo={props.on_undo.clone()}
                on_redo={props.on_redo.clone()}
                on_back={props.on_back.clone()}
                on_export={props.on_export.clone()}
                on_png={props.on_png.clone()}
                on_share={Callback::from({ let sharing = sharing.clone(); move |_| sharing.set(true) })}
                on_versions={Callback::from({ let on_screen = on_screen.clone(); move |_| on_screen.set(Some(Screen::Versions)) })}
                on_compare_picture={props.partner.is_some().then(|| props.on_compare_picture.reform(move |format| ComparePicture { format, persona: persona.id }))}
            />
            <PlanBar map={map.clone()} partner={props.partner.clone()} on_plan={props.on_plan_to_be.clone()}
                on_compare={Callback::from({ let on_screen = on_screen.clone(); move |_| on_screen.set(Some(Screen::Plan)) })} />
            if *sharing {
                <ShareDialog map={map.clone()} partner={props.partner.clone()} on_copy={props.on_copy.clone()}
                    on_close={Callback::from({ let sharing = sharing.clone(); move |_| sharing.set(false) })} />
            }
            { for problem }
            if let Some(module) = module {
                { module }
            } else {
            <ContextProvider<ScoreHandle> context={context}>
            { score_bar_of(&map, on_slice) }
            <PersonaBar
                personas={map.personas.clone()}
                selected={persona.id}
                on_select={Callback::from(move |id| selected.set(id))}
                on_edit={on_edit.clone()}
                on_compare={Callback::from({ let on_screen = on_screen.clone(); move |_| on_screen.set(Some(Screen::Personas)) })}
            />
            <JourneyGrid map={map.clone()} {persona} on_edit={on_edit.clone()} />
            <ScorePanel {map} {on_edit} today={props.today.clone()} on_export={props.on_export.clone()}
                {on_report} on_import={Callback::from({ let on_screen = on_screen.clone(); move |_| on_screen.set(Some(Screen::Import)) })} />
            </ContextProvider<ScoreHandle>>
            }
        </section>
    }
}

/// What the screens module's requests do: edits of the open map through its owner (a restored
/// version or imported answers shown at once in the editor, where Undo takes them back), a
/// version duplicated in the library, the page printed, or back to the editor.
fn requests(props: &MapViewProps, on_screen: UseStateHandle<Option<Screen>>) -> Callback<Request> {
    let on_edit = props.on_edit.clone();
    let on_duplicate_version = props.on_duplicate_version.clone();
    let on_print = props.on_print.clone();
    Callback::from(move |request: Request| {
        match &request {
            Request::DuplicateVersion { number } => on_duplicate_version.emit(*number),
            Request::Print => on_print.emit(()),
            Request::RestoreVersion { .. } | Request::AddAnswers(_) | Request::Close => {
                on_screen.set(None)
            }
            _ => {}
        }
        if let Some(edit) = request.edit(now()) {
            on_edit.emit(edit);
        }
    })
}
