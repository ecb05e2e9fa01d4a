//! Reading caller-supplied JS objects into typed Rust values with
//! serde-wasm-bindgen.
//!
//! An object is first snapshotted with `Object.entries` inside `catch` (so a
//! revoked Proxy or a throwing getter is a typed error, and no caller code runs
//! while deserializing), then that array of `[key, value]` pairs is handed to
//! `serde_wasm_bindgen::Deserializer` as a map: the visitor sees every key, so
//! unknown keys are caught (serde-wasm-bindgen reads only declared fields of a
//! derived struct, which makes `deny_unknown_fields` a no-op there).
//!
//! Field seeds ([`Str`], [`Num`], [`Bool`], [`Func`], [`Signal`]) carry the
//! field's name, so every error names it: `timeoutMs must be a number, got
//! string`. `undefined` means "not given" (`None`); `null` is a type error.

use core::fmt;

use js_sys::Function;
use serde::de::{self, DeserializeSeed, Deserializer as _, MapAccess, Visitor};
use serde_wasm_bindgen::Deserializer;
use wasm_bindgen::{JsCast, JsValue};

use super::{entries, get, is_abort_signal, type_name};
use crate::core::error::Error;

/// Deserialize the object `obj` with a map visitor. `what` names it in errors
/// ("options"). Errors are `invalid_argument`.
pub fn read_object<T>(obj: &JsValue, what: &str, visitor: impl for<'de> Visitor<'de, Value = T>) -> Result<T, Error> {
    let Some(pairs) = entries(obj) else {
        return Err(Error::invalid(format!("the {what} could not be read (a revoked Proxy or a throwing getter?)")));
    };
    Deserializer::from(JsValue::from(pairs))
        .deserialize_map(visitor)
        .map_err(|e| Error::invalid(message(e).unwrap_or_else(|| format!("the {what} are invalid"))))
}

/// The message of a serde-wasm-bindgen error (a JS `Error`).
fn message(e: serde_wasm_bindgen::Error) -> Option<String> {
    get(&JsValue::from(e), "message").as_string()
}

/// The next key of a map, as a string.
pub fn next_key<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<String>, A::Error> {
    map.next_key::<String>()
}

/// An unknown key: `unknown client option "x"; expected one of a, b`.
pub fn unknown_key<E: de::Error>(key: &str, what: &str, known: &[&str]) -> E {
    E::custom(format_args!("unknown {what} \"{key}\"; expected one of {}", known.join(", ")))
}

/// The raw value (serde-wasm-bindgen's `preserve`); `None` for `undefined`.
fn raw<'de, D: de::Deserializer<'de>>(d: D) -> Result<Option<JsValue>, D::Error> {
    let v: JsValue = serde_wasm_bindgen::preserve::deserialize(d)?;
    Ok((!v.is_undefined()).then_some(v))
}

/// A JS primitive as serde's data model sees it.
enum Prim {
    Str(String),
    Num(f64),
    Bool(bool),
}

/// Visits one value, describing anything that is not a string, number or
/// boolean by its JS type, for the error message.
struct PrimVisitor;

impl<'de> Visitor<'de> for PrimVisitor {
    type Value = Result<Prim, &'static str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number or boolean")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Ok(Prim::Bool(v)))
    }
    #[allow(clippy::cast_precision_loss)] // safe integers only (serde-wasm-bindgen)
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Ok(Prim::Num(v as f64)))
    }
    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Ok(Prim::Num(v as f64)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Ok(Prim::Num(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Ok(Prim::Str(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Ok(Prim::Str(v)))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Err("null"))
    }
    fn visit_byte_buf<E>(self, _: Vec<u8>) -> Result<Self::Value, E> {
        Ok(Err("object"))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Ok(Err("array"))
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Ok(Err("object"))
    }
}

/// Deserialize a primitive, or say what the value was instead.
fn prim<E: de::Error>(v: JsValue) -> Result<Result<Prim, String>, E> {
    // Types serde's data model has no place for: name them ourselves (a
    // BigInt would otherwise pass as a number).
    if v.is_bigint() || v.is_symbol() || v.is_function() {
        return Ok(Err(type_name(&v)));
    }
    let got =
        Deserializer::from(v).deserialize_any(PrimVisitor).map_err(|e| E::custom(message(e).unwrap_or_default()))?;
    Ok(got.map_err(str::to_owned))
}

fn got_name(p: &Prim) -> &'static str {
    match p {
        Prim::Str(_) => "string",
        Prim::Num(_) => "number",
        Prim::Bool(_) => "boolean",
    }
}

macro_rules! prim_seed {
    ($(#[$doc:meta])* $name:ident, $variant:ident, $ty:ty, $want:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug)]
        pub struct $name(pub &'static str);

        impl<'de> DeserializeSeed<'de> for $name {
            type Value = Option<$ty>;
            fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                let Some(v) = raw(d)? else { return Ok(None) };
                let got = match prim::<D::Error>(v)? {
                    Ok(Prim::$variant(x)) => return Ok(Some(x)),
                    Ok(other) => got_name(&other).to_owned(),
                    Err(name) => name,
                };
                Err(de::Error::custom(format_args!(concat!("{} must be ", $want, ", got {}"), self.0, got)))
            }
        }
    };
}

prim_seed!(
    /// A string field.
    Str, Str, String, "a string"
);
prim_seed!(
    /// A number field (range checks are the caller's).
    Num, Num, f64, "a number"
);
prim_seed!(
    /// A boolean field.
    Bool, Bool, bool, "a boolean"
);

/// A function field (`fetch`, `now`).
#[derive(Clone, Copy, Debug)]
pub struct Func(pub &'static str);

impl<'de> DeserializeSeed<'de> for Func {
    type Value = Option<Function>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        match raw(d)? {
            None => Ok(None),
            Some(v) => v
                .dyn_into::<Function>()
                .map(Some)
                .map_err(|v| de::Error::custom(format_args!("{} must be a function, got {}", self.0, type_name(&v)))),
        }
    }
}

/// An `AbortSignal` field, checked structurally (another realm's or a
/// polyfill's signal counts).
#[derive(Clone, Copy, Debug)]
pub struct Signal(pub &'static str);

impl<'de> DeserializeSeed<'de> for Signal {
    type Value = Option<JsValue>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        match raw(d)? {
            None => Ok(None),
            Some(v) if is_abort_signal(&v) => Ok(Some(v)),
            Some(_) => Err(de::Error::custom(format_args!("{} must be an AbortSignal", self.0))),
        }
    }
}

/// Shorthand for visitors' `expecting`.
pub fn expecting(f: &mut fmt::Formatter<'_>, what: &str) -> fmt::Result {
    write!(f, "{what} as an object")
}
