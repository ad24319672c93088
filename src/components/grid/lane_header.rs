//! A lane's row head: title, kind, move up or down, delete.

use journey_core::{Edit, Lane};
use yew::prelude::*;

use crate::components::common::inline_text::InlineText;
use crate::components::common::reorder_buttons::ReorderButtons;

#[derive(Properties, PartialEq)]
pub struct LaneHeaderProps {
    pub lane: Lane,
    pub index: usize,
    pub count: usize,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn LaneHeader(props: &LaneHeaderProps) -> Html {
    let lane = props.lane.id;
    let kind = props.lane.kind;
    let title = &props.lane.title;
    let rename = props
        .on_edit
        .reform(move |title| Edit::RenameLane { lane, title });
    html! {
        <th scope="row" class={classes!("lane-head", kind.slug())} data-lane-id={lane.to_string()}>
            <div class="lane-title">
                <InlineText value={title.clone()} label="Lane title" on_commit={rename} />
            </div>
            if *title != kind.default_title() {
                <div class="lane-kind">{ kind.default_title() }</div>
            }
            <ReorderButtons
                what={format!("lane {title}")}
                directions={("up", "▲", "down", "▼")}
                index={props.index}
                count={props.count}
                on_move={props.on_edit.reform(move |to| Edit::MoveLane { lane, to })}
                on_delete={props.on_edit.reform(move |_| Edit::DeleteLane { lane })}
            />
        </th>
    }
}
