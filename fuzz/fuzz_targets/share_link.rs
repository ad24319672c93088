//! A share link's fragment: refused with a message or read into a valid map. Inputs are tried
//! as they are and behind the `j1.` tag, so the fuzzer reaches the inflater and the map reader.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for payload in [text.to_string(), format!("j1.{text}")] {
        if let Ok(map) = journey_core::share::decode(&payload) {
            assert!(journey_core::validate(&map).is_empty());
        }
    }
});
