//! Validating one call's arguments against its endpoint row, as pure Rust.
//!
//! The JS side ([`crate::js::args`]) reads the params object as an
//! `Object.entries` snapshot and hands each value over as a [`Given`]
//! (scalars through serde-wasm-bindgen, free-form JSON as the host's
//! `JSON.stringify` text); everything else happens here: unknown keys are
//! refused, types, enums and phones checked, required fields and the one-of
//! group enforced. Every error names the method and the field.

use super::path;
use super::phone;
use super::table::{Endpoint, Field, ItemTy, Items, Ty};
use super::value::Out;

/// Client settings validation needs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Settings<'a> {
    /// Completes 10-digit phone numbers (`"1"`).
    pub default_country_code: Option<&'a str>,
}

/// A JS value as handed over for checking.
#[derive(Clone, Debug, PartialEq)]
pub enum Given {
    /// `null` or `undefined`: not given.
    Absent,
    Bool(bool),
    Num(f64),
    Str(String),
    List(Vec<Given>),
    /// The JSON text of a free-form value (or of an object item).
    Json(String),
    /// Anything else, by its JS type name (`object`, `bigint`, `symbol`…).
    Other(String),
}

/// Params after validation: each given field with its value, in the order
/// the caller gave them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validated {
    pub fields: Vec<(&'static Field, Out)>,
}

impl Validated {
    /// Whether `name` was given.
    pub fn has(&self, name: &str) -> bool {
        self.fields.iter().any(|(f, _)| f.name == name)
    }

    /// Set `field` to `value`, replacing a given value (a page cursor).
    pub fn set(&mut self, field: &'static Field, value: Out) {
        self.fields.retain(|(f, _)| f.name != field.name);
        self.fields.push((field, value));
    }
}

/// The row's field for a params key, or the error for an unknown key.
pub fn field(ep: &Endpoint, key: &str) -> Result<&'static Field, String> {
    if let Some(f) = ep.field(key) {
        return Ok(f);
    }
    if ep.fields.is_empty() {
        return Err(format!("{} takes no params, got \"{key}\"", ep.name));
    }
    let mut message = cat(&[ep.name, ": unknown param \"", key, "\"; expected one of "]);
    let names: Vec<&str> = ep.fields.iter().map(|f| f.name).collect();
    push_list(&mut message, &names);
    Err(message)
}

/// The concatenation of `parts` (cheaper in the module than `format!`).
pub fn cat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// Append `items` separated by `, `.
pub fn push_list(out: &mut String, items: &[&str]) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
}

/// Check one given value against its field: `None` when not given.
pub fn check(ep: &Endpoint, field: &Field, given: Given, settings: Settings<'_>) -> Result<Option<Out>, String> {
    match (field.ty.item(), given) {
        (_, Given::Absent) => Ok(None),
        (Some(item), Given::List(items)) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, v) in items.into_iter().enumerate() {
                out.push(
                    scalar(item, v, settings)
                        .map_err(|want| format!("{}: {}[{i}] must be {want}", ep.name, field.name))?,
                );
            }
            Ok(Some(Out::List(out)))
        }
        (Some(_), v) => Err(format!("{}: {} must be {}, got {}", ep.name, field.name, want(field.ty), kind(&v))),
        (None, v) => scalar(field.ty, v, settings)
            .map(Some)
            .map_err(|want| format!("{}: {} must be {want}", ep.name, field.name)),
    }
}

/// What a type accepts, in an error message.
fn want(ty: Ty) -> &'static str {
    match ty {
        Ty::Int => "a safe integer",
        Ty::Id => "a positive safe integer",
        Ty::Str | Ty::Enum(_) => "a string",
        Ty::Bool => "a boolean",
        Ty::Phone => "a phone number (a string)",
        Ty::StrList => "an array of strings",
        Ty::IntList => "an array of integers",
        Ty::PhoneList => "an array of phone numbers",
        Ty::Json => "JSON-serialisable",
    }
}

/// How a given value reads in an error message.
fn kind(v: &Given) -> String {
    match v {
        Given::Absent => "nothing".into(),
        Given::Bool(_) => "boolean".into(),
        Given::Num(n) if n.fract() == 0.0 => "number".into(),
        Given::Num(n) if n.is_finite() => "a number with a fraction".into(),
        Given::Num(_) => "a number that is not finite".into(),
        Given::Str(_) => "string".into(),
        Given::List(_) => "array".into(),
        Given::Json(_) => "object".into(),
        Given::Other(t) => t.clone(),
    }
}

