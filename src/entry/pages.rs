//! The pages besides the library: the editor of one map (with its score report), and saving a
//! share link's copy. Each gets the root's state and does the IO its components ask for.

use journey_core::exports::{
    compare_file, compare_picture, export, picture, ComparePicture, Export, ImageFormat,
};
use journey_core::share::Shared;
use journey_core::to_be::as_is_first;
use journey_core::Edit;
use yew::prelude::*;

use crate::browser::clock::{fresh_map_id, now, today};
use crate::browser::files::{copy_text, download, download_png, print_page};
use crate::browser::route::Route;
use crate::browser::zlib::open_link;
use crate::components::share::share_dialog::{Copied, CopyRequest};
use crate::state::library::{LibraryAction, LibraryState};
use crate::state::notice::Notice;
use crate::views::map::MapView;

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

/// What a page may use of the root's state.
pub struct PageContext {
    pub state: UseReducerHandle<LibraryState>,
    pub notice: UseStateHandle<Option<Notice>>,
    pub editing: Editing,
}

/// The open map's edits, undo and redo, made once by the root so they stay the same callbacks.
#[derive(Clone)]
pub struct Editing {
    pub on_edit: Callback<Edit>,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
}

/// The page for any route but the library's.
pub fn page(route: &Route, context: PageContext) -> Html {
    match route {
        Route::Map(id) => map_page(id, context),
        Route::Shared(_) | Route::Embed(_) => {
            html! { <p class="opening" role="status">{ "Opening the shared map…" }</p> }
        }
        Route::Save(_) => html! { <p class="opening" role="status">{ "Saving a copy…" }</p> },
        Route::Library | Route::DebugPanic => Html::default(),
    }
}

/// The editor of the map with this id, with the file IO it asks for.
fn map_page(
    id: &str,
    PageContext {
        state,
        notice,
        editing,
    }: PageContext,
) -> Html {
    let on_back = Callback::from(|_: ()| Route::Library.go());
    let Some(map) = state.library.get(id).cloned() else {
        return html! {
            <section class="missing" aria-labelledby="missing-title">
                <h2 id="missing-title">{ "This map is not in this browser" }</h2>
                <p>{ "It may have been deleted, or it was made in another browser. Maps live only where they were made; move them with Export JSON and Import JSON." }</p>
                <button type="button" onclick={on_back.reform(|_| ())}>{ "← All maps" }</button>
            </section>
        };
    };
    // Until the route's `Open` is taken in, the map shows without its history.
    let open = state.open.as_ref().filter(|open| open.id() == id);
    let can_undo = open.is_some_and(|open| open.session.can_undo());
    let can_redo = open.is_some_and(|open| open.session.can_redo());
    let problem = open.and_then(|open| open.problem.clone());
    let on_export = {
        let (state, id) = (state.clone(), id.to_string());
        let report = report_download(notice.clone());
        Callback::from(move |kind: Export| {
            if let Some(map) = state.library.get(&id) {
                let file = export(map, kind);
                report(download(&file.name, file.mime, &file.text));
            }
        })
    };
    let on_png = {
        let (state, id) = (state.clone(), id.to_string());
        let report = report_download(notice.clone());
        Callback::from(move |kind: Export| {
            let Some((name, picture)) = state.library.get(&id).and_then(|m| picture(m, kind))
            else {
                return;
            };
            let report = report.clone();
            wasm_bindgen_futures::spawn_local(async move {
                report(download_png(&name, &picture).await);
            });
        })
    };
    let on_compare_picture = compare_download(&state, id, &notice);
    let on_copy = Callback::from(|CopyRequest { text, answer }: CopyRequest| {
        wasm_bindgen_futures::spawn_local(async move {
            let copied = copy_text(&text).await;
            answer.emit(if copied { Copied::Yes } else { Copied::Refused })
        });
    });
    let on_print = Callback::from(|_: ()| print_page());
    let partner = state.library.partner(&map).cloned();
    let on_plan_to_be = {
        let (state, id) = (state.clone(), id.to_string());
        Callback::from(move |_: ()| {
            let fresh_id = fresh_map_id();
            state.dispatch(LibraryAction::PlanToBe {
                id: id.clone(),
                fresh_id: fresh_id.clone(),
                now: now(),
            });
            Route::Map(fresh_id).go();
        })
    };
    let on_duplicate_version = {
        let id = id.to_string();
        Callback::from(move |number: u32| {
            notice.set(Some(Notice::Info(
                "The version is now also a map of its own, in your maps.".into(),
            )));
            state.dispatch(LibraryAction::DuplicateVersion {
                id: id.clone(),
                number,
                fresh_id: fresh_map_id(),
                now: now(),
            });
        })
    };
    html! {
        <MapView key={id.to_string()} {map} {can_undo} {can_redo} {problem}
            on_edit={editing.on_edit} on_undo={editing.on_undo} on_redo={editing.on_redo}
            {on_back} {on_export} {on_png} {on_copy} {on_print} {on_duplicate_version} {partner} {on_plan_to_be} {on_compare_picture} today={today()} />
    }
}

/// Downloads the as-is and to-be picture of the open map and its partner.
fn compare_download(
    state: &UseReducerHandle<LibraryState>,
    id: &str,
    notice: &UseStateHandle<Option<Notice>>,
) -> Callback<ComparePicture> {
    let (state, id) = (state.clone(), id.to_string());
    let report = report_download(notice.clone());
    Callback::from(move |ComparePicture { format, persona }: ComparePicture| {
        let Some(map) = state.library.get(&id) else {
            return;
        };
        let Some(partner) = state.library.partner(map) else {
            return;
        };
        let (as_is, to_be) = as_is_first(map, partner);
        match format {
            ImageFormat::Svg => {
                let file = compare_file(as_is, to_be, persona);
                report(download(&file.name, file.mime, &file.text));
            }
            ImageFormat::Png => {
                let (name, picture) = compare_picture(as_is, to_be, persona);
                let report = report.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    report(download_png(&name, &picture).await);
                });
            }
        }
    })
}

/// Saves one copy of the share link's map and opens it, in place of the `#/save/` route in the
/// history, so neither Back nor a reload comes to that route and saves again. A link that cannot
/// be read goes to its read-only page, which says why.
pub fn save_copy(
    payload: &str,
    state: &UseReducerHandle<LibraryState>,
    notice: &UseStateHandle<Option<Notice>>,
) {
    let (payload, state, notice) = (payload.to_string(), state.clone(), notice.clone());
    wasm_bindgen_futures::spawn_local(async move {
        match open_link(&payload).await {
            Ok(map) => save_opened(map, &state, &notice),
            Err(_) => Route::Shared(payload).replace(),
        }
    });
}

fn save_opened(
    Shared { map, partner }: Shared,
    state: &UseReducerHandle<LibraryState>,
    notice: &UseStateHandle<Option<Notice>>,
) {
    let fresh_id = fresh_map_id();
    let id = state.library.import_id(&map, &fresh_id);
    notice.set(Some(Notice::Info(match &partner {
        Some(partner) => format!(
            "Saved copies of “{}” and “{}”, its as-is and to-be pair, to your maps.",
            map.name, partner.name
        ),
        None => format!("Saved a copy of “{}” to your maps.", map.name),
    })));
    state.dispatch(match partner {
        Some(partner) => LibraryAction::ImportPair {
            map: Box::new(map),
            partner: Box::new(partner),
            fresh_ids: [fresh_id, fresh_map_id()],
            now: now(),
        },
        None => LibraryAction::Import {
            map: Box::new(map),
            fresh_id,
            now: now(),
        },
    });
    Route::Map(id).replace();
}
