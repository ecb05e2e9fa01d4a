//! Validating one call's params against its endpoint row: one
//! [`DeserializeSeed`] for every endpoint, generic over the serde
//! `Deserializer` (serde-wasm-bindgen in the module, serde_json in native
//! tests). Unknown keys are refused, types, enums and phones are checked,
//! required fields and one-of groups enforced; every error names the method
//! and the field. `null` and `undefined` mean "not given".

use core::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::phone;
use super::table::{Endpoint, Field, Place, Ty};
use super::value::Value;

/// Client settings validation needs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Settings<'a> {
    /// Completes 10-digit phone numbers (`"1"`).
    pub default_country_code: Option<&'a str>,
}

/// Params after validation: the query and the JSON body fields with their
/// values, in the order the caller gave them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Validated {
    pub query: Vec<(&'static Field, Value)>,
    pub body: Vec<(&'static Field, Value)>,
}

/// Validate the params that `d` holds (an object, or nothing) for `ep`.
pub fn validate<'de, D: de::Deserializer<'de>>(
    ep: &Endpoint,
    d: D,
    settings: Settings<'_>,
) -> Result<Validated, D::Error> {
    let got = d.deserialize_option(Root { ep, settings })?;
    check_presence(ep, &got).map_err(de::Error::custom)?;
    Ok(got)
}

/// Required fields and one-of groups, once every given field is known.
fn check_presence(ep: &Endpoint, got: &Validated) -> Result<(), String> {
    let given = |name: &str| got.query.iter().chain(&got.body).any(|(f, _)| f.name == name);
    for (_, f) in ep.fields.iter().filter(|(_, f)| f.required) {
        if !given(f.name) {
            return Err(format!("{}: {} is required", ep.name, f.name));
        }
    }
    for group in ep.one_of {
        let n = group.iter().filter(|name| given(name)).count();
        if n != 1 {
            let list = group.join(", ");
            return Err(if n == 0 {
                format!("{}: one of {list} is required", ep.name)
            } else {
                format!("{}: give only one of {list}", ep.name)
            });
        }
    }
    Ok(())
}

struct Root<'a> {
    ep: &'a Endpoint,
    settings: Settings<'a>,
}

impl<'de> Visitor<'de> for Root<'_> {
    type Value = Validated;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: params as an object", self.ep.name)
    }
    fn visit_none<E: de::Error>(self) -> Result<Validated, E> {
        Ok(Validated::default())
    }
    fn visit_unit<E: de::Error>(self) -> Result<Validated, E> {
        Ok(Validated::default())
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Validated, D::Error> {
        d.deserialize_map(self)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Validated, A::Error> {
        let mut out = Validated::default();
        while let Some(key) = map.next_key::<String>()? {
            let Some((place, field)) = self.ep.fields.iter().find(|(_, f)| f.name == key) else {
                let known: Vec<&str> = self.ep.fields.iter().map(|(_, f)| f.name).collect();
                return Err(de::Error::custom(format_args!(
                    "{}: unknown param \"{key}\"; expected one of {}",
                    self.ep.name,
                    known.join(", ")
                )));
            };
            let value = map.next_value_seed(FieldSeed { ep: self.ep, field, settings: self.settings })?;
            if let Some(v) = value {
                match place {
                    Place::Query => out.query.push((field, v)),
                    Place::Body => out.body.push((field, v)),
                }
            }
        }
        Ok(out)
    }
}

struct FieldSeed<'a> {
    ep: &'a Endpoint,
    field: &'a Field,
    settings: Settings<'a>,
}

impl FieldSeed<'_> {
    fn wrong<E: de::Error>(&self, got: &str) -> E {
        let want = match self.field.ty {
            Ty::Int => "an integer",
            Ty::Str => "a string",
            Ty::Bool => "a boolean",
            Ty::Phone => "a phone number (a string)",
            Ty::StrList => "an array of strings",
            Ty::IntList => "an array of integers",
            Ty::PhoneList => "an array of phone numbers",
            Ty::Json => "a JSON value",
            Ty::Enum(_) => "a string",
        };
        E::custom(format_args!("{}: {} must be {want}, got {got}", self.ep.name, self.field.name))
    }

    /// Check one scalar against the field's type (for lists: the item type).
    fn scalar<E: de::Error>(&self, v: Value, in_list: bool) -> Result<Value, E> {
        let ty = match (self.field.ty, in_list) {
            (Ty::StrList, true) => Ty::Str,
            (Ty::IntList, true) => Ty::Int,
            (Ty::PhoneList, true) => Ty::Phone,
            (ty, _) => ty,
        };
        match (ty, v) {
            (Ty::Json, v) => Ok(v),
            (Ty::Int, v @ Value::Int(_)) | (Ty::Bool, v @ Value::Bool(_)) | (Ty::Str, v @ Value::Str(_)) => Ok(v),
            (Ty::Phone, Value::Str(s)) => phone::normalize(&s, self.settings.default_country_code)
                .map(Value::Str)
                .map_err(|e| E::custom(format_args!("{}: {} {e}", self.ep.name, self.field.name))),
            (Ty::Enum(allowed), Value::Str(s)) if allowed.contains(&s.as_str()) => Ok(Value::Str(s)),
            (Ty::Enum(allowed), Value::Str(_)) => Err(E::custom(format_args!(
                "{}: {} must be one of {}",
                self.ep.name,
                self.field.name,
                allowed.join(", ")
            ))),
            (_, v) => Err(self.wrong(kind(&v))),
        }
    }
}

