//! Native tests of params validation, with values given as serde_json
//! values converted the way the JS side converts JS values.

use super::*;
use crate::api::endpoints::{by_name, ENDPOINTS};
use crate::api::table::Endpoint;

/// A JSON value as the JS side hands it over for a field of type `ty`.
pub fn given(v: &serde_json::Value, ty: Option<Ty>) -> Given {
    use serde_json::Value as J;
    match v {
        J::Null => Given::Absent,
        _ if ty == Some(Ty::Json) => Given::Json(v.to_string()),
        J::Bool(b) => Given::Bool(*b),
        J::Number(n) => Given::Num(n.as_f64().unwrap()),
        J::String(s) => Given::Str(s.clone()),
        J::Array(items) => Given::List(items.iter().map(|i| given(i, ty.and_then(Ty::item))).collect()),
        J::Object(_) => Given::Json(v.to_string()),
    }
}

pub fn check_json(ep: &Endpoint, json: &str) -> Result<Validated, String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let serde_json::Value::Object(map) = v else { panic!("params are an object in these tests") };
    let pairs = map.iter().map(|(k, v)| (k.clone(), given(v, ep.field(k).map(|f| f.ty))));
    validate(ep, pairs.collect::<Vec<_>>(), Settings { default_country_code: Some("1") })
}

/// The JSON body and query string `v` makes for `ep`'s request.
pub fn wire(ep: &Endpoint, v: &Validated) -> (String, String) {
    let r = crate::api::build::request(ep, ep.path.into(), None, v);
    (r.body.unwrap_or_default(), r.query)
}

fn ep(name: &str) -> &'static Endpoint {
    by_name(name).unwrap()
}

