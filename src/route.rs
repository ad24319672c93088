//! Which view is open, kept in the URL fragment so reload and the back button keep the place.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Library,
    Map(String),
    /// Debug builds only: panics on purpose, to test the crash screen.
    DebugPanic,
}

const MAP_PREFIX: &str = "#/map/";

impl Route {
    pub fn parse(hash: &str) -> Route {
        if cfg!(debug_assertions) && hash == "#/debug/panic" {
            return Route::DebugPanic;
        }
        match hash.strip_prefix(MAP_PREFIX) {
            Some(id) if !id.is_empty() => Route::Map(id.to_string()),
            _ => Route::Library,
        }
    }

    pub fn hash(&self) -> String {
        match self {
            Route::Library | Route::DebugPanic => "#/".to_string(),
            Route::Map(id) => format!("{MAP_PREFIX}{id}"),
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
}
