//! The root: loads the library, follows the route, saves, and wires the library view to its
//! reducer and to the file work (`file_work`), the banners to what they offer, and the other
//! pages to theirs (`pages`).

use journey_core::library::{Cleanup, KEEP_PERIODS, KEEP_VERSIONS};
use journey_core::store::Backup;
use yew::prelude::*;

use crate::browser::clock::{fresh_map_id, now};
use crate::browser::files::download;
use crate::browser::route::{load_again, Route};
use crate::browser::storage::{self, StorageError};
use crate::components::common::app_header::AppHeader;
use crate::components::common::banners::Banners;
use crate::components::library::map_row::MapRequest;
use crate::entry::file_work::{file_work, FileWork};
use crate::entry::pages::{self, report_download, Editing, PageContext};
use crate::hooks::use_autosave::use_autosave;
use crate::hooks::use_route::use_route;
use crate::state::library::{LibraryAction, LibraryState};
use crate::state::notice::{BannerAction, Conflict, Notice, Notices};
use crate::views::library::LibraryView;

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| LibraryState::from(storage::load()).opening(&Route::current()));
    let route = use_route();
    let notice = use_state_eq(|| None::<Notice>);
    let conflicted = state.conflict.as_ref().map(|(theirs, _)| theirs.id.clone());
    let save_failure = use_autosave(&state.library, &state.revisions, conflicted, {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(action))
    });
    {
        // Unreadable values found at start are moved aside once, so they are never overwritten.
        let state = state.clone();
        use_effect_with((), move |_| quarantine_unreadable(&state));
    }
    {
        // A map's route opens its session; a share link's copy is saved once per visit to
        // `#/save/`, which it then leaves. A share link's page and a frame's map are the embed
        // module's: followed here, the page loads again for the loader to start it.
        let (state, notice) = (state.clone(), notice.clone());
        use_effect_with(route.clone(), move |route| match route {
            Route::Map(id) => state.dispatch(LibraryAction::Open { id: id.clone() }),
            Route::Save(payload) => pages::save_copy(payload, &state, &notice),
            Route::Shared(_) | Route::Embed(_) => load_again(),
            _ => {}
        });
    }
    let dispatcher = state.dispatcher();
    let editing = Editing {
        on_edit: use_callback(dispatcher.clone(), |edit, dispatcher| {
            dispatcher.dispatch(LibraryAction::Edit { edit, now: now() })
        }),
        on_undo: use_callback(dispatcher.clone(), |_, dispatcher| {
            dispatcher.dispatch(LibraryAction::Undo)
        }),
        on_redo: use_callback(dispatcher, |_, dispatcher| {
            dispatcher.dispatch(LibraryAction::Redo)
        }),
    };
    // Worked out only while a save is failing, and once per version of the library: it
    // serialises every map. Without a failure the memo holds no library, so no render compares
    // every map with its last version.
    let cleanup = *use_memo(
        save_failure.is_some().then(|| state.library.clone()),
        |failing| match failing {
            Some(library) => (
                library.old_periods(KEEP_PERIODS),
                library.old_versions(KEEP_VERSIONS),
            ),
            None => (None, None),
        },
    );
    let files = file_work(&state, &notice);
    let on_banner = banner_actions(&state, &notice, files.on_export_all.clone());
    let notices = notices(&state, &notice, save_failure, cleanup);
    let view = match &route {
        Route::DebugPanic => panic!("a crash on purpose, to test the crash screen"),
        Route::Library => library_page(&state, files),
        other => pages::page(
            other,
            PageContext {
                state: state.clone(),
                notice: notice.clone(),
                editing,
            },
        ),
    };
    html! {
        <>
            <AppHeader />
            <main>
                <Banners {notices} on_action={on_banner} />
                { view }
            </main>
        </>
    }
}

fn quarantine_unreadable(state: &UseReducerHandle<LibraryState>) {
    for entry in state.unreadable.iter().filter(|u| u.should_quarantine()) {
        if let Ok(key) = storage::quarantine(&entry.key, &entry.raw, now()) {
            let backup = Backup {
                key,
                raw: entry.raw.clone(),
                reason: Some(entry.message()),
            };
            state.dispatch(LibraryAction::Quarantined {
                key: entry.key.clone(),
                backup,
            });
        }
    }
}

/// Everything the banners say now.
fn notices(
    state: &LibraryState,
    notice: &Option<Notice>,
    save_failure: Option<StorageError>,
    (cleanup, old_versions): (Option<Cleanup>, Option<Cleanup>),
) -> Notices {
    let rename_problem = state.problem.clone().map(Notice::Error);
    Notices {
        notice: rename_problem.or_else(|| notice.clone()),
        storage_unavailable: state.storage_unavailable,
        save_failure,
        unreadable: state.unreadable.clone(),
        backups: state.backups.clone(),
        deleted: state.deleted.as_ref().map(|(_, map)| map.clone()),
        conflict: state.conflict.as_ref().map(|(theirs, what)| Conflict {
            name: theirs.name.clone(),
            what: what.clone(),
        }),
        cleanup,
        old_versions,
    }
}

/// What each banner's buttons do: most are library actions; a download and a discarded backup
/// are IO, done here.
fn banner_actions(
    state: &UseReducerHandle<LibraryState>,
    notice: &UseStateHandle<Option<Notice>>,
    on_export_all: Callback<()>,
) -> Callback<BannerAction> {
    let (state, notice) = (state.clone(), notice.clone());
    let report = report_download(notice.clone());
    Callback::from(move |action| match action {
        BannerAction::Dismiss => notice.set(None),
        BannerAction::UndoDelete => state.dispatch(LibraryAction::UndoDelete),
        BannerAction::Download(file) => report(download(&file.file_name, "text/plain", &file.text)),
        BannerAction::DiscardBackup { key } => match storage::remove(&key) {
            Ok(()) => state.dispatch(LibraryAction::BackupDiscarded { key }),
            Err(e) => notice.set(Some(Notice::Error(format!(
                "The backup was not discarded: {e}."
            )))),
        },
        BannerAction::Settle(keep) => state.dispatch(LibraryAction::Settle(keep)),
        BannerAction::DropOldPeriods => state.dispatch(LibraryAction::DropOldPeriods {
            keep: KEEP_PERIODS,
            now: now(),
        }),
        BannerAction::DropOldVersions => state.dispatch(LibraryAction::DropOldVersions {
            keep: KEEP_VERSIONS,
            now: now(),
        }),
        BannerAction::ExportAll => on_export_all.emit(()),
    })
}

/// The library of maps, each row's requests turned into library actions or file work.
fn library_page(state: &UseReducerHandle<LibraryState>, files: FileWork) -> Html {
    let FileWork {
        on_export,
        on_files,
        on_create,
        ..
    } = files;
    let on_request = {
        let state = state.clone();
        Callback::from(move |request| match request {
            MapRequest::Open(id) => Route::Map(id).go(),
            MapRequest::Rename { id, name } => state.dispatch(LibraryAction::Rename {
                id,
                name,
                now: now(),
            }),
            MapRequest::Duplicate(id) => state.dispatch(LibraryAction::Duplicate {
                id,
                fresh_id: fresh_map_id(),
                now: now(),
            }),
            MapRequest::Export(id) => on_export.emit(id),
            MapRequest::Delete(id) => state.dispatch(LibraryAction::Delete { id }),
        })
    };
    let maps = state
        .library
        .by_last_edit()
        .into_iter()
        .cloned()
        .collect::<Vec<_>>();
    html! { <LibraryView {maps} {on_create} {on_request} {on_files} /> }
}
