//! Reading caller-supplied JS objects into typed Rust values with
//! serde-wasm-bindgen, driven by a table of fields.
//!
//! An object is first snapshotted with `Object.entries` inside `catch` (so a
//! revoked Proxy or a throwing getter is a typed error, and no caller code runs
//! while deserializing). Every key of the snapshot is looked up in the table,
//! so unknown keys are caught (serde-wasm-bindgen reads only the declared
//! fields of a derived struct, which makes `deny_unknown_fields` a no-op
//! there), and each value goes through `serde_wasm_bindgen::Deserializer`
//! with its field's [`DeserializeSeed`], so every error names its field:
//! `timeoutMs must be a number, got string`. `undefined` means "not given";
//! `null` is a type error.
//!
//! One generic mechanism instead of a derived struct per options object keeps
//! the module small: serde code is instantiated once, not once per struct,
//! and walking the snapshot here rather than through serde's `MapAccess`
//! keeps the deserializer's map and iterator machinery out of the module
//! (measured: 0.4 KB gzip).

use core::fmt;

use js_sys::Array;
use serde::de::{self, DeserializeSeed, Deserializer as _, Visitor};
use serde_wasm_bindgen::Deserializer;
use wasm_bindgen::{JsCast, JsValue};

use super::{entries, get, is_abort_signal, is_array, type_name};
use crate::core::error::Error;

/// What a field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Str,
    /// Any number; range checks are the caller's.
    Num,
    Bool,
    Func,
    /// An `AbortSignal`, checked structurally (another realm's counts).
    Signal,
    /// Any object (a logger).
    Obj,
    /// Any value but `undefined`, kept as it is (`rateLimit`: an object or `false`).
    Any,
}

/// One row of a field table.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
}

impl Field {
    pub const fn new(name: &'static str, kind: Kind) -> Field {
        Field { name, kind }
    }
}

/// A field's value, of the field's kind.
#[derive(Debug)]
pub enum Value {
    Str(String),
    Num(f64),
    Bool(bool),
    /// A function or an `AbortSignal`, kept as the JS value.
    Js(JsValue),
}

/// Values read by [`read_fields`], one slot per table row, taken in order.
#[derive(Debug)]
pub struct Slots(std::vec::IntoIter<Option<Value>>);

