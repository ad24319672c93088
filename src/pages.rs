//! The pages besides the library, chosen by the root's type parameter. The full app has the map
//! editor and the shared views; the library module that a first visit loads has none of that
//! code, and hands the page over to the full app when a map is opened (see `docs/architecture.md`).
//! The library's file work (export, import, templates) is the type's too: the library module
//! borrows the full app's, so the writers and readers it needs for little else stay out of it.

use std::rc::Rc;

use journey_core::exports::{
    export, map_file, picture, read_map, Export, ExportFile, MAP_FILE_MIME,
};
use journey_core::store::carry;
use journey_core::{JourneyMap, Millis, Template};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::app::report_download;
use crate::browser::{fresh_map_id, now};
use crate::components::banners::Notice;
use crate::components::opening_editor::OpeningEditor;
use crate::files::{copy_text, download, download_png};
use crate::handoff;
use crate::route::Route;
use crate::state::library::{LibraryAction, LibraryState};
use crate::views::map::MapView;
use crate::views::shared::SharedView;

/// What a page may use of the root's state.
pub struct PageContext {
    pub state: UseReducerHandle<LibraryState>,
    pub notice: UseStateHandle<Option<Notice>>,
}

/// What the library's file work hands back, when it is done.
pub type Done<T> = Box<dyn FnOnce(Result<T, String>)>;

pub trait Pages: 'static {
    /// The page for any route but the library's.
    fn page(route: &Route, context: PageContext) -> Html;
    /// A map's JSON file, for the library's Export.
    fn export_file(map: &JourneyMap, done: Done<ExportFile>);
    /// A map from a file the user chose or dropped: a map file, or a Mermaid journey (given
    /// `new_id`).
    fn read_file(text: String, new_id: String, now: Millis, done: Done<JourneyMap>);
    /// A new map from a template.
    fn from_template(template: Template, id: String, now: Millis, done: Done<JourneyMap>);
}

/// The full app: the map editor, a shared map, an embedded map.
pub struct Full;

impl Pages for Full {
    fn page(route: &Route, context: PageContext) -> Html {
        match route {
            Route::Map(id) => map_page(id, context),
            Route::Shared(payload) => shared_page(payload, context),
            Route::Embed(payload) => {
                html! { <SharedView payload={payload.clone()} embed={true} /> }
            }
            Route::Library | Route::DebugPanic => Html::default(),
        }
    }

    fn export_file(map: &JourneyMap, done: Done<ExportFile>) {
        done(Ok(map_file(map)));
    }

    fn read_file(text: String, new_id: String, now: Millis, done: Done<JourneyMap>) {
        done(read_map(&text, new_id, now));
    }

    fn from_template(template: Template, id: String, now: Millis, done: Done<JourneyMap>) {
        done(Ok(template.build(id, now)));
    }
}

/// The editor of the map with this id, with the file IO it asks for.
fn map_page(id: &str, PageContext { state, notice }: PageContext) -> Html {
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
    let on_change = {
        let state = state.clone();
        Callback::from(move |map: Rc<JourneyMap>| state.dispatch(LibraryAction::Replace(map)))
    };
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
        let id = id.to_string();
        let report = report_download(notice);
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
    let on_copy = Callback::from(|(text, answer): (String, Callback<bool>)| {
        wasm_bindgen_futures::spawn_local(async move { answer.emit(copy_text(&text).await) });
    });
    html! {
        <MapView key={id.to_string()} {map} {on_change} {on_back} {on_export} {on_png} {on_copy} />
    }
}

/// A share link's map, read-only, which can be saved into this browser's maps; at once when the
/// embed module handed the page over to save it.
fn shared_page(payload: &str, PageContext { state, notice }: PageContext) -> Html {
    let on_save_copy = Callback::from(move |map: JourneyMap| {
        let fresh_id = fresh_map_id();
        let id = state.library.import_id(&map, &fresh_id);
        notice.set(Some(Notice::Info(format!(
            "Saved a copy of “{}” to your maps.",
            map.name
        ))));
        state.dispatch(LibraryAction::Import {
            map: Box::new(map),
            fresh_id,
            now: now(),
        });
        Route::Map(id).go();
    });
    let save_at_once = handoff::take_save_copy();
    html! { <SharedView payload={payload.to_string()} embed={false} {on_save_copy} {save_at_once} /> }
}

/// The library module's one other page: it asks the page to start the full app, which then
/// takes over the page and the route.
pub struct HandOff;

impl Pages for HandOff {
    fn page(_: &Route, PageContext { notice, .. }: PageContext) -> Html {
        // The library module is still on the page: back to the library, saying why.
        let on_failed = Callback::from(move |why: String| {
            notice.set(Some(Notice::Error(format!(
                "This could not be opened: the rest of the app could not be loaded ({why}). \
                 Your maps are unchanged; check the connection and try again."
            ))));
            Route::Library.go();
        });
        html! { <OpeningEditor {on_failed} /> }
    }

    fn export_file(map: &JourneyMap, done: Done<ExportFile>) {
        let carried = JsValue::from(carry([map]));
        spawn_local(async move {
            let answer = handoff::borrow("export_file", [carried]).await;
            done(answer.map(|parts| {
                let parts = js_sys::Array::from(&parts);
                let part = |i| parts.get(i).as_string().unwrap_or_default();
                ExportFile {
                    name: part(0),
                    mime: MAP_FILE_MIME,
                    text: part(1),
                }
            }))
        });
    }

    fn read_file(text: String, new_id: String, now: Millis, done: Done<JourneyMap>) {
        let args = [text.into(), new_id.into(), (now as f64).into()];
        spawn_local(async move { done(handoff::borrow_map("read_file", args).await) });
    }

    fn from_template(template: Template, id: String, now: Millis, done: Done<JourneyMap>) {
        let args = [template.slug().into(), id.into(), (now as f64).into()];
        spawn_local(async move { done(handoff::borrow_map("from_template", args).await) });
    }
}
