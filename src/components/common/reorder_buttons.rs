//! Move back, move forward and delete, for a stage (left/right) or a lane (up/down).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReorderButtonsProps {
    /// What the buttons act on, for their labels ("stage Awareness").
    pub what: AttrValue,
    /// The two directions with their symbols: ("left", "◀", "right", "▶").
    pub directions: (&'static str, &'static str, &'static str, &'static str),
    pub index: usize,
    pub count: usize,
    /// The index to move to.
    pub on_move: Callback<usize>,
    pub on_delete: Callback<()>,
}

#[component]
pub fn ReorderButtons(props: &ReorderButtonsProps) -> Html {
    let (back, back_icon, forward, forward_icon) = props.directions;
    let index = props.index;
    let what = &props.what;
    html! {
        <div class="head-actions">
            <button type="button" class="icon" disabled={index == 0}
                onclick={props.on_move.reform(move |_| index.saturating_sub(1))}
                aria-label={format!("Move {what} {back}")}>{ back_icon }</button>
            <button type="button" class="icon" disabled={index + 1 >= props.count}
                onclick={props.on_move.reform(move |_| index + 1)}
                aria-label={format!("Move {what} {forward}")}>{ forward_icon }</button>
            <button type="button" class="icon danger" onclick={props.on_delete.reform(|_| ())}
                aria-label={format!("Delete {what}")}>{ "✕" }</button>
        </div>
    }
}