impl Slots {
    fn next(&mut self) -> Option<Value> {
        self.0.next().flatten()
    }
    /// The next slot, of kind [`Kind::Str`].
    pub fn str(&mut self) -> Option<String> {
        match self.next()? {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
    /// The next slot, of kind [`Kind::Num`].
    pub fn num(&mut self) -> Option<f64> {
        match self.next()? {
            Value::Num(n) => Some(n),
            _ => None,
        }
    }
    /// The next slot, of kind [`Kind::Bool`].
    pub fn bool(&mut self) -> Option<bool> {
        match self.next()? {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }
    /// The next slot, of kind [`Kind::Func`] or [`Kind::Signal`].
    pub fn js<T: JsCast>(&mut self) -> Option<T> {
        match self.next()? {
            Value::Js(v) => Some(v.unchecked_into()),
            _ => None,
        }
    }
}

/// Read the object `obj` against `fields`. `what` names one key in errors
/// ("client option": `unknown client option "x"; expected one of …`).
/// Errors are `invalid_argument`.
pub fn read_fields(obj: &JsValue, what: &str, fields: &[Field]) -> Result<Slots, Error> {
    // Not a string or an array: `Object.entries` of a megabyte string is a
    // million pairs.
    if !obj.is_object() || is_array(obj) {
        return Err(Error::invalid(format!("the {what}s must be an object, got {}", type_name(obj))));
    }
    let Some(pairs) = entries(obj) else {
        return Err(Error::invalid(format!("the {what}s could not be read (a revoked Proxy or a throwing getter?)")));
    };
    let table = Fields { fields, what };
    let mut slots: Vec<Option<Value>> = fields.iter().map(|_| None).collect();
    // The snapshot is an array of `[key, value]` arrays made by
    // `Object.entries`: keys are strings, and each value goes through
    // serde-wasm-bindgen's deserializer with its field's seed.
    for pair in pairs.iter() {
        let pair: Array = pair.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        let i = table.index(&key).map_err(Error::invalid)?;
        if let (Some(slot), Some(field)) = (slots.get_mut(i), fields.get(i)) {
            *slot = field
                .deserialize(Deserializer::from(pair.get(1)))
                .map_err(|e| Error::invalid(message(e).unwrap_or_else(|| format!("invalid {what}s"))))?;
        }
    }
    Ok(Slots(slots.into_iter()))
}

/// The message of a serde-wasm-bindgen error (a JS `Error`).
fn message(e: serde_wasm_bindgen::Error) -> Option<String> {
    get(&JsValue::from(e), "message").as_string()
}

/// A field table and how its keys are called in errors.
struct Fields<'a> {
    fields: &'a [Field],
    what: &'a str,
}

impl Fields<'_> {
    /// The row for `key`, or the message for an unknown key (not generic
    /// over the map type, so it exists once in the module).
    fn index(&self, key: &str) -> Result<usize, String> {
        if let Some(i) = self.fields.iter().position(|f| f.name == key) {
            return Ok(i);
        }
        let mut message = format!("unknown {} \"{key}\"; expected one of ", self.what);
        for (i, f) in self.fields.iter().enumerate() {
            message.push_str(if i == 0 { "" } else { ", " });
            message.push_str(f.name);
        }
        Err(message)
    }
}

impl<'de> DeserializeSeed<'de> for Field {
    type Value = Option<Value>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        // The raw value first (serde-wasm-bindgen's `preserve`): `undefined`
        // is "not given", and the JS type names the error.
        let raw: JsValue = serde_wasm_bindgen::preserve::deserialize(d)?;
        if raw.is_undefined() {
            return Ok(None);
        }
        let value = match self.kind {
            Kind::Func if raw.is_function() => Some(Value::Js(raw.clone())),
            Kind::Signal if is_abort_signal(&raw) => Some(Value::Js(raw.clone())),
            Kind::Obj if raw.is_object() => Some(Value::Js(raw.clone())),
            Kind::Any => Some(Value::Js(raw.clone())),
            Kind::Str | Kind::Num | Kind::Bool => primitive(&raw, self.kind),
            _ => None,
        };
        value.map(Some).ok_or_else(|| {
            let want = match self.kind {
                Kind::Str => "a string",
                Kind::Num => "a number",
                Kind::Bool => "a boolean",
                Kind::Func => "a function",
                Kind::Obj => "an object with debug/info/warn/error methods",
                Kind::Any => "given",
                Kind::Signal => return de::Error::custom(format_args!("{} must be an AbortSignal", self.name)),
            };
            de::Error::custom(format_args!("{} must be {want}, got {}", self.name, type_name(&raw)))
        })
    }
}

/// A string, number or boolean through serde's typed entry points (a BigInt
/// is no number here, as in JS arithmetic with one). Only a value of the
/// kind reaches serde: serde-wasm-bindgen's type errors format the value with
/// `Debug` (wasm-bindgen's debug string), which runs a Proxy's traps and
/// recurses without bound into nested arrays, throwing through the module.
fn primitive(raw: &JsValue, kind: Kind) -> Option<Value> {
    let d = Deserializer::from(raw.clone());
    match kind {
        Kind::Str if raw.is_string() => d.deserialize_string(Prim).ok(),
        Kind::Num if raw.as_f64().is_some() => d.deserialize_f64(Prim).ok(),
        Kind::Bool if raw.as_bool().is_some() => d.deserialize_bool(Prim).ok(),
        _ => None,
    }
}

/// Visits a string, number or boolean.
struct Prim;

impl Visitor<'_> for Prim {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number or boolean")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Num(v))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }
}

/// A string, number or boolean as a value for params validation, through
/// the same serde-wasm-bindgen reads as options; `None` for anything else.
pub fn scalar(raw: &JsValue) -> Option<crate::api::params::Given> {
    use crate::api::params::Given;
    let kind = if raw.is_string() {
        Kind::Str
    } else if raw.as_f64().is_some() {
        Kind::Num
    } else if raw.as_bool().is_some() {
        Kind::Bool
    } else {
        return None;
    };
    Some(match primitive(raw, kind)? {
        Value::Str(s) => Given::Str(s),
        Value::Num(n) => Given::Num(n),
        Value::Bool(b) => Given::Bool(b),
        Value::Js(_) => return None,
    })
}
