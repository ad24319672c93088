//! A stage's column head: name, description, move left or right, delete.

use journey_core::{Edit, Stage};
use yew::prelude::*;

use crate::components::inline_text::InlineText;

#[derive(Properties, PartialEq)]
pub struct StageHeaderProps {
    pub stage: Stage,
    pub index: usize,
    pub count: usize,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn StageHeader(props: &StageHeaderProps) -> Html {
    let stage = props.stage.id;
    let index = props.index;
    let name = &props.stage.name;
    let rename = props
        .on_edit
        .reform(move |name| Edit::RenameStage { stage, name });
    let describe = props
        .on_edit
        .reform(move |description| Edit::SetStageDescription { stage, description });
    let left = props.on_edit.reform(move |_: MouseEvent| Edit::MoveStage {
        stage,
        to: index.saturating_sub(1),
    });
    let right = props.on_edit.reform(move |_: MouseEvent| Edit::MoveStage {
        stage,
        to: index + 1,
    });
    let delete = props
        .on_edit
        .reform(move |_: MouseEvent| Edit::DeleteStage { stage });
    html! {
        <th scope="col" class="stage-head" data-stage-id={stage.to_string()}>
            <div class="stage-name">
                <InlineText value={name.clone()} label="Stage name" on_commit={rename} />
            </div>
            <div class="stage-description">
                <InlineText
                    value={props.stage.description.clone().unwrap_or_default()}
                    label="Stage description"
                    placeholder="Add a description"
                    on_commit={describe}
                />
            </div>
            <div class="head-actions">
                <button type="button" class="icon" onclick={left} disabled={index == 0}
                    aria-label={format!("Move stage {name} left")}>{ "◀" }</button>
                <button type="button" class="icon" onclick={right} disabled={index + 1 >= props.count}
                    aria-label={format!("Move stage {name} right")}>{ "▶" }</button>
                <button type="button" class="icon danger" onclick={delete}
                    aria-label={format!("Delete stage {name}")}>{ "✕" }</button>
            </div>
        </th>
    }
}
