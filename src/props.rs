//! Properties of the pure parts, stated once and checked two ways: by
//! proptest under `cargo test` (`props_tests.rs`) and by the coverage-guided
//! `cargo fuzz` targets in `fuzz/` (bounded in CI). Each check panics when
//! its property fails; any input is allowed (nothing here may panic but the
//! assertions).

use serde_json::Value;

use crate::api::endpoints::ENDPOINTS;
use crate::api::params::{self, Given, Settings};
use crate::api::path::Arg;
use crate::api::table::{Endpoint, Ty};
use crate::api::value::Out;
use crate::api::{build, phone};
use crate::core::{error, retry};

/// The row at `index`, wrapping around the table.
pub fn endpoint(index: usize) -> &'static Endpoint {
    #[allow(clippy::indexing_slicing)] // the modulo keeps it in range, and the table is not empty
    &ENDPOINTS[index % ENDPOINTS.len()]
}

/// Params validation never panics; params that pass build a request whose
/// path is the row's, whose JSON body re-parses to exactly the validated body
/// fields (by wire name, with the values validated), whose query names only
/// the row's query fields in `key=value` pairs of unreserved or
/// percent-encoded bytes, and whose string fields went out as given.
pub fn params(index: usize, pairs: Vec<(String, Given)>, default_country_code: Option<&str>) {
    let ep = endpoint(index);
    // As a JS object holds them: one value a key (the last assigned), in the
    // order keys were first assigned.
    let mut given: Vec<(String, Given)> = Vec::with_capacity(pairs.len());
    for (k, g) in pairs {
        match given.iter_mut().find(|(key, _)| *key == k) {
            Some(slot) => slot.1 = g,
            None => given.push((k, g)),
        }
    }
    let Ok(v) = params::validate(ep, given.clone(), Settings { default_country_code }) else { return };
    let req = build::request(ep, ep.path.to_owned(), None, &v);
    assert_eq!(req.path, ep.path);

    let body_fields: Vec<&(&'static crate::api::table::Field, Out)> =
        v.fields.iter().filter(|(f, _)| !f.query).collect();
    match req.body.as_deref() {
        Some(text) => {
            let parsed = parse(text).unwrap_or_else(|e| panic!("{}: body {text:?} is not JSON: {e}", ep.name));
            let obj = parsed.as_object().unwrap_or_else(|| panic!("{}: body {text:?} is not an object", ep.name));
            assert_eq!(
                obj.len(),
                body_fields.len(),
                "{}: body {text:?} has other fields than {body_fields:?}",
                ep.name
            );
            for (f, out) in body_fields {
                assert_eq!(obj.get(f.wire_name()), Some(&json_of(out)), "{}: {} in {text:?}", ep.name, f.name);
            }
        }
        None => assert!(body_fields.is_empty(), "{}: no body for {body_fields:?}", ep.name),
    }

    for pair in req.query.strip_prefix('?').unwrap_or(&req.query).split('&').filter(|p| !p.is_empty()) {
        let (key, value) =
            pair.split_once('=').unwrap_or_else(|| panic!("{}: query pair {pair:?} has no '='", ep.name));
        assert!(ep.fields.iter().any(|f| f.query && f.wire_name() == key), "{}: query key {key:?}", ep.name);
        assert!(value.bytes().all(url_safe), "{}: query value {value:?} is not encoded", ep.name);
    }

    // A string given for a plain string field is sent unchanged.
    for (key, g) in &given {
        if let (Given::Str(s), Some((f, out))) = (g, v.fields.iter().find(|(f, _)| f.name == key)) {
            if f.ty == Ty::Str {
                assert_eq!(out, &Out::Str(s.clone()), "{}: {key}", ep.name);
            }
        }
    }
}

/// A validated value as a JSON value, independently of its writer.
fn json_of(out: &Out) -> Value {
    match out {
        Out::Int(i) => Value::from(*i),
        Out::Str(s) => Value::String(s.clone()),
        Out::Bool(b) => Value::Bool(*b),
        Out::Json(text) => parse(text).unwrap_or_else(|e| panic!("Json text {text:?}: {e}")),
        Out::List(items) => Value::Array(items.iter().map(json_of).collect()),
    }
}

/// JSON text as a value, however deep (the host's `JSON.stringify` has no
/// depth limit, and neither may this check; inputs are bounded by the fuzzer).
fn parse(text: &str) -> Result<Value, serde_json::Error> {
    use serde::Deserialize as _;
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    let v = Value::deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}

/// Unreserved (RFC 3986) or a percent escape's `%`.
fn url_safe(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'%')
}

