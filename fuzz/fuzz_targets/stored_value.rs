//! A value found under a map key in browser storage: read as a map or set aside, never both.
#![no_main]

use journey_core::store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let loaded = store::load([(store::map_key("m"), text.to_string())]);
    assert_eq!(loaded.maps.len() + loaded.unreadable.len(), 1);
    let _ = store::revision_of(text);
});
