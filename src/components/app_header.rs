//! The page's header on a share link's page: the brand and what the app is for. The root
//! (`app.rs`) writes the same markup in place, as one more component costs the library module
//! 0.4 KB, and it sits at the edge of its size budget.

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
