//! A map file: refused with a message or read into a valid map.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(map) = journey_core::import_json(text) {
        assert!(journey_core::validate(&map).is_empty());
    }
});
