//! A measured card's score, from the map's score context.

use journey_core::Id;
use yew::prelude::*;

use crate::components::score::score_badge::ScoreBadge;
use crate::components::score::score_context::ScoreHandle;

#[derive(Properties, PartialEq)]
pub struct CardScoreProps {
    pub card: Id,
}

#[component]
pub fn CardScore(props: &CardScoreProps) -> Html {
    let context = use_context::<ScoreHandle>();
    let Some((estimate, flags)) = context.and_then(|c| c.card(props.card)) else {
        return Html::default();
    };
    html! {
        <ScoreBadge label="Score" score={estimate.map(|e| e.score)} n={estimate.map_or(0, |e| e.n)} {flags} />
    }
}
