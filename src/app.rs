//! The root: loads the library, follows the route, saves, and wires the library view to its
//! reducer and to the file work (`file_work`), and the other pages to theirs (`pages`).

use journey_core::store::Backup;
use yew::prelude::*;

use crate::browser::{fresh_map_id, now};
use crate::components::app_header::AppHeader;
use crate::components::banners::{Banners, Notice, KEEP_PERIODS};
use crate::file_work::{file_work, FileWork};
use crate::files::download;
use crate::hooks::use_autosave::use_autosave;
use crate::hooks::use_route::use_route;
use crate::pages::{self, Editing, PageContext};
use crate::route::Route;
use crate::state::library::{LibraryAction, LibraryState};
use crate::storage;
use crate::views::library::LibraryView;

/// What a failed download tells the user.
pub fn report_download(
    notice: UseStateHandle<Option<Notice>>,
) -> impl Fn(Result<(), String>) + Clone {
    move |result| {
        if let Err(e) = result {
            notice.set(Some(Notice::Error(format!("Nothing was downloaded: {e}."))));
        }
    }
}

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
        use_effect_with((), move |_| {
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
        });
    }

    {
        // A map's route opens its session; a share link's copy is saved once per visit to
        // `#/save/`, which it then leaves.
        let (state, notice) = (state.clone(), notice.clone());
        use_effect_with(route.clone(), move |route| match route {
            Route::Map(id) => state.dispatch(LibraryAction::Open { id: id.clone() }),
            Route::Save(payload) => pages::save_copy(payload, &state, &notice),
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

    let on_download = {
        let report = report_download(notice.clone());
        Callback::from(move |(name, text): (String, String)| {
            report(download(&name, "text/plain", &text))
        })
    };
    let FileWork {
        on_export,
        on_export_all,
        on_file,
        on_create,
    } = file_work(&state, &notice);
    let dispatch_with = |make: fn(String) -> LibraryAction| {
        let state = state.clone();
        Callback::from(move |id: String| state.dispatch(make(id)))
    };
    let on_rename = {
        let state = state.clone();
        Callback::from(move |(id, name)| {
            state.dispatch(LibraryAction::Rename {
                id,
                name,
                now: now(),
            })
        })
    };
    let on_duplicate = {
        let state = state.clone();
        Callback::from(move |id| {
            state.dispatch(LibraryAction::Duplicate {
                id,
                fresh_id: fresh_map_id(),
                now: now(),
            })
        })
    };
    let on_open = Callback::from(|id: String| Route::Map(id).go());
    let on_discard_backup = {
        let (state, notice) = (state.clone(), notice.clone());
        Callback::from(move |key: String| match storage::remove(&key) {
            Ok(()) => state.dispatch(LibraryAction::BackupDiscarded { key }),
            Err(e) => notice.set(Some(Notice::Error(format!(
                "The backup was not discarded: {e}."
            )))),
        })
    };

    let view = match &route {
        Route::DebugPanic => panic!("a crash on purpose, to test the crash screen"),
        Route::Library => html! {
            <LibraryView
                maps={state.library.by_last_edit().into_iter().cloned().collect::<Vec<_>>()}
                {on_create}
                {on_open}
                {on_rename}
                on_duplicate={on_duplicate}
                {on_export}
                on_delete={dispatch_with(|id| LibraryAction::Delete { id })}
                {on_file}
            />
        },
        other => pages::page(
            other,
            PageContext {
                state: state.clone(),
                notice: notice.clone(),
                editing,
            },
        ),
    };
    let rename_problem = state.problem.clone().map(Notice::Error);
    // Worked out only while a save is failing, and once per version of the library: it
    // serialises every map. Without a failure the memo holds no library, so no render compares
    // every map with its last version.
    let cleanup = *use_memo(
        save_failure.is_some().then(|| state.library.clone()),
        |failing| {
            failing
                .as_ref()
                .and_then(|library| library.old_periods(KEEP_PERIODS))
        },
    );
    html! {
        <>
            <AppHeader />
            <main>
                <Banners
                    notice={rename_problem.or_else(|| (*notice).clone())}
                    storage_unavailable={state.storage_unavailable}
                    {save_failure}
                    unreadable={state.unreadable.clone()}
                    backups={state.backups.clone()}
                    deleted={state.deleted.as_ref().map(|(_, map)| map.clone())}
                    on_dismiss={Callback::from({ let notice = notice.clone(); move |_| notice.set(None) })}
                    on_undo_delete={Callback::from({ let state = state.clone(); move |_| state.dispatch(LibraryAction::UndoDelete) })}
                    {on_download}
                    {on_discard_backup}
                    conflict={state.conflict.as_ref().map(|(theirs, what)| (theirs.name.clone(), what.clone()))}
                    on_settle={Callback::from({ let state = state.clone(); move |keep_ours| state.dispatch(LibraryAction::Settle { keep_ours }) })}
                    {cleanup}
                    on_cleanup={Callback::from({ let state = state.clone(); move |_| state.dispatch(LibraryAction::DropOldPeriods { keep: KEEP_PERIODS, now: now() }) })}
                    {on_export_all}
                />
                { view }
            </main>
        </>
    }
}
