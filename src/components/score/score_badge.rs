//! A score with its number of answers and its flags, in words and in colour.

use journey_core::score::flags::Flag;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScoreBadgeProps {
    /// "Score", "Stage score"…
    pub label: AttrValue,
    pub score: Option<f64>,
    pub n: u64,
    pub flags: Vec<Flag>,
}

#[component]
pub fn ScoreBadge(props: &ScoreBadgeProps) -> Html {
    let class = classes!(
        "score-badge",
        props
            .flags
            .iter()
            .map(|f| format!("flag-{}", f.slug()))
            .collect::<Vec<_>>()
    );
    let score = props
        .score
        .map_or_else(|| "–".to_string(), |s| format!("{s:.1}"));
    let words: Vec<&str> = props.flags.iter().map(|f| f.label()).collect();
    html! {
        <p {class}>
            <span class="score-label">{ format!("{} ", props.label) }</span>
            <strong class="score-value">{ score }</strong>
            if props.score.is_some() {
                <span class="score-n">{ format!(" · n {}", props.n) }</span>
            }
            if !words.is_empty() {
                <span class="score-flags">{ format!(" · {}", words.join(", ")) }</span>
            }
        </p>
    }
}
