//! The app's side of the screens module: fetched through the page's loader the first time a user
//! opens one of its screens (and kept by the offline worker like the app), mounted into an
//! element of the app's page, shown the open map as its document, and closed with the screen.
//! The module keeps no map of its own: whatever it shows came from the app, and whatever it
//! changes comes back as a request for the app to apply.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;
use yew::Callback;

use crate::browser::js_error::described;
use crate::browser::screen_link::{Request, Screen};

/// The screens module mounted in an element of the page.
pub struct ScreenModule {
    instance: JsValue,
    /// Kept alive as long as the module may call it.
    _on_request: Closure<dyn Fn(String, u32, String)>,
}

fn method(target: &JsValue, name: &str) -> Result<Function, String> {
    Reflect::get(target, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| format!("the screens module has no {name}"))
}

/// Fetches the module (once per page) and mounts it in `host`. Each request it sends reaches
/// `on_request` in a task of its own, after the module's own event handling has returned.
pub async fn open(host: &Element, on_request: Callback<Request>) -> Result<ScreenModule, String> {
    let window = gloo::utils::window();
    let load = method(&window, "journeyscopeScreens")?;
    let promise: Promise = load
        .call0(&JsValue::NULL)
        .map_err(described)?
        .dyn_into()
        .map_err(|_| "the page's loader did not start fetching the screens module".to_string())?;
    let bindings = JsFuture::from(promise).await.map_err(described)?;
    let class = method(&bindings, "ScreenModule")?;
    let on_request = Closure::<dyn Fn(String, u32, String)>::new(
        move |kind: String, number: u32, text: String| {
            if let Some(request) = Request::from_parts(&kind, number, text) {
                let on_request = on_request.clone();
                yew::platform::spawn_local(async move { on_request.emit(request) });
            }
        },
    );
    let instance =
        Reflect::construct(&class, &Array::of2(host, on_request.as_ref())).map_err(described)?;
    Ok(ScreenModule {
        instance,
        _on_request: on_request,
    })
}

impl ScreenModule {
    /// Shows `screen` for the map whose document is `map`, with its as-is or to-be partner's
    /// document (empty without one).
    pub fn show(
        &self,
        screen: Screen,
        map: &str,
        partner: &str,
        today: &str,
    ) -> Result<(), String> {
        let args = Array::of4(
            &screen.name().into(),
            &map.into(),
            &partner.into(),
            &today.into(),
        );
        method(&self.instance, "show")?
            .apply(&self.instance, &args)
            .map(drop)
            .map_err(described)
    }
}

impl Drop for ScreenModule {
    fn drop(&mut self) {
        if let Ok(close) = method(&self.instance, "close") {
            let _ = close.call0(&self.instance);
        }
    }
}
