//! The Journeyscope web app: a thin Yew layer over `journey_core`. `main.rs` exports `start` and
//! the file tools (`tools`), `bin/library.rs` calls `start_library` and `bin/embed.rs`
//! `start_embed`, and each of those two has a `stop` the page's loader calls before it starts the
//! full app; the library target exists so browser tests can mount components too.

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
mod viewer;
mod views;

use std::cell::RefCell;

use yew::AppHandle;

pub use app::App;

/// Mounts the full app, or only the read-only map when the page is opened as an embed frame.
/// An embed frame is normally served by the embed module (`start_embed`); this covers a page
/// whose loader could not tell.
pub fn start() {
    crash::install();
    browser::register_offline_worker();
    match route::Route::current() {
        route::Route::Embed(payload) => {
            let props = embed::EmbedFrameProps {
                payload: payload.into(),
            };
            drop(yew::Renderer::<embed::EmbedFrame>::with_props(props).render())
        }
        _ => drop(yew::Renderer::<App<pages::Full>>::new().render()),
    }
}

thread_local! {
    static LIBRARY_ONLY: RefCell<Option<AppHandle<App<pages::HandOff>>>> =
        const { RefCell::new(None) };
    static VIEWER: RefCell<Option<AppHandle<viewer::Viewer>>> = const { RefCell::new(None) };
}

/// Mounts the embed module (`src/bin/embed.rs`): the read-only map of a frame on another site,
/// what a visitor of a page with an embedded map loads, or a share link's page, which hands the
/// page to the full app to save a copy. It keeps nothing in the browser, so it registers no
/// offline worker either (which would fetch the whole app in the background).
pub fn start_embed() {
    crash::install_for_embed();
    let app = yew::Renderer::<viewer::Viewer>::new().render();
    VIEWER.with(|slot| *slot.borrow_mut() = Some(app));
}

/// Takes the embed module off the page, for the full app to save a share link's copy.
pub async fn stop_embed() {
    take_down(VIEWER.with(|slot| slot.borrow_mut().take())).await;
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
    take_down(LIBRARY_ONLY.with(|slot| slot.borrow_mut().take())).await;
    handoff::take_left()
}

async fn take_down<C: yew::BaseComponent>(app: Option<AppHandle<C>>) {
    if let Some(app) = app {
        app.destroy();
    }
    // Yew tears the app down on its scheduler, in a later task.
    yew::platform::time::sleep(std::time::Duration::ZERO).await;
}
