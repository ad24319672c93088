//! A lane's row head: title, kind, move up or down, delete.

use journey_core::{Edit, Lane};
use yew::prelude::*;

use crate::components::inline_text::InlineText;

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
    let index = props.index;
    let title = &props.lane.title;
    let rename = props
        .on_edit
        .reform(move |title| Edit::RenameLane { lane, title });
    let up = props.on_edit.reform(move |_: MouseEvent| Edit::MoveLane {
        lane,
        to: index.saturating_sub(1),
    });
    let down = props.on_edit.reform(move |_: MouseEvent| Edit::MoveLane {
        lane,
        to: index + 1,
    });
    let delete = props
        .on_edit
        .reform(move |_: MouseEvent| Edit::DeleteLane { lane });
    let kind = props.lane.kind;
    html! {
        <th scope="row" class={classes!("lane-head", kind.slug())} data-lane-id={lane.to_string()}>
            <div class="lane-title">
                <InlineText value={title.clone()} label="Lane title" on_commit={rename} />
            </div>
            if *title != kind.default_title() {
                <div class="lane-kind">{ kind.default_title() }</div>
            }
            <div class="head-actions">
                <button type="button" class="icon" onclick={up} disabled={index == 0}
                    aria-label={format!("Move lane {title} up")}>{ "▲" }</button>
                <button type="button" class="icon" onclick={down} disabled={index + 1 >= props.count}
                    aria-label={format!("Move lane {title} down")}>{ "▼" }</button>
                <button type="button" class="icon danger" onclick={delete}
                    aria-label={format!("Delete lane {title}")}>{ "✕" }</button>
            </div>
        </th>
    }
}
