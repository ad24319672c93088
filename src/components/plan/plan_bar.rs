//! Under the map's title: the to-be journey planned from this map or the as-is map this one was
//! planned from, each a link to the other, and the way into the compare screen; or, for a map
//! with no to-be yet, the way to plan one.

use std::rc::Rc;

use journey_core::JourneyMap;
use yew::prelude::*;

use crate::browser::route::Route;

#[derive(Properties, PartialEq)]
pub struct PlanBarProps {
    pub map: Rc<JourneyMap>,
    /// The other map of the pair, when it is in this browser.
    pub partner: Option<Rc<JourneyMap>>,
    pub on_plan: Callback<()>,
    pub on_compare: Callback<()>,
}

#[component]
pub fn PlanBar(props: &PlanBarProps) -> Html {
    let to_be = props.map.as_is.is_some();
    let Some(partner) = &props.partner else {
        return if to_be {
            html! { <p class="plan-bar">{ "A to-be journey, planned from a map that is no longer in this browser." }</p> }
        } else {
            html! {
                <p class="plan-bar">
                    <button type="button" onclick={props.on_plan.reform(|_| ())}>{ "Plan a to-be journey" }</button>
                </p>
            }
        };
    };
    let (said, compare) = if to_be {
        ("A to-be journey, planned from ", "Compare with the as-is")
    } else {
        ("As-is journey; its to-be: ", "Compare as-is and to-be")
    };
    html! {
        <p class="plan-bar">
            { said }
            <a href={Route::Map(partner.id.clone()).hash()}>{ partner.name.clone() }</a>
            <button type="button" onclick={props.on_compare.reform(|_| ())}>{ compare }</button>
        </p>
    }
}
