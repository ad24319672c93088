//! The editor of one map: header, personas, the grid and the score panel, or in their place the
//! map's score report.

use std::rc::Rc;

use journey_core::exports::Export;
use journey_core::score::evidence::{periods, segments};
use journey_core::score::Slice;
use journey_core::{Edit, JourneyMap};
use yew::prelude::*;

use crate::components::common::reading::ReadRequest;
use crate::components::grid::journey_grid::JourneyGrid;
use crate::components::grid::map_header::MapHeader;
use crate::components::grid::persona_bar::PersonaBar;
use crate::components::score::journey_score_bar::JourneyScoreBar;
use crate::components::score::score_context::{ScoreContext, ScoreHandle};
use crate::components::score::score_panel::ScorePanel;
use crate::components::share::share_dialog::{CopyRequest, ShareDialog};
use crate::hooks::use_undo_keys::{use_undo_keys, UndoKey};
use crate::views::score_report::ScoreReport;

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
    /// A picked survey file, for the page to read.
    pub on_read: Callback<ReadRequest>,
    /// Prints the page (the score report, when it is open).
    pub on_print: Callback<()>,
    /// Today, `YYYY-MM-DD`.
    pub today: AttrValue,
}

#[component]
pub fn MapView(props: &MapViewProps) -> Html {
    let selected = use_state_eq(|| props.map.personas[0].id);
    let sharing = use_state_eq(|| false);
    let reporting = use_state_eq(|| false);
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
    if *reporting {
        let on_back = Callback::from(move |_| reporting.set(false));
        return html! {
            <ScoreReport map={map.clone()} today={props.today.clone()} {on_back} on_print={props.on_print.clone()} />
        };
    }
    let on_report = Callback::from(move |_| reporting.set(true));
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
            <ScorePanel {map} {on_edit} today={props.today.clone()} on_export={props.on_export.clone()}
                on_read={props.on_read.clone()} {on_report} />
            </ContextProvider<ScoreHandle>>
        </section>
    }
}
