//! `Retry-After` (seconds and the three HTTP date forms), network-error
//! descriptions and API error bodies, from any text (`props::parsers`).
#![no_main]

use heymarket_wasm::props;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, f64)| {
    props::parsers(input.0, input.1);
});
