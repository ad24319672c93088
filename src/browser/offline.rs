//! The offline worker (`static/sw.js`), registered by the app alone.

/// Release builds register the worker that keeps the app usable offline (`static/sw.js`); debug
/// builds leave it out so a rebuilt app is never served from a cache. Registering takes the
/// browser a few milliseconds, so it waits until the first screen is drawn.
pub fn register_offline_worker() {
    if cfg!(debug_assertions) {
        return;
    }
    gloo::timers::callback::Timeout::new(AFTER_FIRST_SCREEN_MS, || {
        let navigator = gloo::utils::window().navigator();
        // Browsers without workers, or pages where they are not allowed, simply work online only.
        if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
            let registering = navigator.service_worker().register("./sw.js");
            // Awaited so a refusal is handled here rather than reported as an unhandled rejection.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(registering).await;
            });
        }
    })
    .forget();
}

const AFTER_FIRST_SCREEN_MS: u32 = 1_000;