/// How a value reads in an error message.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Int(_) => "an integer",
        Value::Float(_) => "a number with a fraction",
        Value::Str(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn is_list(ty: Ty) -> bool {
    matches!(ty, Ty::StrList | Ty::IntList | Ty::PhoneList)
}

impl<'de> DeserializeSeed<'de> for FieldSeed<'_> {
    type Value = Option<Value>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Option<Value>, D::Error> {
        let v = d.deserialize_any(AnyValue)?;
        match v {
            Value::Null => Ok(None),
            Value::Array(items) if is_list(self.field.ty) => {
                let items = items.into_iter().map(|item| self.scalar(item, true)).collect::<Result<Vec<_>, _>>()?;
                Ok(Some(Value::Array(items)))
            }
            v if is_list(self.field.ty) => Err(self.wrong(kind(&v))),
            v => self.scalar(v, false).map(Some),
        }
    }
}

/// Any JSON value. Integers outside JS's safe range are refused (they would
/// not survive a round trip through a JS number).
struct AnyValue;

const MAX_SAFE: i64 = 9_007_199_254_740_991;

impl<'de> Visitor<'de> for AnyValue {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        if (-MAX_SAFE..=MAX_SAFE).contains(&v) {
            Ok(Value::Int(v))
        } else {
            Err(E::custom("an integer outside JS's safe range"))
        }
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        i64::try_from(v).map_err(|_| E::custom("an integer outside JS's safe range")).and_then(|v| self.visit_i64(v))
    }
    #[allow(clippy::cast_possible_truncation)]
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        if !v.is_finite() {
            return Err(E::custom("a number that is not finite (NaN or ±Infinity)"));
        }
        if v.fract() == 0.0 && v.abs() <= 9_007_199_254_740_991.0 {
            return Ok(Value::Int(v as i64));
        }
        Ok(Value::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(AnyValueSeed)? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = Vec::new();
        while let Some(k) = map.next_key::<String>()? {
            fields.push((k, map.next_value_seed(AnyValueSeed)?));
        }
        Ok(Value::Object(fields))
    }
}

struct AnyValueSeed;

