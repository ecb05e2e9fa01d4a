//! Path building from any arguments: a path that builds stays under its
//! template (`props::path`).
#![no_main]

use arbitrary::Arbitrary;
use heymarket_wasm::api::path::Arg;
use heymarket_wasm::props;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum A {
    Number(f64),
    Text(String),
}

fuzz_target!(|input: (u8, Vec<A>)| {
    let (endpoint, args) = input;
    let args: Vec<Arg<'_>> = args.iter().map(|a| match a {
        A::Number(n) => Arg::Number(*n),
        A::Text(s) => Arg::Text(s),
    }).collect();
    props::path(usize::from(endpoint), &args);
});
