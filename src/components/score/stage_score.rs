//! A stage's score under its name, once the map measures anything.

use journey_core::Id;
use yew::prelude::*;

use crate::components::score::score_badge::ScoreBadge;
use crate::components::score::score_context::ScoreHandle;

#[derive(Properties, PartialEq)]
pub struct StageScoreProps {
    pub stage: Id,
}

#[component]
pub fn StageScore(props: &StageScoreProps) -> Html {
    let context = use_context::<ScoreHandle>();
    let Some((score, n, flags)) = context
        .filter(|c| c.measuring)
        .and_then(|c| c.stage(props.stage))
    else {
        return Html::default();
    };
    html! { <ScoreBadge label="Stage" {score} {n} {flags} /> }
}
