//! A share link's page in the embed module: the read-only map with "Save a copy to my maps".
//! The embed module keeps no maps, so saving navigates to `#/save/<link>`, which the page's
//! loader serves with the app, and the app saves the copy and opens it.

use yew::prelude::*;

use crate::browser::route::Route;
use crate::components::common::app_header::AppHeader;
use crate::views::shared::SharedView;

#[derive(Properties, PartialEq)]
pub struct SharedPageProps {
    /// The link's payload, after `#/view/`.
    pub payload: AttrValue,
}

#[component]
pub fn SharedPage(props: &SharedPageProps) -> Html {
    let on_save_copy = {
        let save = Route::Save(props.payload.to_string());
        Callback::from(move |_| save.go())
    };
    html! {
        <>
            <AppHeader />
            <main>
                <SharedView payload={props.payload.clone()} embed={false} {on_save_copy} />
            </main>
        </>
    }
}
