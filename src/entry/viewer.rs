//! The embed module's root: a frame's map on another site, or a share link's page. Any other
//! route (a link followed, "Save a copy to my maps") belongs to the app, so the page is loaded
//! again for the page's loader to pick the module (see `scripts/boot.js`).

use yew::prelude::*;

use crate::browser::route::{load_again, Route};
use crate::hooks::use_route::use_route;
use crate::views::embed_frame::EmbedFrame;
use crate::views::shared_page::SharedPage;

#[component]
pub fn Viewer() -> Html {
    let route = use_route();
    use_effect_with(route.clone(), |route| {
        if !matches!(route, Route::Embed(_) | Route::Shared(_)) {
            load_again();
        }
    });
    match route {
        Route::Embed(payload) => html! { <EmbedFrame payload={payload} /> },
        Route::Shared(payload) => html! { <SharedPage payload={payload} /> },
        _ => Html::default(),
    }
}