impl<'de> DeserializeSeed<'de> for AnyValueSeed {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(AnyValue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::endpoints::{CONTACTS_SET_STATUS, CONVERSATIONS_LIST, MESSAGES_HISTORY, MESSAGES_SEND};

    fn check(ep: &Endpoint, json: &str) -> Result<Validated, String> {
        let mut d = serde_json::Deserializer::from_str(json);
        validate(ep, &mut d, Settings { default_country_code: Some("1") }).map_err(|e| e.to_string())
    }

    fn body_json(v: &Validated) -> String {
        let mut out = Vec::new();
        let obj = Value::Object(v.body.iter().map(|(f, v)| (f.wire_name().to_owned(), v.clone())).collect());
        obj.write_json(&mut out, &|f, out: &mut Vec<u8>| out.extend_from_slice(f.to_string().as_bytes()));
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_send_is_validated_and_normalised() {
        let v = check(
            &MESSAGES_SEND,
            r#"{"inbox_id": 9, "creator_id": 42, "phone_number": "+1 (415) 555-1234", "text": "hi"}"#,
        );
        let v = v.unwrap();
        assert_eq!(body_json(&v), r#"{"inbox_id":9,"creator_id":42,"phone_number":"14155551234","text":"hi"}"#);
        assert!(v.query.is_empty());
        // The body re-parses to the validated fields.
        let back: serde_json::Value = serde_json::from_str(&body_json(&v)).unwrap();
        assert_eq!(back["phone_number"], "14155551234");
        let group = check(
            &MESSAGES_SEND,
            r#"{"inbox_id": 9, "creator_id": 42, "targets": ["4155551234", "+44 20 7946 0958"]}"#,
        );
        assert_eq!(
            body_json(&group.unwrap()),
            r#"{"inbox_id":9,"creator_id":42,"targets":["14155551234","442079460958"]}"#
        );
    }

    #[test]
    fn bad_sends_name_the_field() {
        for (json, want) in [
            (r#"{"creator_id": 42, "phone_number": "14155551234"}"#, "messages.send: inbox_id is required"),
            (
                r#"{"inbox_id": 9, "creator_id": 42}"#,
                "messages.send: one of phone_number, chat_id, list_id, targets is required",
            ),
            (
                r#"{"inbox_id": 9, "creator_id": 42, "chat_id": 1, "list_id": 2}"#,
                "messages.send: give only one of phone_number, chat_id, list_id, targets",
            ),
            (
                r#"{"inbox_id": "9", "creator_id": 42, "chat_id": 1}"#,
                "messages.send: inbox_id must be an integer, got a string",
            ),
            (
                r#"{"inbox_id": 9.5, "creator_id": 42, "chat_id": 1}"#,
                "messages.send: inbox_id must be an integer, got a number with a fraction",
            ),
            (
                r#"{"inbox_id": 9, "creator_id": 42, "phone_number": "call me"}"#,
                "messages.send: phone_number may hold only digits",
            ),
            (
                r#"{"inbox_id": 9, "creator_id": 42, "chat_id": 1, "txt": "typo"}"#,
                "messages.send: unknown param \"txt\"; expected one of inbox_id",
            ),
            (
                r#"{"inbox_id": 9, "creator_id": 42, "targets": "14155551234"}"#,
                "messages.send: targets must be an array of phone numbers, got a string",
            ),
            (r#"{"inbox_id": 9007199254740993, "creator_id": 42, "chat_id": 1}"#, "safe range"),
            (r#"[1, 2]"#, "params as an object"),
        ] {
            let got = check(&MESSAGES_SEND, json);
            assert!(got.as_ref().is_err_and(|e| e.contains(want)), "{json}: {got:?}");
        }
    }

    #[test]
    fn null_means_not_given() {
        let v =
            check(&MESSAGES_SEND, r#"{"inbox_id": 9, "creator_id": 42, "chat_id": 7, "text": null, "list_id": null}"#)
                .unwrap();
        assert_eq!(body_json(&v), r#"{"inbox_id":9,"creator_id":42,"chat_id":7}"#);
    }

    #[test]
    fn query_fields_use_their_wire_names() {
        let v = check(&MESSAGES_HISTORY, r#"{"phone_number": "4155551234", "inbox_id": 3, "timestamp": 1700000000}"#)
            .unwrap();
        let query: Vec<(&str, Value)> = v.query.iter().map(|(f, v)| (f.wire_name(), v.clone())).collect();
        assert_eq!(
            query,
            vec![
                ("phoneNumber", Value::Str("14155551234".into())),
                ("inboxID", Value::Int(3)),
                ("timestamp", Value::Int(1_700_000_000))
            ]
        );
        assert!(v.body.is_empty());
        assert!(check(&MESSAGES_HISTORY, r#"{"inbox_id": 3}"#).is_err_and(|e| e.contains("phone_number is required")));
    }

    #[test]
    fn enums_and_one_of() {
        assert!(check(&CONTACTS_SET_STATUS, r#"{"phone": "14155551234", "status": "blocked"}"#).is_ok());
        let bad = check(&CONTACTS_SET_STATUS, r#"{"id": 5, "status": "gone"}"#);
        assert!(bad
            .is_err_and(|e| e.contains("status must be one of active, blocked, unblocked, subscribed, unsubscribed")));
    }

    #[test]
    fn json_fields_pass_through() {
        let v = check(
            &CONVERSATIONS_LIST,
            r#"{"id": 1111, "filters": {"inboxes": [2222, 3333], "closed": false, "x": 1.25}}"#,
        )
        .unwrap();
        assert_eq!(body_json(&v), r#"{"id":1111,"filters":{"inboxes":[2222,3333],"closed":false,"x":1.25}}"#);
        assert!(check(&CONVERSATIONS_LIST, r#"{"id": 1}"#).is_err_and(|e| e.contains("filters is required")));
    }

    #[test]
    fn nothing_is_no_params() {
        assert!(check(&CONVERSATIONS_LIST, "null").is_err_and(|e| e.contains("id is required")));
        let mut d = serde_json::Deserializer::from_str("null");
        let ep = crate::api::endpoints::CONTACTS_V2_CHANNELS_GET;
        assert_eq!(validate(&ep, &mut d, Settings::default()).ok(), Some(Validated::default()));
    }
}
