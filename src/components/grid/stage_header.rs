//! A stage's column head: name, description, move left or right, delete.

use journey_core::{Edit, Stage};
use yew::prelude::*;

use crate::components::common::inline_text::InlineText;
use crate::components::common::reorder_buttons::ReorderButtons;
use crate::components::score::stage_score::StageScore;

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
    let rename = props
        .on_edit
        .reform(move |name| Edit::RenameStage { stage, name });
    let describe = props
        .on_edit
        .reform(move |description| Edit::SetStageDescription { stage, description });
    html! {
        <th scope="col" class="stage-head" data-stage-id={stage.to_string()}>
            <div class="stage-name">
                <InlineText value={props.stage.name.clone()} label="Stage name" on_commit={rename} />
            </div>
            <StageScore stage={stage} />
            <div class="stage-description">
                <InlineText
                    value={props.stage.description.clone().unwrap_or_default()}
                    label="Stage description"
                    placeholder="Add a description"
                    on_commit={describe}
                />
            </div>
            <ReorderButtons
                what={format!("stage {}", props.stage.name)}
                directions={("left", "◀", "right", "▶")}
                index={props.index}
                count={props.count}
                on_move={props.on_edit.reform(move |to| Edit::MoveStage { stage, to })}
                on_delete={props.on_edit.reform(move |_| Edit::DeleteStage { stage })}
            />
        </th>
    }
}
