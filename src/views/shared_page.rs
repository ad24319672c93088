//! A share link's page in the embed module, which a share link opens: the read-only map with
//! "Save a copy to my maps". The embed module keeps no maps, so saving hands the page to the full
//! app (see `scripts/boot.js`), which makes the copy and opens it.

use yew::prelude::*;

use crate::components::app_header::AppHeader;
use crate::components::opening_editor::OpeningEditor;
use crate::views::shared::SharedView;

#[derive(Properties, PartialEq)]
pub struct SharedPageProps {
    /// The link's payload, after `#/view/`.
    pub payload: AttrValue,
}

/// Where saving the copy stands: one state, so "saving" and "failed" can never both show.
#[derive(Clone, PartialEq)]
enum Saving {
    Not,
    Asked,
    Failed(String),
}

#[component]
pub fn SharedPage(props: &SharedPageProps) -> Html {
    let saving = use_state_eq(|| Saving::Not);
    let on_save_copy = {
        let saving = saving.clone();
        Callback::from(move |_| saving.set(Saving::Asked))
    };
    let on_failed = {
        let saving = saving.clone();
        Callback::from(move |why| saving.set(Saving::Failed(why)))
    };
    html! {
        <>
            <AppHeader />
            <main>
                { match &*saving {
                    Saving::Not => Html::default(),
                    Saving::Asked => html! { <OpeningEditor status="Saving a copy…" {on_failed} /> },
                    Saving::Failed(why) => html! {
                        <div class="banners">
                            <div class="banner error" role="alert">
                                <p>{ format!("The copy was not saved: the rest of the app could not be loaded ({why}). Check the connection and try again.") }</p>
                            </div>
                        </div>
                    },
                } }
                <SharedView payload={props.payload.clone()} embed={false} {on_save_copy} />
            </main>
        </>
    }
}
