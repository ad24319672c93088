//! Opens the screens module in an element of the page and keeps it showing the open map: the
//! module is fetched and mounted once, then shown the map's document each time the map changes,
//! and closed when the element goes. A map that changes while the module is still being fetched
//! is the one it first shows.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use journey_core::format::compact_json;
use journey_core::JourneyMap;
use yew::prelude::*;

use crate::browser::screen_link::{Request, Screen};
use crate::browser::screen_loader::{self, ScreenModule};

#[derive(Clone, Debug, PartialEq)]
pub enum Opening {
    Fetching,
    Open,
    Failed(String),
}

/// What the module shows: the screen, the map's document, its partner's (empty without one)
/// and today.
type Shown = (Screen, Rc<String>, Rc<String>, AttrValue);

fn show(module: &ScreenModule, (screen, map, partner, today): &Shown) -> Result<(), String> {
    module.show(*screen, map, partner, today)
}

#[hook]
pub fn use_screen_module(
    host: NodeRef,
    screen: Screen,
    map: Rc<JourneyMap>,
    partner: Option<Rc<JourneyMap>>,
    today: AttrValue,
    on_request: Callback<Request>,
) -> Opening {
    let opening = use_state_eq(|| Opening::Fetching);
    let mounted = use_mut_ref(|| None::<ScreenModule>);
    let document = use_memo(map, |map| Rc::new(compact_json(map)));
    let partner = use_memo(partner, |partner| {
        Rc::new(partner.as_deref().map(compact_json).unwrap_or_default())
    });
    let latest: Rc<RefCell<Shown>> = use_mut_ref(|| {
        let documents = ((*document).clone(), (*partner).clone());
        (screen, documents.0, documents.1, today.clone())
    });
    // The module keeps the first callback it is given; this one always reaches the current one.
    let current = use_mut_ref(|| on_request.clone());
    *current.borrow_mut() = on_request;
    {
        let (mounted, latest, opening) = (mounted.clone(), latest.clone(), opening.clone());
        use_effect_with((), move |_| {
            let alive = Rc::new(Cell::new(true));
            let (still, slot) = (alive.clone(), mounted.clone());
            let forward = Callback::from(move |r: Request| {
                // Cloned out first: the edit it emits may render this hook again at once.
                let on_request = current.borrow().clone();
                on_request.emit(r);
            });
            yew::platform::spawn_local(async move {
                let Some(element) = host.cast::<web_sys::Element>() else {
                    return;
                };
                let result = screen_loader::open(&element, forward).await;
                if !still.get() {
                    return;
                }
                match result.and_then(|c| show(&c, &latest.borrow()).map(|_| c)) {
                    Ok(module) => {
                        *slot.borrow_mut() = Some(module);
                        opening.set(Opening::Open);
                    }
                    Err(problem) => opening.set(Opening::Failed(problem)),
                }
            });
            move || {
                alive.set(false);
                mounted.borrow_mut().take();
            }
        });
    }
    {
        let opening = opening.clone();
        let shown = (screen, (*document).clone(), (*partner).clone(), today);
        use_effect_with(shown, move |shown| {
            *latest.borrow_mut() = shown.clone();
            if let Some(module) = mounted.borrow().as_ref() {
                if let Err(problem) = show(module, shown) {
                    opening.set(Opening::Failed(problem));
                }
            }
        });
    }
    (*opening).clone()
}