/// A path that builds stays under its template: as many segments, the fixed
/// ones unchanged, each parameter one non-empty segment of unreserved or
/// percent-encoded bytes that is not `.` or `..`.
pub fn path(index: usize, args: &[Arg<'_>]) {
    let ep = endpoint(index);
    let Ok(p) = build::path(ep, args) else { return };
    let template: Vec<&str> = ep.path.split('/').collect();
    let got: Vec<&str> = p.split('/').collect();
    assert_eq!(template.len(), got.len(), "{}: {p:?} from {args:?}", ep.name);
    for (t, g) in template.iter().zip(&got) {
        if t.starts_with('{') {
            assert!(!g.is_empty() && *g != "." && *g != "..", "{}: segment {g:?}", ep.name);
            assert!(g.bytes().all(url_safe), "{}: segment {g:?} is not encoded", ep.name);
        } else {
            assert_eq!(t, g, "{}: {p:?}", ep.name);
        }
    }
}

/// A phone number that normalises is 8–15 digits, not starting with 0, and
/// normalising it again (with its `+`, as the API's format drops it) changes
/// nothing; from 11 digits on, also without the `+`.
pub fn phone(input: &str, default_country_code: Option<&str>) {
    let Ok(n) = phone::normalize(input, default_country_code) else { return };
    assert!(
        (8..=15).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0'),
        "{input:?} → {n:?}"
    );
    assert_eq!(phone::normalize(&format!("+{n}"), default_country_code).as_deref(), Ok(n.as_str()), "{input:?}");
    if n.len() >= 11 {
        assert_eq!(phone::normalize(&n, default_country_code).as_deref(), Ok(n.as_str()), "{input:?}");
        assert_eq!(phone::normalize(&n, None).as_deref(), Ok(n.as_str()), "{input:?}");
    }
}

/// A token for any non-empty credentials and `iat` is three base64url parts:
/// the fixed header, a payload that parses to exactly `{"iss": id, "iat":
/// iat}`, and an HMAC-SHA256 signature under `id||key` over the first two.
pub fn jwt(secret_id: &str, secret_key: &str, iat: u64) {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    use hmac::{KeyInit, Mac};

    let Ok(signer) = crate::core::auth::Signer::new(secret_id, secret_key) else {
        assert!(secret_id.is_empty() || secret_key.is_empty());
        return;
    };
    let token = signer.sign(iat);
    let parts: Vec<&str> = token.split('.').collect();
    let [header, payload, signature] = parts.as_slice() else { panic!("{token:?} has {} parts", parts.len()) };
    assert_eq!(*header, crate::core::auth::HEADER_B64);
    let claims: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap_or_default()).unwrap_or(Value::Null);
    assert_eq!(claims, serde_json::json!({ "iss": secret_id, "iat": iat }), "{token:?}");
    let key = [secret_id, "||", secret_key].concat();
    let Ok(mut mac) = hmac::Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()) else { panic!("HMAC takes any key") };
    mac.update(format!("{header}.{payload}").as_bytes());
    assert_eq!(URL_SAFE_NO_PAD.decode(signature).ok().as_deref(), Some(&mac.finalize().into_bytes()[..]), "{token:?}");
}

/// The header and body parsers never panic and keep their contracts: a
/// `Retry-After` of whole seconds is that many thousand milliseconds, a date
/// is a delay from `now` (0 when past), and an error body's text is at most
/// 500 characters (and an ellipsis). For webhooks (whose JSON the host
/// parses): the token comparison is equality, and one leading byte-order mark
/// is dropped, nothing else.
pub fn parsers(text: &str, now_ms: f64) {
    let (a, b) = text.split_at(text.char_indices().nth(text.chars().count() / 2).map_or(text.len(), |(i, _)| i));
    assert_eq!(crate::webhook::constant_time_eq(a.as_bytes(), b.as_bytes()), a == b, "{a:?} vs {b:?}");
    assert!(crate::webhook::constant_time_eq(a.as_bytes(), a.as_bytes()));
    let stripped = crate::webhook::strip_bom(text.to_owned());
    match text.strip_prefix('\u{feff}') {
        Some(rest) => assert_eq!(stripped, rest),
        None => assert_eq!(stripped, text),
    }
    let parsed = retry::parse_retry_after(text, now_ms);
    let trimmed = text.trim();
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        let want = trimmed.parse::<u64>().ok().and_then(|s| s.checked_mul(1000));
        assert_eq!(parsed, want, "{text:?}");
    }
    if let Some(at) = retry::parse_http_date(trimmed) {
        assert!(at.is_finite(), "{text:?} → {at}");
    }
    let _ = retry::proves_unsent(text);
    let _ = retry::denied_by_runtime(text);
    if let Some(message) = error::api_error_text(text) {
        assert!(message.chars().count() <= 501, "{} chars", message.chars().count());
    }
}
