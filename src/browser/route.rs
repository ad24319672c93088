//! Which view is open, kept in the URL fragment so reload and the back button keep the place.
//! A shared map travels whole in the fragment too, so it never reaches a server.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Library,
    Map(String),
    /// A map from a share link, shown read-only: the link's payload.
    Shared(String),
    /// The same, made for a frame on another site: no editing chrome, no storage.
    Embed(String),
    /// Saves one copy of a share link's map and opens it: where the embed module's
    /// "Save a copy to my maps" sends the page, for the app to load.
    Save(String),
    /// Debug builds only: panics on purpose, to test the crash screen.
    DebugPanic,
}

const MAP_PREFIX: &str = "#/map/";
const SHARED_PREFIX: &str = "#/view/";
const EMBED_PREFIX: &str = "#/embed/";
const SAVE_PREFIX: &str = "#/save/";

impl Route {
    pub fn parse(hash: &str) -> Route {
        if cfg!(debug_assertions) && hash == "#/debug/panic" {
            return Route::DebugPanic;
        }
        let after = |prefix: &str| {
            hash.strip_prefix(prefix)
                .filter(|rest| !rest.is_empty())
                .map(str::to_string)
        };
        if let Some(id) = after(MAP_PREFIX) {
            Route::Map(id)
        } else if let Some(payload) = after(SHARED_PREFIX) {
            Route::Shared(payload)
        } else if let Some(payload) = after(EMBED_PREFIX) {
            Route::Embed(payload)
        } else if let Some(payload) = after(SAVE_PREFIX) {
            Route::Save(payload)
        } else {
            Route::Library
        }
    }

    pub fn hash(&self) -> String {
        match self {
            Route::Library | Route::DebugPanic => "#/".to_string(),
            Route::Map(id) => format!("{MAP_PREFIX}{id}"),
            Route::Shared(payload) => format!("{SHARED_PREFIX}{payload}"),
            Route::Embed(payload) => format!("{EMBED_PREFIX}{payload}"),
            Route::Save(payload) => format!("{SAVE_PREFIX}{payload}"),
        }
    }

    pub fn current() -> Route {
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        Route::parse(&hash)
    }

    /// Changes the fragment; the app follows through its `hashchange` listener.
    pub fn go(&self) {
        let _ = gloo::utils::window().location().set_hash(&self.hash());
    }

    /// Changes the fragment in place of the current history entry, so Back and a reload never
    /// come to the route being left (a `#/save/` that has done its work).
    pub fn replace(&self) {
        let _ = gloo::utils::window().location().replace(&self.hash());
    }
}

/// Loads the page again at the current route, for the page's loader to pick the module that
/// serves it: how the app and the embed module hand a route to each other.
pub fn load_again() {
    let _ = gloo::utils::window().location().reload();
}

/// Where this page lives, without query or fragment: the base of every link the app hands out,
/// so a copy hosted under a sub-path links to itself.
pub fn page_address() -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}
