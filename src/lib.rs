//! The Journeyscope web app: a thin Yew layer over `journey_core`. `main.rs` only calls `start`;
//! the library target exists so browser tests can mount components too.

mod app;
mod browser;
pub mod components;
pub mod crash;
mod embed;
mod files;
mod hooks;
pub mod places;
mod route;
pub mod score_context;
mod state;
mod storage;
mod survey_run;
mod views;

pub use app::App;

/// Mounts the app, or only the read-only map when the page is opened as an embed frame.
pub fn start() {
    crash::install();
    browser::register_offline_worker();
    match route::Route::current() {
        route::Route::Embed(_) => drop(yew::Renderer::<embed::EmbedApp>::new().render()),
        _ => drop(yew::Renderer::<App>::new().render()),
    }
}
