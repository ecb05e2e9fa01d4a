//! Handing a call's JS arguments to the table-driven validation in
//! [`crate::api::params`]: path arguments, the positional array, and the
//! params object, read as an `Object.entries` snapshot. Scalars go through
//! serde-wasm-bindgen's deserializer (the same seedless reads as the
//! options), free-form JSON through the host's `JSON.stringify` — so nested
//! values are copied into wasm once, as text, and never as a value tree.

use js_sys::{Array, JSON};
use wasm_bindgen::{JsCast, JsValue};

use super::de::scalar;
use super::{entries, is_array, type_name};
use crate::api::params::{self, Given, Settings, Validated};
use crate::api::table::{Endpoint, ItemTy, Ty};
use crate::core::error::Error;

/// A value for a field of type `ty`.
pub fn given(v: &JsValue, ty: Ty) -> Result<Given, String> {
    if v.is_undefined() || v.is_null() {
        return Ok(Given::Absent);
    }
    if ty == Ty::Json {
        return json(v);
    }
    if let Some(item) = ty.item() {
        if is_array(v) {
            let list = super::copy_array(v).ok_or_else(|| "the array could not be read".to_owned())?;
            return list.iter().map(|item_v| given(&item_v, item)).collect::<Result<_, _>>().map(Given::List);
        }
    }
    Ok(scalar(v).unwrap_or_else(|| Given::Other(type_name(v))))
}

/// The JSON text of `v`, or why it has none (a BigInt, a cycle, a symbol).
fn json(v: &JsValue) -> Result<Given, String> {
    match JSON::stringify(v) {
        Ok(text) => Ok(text.as_string().map_or_else(|| Given::Other(type_name(v)), Given::Json)),
        Err(e) => Err(super::describe_error(&e)),
    }
}

/// A positional array argument.
pub fn items(v: &JsValue, item: ItemTy) -> Result<Given, String> {
    if !is_array(v) {
        return Ok(if v.is_undefined() { Given::Absent } else { Given::Other(type_name(v)) });
    }
    let list = super::copy_array(v).ok_or_else(|| "the array could not be read".to_owned())?;
    list.iter()
        .map(|x| match item {
            ItemTy::Object if x.is_object() && !is_array(&x) && !x.is_function() => json(&x),
            _ => Ok(scalar(&x).unwrap_or_else(|| Given::Other(type_name(&x)))),
        })
        .collect::<Result<_, _>>()
        .map(Given::List)
}

/// Validate the params object `v` (`undefined`: none) for `ep`.
pub fn params(ep: &Endpoint, v: &JsValue, settings: Settings<'_>) -> Result<Validated, Error> {
    let invalid = Error::invalid;
    if !v.is_undefined() && (!v.is_object() || is_array(v) || v.is_function()) {
        return Err(invalid(format!("{}: params must be an object, got {}", ep.name, type_name(v))));
    }
    let mut got = Validated::default();
    if !v.is_undefined() {
        let Some(pairs) = entries(v) else {
            return Err(invalid(format!(
                "{}: the params could not be read (a revoked Proxy or a throwing getter?)",
                ep.name
            )));
        };
        for pair in pairs.iter() {
            let pair: Array = pair.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            let field = params::field(ep, &key).map_err(invalid)?;
            let value = given(&pair.get(1), field.ty).map_err(|why| {
                invalid(format!("{}: {} could not be serialised as JSON: {why}", ep.name, field.name))
            })?;
            if let Some(out) = params::check(ep, field, value, settings).map_err(invalid)? {
                got.set(field, out);
            }
        }
    }
    params::finish(ep, &got).map_err(invalid)?;
    Ok(got)
}
