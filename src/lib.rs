//! The Journeyscope web app: a thin Yew layer over `journey_core`. Three wasm modules are built
//! from it: the app (`main.rs`, `start`), the embed module (`bin/embed.rs`, `start_embed`) and
//! the screens module (`bin/screens.rs`, `ScreenModule`). The page's loader picks the app or the
//! embed module by route, and the page moves between those two only by navigating; the app
//! fetches the screens module when a user opens one of its screens and mounts it in its own
//! page, handing it the open map and applying what it asks.
//! The library target exists so browser tests can mount components too.
//!
//! `entry/` holds each module's root, `browser/` every edge that touches the browser, `state/`
//! the reducer, `hooks/` the hooks, `views/` the pages and `components/` their pieces by feature
//! (`docs/architecture.md`).

mod browser;
pub mod components;
mod entry;
mod hooks;
mod state;
mod views;

pub use entry::app::App;
pub use entry::screens::ScreenModule;

/// Mounts the app. A frame's map and a share link's page are the embed module's (`start_embed`);
/// should the app find itself on one of their routes, it loads the page again for the loader.
pub fn start() {
    browser::crash::install();
    browser::offline::register_offline_worker();
    drop(yew::Renderer::<App>::new().render());
}

/// Mounts the embed module (`src/bin/embed.rs`): the read-only map of a frame on another site,
/// or a share link's page, whose "Save a copy to my maps" navigates to the app. It keeps nothing
/// in the browser, so it registers no offline worker either (which would fetch the whole app in
/// the background).
pub fn start_embed() {
    browser::crash::install_for_embed();
    drop(yew::Renderer::<entry::viewer::Viewer>::new().render());
}

/// Mounts the screens module (`src/bin/screens.rs`) in `host`, an element of the app's page; a
/// panic in it ends only its own screen.
pub fn start_screens(host: web_sys::Element, on_request: js_sys::Function) -> ScreenModule {
    browser::crash::install_for_screens(host.clone());
    ScreenModule::mount(host, on_request)
}
