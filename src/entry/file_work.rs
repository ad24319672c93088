//! The library's file work: Export JSON (one map, or all of them), reading and importing picked
//! or dropped files, and a new map from a template. The view emits what the user chose; this
//! does the IO and says how it went.

use journey_core::exports::{map_file, read_map, ExportFile};
use journey_core::format::MAX_FILE_BYTES;
use journey_core::Template;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser::clock::{fresh_map_id, now};
use crate::browser::files::{download, read_text};
use crate::browser::route::Route;
use crate::entry::pages::report_download;
use crate::state::library::{LibraryAction, LibraryState};
use crate::state::notice::Notice;

/// The library view's and the banners' callbacks for it.
pub struct FileWork {
    pub on_export: Callback<String>,
    pub on_export_all: Callback<()>,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_create: Callback<Template>,
}

pub fn file_work(
    state: &UseReducerHandle<LibraryState>,
    notice: &UseStateHandle<Option<Notice>>,
) -> FileWork {
    let save_file = {
        let (notice, report) = (notice.clone(), report_download(notice.clone()));
        move |file: ExportFile| {
            notice.set(None);
            report(download(&file.name, file.mime, &file.text))
        }
    };
    let on_export = {
        let (state, save_file) = (state.clone(), save_file.clone());
        Callback::from(move |id: String| {
            if let Some(map) = state.library.get(&id) {
                save_file(map_file(map));
            }
        })
    };
    let on_export_all = {
        let state = state.clone();
        Callback::from(move |_| {
            for map in state.library.maps() {
                save_file(map_file(map));
            }
        })
    };
    let on_files = {
        let (state, notice) = (state.clone(), notice.clone());
        Callback::from(move |files: Vec<web_sys::File>| {
            for file in files {
                let (state, notice) = (state.clone(), notice.clone());
                spawn_local(async move {
                    let name = file.name();
                    let text = read_text(file, MAX_FILE_BYTES).await;
                    import(&name, text, &state, &notice);
                });
            }
        })
    };
    let on_create = {
        let (state, notice) = (state.clone(), notice.clone());
        Callback::from(move |template: Template| {
            notice.set(None);
            let map = template.build(fresh_map_id(), now());
            let id = map.id.clone();
            state.dispatch(LibraryAction::Create(Box::new(map)));
            Route::Map(id).go();
        })
    };
    FileWork {
        on_export,
        on_export_all,
        on_files,
        on_create,
    }
}

/// Imports the map in a file's text, or says why it was not: the maps already here never change.
fn import(
    name: &str,
    text: Result<String, String>,
    state: &UseReducerHandle<LibraryState>,
    notice: &UseStateHandle<Option<Notice>>,
) {
    match text.and_then(|text| read_map(&text, fresh_map_id(), now())) {
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
    }
}
