//! The page's header: the brand and what the app is for.

use yew::prelude::*;

#[component]
pub fn AppHeader() -> Html {
    html! {
        <header class="app-header">
            <h1 class="brand"><span class="logo" aria-hidden="true">{ "◆" }</span>{ " Journeyscope" }</h1>
            <p class="tagline">{ "Customer journey maps, kept in your browser" }</p>
        </header>
    }
}
