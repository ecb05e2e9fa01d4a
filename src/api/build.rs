//! From a table row, path arguments and validated params to the request the
//! transport sends: path, query string, JSON body, response shape, and the
//! row's retry rule.

use super::params::Validated;
use super::path::{self, Arg};
use super::table::Endpoint;
use super::value::{push_int, push_string, Out};
use crate::core::error::Error;
use crate::core::request::{Method, Request};

/// Build the request for `ep`. `items` is the body text of a positional
/// array argument (see [`super::params::items`]). POST and PUT always carry
/// a JSON body (at least `{}`); GET never does; DELETE only when there is
/// something to send.
pub fn request(ep: &Endpoint, path: String, items: Option<String>, params: &Validated) -> Request {
    let mut query = String::new();
    let mut body = Vec::new();
    // In table order, whatever the order of the caller's keys.
    for field in ep.fields {
        let Some((_, value)) = params.fields.iter().find(|(f, _)| f.name == field.name) else { continue };
        if field.query {
            push_query(&mut query, field.wire_name(), value);
        } else {
            body.push(if body.is_empty() { b'{' } else { b',' });
            push_string(&mut body, field.wire_name());
            body.push(b':');
            value.write_json(&mut body);
        }
    }
    let body = match (items, body.is_empty(), ep.method) {
        (Some(items), _, _) => Some(items),
        (None, false, _) => {
            body.push(b'}');
            Some(String::from_utf8(body).unwrap_or_default())
        }
        (None, true, Method::Post | Method::Put) => Some("{}".to_owned()),
        (None, true, _) => None,
    };
    Request { method: ep.method, path, query, retry: ep.retry, body, shape: ep.shape }
}

