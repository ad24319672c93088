//! The map as a table to read, not edit: stages across, lanes down, the chosen persona's feelings
//! and everyone's curve. Used by shared links, the embed view and saved versions, where the cards
//! that changed are marked in words and an outline.

use std::collections::HashMap;
use std::rc::Rc;

use journey_core::compare::Mark;
use journey_core::{Card, Id, JourneyMap, LaneKind, Persona};
use yew::prelude::*;

use crate::components::grid::emotion_control::EMOTION_LABELS;
use crate::components::grid::emotion_curve::EmotionCurve;
use crate::components::score::card_score::CardScore;

#[derive(Properties, PartialEq)]
pub struct ReadOnlyGridProps {
    pub map: Rc<JourneyMap>,
    pub persona: Persona,
    /// Cards to mark as added, changed or moved.
    #[prop_or_default]
    pub marks: Rc<HashMap<Id, Mark>>,
}

fn card(card: &Card, kind: LaneKind, mark: Option<Mark>) -> Html {
    let channel = card
        .channel
        .filter(|_| kind == LaneKind::Touchpoints)
        .map(|c| html! { <span class={classes!("channel", c.slug())}>{ c.label() }</span> });
    html! {
        <li class={classes!("card", mark.map(|_| "marked"))} key={card.id}>
            if let Some(mark) = mark { <span class="mark">{ mark.label() }</span> }
            { for channel }
            <p class="card-text">{ &card.text }</p>
            if let Some(note) = &card.note { <p class="card-note">{ note }</p> }
            if card.measure.is_some() {
                <CardScore card={card.id} />
            }
        </li>
    }
}

fn feeling(value: Option<i8>) -> &'static str {
    value
        .and_then(|v| EMOTION_LABELS.iter().find(|(level, _)| *level == v))
        .map_or("Not set", |(_, label)| label)
}

#[component]
pub fn ReadOnlyGrid(props: &ReadOnlyGridProps) -> Html {
    let map = &props.map;
    let stages: Vec<(Id, String)> = map.stages.iter().map(|s| (s.id, s.name.clone())).collect();
    let rows = map.lanes.iter().map(|lane| {
        let head = html! { <th scope="row" class="lane-head">{ &lane.title }</th> };
        if lane.kind == LaneKind::Feelings {
            return html! {
                <>
                    <tr key={lane.id} class={classes!("lane", lane.kind.slug())}>
                        { head }
                        for stage in &map.stages {
                            <td class="cell feeling">{ feeling(props.persona.emotion_at(stage.id)) }</td>
                        }
                    </tr>
                    <tr key={format!("curve-{}", lane.id)} class="curve-row">
                        <td class="corner"></td>
                        <td colspan={map.stages.len().max(1).to_string()} class="curve-cell">
                            <EmotionCurve stages={stages.clone()} personas={map.personas.clone()} selected={props.persona.id} />
                        </td>
                    </tr>
                </>
            };
        }
        let cells = map.stages.iter().map(|stage| {
            let cards = map
                .cards_in(lane.id, stage.id)
                .map(|c| card(c, lane.kind, props.marks.get(&c.id).copied()));
            html! {
                <td class="cell" key={stage.id}>
                    <ul class="cards" aria-label={format!("{} in {}", lane.title, stage.name)}>{ for cards }</ul>
                </td>
            }
        });
        html! {
            <tr key={lane.id} class={classes!("lane", lane.kind.slug())}>
                { head }
                { for cells }
            </tr>
        }
    });
    html! {
        <div class="grid-scroll" tabindex="0" aria-label="Journey map, scrolls sideways">
            <table class="journey-grid read-only">
                <caption class="visually-hidden">{ format!("{}: stages as columns, lanes as rows", map.name) }</caption>
                <thead>
                    <tr>
                        <td class="corner"></td>
                        for stage in &map.stages {
                            <th scope="col" class="stage-head" key={stage.id}>
                                <span class="stage-name">{ &stage.name }</span>
                                if let Some(description) = &stage.description {
                                    <span class="stage-description">{ description }</span>
                                }
                            </th>
                        }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
