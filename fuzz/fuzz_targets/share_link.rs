//! A share link's fragment: refused with a message or read into valid maps. Inputs are tried
//! as they are and behind the `j1.` tag, so the fuzzer reaches the inflater and the map reader.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for payload in [text.to_string(), format!("j1.{text}")] {
        if let Ok(shared) = journey_core::share::decode(&payload) {
            assert!(journey_core::validate(&shared.map).is_empty());
            assert!(shared
                .partner
                .iter()
                .all(|p| journey_core::validate(p).is_empty()));
        }
    }
});