/// The path of `ep` with its path arguments filled in and checked.
pub fn path(ep: &Endpoint, args: &[Arg<'_>]) -> Result<String, Error> {
    path::build(ep.path, ep.params, args, ep.name)
}

/// `?k=v` or `&k=v`, percent-encoded; a list repeats the key per item.
fn push_query(out: &mut String, key: &str, value: &Out) {
    if let Out::List(items) = value {
        for item in items {
            push_query(out, key, item);
        }
        return;
    }
    out.push(if out.is_empty() { '?' } else { '&' });
    path::percent_encode(out, key);
    out.push('=');
    match value {
        Out::Str(s) | Out::Json(s) => path::percent_encode(out, s),
        Out::Int(i) => {
            let mut digits = Vec::new();
            push_int(&mut digits, *i);
            out.push_str(core::str::from_utf8(&digits).unwrap_or_default());
        }
        Out::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Out::List(_) => {}
    }
}

/// A UUID v4 from 16 random bytes (the `local_id` of a send without one).
pub fn uuid_v4(b: [u8; 16]) -> String {
    uuid(b, 0x40)
}

/// A UUID v8 from 16 bytes of a keyed hash (a `local_id` derived from an
/// item of a batch, the same each time the batch runs).
pub fn uuid_v8(b: [u8; 16]) -> String {
    uuid(b, 0x80)
}

fn uuid(mut b: [u8; 16], version: u8) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if let Some(v) = b.get_mut(6) {
        *v = (*v & 0x0f) | version;
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
    use crate::api::endpoints::{by_name, ENDPOINTS};
    use crate::api::params::tests::{check_json, sample};
    use crate::api::params::{validate, Given, Settings};
    use crate::api::path::Param;
    use crate::core::request::Retry;

    fn build(name: &str, args: &[Arg<'_>], json: &str) -> Result<Request, String> {
        let ep = by_name(name).unwrap();
        let v = check_json(ep, json)?;
        Ok(request(ep, path(ep, args).map_err(|e| e.message)?, None, &v))
    }

    #[test]
    fn a_send() {
        let r = build(
            "messages.send",
            &[],
            r#"{"inbox_id": 9, "creator_id": 42, "chat_id": 7, "text": "hi & bye", "local_id": "x"}"#,
        )
        .unwrap();
        assert_eq!((r.method, r.path.as_str(), r.query.as_str()), (Method::Post, "/v1/message/send", ""));
        assert_eq!(
            r.body.as_deref(),
            Some(r#"{"inbox_id":9,"creator_id":42,"chat_id":7,"text":"hi & bye","local_id":"x"}"#)
        );
        assert_eq!(r.retry, Retry::LocalId);
    }

    #[test]
    fn a_get_with_query() {
        let r = build("messages.history", &[], r#"{"phone_number": "+1 415 555 1234", "inbox_id": 3}"#).unwrap();
        assert_eq!(r.path, "/v1/messages");
        assert_eq!(r.query, "?phoneNumber=14155551234&inboxID=3");
        assert_eq!(r.body, None);
        assert_eq!(r.describe(), "GET /v1/messages", "errors never show query values");
        let r = build("users.lookup", &[], r#"{"phone": ["14155551234", "+1 510 555 3344"], "email": ["a+b@x.com"]}"#)
            .unwrap();
        assert_eq!(r.query, "?phone=14155551234&phone=15105553344&email=a%2Bb%40x.com");
        let r =
            build("contacts.update", &[Arg::Number(5.0)], r#"{"phone": "14155551234", "overwrite": true}"#).unwrap();
        assert_eq!((r.path.as_str(), r.query.as_str()), ("/v1/contact/5", "?overwrite=true"));
        assert_eq!(r.body.as_deref(), Some(r#"{"phone":"14155551234"}"#));
    }

    #[test]
    fn bodies_by_method() {
        let empty = validate(by_name("inboxes.list").unwrap(), vec![], Settings::default()).unwrap();
        let r = request(by_name("inboxes.list").unwrap(), "/v1/inboxes".into(), None, &empty);
        assert_eq!(r.body, None);
        let r = request(by_name("contacts.fields.list").unwrap(), "/p".into(), None, &empty);
        assert_eq!(r.body.as_deref(), Some("{}"), "a POST without params sends {{}}");
        let r = request(by_name("lists.delete").unwrap(), "/v2/lists/4".into(), None, &empty);
        assert_eq!((r.method, r.body), (Method::Delete, None));
        let r = build("lists.delete", &[Arg::Number(4.0)], r#"{"contact_ids": [1, 2]}"#).unwrap();
        assert_eq!(r.body.as_deref(), Some(r#"{"contact_ids":[1,2]}"#));
        let ep = by_name("contacts.batchCreate").unwrap();
        let q = check_json(ep, r#"{"overwrite": false}"#).unwrap();
        let r = request(ep, "/p".into(), Some("[{}]".into()), &q);
        assert_eq!((r.query.as_str(), r.body.as_deref()), ("?overwrite=false", Some("[{}]")));
    }

    #[test]
    fn path_arguments() {
        let uuid = "123e4567-e89b-12d3-a456-426614174000";
        let r = build("contactsV2.channels.get", &[Arg::Text(uuid), Arg::Text("email")], "{}").unwrap();
        assert_eq!(r.path, format!("/v2/contact/{uuid}/channel/email"));
        assert!(build("contactsV2.channels.get", &[Arg::Text("nope"), Arg::Text("email")], "{}")
            .is_err_and(|e| e.contains("contactID must be a UUID")));
        assert!(build("contactsV2.channels.get", &[Arg::Text(uuid), Arg::Text("fax")], "{}")
            .is_err_and(|e| e.contains("channelType must be one of phone, email")));
    }

    /// Every row, given valid values for its fields, builds a request whose
    /// path stays under its template and whose body parses back to them.
    #[test]
    fn every_row_builds() {
        for ep in ENDPOINTS {
            let args: Vec<Arg<'_>> = ep
                .params
                .iter()
                .map(|p| match p {
                    Param::Id => Arg::Number(12.0),
                    Param::Uuid => Arg::Text("123e4567-e89b-12d3-a456-426614174000"),
                    Param::Enum(words) => Arg::Text(words[0]),
                })
                .collect();
            let mut pairs: Vec<(String, Given)> =
                ep.fields.iter().filter(|f| f.required).map(|f| (f.name.to_owned(), sample(f.ty))).collect();
            if let Some(first) = ep.one_of.first() {
                pairs.push(((*first).to_owned(), sample(ep.field(first).unwrap().ty)));
            }
            let v = validate(ep, pairs, Settings::default()).unwrap();
            let items = ep.items.map(|_| "[]".to_owned());
            let r = request(ep, path(ep, &args).unwrap(), items, &v);
            let prefix = ep.path.split('{').next().unwrap();
            assert!(r.path.starts_with(prefix) && !r.path.contains(".."), "{}", ep.name);
            assert_eq!(r.path.matches('/').count(), ep.path.matches('/').count(), "{}", ep.name);
            if let Some(body) = &r.body {
                let parsed: serde_json::Value =
                    serde_json::from_str(body).unwrap_or_else(|e| panic!("{}: {e}", ep.name));
                for (f, _) in v.fields.iter().filter(|(f, _)| !f.query) {
                    assert!(parsed.get(f.wire_name()).is_some(), "{}: {} in the body", ep.name, f.name);
                }
            }
        }
    }

    #[test]
    fn query_lists_repeat_and_encode() {
        let mut q = String::new();
        push_query(&mut q, "email", &Out::List(vec![Out::Str("a+b@x.com".into()), Out::Str("c d".into())]));
        push_query(&mut q, "flag", &Out::Bool(true));
        assert_eq!(q, "?email=a%2Bb%40x.com&email=c%20d&flag=true");
    }

    #[test]
    fn uuid_v4_sets_version_and_variant() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert!(crate::api::path::is_uuid(&id));
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
        assert_eq!(uuid_v8([0xff; 16]), "ffffffff-ffff-8fff-bfff-ffffffffffff");
    }
}
