//! From a table row, path arguments and validated params to the request the
//! transport sends: path, query string, JSON body, response shape, and
//! whether a failed attempt may be sent again.

use super::params::Validated;
use super::path::{self, Arg};
use super::table::{Endpoint, Retry};
use super::value::{push_int, Value};
use crate::core::error::Error;
use crate::core::request::{Method, Request};

/// Writes a finite non-integer number (see [`Value::write_json`]).
pub type FloatWriter<'a> = &'a dyn Fn(f64, &mut Vec<u8>);

/// Build the request for `ep`. POST and PUT always carry a JSON object (at
/// least `{}`); GET never does; DELETE only when a body field was given.
pub fn request(ep: &Endpoint, args: &[Arg<'_>], params: Validated, float: FloatWriter<'_>) -> Result<Request, Error> {
    let path = path::build(ep.path, ep.params, args, ep.name)?;
    let mut query = Vec::new();
    for (field, value) in &params.query {
        push_query(&mut query, field.wire_name(), value);
    }
    let with_body = match ep.method {
        Method::Post | Method::Put => true,
        Method::Get => false,
        Method::Delete => !params.body.is_empty(),
    };
    let body = with_body.then(|| {
        let mut out = Vec::with_capacity(64);
        let object = Value::Object(params.body.into_iter().map(|(f, v)| (f.wire_name().to_owned(), v)).collect());
        object.write_json(&mut out, float);
        String::from_utf8(out).unwrap_or_default()
    });
    Ok(Request {
        method: ep.method,
        path,
        query: String::from_utf8(query).unwrap_or_default(),
        // A local_id makes a write safe to send again; the caller ensures
        // one is present for `Retry::LocalId` rows.
        idempotent: matches!(ep.retry, Retry::Idempotent | Retry::LocalId),
        body,
        shape: ep.shape,
    })
}

/// `?k=v` or `&k=v`, percent-encoded; an array repeats the key per item.
fn push_query(out: &mut Vec<u8>, key: &str, value: &Value) {
    if let Value::Array(items) = value {
        for item in items {
            push_query(out, key, item);
        }
        return;
    }
    out.push(if out.is_empty() { b'?' } else { b'&' });
    let mut text = String::new();
    path::percent_encode(&mut text, key);
    text.push('=');
    match value {
        Value::Str(s) => path::percent_encode(&mut text, s),
        Value::Int(i) => {
            let mut digits = Vec::new();
            push_int(&mut digits, *i);
            text.push_str(core::str::from_utf8(&digits).unwrap_or_default());
        }
        Value::Bool(b) => text.push_str(if *b { "true" } else { "false" }),
        // Query fields are scalars or lists of scalars in the table.
        _ => {}
    }
    out.extend_from_slice(text.as_bytes());
}

/// A UUID v4 from 16 random bytes (the `local_id` of a send without one).
pub fn uuid_v4(mut b: [u8; 16]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if let Some(v) = b.get_mut(6) {
        *v = (*v & 0x0f) | 0x40;
    }
    if let Some(v) = b.get_mut(8) {
        *v = (*v & 0x3f) | 0x80;
    }
    let mut out = String::with_capacity(36);
    for (i, byte) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(char::from(HEX.get(usize::from(byte >> 4)).copied().unwrap_or(b'0')));
        out.push(char::from(HEX.get(usize::from(byte & 15)).copied().unwrap_or(b'0')));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::endpoints::{CONTACTS_V2_CHANNELS_GET, MESSAGES_HISTORY, MESSAGES_SEND};
    use crate::api::params::{validate, Settings};

    fn build(ep: &Endpoint, args: &[Arg<'_>], json: &str) -> Result<Request, String> {
        let mut d = serde_json::Deserializer::from_str(json);
        let v = validate(ep, &mut d, Settings::default()).map_err(|e| e.to_string())?;
        request(ep, args, v, &|f, out| out.extend_from_slice(f.to_string().as_bytes())).map_err(|e| e.message)
    }

    #[test]
    fn a_send() {
        let r = build(
            &MESSAGES_SEND,
            &[],
            r#"{"inbox_id": 9, "creator_id": 42, "chat_id": 7, "text": "hi & bye", "local_id": "x"}"#,
        )
        .unwrap();
        assert_eq!((r.method, r.path.as_str(), r.query.as_str()), (Method::Post, "/v1/message/send", ""));
        assert_eq!(
            r.body.as_deref(),
            Some(r#"{"inbox_id":9,"creator_id":42,"chat_id":7,"text":"hi & bye","local_id":"x"}"#)
        );
        assert!(r.idempotent, "a send with a local_id may be sent again");
    }

    #[test]
    fn a_get_with_query() {
        let r = build(&MESSAGES_HISTORY, &[], r#"{"phone_number": "+1 415 555 1234", "inbox_id": 3}"#).unwrap();
        assert_eq!(r.path, "/v1/messages");
        assert_eq!(r.query, "?phoneNumber=14155551234&inboxID=3");
        assert_eq!(r.body, None);
        assert_eq!(r.describe(), "GET /v1/messages", "errors never show query values");
    }

    #[test]
    fn path_arguments() {
        let uuid = "123e4567-e89b-12d3-a456-426614174000";
        let r = build(&CONTACTS_V2_CHANNELS_GET, &[Arg::Text(uuid), Arg::Text("email")], "null").unwrap();
        assert_eq!(r.path, format!("/v2/contact/{uuid}/channel/email"));
        assert!(build(&CONTACTS_V2_CHANNELS_GET, &[Arg::Text("nope"), Arg::Text("email")], "null")
            .is_err_and(|e| e.contains("contactID must be a UUID")));
    }

    #[test]
    fn query_lists_repeat_and_encode() {
        let mut q = Vec::new();
        push_query(&mut q, "email", &Value::Array(vec![Value::Str("a+b@x.com".into()), Value::Str("c d".into())]));
        push_query(&mut q, "flag", &Value::Bool(true));
        assert_eq!(String::from_utf8(q).unwrap(), "?email=a%2Bb%40x.com&email=c%20d&flag=true");
    }

    #[test]
    fn uuid_v4_sets_version_and_variant() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert!(crate::api::path::is_uuid(&id));
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
    }
}
