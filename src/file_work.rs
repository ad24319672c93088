//! The library's file work: Export JSON (one map, or all of them), importing a chosen or dropped
//! file, and a new map from a template. The root's `Pages` type does it; in the library module
//! that means borrowing the full app, which waits for it to load the first time, so the notice
//! says what is under way until the work is done.

use journey_core::exports::ExportFile;
use journey_core::{JourneyMap, Template};
use yew::prelude::*;

use crate::app::report_download;
use crate::browser::{fresh_map_id, now};
use crate::components::banners::Notice;
use crate::files::download;
use crate::pages::Pages;
use crate::route::Route;
use crate::state::library::{LibraryAction, LibraryState};

/// The library view's and the banners' callbacks for it.
pub struct FileWork {
    pub on_export: Callback<String>,
    pub on_export_all: Callback<()>,
    pub on_file: Callback<(String, Result<String, String>)>,
    pub on_create: Callback<Template>,
}

pub fn file_work<P: Pages>(
    state: &UseReducerHandle<LibraryState>,
    notice: &UseStateHandle<Option<Notice>>,
) -> FileWork {
    let save_file = {
        let (notice, report) = (notice.clone(), report_download(notice.clone()));
        move |file: Result<ExportFile, String>| {
            notice.set(None);
            report(file.and_then(|file| download(&file.name, file.mime, &file.text)))
        }
    };
    let preparing = {
        let notice = notice.clone();
        move || notice.set(Some(Notice::Info("Preparing the file…".to_string())))
    };
    let on_export = {
        let (state, save_file, preparing) = (state.clone(), save_file.clone(), preparing.clone());
        Callback::from(move |id: String| {
            if let Some(map) = state.library.get(&id) {
                preparing();
                P::export_file(map, Box::new(save_file.clone()));
            }
        })
    };
    let on_export_all = {
        let state = state.clone();
        Callback::from(move |_| {
            preparing();
            for map in state.library.maps() {
                P::export_file(map, Box::new(save_file.clone()));
            }
        })
    };
    let on_file = {
        let (state, notice) = (state.clone(), notice.clone());
        Callback::from(move |(name, text): (String, Result<String, String>)| {
            notice.set(Some(Notice::Info(format!("Reading {name}…"))));
            let (state, notice) = (state.clone(), notice.clone());
            let imported = move |parsed: Result<JourneyMap, String>| match parsed {
                Ok(map) => {
                    notice.set(Some(Notice::Info(format!(
                        "Imported “{}” from {name}.",
                        map.name
                    ))));
                    state.dispatch(LibraryAction::Import {
                        map: Box::new(map),
                        fresh_id: fresh_map_id(),
                        now: now(),
                    });
                }
                Err(e) => notice.set(Some(Notice::Error(format!(
                    "{name} was not imported: {e}. Your maps are unchanged."
                )))),
            };
            match text {
                Ok(text) => P::read_file(text, fresh_map_id(), now(), Box::new(imported)),
                Err(e) => imported(Err(e)),
            }
        })
    };
    let on_create = {
        let (state, notice) = (state.clone(), notice.clone());
        Callback::from(move |template: Template| {
            notice.set(Some(Notice::Info("Making the map…".to_string())));
            let (state, notice) = (state.clone(), notice.clone());
            let created = move |made: Result<JourneyMap, String>| match made {
                Ok(map) => {
                    notice.set(None);
                    let id = map.id.clone();
                    state.dispatch(LibraryAction::Create(Box::new(map)));
                    Route::Map(id).go();
                }
                Err(e) => notice.set(Some(Notice::Error(format!("No map was made: {e}.")))),
            };
            P::from_template(template, fresh_map_id(), now(), Box::new(created));
        })
    };
    FileWork {
        on_export,
        on_export_all,
        on_file,
        on_create,
    }
}
