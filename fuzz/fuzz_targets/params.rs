//! Params validation for any endpoint, any keys, any values: never panics,
//! and what passes builds what it validated (`props::params`).
#![no_main]

use arbitrary::Arbitrary;
use heymarket_wasm::api::params::Given;
use heymarket_wasm::props;
use libfuzzer_sys::fuzz_target;

/// A JS value as the JS side hands it over.
#[derive(Arbitrary, Debug)]
enum Value {
    Absent,
    Bool(bool),
    Num(f64),
    Str(String),
    List(Vec<Value>),
    Json(Json),
    Other(u8),
}

/// Free-form JSON, written as `JSON.stringify` would.
#[derive(Arbitrary, Debug)]
enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Num(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

#[derive(Arbitrary, Debug)]
enum Key {
    /// One of the endpoint's fields.
    Field(u8),
    Proto,
    Other(String),
}

#[derive(Arbitrary, Debug)]
struct Input {
    endpoint: u8,
    pairs: Vec<(Key, Value)>,
    country_code: Option<String>,
}

fn json(j: Json) -> serde_json::Value {
    use serde_json::Value as V;
    match j {
        Json::Null => V::Null,
        Json::Bool(b) => V::Bool(b),
        Json::Int(i) => V::from(i),
        // JSON.stringify writes NaN and ±Infinity as null.
        Json::Num(f) => serde_json::Number::from_f64(f).map_or(V::Null, V::Number),
        Json::Str(s) => V::String(s),
        Json::Array(items) => V::Array(items.into_iter().map(json).collect()),
        Json::Object(pairs) => V::Object(pairs.into_iter().map(|(k, v)| (k, json(v))).collect()),
    }
}

fn given(v: Value) -> Given {
    match v {
        Value::Absent => Given::Absent,
        Value::Bool(b) => Given::Bool(b),
        Value::Num(n) => Given::Num(n),
        Value::Str(s) => Given::Str(s),
        Value::List(items) => Given::List(items.into_iter().map(given).collect()),
        Value::Json(j) => Given::Json(json(j).to_string()),
        Value::Other(t) => Given::Other(["object", "bigint", "symbol", "function"][usize::from(t % 4)].to_owned()),
    }
}

fuzz_target!(|input: Input| {
    let ep = props::endpoint(usize::from(input.endpoint));
    let pairs = input
        .pairs
        .into_iter()
        .map(|(k, v)| {
            let key = match k {
                Key::Field(i) if !ep.fields.is_empty() => ep.fields[usize::from(i) % ep.fields.len()].name.to_owned(),
                Key::Field(_) | Key::Proto => "__proto__".to_owned(),
                Key::Other(s) => s,
            };
            (key, given(v))
        })
        .collect();
    props::params(usize::from(input.endpoint), pairs, input.country_code.as_deref());
});
