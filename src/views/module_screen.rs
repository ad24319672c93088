//! The place in the map view where the screens module shows its screens: an element the module
//! is mounted in, and a word while it is fetched or if it cannot be.

use std::rc::Rc;

use journey_core::JourneyMap;
use yew::prelude::*;

use crate::browser::screen_link::{Request, Screen};
use crate::hooks::use_screen_module::{use_screen_module, Opening};

#[derive(Properties, PartialEq)]
pub struct ModuleScreenProps {
    pub screen: Screen,
    pub map: Rc<JourneyMap>,
    /// The other map of an as-is and to-be pair, for the compare screen.
    pub partner: Option<Rc<JourneyMap>>,
    /// Today, `YYYY-MM-DD`.
    pub today: AttrValue,
    pub on_request: Callback<Request>,
}

#[component]
pub fn ModuleScreen(props: &ModuleScreenProps) -> Html {
    let host = use_node_ref();
    let opening = use_screen_module(
        host.clone(),
        props.screen,
        props.map.clone(),
        props.partner.clone(),
        props.today.clone(),
        props.on_request.clone(),
    );
    let close = props.on_request.reform(|_: MouseEvent| Request::Close);
    let status = match opening {
        Opening::Open => Html::default(),
        Opening::Fetching => html! { <p class="module-status" role="status">{ "Opening…" }</p> },
        Opening::Failed(problem) => html! {
            <div class="banner error" role="alert">
                <p>{ format!("This screen could not be opened ({problem}). Your map is unchanged.") }</p>
                <button type="button" onclick={close}>{ "Back to the map" }</button>
            </div>
        },
    };
    html! {
        <>
            { status }
            <div class="module" ref={host}></div>
        </>
    }
}
