//! The map as a table: stages are columns, lanes are rows, the feelings lane carries the curve.

use std::collections::HashMap;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use journey_core::{Card, Edit, Id, JourneyMap, Lane, LaneKind, Persona};
use yew::prelude::*;

use crate::components::common::add_name::AddName;
use crate::components::grid::add_lane::AddLane;
use crate::components::grid::card_cell::CardCell;
use crate::components::grid::emotion_control::EmotionControl;
use crate::components::grid::emotion_curve::EmotionCurve;
use crate::components::grid::lane_header::LaneHeader;
use crate::components::grid::places::{Places, PlacesHandle};
use crate::components::grid::stage_header::StageHeader;

#[derive(Properties, PartialEq)]
pub struct JourneyGridProps {
    pub map: Rc<JourneyMap>,
    pub persona: Persona,
    pub on_edit: Callback<Edit>,
}

/// The feelings lane: a row of pickers (for the stages `shown` so far), then the curve across every
/// stage.
fn feelings_rows(
    props: &JourneyGridProps,
    lane: &Lane,
    head: Html,
    shown: &dyn Fn(usize) -> bool,
) -> Vec<Html> {
    let map = &props.map;
    let persona = &props.persona;
    let controls = map
        .stages
        .iter()
        .enumerate()
        .filter(|(at, _)| shown(*at))
        .map(|(_, stage)| {
            html! {
                <EmotionControl
                    key={stage.id}
                    persona={persona.id}
                    stage={stage.id}
                    label={format!("Feeling of {} at {}", persona.name, stage.name)}
                    value={persona.emotion_at(stage.id)}
                    on_edit={props.on_edit.clone()}
                />
            }
        });
    let stages: Vec<(Id, String)> = map.stages.iter().map(|s| (s.id, s.name.clone())).collect();
    vec![
        html! {
            <tr key={lane.id} class={classes!("lane", lane.kind.slug())}>
                { head }
                { for controls }
                <td key="spacer" class="spacer"></td>
            </tr>
        },
        html! {
            <tr key={format!("curve-{}", lane.id)} class="curve-row">
                <td class="corner"></td>
                <td colspan={map.stages.len().max(1).to_string()} class="curve-cell">
                    <EmotionCurve stages={stages} personas={map.personas.clone()} selected={persona.id} />
                </td>
                <td class="spacer"></td>
            </tr>
        },
    ]
}

/// The first screen of a big map is its first stages and lanes. Cells and stage headings beyond it
/// follow a batch per task, so the map shows at once and takes keys and clicks while the rest
/// arrives.
const FIRST_STAGES: usize = 6;
const LANES_PER_BATCH: usize = 1;
const STAGES_PER_BATCH: usize = 2;

/// The batch a cell is rendered in: the first stages a lane at a time (a lane of a full map can be
/// taller than the screen), then the other stages two at a time.
fn batch_of(lane: usize, stage: usize, lanes: usize) -> usize {
    if stage < FIRST_STAGES {
        lane / LANES_PER_BATCH
    } else {
        lanes.div_ceil(LANES_PER_BATCH) + (stage - FIRST_STAGES) / STAGES_PER_BATCH
    }
}

/// What the grid derives from one version of the map. Made once per version: the grid renders
/// many times per version (a batch at a time as a big map opens), and each render would
/// otherwise copy every card into its cell.
struct Derived {
    places: Rc<Places>,
    cells: HashMap<(Id, Id), Rc<[Card]>>,
}

impl Derived {
    fn of(map: &JourneyMap) -> Derived {
        let mut cells: HashMap<(Id, Id), Vec<Card>> = HashMap::new();
        for card in &map.cards {
            cells
                .entry((card.lane, card.stage))
                .or_default()
                .push(card.clone());
        }
        Derived {
            places: Rc::new(Places::of(map)),
            cells: cells
                .into_iter()
                .map(|(cell, cards)| (cell, cards.into()))
                .collect(),
        }
    }
}

