//! HS256 tokens for any credentials (any unicode, any length) and `iat`:
//! they verify with an independent HMAC and decode to the claims
//! (`props::jwt`).
#![no_main]

use heymarket_wasm::props;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str, u64)| {
    props::jwt(input.0, input.1, input.2);
});
