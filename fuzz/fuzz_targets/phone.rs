//! Phone normalisation of any text, with any default country code: digits
//! only, 8–15 of them, and normalising again changes nothing (`props::phone`).
#![no_main]

use heymarket_wasm::props;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, Option<&str>)| {
    props::phone(input.0, input.1);
});