#[component]
pub fn JourneyGrid(props: &JourneyGridProps) -> Html {
    let map = &props.map;
    let derived = use_memo(map.clone(), |map| Derived::of(map));
    let places = derived.places.clone();
    let handle = use_memo((), |_| PlacesHandle::default());
    {
        let handle = handle.clone();
        use_effect_with(places.clone(), move |places| handle.set(places.clone()));
    }
    let lanes = map.lanes.len();
    let last_batch = batch_of(
        lanes.saturating_sub(1),
        map.stages.len().saturating_sub(1),
        lanes,
    );
    let shown = use_state_eq(|| 0);
    {
        let shown = shown.clone();
        use_effect_with((*shown, last_batch), move |&(now, last)| {
            let more = (now < last).then(|| Timeout::new(0, move || shown.set(now + 1)));
            move || drop(more)
        });
    }
    let is_shown = |lane: usize, stage: usize| batch_of(lane, stage, lanes) <= *shown;
    // A heading's buttons and fields come with its column's first cells; until then it shows the
    // stage's name only.
    let stage_heads = map.stages.iter().enumerate().map(|(index, stage)| if !is_shown(0, index) {
        html! {
            <th key={stage.id} scope="col" class="stage-head">
                <div class="stage-name">{ &stage.name }</div>
            </th>
        }
    } else { html! {
        <StageHeader key={stage.id} stage={stage.clone()} {index} count={map.stages.len()} on_edit={props.on_edit.clone()} />
    }});
    // Every sibling has a key, so yew moves rows and cells when stages or lanes move instead of
    // rebuilding them: a list with one unkeyed child is matched by position.
    let rows = map.lanes.iter().enumerate().flat_map(|(index, lane)| {
        let head = html! {
            <LaneHeader key="head" lane={lane.clone()} {index} count={map.lanes.len()} on_edit={props.on_edit.clone()} />
        };
        let in_row = |stage: usize| is_shown(index, stage);
        if lane.kind == LaneKind::Feelings {
            return feelings_rows(props, lane, head, &in_row);
        }
        // Cells not shown yet are left out, not drawn empty: until their batch, a row simply ends
        // early.
        let cards = map.stages.iter().enumerate().filter(|(at, _)| in_row(*at)).map(|(_, stage)| html! {
            <CardCell
                key={stage.id}
                lane={lane.id}
                stage={stage.id}
                kind={lane.kind}
                label={format!("{} in {}", lane.title, stage.name)}
                cards={derived.cells.get(&(lane.id, stage.id)).cloned().unwrap_or_default()}
                places={(*handle).clone()}
                on_edit={props.on_edit.clone()}
            />
        });
        vec![html! {
            <tr key={lane.id} class={classes!("lane", lane.kind.slug())}>
                { head }
                { for cards }
                <td key="spacer" class="spacer"></td>
            </tr>
        }]
    });
    let has_feelings = map.lanes.iter().any(|l| l.kind == LaneKind::Feelings);
    let empty = (map.stages.is_empty() || map.lanes.is_empty()).then(|| html! {
        <p class="empty">{ "Add stages (the columns, in the order customers go through them) and lanes (the rows: touchpoints, actions, feelings…) to start the map." }</p>
    });
    html! {
        <>
            { for empty }
            <ContextProvider<Rc<Places>> context={places.clone()}>
            <div class="grid-scroll">
                <table class="journey-grid" aria-busy={(*shown < last_batch).then_some("true")}>
                    <caption class="visually-hidden">{ format!("{}: stages as columns, lanes as rows", map.name) }</caption>
                    <thead>
                        <tr>
                            <td key="corner" class="corner"></td>
                            { for stage_heads }
                            <td key="add" class="add-column">
                                <AddName label="New stage name" placeholder="New stage" action="Add stage"
                                    on_add={props.on_edit.reform(|name| Edit::AddStage { name })} />
                            </td>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            </ContextProvider<Rc<Places>>>
            <AddLane {has_feelings} on_edit={props.on_edit.clone()} />
            <p id="card-keys" class="hint">
                { "On a card: Enter edits it, Delete removes it, Alt+arrow keys move it to the next stage or lane. Cards can also be dragged." }
            </p>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_screen_comes_first_and_every_cell_has_a_batch() {
        assert_eq!(batch_of(0, 0, 10), 0);
        assert_eq!(batch_of(0, 5, 10), 0);
        assert_eq!(batch_of(1, 0, 10), 1);
        assert_eq!(batch_of(9, 5, 10), 9);
        assert_eq!(batch_of(0, 6, 10), 10);
        assert_eq!(batch_of(9, 7, 10), 10);
        assert_eq!(batch_of(0, 39, 10), 26);
        // Batches only grow along a row, so a row fills from the left.
        for lane in 0..10 {
            let batches: Vec<usize> = (0..40).map(|stage| batch_of(lane, stage, 10)).collect();
            assert!(batches.windows(2).all(|w| w[0] <= w[1]), "{batches:?}");
        }
    }
}
