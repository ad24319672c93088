//! The route in the URL fragment, followed as it changes.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::browser::route::Route;

#[hook]
pub fn use_route() -> Route {
    let route = use_state_eq(Route::current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                route.set(Route::current());
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}
