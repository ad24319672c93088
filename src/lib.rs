//! The Journeyscope web app: a thin Yew layer over `journey_core`. `main.rs` exports `start` and
//! the file tools (`tools`), `bin/library.rs` calls `start_library` and `bin/embed.rs`
//! `start_embed`; the library target exists so browser tests can mount components too.

mod app;
mod browser;
pub mod components;
pub mod crash;
mod embed;
mod file_work;
mod files;
mod handoff;
mod hooks;
mod pages;
pub mod places;
mod route;
pub mod score_context;
mod state;
mod storage;
mod survey_run;
pub mod tools;
mod views;

pub use app::App;

/// Mounts the full app, or only the read-only map when the page is opened as an embed frame.
/// An embed frame is normally served by the embed module (`start_embed`); this covers a page
/// whose loader could not tell.
pub fn start() {
    crash::install();
    browser::register_offline_worker();
    match route::Route::current() {
        route::Route::Embed(_) => drop(yew::Renderer::<embed::EmbedApp>::new().render()),
        _ => drop(yew::Renderer::<App<pages::Full>>::new().render()),
    }
}

/// Mounts the read-only map of an embed frame: the embed module (`src/bin/embed.rs`), what a
/// visitor of a page with an embedded map loads. It keeps nothing in the browser, so it registers
/// no offline worker either (which would fetch the whole app in the background).
pub fn start_embed() {
    crash::install_for_embed();
    drop(yew::Renderer::<embed::EmbedApp>::new().render());
}

thread_local! {
    static LIBRARY_ONLY: std::cell::RefCell<Option<yew::AppHandle<App<pages::HandOff>>>> =
        const { std::cell::RefCell::new(None) };
}

/// Mounts the library alone: the module a first visit loads (`src/bin/library.rs`). Opening a
/// map asks the page to stop it and start the full app.
pub fn start_library() {
    crash::install();
    browser::register_offline_worker();
    let app = yew::Renderer::<App<pages::HandOff>>::new().render();
    LIBRARY_ONLY.with(|slot| *slot.borrow_mut() = Some(app));
}

/// Takes the library module off the page. Its autosave writes whatever is unsaved as it goes;
/// what storage refused comes back here, for the full app (`handoff`).
pub async fn stop_library() -> Option<String> {
    if let Some(app) = LIBRARY_ONLY.with(|slot| slot.borrow_mut().take()) {
        app.destroy();
    }
    // Yew tears the app down on its scheduler, in a later task.
    yew::platform::time::sleep(std::time::Duration::ZERO).await;
    handoff::take_left()
}