const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// A scalar of type `ty`, or what was wanted and what came instead.
fn scalar(ty: Ty, v: Given, settings: Settings<'_>) -> Result<Out, String> {
    let wrong = |v: &Given| format!("{}, got {}", want(ty), kind(v));
    match (ty, v) {
        (Ty::Json, Given::Json(text)) => Ok(Out::Json(text)),
        (Ty::Id, Given::Num(n)) if n.fract() == 0.0 && (1.0..=MAX_SAFE).contains(&n) =>
        {
            #[allow(clippy::cast_possible_truncation)]
            Ok(Out::Int(n as i64))
        }
        (Ty::Int, Given::Num(n)) if n.fract() == 0.0 && n.abs() <= MAX_SAFE =>
        {
            #[allow(clippy::cast_possible_truncation)]
            Ok(Out::Int(n as i64))
        }
        (Ty::Str, Given::Str(s)) => Ok(Out::Str(s)),
        (Ty::Bool, Given::Bool(b)) => Ok(Out::Bool(b)),
        (Ty::Phone, Given::Str(s)) => match phone::normalize(&s, settings.default_country_code) {
            Ok(p) => Ok(Out::Str(p)),
            Err(e) => Err(format!("a phone number: it {e}")),
        },
        (Ty::Enum(allowed), Given::Str(s)) if allowed.contains(&s.as_str()) => Ok(Out::Str(s)),
        (Ty::Enum(allowed), Given::Str(_)) => {
            let mut message = String::from("one of ");
            push_list(&mut message, allowed);
            Err(message)
        }
        (_, v) => Err(wrong(&v)),
    }
}

/// Required fields and the one-of group, once every given field is known.
pub fn finish(ep: &Endpoint, got: &Validated) -> Result<(), String> {
    for f in ep.fields.iter().filter(|f| f.required) {
        if !got.has(f.name) {
            return Err(cat(&[ep.name, ": ", f.name, " is required"]));
        }
    }
    if ep.one_of.is_empty() {
        return Ok(());
    }
    // An empty list names no target.
    let n = ep
        .one_of
        .iter()
        .filter(|name| got.fields.iter().any(|(f, v)| f.name == **name && *v != Out::List(Vec::new())))
        .count();
    let mut message = cat(&[ep.name, if n == 0 { ": one of " } else { ": give only one of " }]);
    push_list(&mut message, ep.one_of);
    match n {
        1 => Ok(()),
        0 => Err(message + " is required"),
        _ => Err(message),
    }
}

/// Check a positional array argument and write its part of the body.
pub fn items(ep: &Endpoint, def: &Items, given: Given) -> Result<String, String> {
    let Given::List(list) = given else {
        return Err(format!("{}: {} must be an array, got {}", ep.name, def.name, kind(&given)));
    };
    if list.is_empty() {
        return Err(format!("{}: {} must not be empty", ep.name, def.name));
    }
    let mut out = Vec::with_capacity(def.before.len() + def.after.len() + 64 * list.len());
    out.extend_from_slice(def.before.as_bytes());
    out.push(b'[');
    for (i, v) in list.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        match (def.item, v) {
            (ItemTy::Object, Given::Json(text)) => out.extend_from_slice(text.as_bytes()),
            (ItemTy::Uuid, Given::Str(s)) if path::is_uuid(&s) => super::value::push_string(&mut out, &s),
            (ItemTy::Object, v) => {
                return Err(format!("{}: {}[{i}] must be an object, got {}", ep.name, def.name, kind(&v)))
            }
            (ItemTy::Uuid, _) => return Err(format!("{}: {}[{i}] must be a UUID", ep.name, def.name)),
        }
    }
    out.push(b']');
    out.extend_from_slice(def.after.as_bytes());
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// Validate a whole params object given as `(key, value)` pairs.
pub fn validate(
    ep: &Endpoint,
    pairs: impl IntoIterator<Item = (String, Given)>,
    settings: Settings<'_>,
) -> Result<Validated, String> {
    let mut got = Validated::default();
    for (key, given) in pairs {
        let f = field(ep, &key)?;
        if let Some(v) = check(ep, f, given, settings)? {
            got.set(f, v);
        }
    }
    finish(ep, &got)?;
    Ok(got)
}

#[cfg(test)]
#[path = "params_tests.rs"]
pub mod tests;
