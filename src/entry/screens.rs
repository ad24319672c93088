//! The screens module's root (`src/bin/screens.rs`): the screens a user opens from a map beside
//! its editor (saved versions and what changed between them, the score report, personas side by
//! side, as-is and to-be side by side, the survey import), mounted by the app into its map view (`browser/screen_loader.rs`). It holds no map of its own: the app shows
//! it the open map's document, and each change is a request back to the app, the map's one owner.

use std::rc::Rc;

use journey_core::{import_json, Edit, JourneyMap};
use wasm_bindgen::JsValue;
use web_sys::Element;
use yew::prelude::*;
use yew::AppHandle;

use crate::browser::screen_link::{Request, Screen};
use crate::components::survey::survey_import::SurveyImport;
use crate::components::versions::versions_panel::VersionsPanel;
use crate::components::versions::Showing;
use crate::entry::reading::read_picked;
use crate::views::persona_compare::PersonaCompare;
use crate::views::plan_compare::PlanCompare;
use crate::views::score_report::ScoreReport;
use crate::views::version_view::VersionView;

#[derive(Properties, PartialEq)]
pub struct ScreensRootProps {
    pub screen: Screen,
    /// `None` until the app shows the module a map.
    pub map: Option<Rc<JourneyMap>>,
    /// The other map of an as-is and to-be pair.
    pub partner: Option<Rc<JourneyMap>>,
    /// Today, `YYYY-MM-DD`.
    pub today: AttrValue,
    pub on_request: Callback<Request>,
}

#[component]
pub fn ScreensRoot(props: &ScreensRootProps) -> Html {
    let showing = use_state_eq(|| None::<Showing>);
    let Some(map) = props.map.clone() else {
        return Html::default();
    };
    let on_request = props.on_request.clone();
    let on_edit = Callback::from(move |edit: Edit| {
        if let Some(request) = Request::of_edit(edit) {
            on_request.emit(request);
        }
    });
    let on_close = props.on_request.reform(|_| Request::Close);
    match (props.screen, *showing) {
        (Screen::Personas, _) => html! { <PersonaCompare {map} {on_close} /> },
        (Screen::Plan, _) => {
            html! { <PlanCompare {map} partner={props.partner.clone()} {on_close} /> }
        }
        (Screen::Import, _) => import_screen(map, on_edit, on_close),
        (Screen::Report, _) => html! {
            <ScoreReport {map} today={props.today.clone()} {on_close}
                on_print={props.on_request.reform(|_| Request::Print)} />
        },
        (Screen::Versions, Some(shown)) => {
            let on_back = Callback::from(move |_| showing.set(None));
            html! { <VersionView {map} showing={shown} {on_edit} {on_back} /> }
        }
        (Screen::Versions, None) => html! {
            <VersionsPanel {map} today={props.today.clone()} {on_edit}
                on_save={props.on_request.reform(|name| Request::SaveVersion { name })}
                on_show={Callback::from(move |s| showing.set(Some(s)))}
                on_duplicate={props.on_request.reform(|number| Request::DuplicateVersion { number })}
                {on_close} />
        },
    }
}

/// The survey import, whose files this module reads itself, as the app's page does its own.
fn import_screen(map: Rc<JourneyMap>, on_edit: Callback<Edit>, on_close: Callback<()>) -> Html {
    html! {
        <div class="import-screen">
            <div class="versions-head">
                <h2>{ format!("Import survey answers into {}", map.name) }</h2>
                <button type="button" onclick={on_close.reform(|_| ())}>{ "Back to the map" }</button>
            </div>
            <SurveyImport {map} {on_edit} on_read={Callback::from(read_picked)} />
        </div>
    }
}

#[component]
fn Spare() -> Html {
    Html::default()
}

/// Each wasm instance of yew numbers the roots it listens on from 1, and the app's one root is 1.
/// This module's root sits inside the app's, whose listeners see its events first: with the same
/// number the app takes them for its own and runs whichever of its handlers shares the clicked
/// element's listener number (a "Read the file" click opened the app's Versions screen). A root
/// mounted and dropped first makes this module's number 2 or more.
fn claim_a_root_number() {
    if let Ok(spare) = gloo::utils::document().create_element("div") {
        yew::Renderer::<Spare>::with_root(spare).render().destroy();
    }
}

/// The module mounted in an element of the app's page.
pub struct ScreenModule {
    app: AppHandle<ScreensRoot>,
    on_request: Callback<Request>,
}

impl ScreenModule {
    /// Mounts the module in `host`; each request goes to `on_request` as its kind, number and text.
    pub fn mount(host: Element, on_request: js_sys::Function) -> ScreenModule {
        let on_request = Callback::from(move |request: Request| {
            let (kind, number, text) = request.parts();
            let _ = on_request.call3(&JsValue::NULL, &kind.into(), &number.into(), &text.into());
        });
        let props = ScreensRootProps {
            screen: Screen::Versions,
            map: None,
            partner: None,
            today: AttrValue::default(),
            on_request: on_request.clone(),
        };
        claim_a_root_number();
        let app = yew::Renderer::<ScreensRoot>::with_root_and_props(host, props).render();
        ScreenModule { app, on_request }
    }

    /// Shows `screen` for the map in the document `map`, with its partner's (empty: none); a
    /// document that does not read leaves the screen as it was and says why.
    pub fn show(
        &mut self,
        screen: &str,
        map: &str,
        partner: &str,
        today: &str,
    ) -> Result<(), String> {
        let screen = Screen::named(screen).ok_or_else(|| format!("no screen named {screen}"))?;
        let map = import_json(map).map_err(|e| format!("the map did not read: {e}"))?;
        let partner = match partner {
            "" => None,
            text => Some(Rc::new(
                import_json(text).map_err(|e| format!("the other map did not read: {e}"))?,
            )),
        };
        self.app.update(ScreensRootProps {
            screen,
            map: Some(Rc::new(map)),
            partner,
            today: today.to_string().into(),
            on_request: self.on_request.clone(),
        });
        Ok(())
    }

    pub fn close(self) {
        self.app.destroy();
    }
}
