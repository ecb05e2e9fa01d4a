//! The endpoint table as JSON text, for the JS side's generated surfaces:
//! the `heymarket` CLI (flags, value parsing, help) and its docs. Written by
//! hand with the module's own JSON writer (no serializer in the module).

use super::endpoints::ENDPOINTS;
use super::path::Param;
use super::table::{Endpoint, ItemTy, Paging, Retry, Shape, Stability, Ty};
use super::value::push_string;

fn ty(t: Ty) -> &'static str {
    match t {
        Ty::Int => "integer",
        Ty::Id => "id",
        Ty::Str => "string",
        Ty::Bool => "boolean",
        Ty::Phone => "phone",
        Ty::StrList => "string[]",
        Ty::IntList => "integer[]",
        Ty::PhoneList => "phone[]",
        Ty::Json => "json",
        Ty::Enum(_) => "enum",
    }
}

fn key(out: &mut Vec<u8>, k: &str, first: bool) {
    if !first {
        out.push(b',');
    }
    push_string(out, k);
    out.push(b':');
}

fn strings(out: &mut Vec<u8>, items: &[&str]) {
    out.push(b'[');
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_string(out, s);
    }
    out.push(b']');
}

fn endpoint(out: &mut Vec<u8>, ep: &Endpoint) {
    out.push(b'{');
    key(out, "name", true);
    push_string(out, ep.name);
    key(out, "method", false);
    push_string(out, ep.method.as_str());
    key(out, "path", false);
    push_string(out, ep.path);
    key(out, "params", false);
    out.push(b'[');
    let mut rest = ep.path;
    for (i, p) in ep.params.iter().enumerate() {
        let name = rest.split_once('{').and_then(|(_, a)| a.split_once('}')).map_or("", |(n, _)| n);
        rest = rest.split_once('}').map_or("", |(_, t)| t);
        out.extend_from_slice(if i > 0 { b",{" } else { b"{" });
        key(out, "name", true);
        push_string(out, name);
        key(out, "type", false);
        match p {
            Param::Id => push_string(out, "id"),
            Param::Uuid => push_string(out, "uuid"),
            Param::Enum(words) => {
                push_string(out, "enum");
                key(out, "values", false);
                strings(out, words);
            }
        }
        out.push(b'}');
    }
    out.push(b']');
    key(out, "items", false);
    match ep.items {
        Some(items) => {
            out.push(b'{');
            key(out, "name", true);
            push_string(out, items.name);
            key(out, "item", false);
            push_string(out, if items.item == ItemTy::Uuid { "uuid" } else { "object" });
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    key(out, "fields", false);
    out.push(b'[');
    for (i, f) in ep.fields.iter().enumerate() {
        out.extend_from_slice(if i > 0 { b",{" } else { b"{" });
        key(out, "name", true);
        push_string(out, f.name);
        key(out, "type", false);
        push_string(out, ty(f.ty));
        if let Ty::Enum(values) = f.ty {
            key(out, "values", false);
            strings(out, values);
        }
        key(out, "required", false);
        out.extend_from_slice(if f.required { b"true" } else { b"false" });
        key(out, "in", false);
        push_string(out, if f.query { "query" } else { "body" });
        out.push(b'}');
    }
    out.push(b']');
    key(out, "oneOf", false);
    strings(out, ep.one_of);
    key(out, "answers", false);
    push_string(
        out,
        match ep.shape {
            Shape::Object => "object",
            Shape::Array => "array",
            Shape::Str => "string",
            Shape::Any => "any",
        },
    );
    key(out, "paging", false);
    match ep.paging {
        Paging::None => out.extend_from_slice(b"null"),
        Paging::Cursor { param, from } => {
            out.push(b'{');
            key(out, "cursor", true);
            push_string(out, param);
            key(out, "from", false);
            push_string(out, from);
            out.push(b'}');
        }
        Paging::Page { first } => {
            out.extend_from_slice(b"{\"page\":");
            super::value::push_int(out, i64::from(first));
            out.push(b'}');
        }
    }
    key(out, "retry", false);
    push_string(
        out,
        match ep.retry {
            Retry::Idempotent => "idempotent",
            Retry::LocalId => "local_id",
            Retry::Unsafe => "unsafe",
        },
    );
    key(out, "stability", false);
    push_string(
        out,
        match ep.stability {
            Stability::Stable => "stable",
            Stability::Experimental => "experimental",
            Stability::Deprecated => "deprecated",
            Stability::DeprecatedExperimental => "deprecated experimental",
        },
    );
    out.push(b'}');
}

/// Every row, as a JSON array.
pub fn table_json() -> String {
    let mut out = Vec::with_capacity(16 * 1024);
    out.push(b'[');
    for (i, ep) in ENDPOINTS.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        endpoint(&mut out, ep);
    }
    out.push(b']');
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_as_json() {
        let v: serde_json::Value = serde_json::from_str(&super::table_json()).unwrap();
        let rows = v.as_array().unwrap();
        assert_eq!(rows.len(), 63);
        let send = rows.iter().find(|r| r["name"] == "messages.send").unwrap();
        assert_eq!(send["method"], "POST");
        assert_eq!(
            send["fields"][0],
            serde_json::json!({"name": "inbox_id", "type": "id", "required": true, "in": "body"})
        );
        assert_eq!(send["oneOf"].as_array().unwrap().len(), 4);
        assert_eq!(send["retry"], "local_id");
        let ch = rows.iter().find(|r| r["name"] == "contactsV2.channels.get").unwrap();
        assert_eq!(ch["params"][0], serde_json::json!({"name": "contactID", "type": "uuid"}));
        assert_eq!(ch["params"][1]["values"][0], "phone");
        let hist = rows.iter().find(|r| r["name"] == "messages.history").unwrap();
        assert_eq!(hist["fields"][0]["in"], "query");
        assert_eq!(
            rows.iter().find(|r| r["name"] == "surveys.list").unwrap()["paging"],
            serde_json::json!({"page": 1})
        );
        let status = rows.iter().find(|r| r["name"] == "contacts.setStatus").unwrap();
        assert_eq!(status["fields"][2]["values"].as_array().unwrap().len(), 5);
    }
}