#[test]
fn a_send_is_validated_and_normalised() {
    let v = check_json(
        ep("messages.send"),
        r#"{"inbox_id": 9, "creator_id": 42, "phone_number": "+1 (415) 555-1234", "text": "hi"}"#,
    )
    .unwrap();
    let body = wire(ep("messages.send"), &v).0;
    assert_eq!(body, r#"{"inbox_id":9,"creator_id":42,"phone_number":"14155551234","text":"hi"}"#);
    let back: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(back["phone_number"], "14155551234");
    let group = check_json(
        ep("messages.send"),
        r#"{"inbox_id": 9, "creator_id": 42, "targets": ["4155551234", "+44 20 7946 0958"]}"#,
    );
    assert_eq!(
        wire(ep("messages.send"), &group.unwrap()).0,
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
            "messages.send: inbox_id must be a positive safe integer, got string",
        ),
        (
            r#"{"inbox_id": 9.5, "creator_id": 42, "chat_id": 1}"#,
            "inbox_id must be a positive safe integer, got a number with a fraction",
        ),
        (
            r#"{"inbox_id": 9, "creator_id": 42, "phone_number": "call me"}"#,
            "messages.send: phone_number must be a phone number",
        ),
        (
            r#"{"inbox_id": 9, "creator_id": 42, "chat_id": 1, "txt": "typo"}"#,
            "messages.send: unknown param \"txt\"; expected one of inbox_id",
        ),
        (
            r#"{"inbox_id": 9, "creator_id": 42, "targets": "14155551234"}"#,
            "targets must be an array of phone numbers, got string",
        ),
        (
            r#"{"inbox_id": 9, "creator_id": 42, "targets": ["14155551234", 5]}"#,
            "targets[1] must be a phone number (a string), got number",
        ),
        (
            r#"{"inbox_id": 9007199254740993, "creator_id": 42, "chat_id": 1}"#,
            "inbox_id must be a positive safe integer",
        ),
        (
            r#"{"inbox_id": {"a": 1}, "creator_id": 42, "chat_id": 1}"#,
            "inbox_id must be a positive safe integer, got object",
        ),
        (r#"{"inbox_id": 9, "creator_id": 42, "chat_id": 1, "text": 5}"#, "text must be a string, got number"),
    ] {
        let got = check_json(ep("messages.send"), json);
        assert!(got.as_ref().is_err_and(|e| e.contains(want)), "{json}: {got:?}");
    }
}

#[test]
fn null_means_not_given() {
    let v = check_json(
        ep("messages.send"),
        r#"{"inbox_id": 9, "creator_id": 42, "chat_id": 7, "text": null, "list_id": null}"#,
    )
    .unwrap();
    assert_eq!(wire(ep("messages.send"), &v).0, r#"{"inbox_id":9,"creator_id":42,"chat_id":7}"#);
}

#[test]
fn query_fields_use_their_wire_names() {
    let v =
        check_json(ep("messages.history"), r#"{"phone_number": "4155551234", "inbox_id": 3, "timestamp": 1700000000}"#)
            .unwrap();
    assert_eq!(
        wire(ep("messages.history"), &v),
        (String::new(), "?phoneNumber=14155551234&inboxID=3&timestamp=1700000000".into())
    );
    assert!(
        check_json(ep("messages.history"), r#"{"inbox_id": 3}"#).is_err_and(|e| e.contains("phone_number is required"))
    );
}

#[test]
fn enums_and_one_of() {
    assert!(check_json(ep("contacts.setStatus"), r#"{"phone": "14155551234", "status": "blocked"}"#).is_ok());
    let bad = check_json(ep("contacts.setStatus"), r#"{"id": 5, "status": "gone"}"#);
    assert!(
        bad.is_err_and(|e| e.contains("status must be one of active, blocked, unblocked, subscribed, unsubscribed"))
    );
    let bad = check_json(ep("contactsV2.channels.add"), r#"{"channel_type": "fax", "channel_id": "x"}"#);
    assert!(bad.is_err_and(|e| e.contains("channel_type must be one of phone, email")));
}

#[test]
fn json_fields_pass_through() {
    let v = check_json(
        ep("conversations.list"),
        r#"{"id": 1111, "filters": {"inboxes": [2222, 3333], "closed": false, "x": 1.25}}"#,
    )
    .unwrap();
    assert_eq!(
        wire(ep("conversations.list"), &v).0,
        r#"{"id":1111,"filters":{"closed":false,"inboxes":[2222,3333],"x":1.25}}"#
    );
    assert!(check_json(ep("conversations.list"), r#"{"id": 1}"#).is_err_and(|e| e.contains("filters is required")));
}

#[test]
fn no_params_is_fine_when_nothing_is_required() {
    assert_eq!(validate(ep("messages.list"), vec![], Settings::default()), Ok(Validated::default()));
    assert!(
        validate(ep("conversations.list"), vec![], Settings::default()).is_err_and(|e| e.contains("id is required"))
    );
    assert!(validate(ep("team.get"), vec![("x".into(), Given::Num(1.0))], Settings::default())
        .is_err_and(|e| e == "team.get takes no params, got \"x\""));
}

#[test]
fn items_arguments() {
    let e = ep("contactsV2.bulkDelete");
    let def = e.items.unwrap();
    let uuid = "123e4567-e89b-12d3-a456-426614174000";
    assert_eq!(
        items(e, &def, Given::List(vec![Given::Str(uuid.into())])).unwrap(),
        format!(r#"{{"contact_channels":[{{"channel_type":"id","channel_ids":["{uuid}"]}}]}}"#)
    );
    assert!(items(e, &def, Given::List(vec![Given::Str("nope".into())]))
        .is_err_and(|m| m.contains("uuids[0] must be a UUID")));
    assert!(items(e, &def, Given::List(vec![])).is_err_and(|m| m.contains("must not be empty")));
    assert!(items(e, &def, Given::Str(uuid.into())).is_err_and(|m| m.contains("uuids must be an array, got string")));
    let b = ep("contacts.batchCreate");
    let def = b.items.unwrap();
    assert_eq!(
        items(b, &def, Given::List(vec![Given::Json(r#"{"phone":"1"}"#.into())])).unwrap(),
        r#"[{"phone":"1"}]"#
    );
    assert!(
        items(b, &def, Given::List(vec![Given::Num(1.0)])).is_err_and(|m| m.contains("contacts[0] must be an object"))
    );
}

#[test]
fn every_required_field_is_named_when_missing() {
    for e in ENDPOINTS {
        for f in e.fields.iter().filter(|f| f.required) {
            let pairs: Vec<(String, Given)> = e
                .fields
                .iter()
                .filter(|g| g.required && g.name != f.name)
                .map(|g| (g.name.to_owned(), sample(g.ty)))
                .chain(e.one_of.first().map(|n| ((*n).to_owned(), sample(e.field(n).unwrap().ty))))
                .collect();
            let err = validate(e, pairs, Settings::default()).unwrap_err();
            assert_eq!(err, format!("{}: {} is required", e.name, f.name));
        }
    }
}

/// A valid value of a type.
pub fn sample(ty: Ty) -> Given {
    match ty {
        Ty::Int | Ty::Id => Given::Num(7.0),
        Ty::Str => Given::Str("x".into()),
        Ty::Bool => Given::Bool(true),
        Ty::Phone => Given::Str("+1 415 555 1234".into()),
        Ty::StrList => Given::List(vec![Given::Str("x".into())]),
        Ty::IntList => Given::List(vec![Given::Num(7.0)]),
        Ty::PhoneList => Given::List(vec![Given::Str("14155551234".into())]),
        Ty::Json => Given::Json(r#"{"k":[1]}"#.into()),
        Ty::Enum(values) => Given::Str(values[0].into()),
    }
}
