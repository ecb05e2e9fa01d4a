//! Verifying a webhook delivery: Heymarket POSTs a JSON event with a
//! verification `token` in the body (no signature header). The body is read
//! (a string, bytes, or a `Request`), parsed by the host's `JSON.parse`,
//! checked to be an object, its token compared in constant time, and its
//! `type` checked to be a string. The event is returned as parsed: unknown fields and
//! unknown types pass through.

use js_sys::{ArrayBuffer, Uint8Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::error::{Error, ErrorCode};
use crate::js::{self, de};

/// Whether `a` equals `b`, in time that depends only on their lengths.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn invalid(message: &str) -> Error {
    Error::new(ErrorCode::WebhookInvalid, format!("webhook: {message}")).with_status(400)
}

fn unauthorized(message: &str) -> Error {
    Error::new(ErrorCode::WebhookUnauthorized, format!("webhook: {message}")).with_status(401)
}

/// The expected token from `{ token }`.
fn expected_token(options: &JsValue) -> Result<String, Error> {
    const FIELDS: [de::Field; 1] = [de::Field::new("token", de::Kind::Str)];
    if !options.is_object() {
        return Err(Error::invalid("verifyWebhook: options must be an object like { token }"));
    }
    let token = de::read_fields(options, "verifyWebhook option", &FIELDS)?.str();
    match token {
        Some(t) if !t.is_empty() => Ok(t),
        _ => Err(Error::invalid("verifyWebhook: token is required and must be a non-empty string")),
    }
}

/// The body as text.
async fn body_text(body: &JsValue) -> Result<String, Error> {
    if let Some(s) = body.as_string() {
        return Ok(strip_bom(s));
    }
    let bytes = if body.is_instance_of::<Uint8Array>() {
        Some(body.unchecked_ref::<Uint8Array>().to_vec())
    } else if body.is_instance_of::<ArrayBuffer>() {
        Some(Uint8Array::new(body).to_vec())
    } else {
        None
    };
    if let Some(bytes) = bytes {
        return String::from_utf8(bytes).map(strip_bom).map_err(|_| invalid("the body is not UTF-8"));
    }
    let text = js::get(body, "text");
    if !text.is_function() {
        return Err(Error::invalid(format!(
            "verifyWebhook: body must be a string, bytes or a Request, got {}",
            js::type_name(body)
        )));
    }
    let promise = text.unchecked_ref::<js_sys::Function>().call0(body).map_err(|e| invalid(&js::describe_error(&e)))?;
    let read = JsFuture::from(js_sys::Promise::resolve(&promise)).await;
    read.ok().and_then(|t| t.as_string()).ok_or_else(|| invalid("the request body could not be read"))
}

/// Without a leading byte-order mark (as `Request.text()` strips it).
pub(crate) fn strip_bom(s: String) -> String {
    match s.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => s,
    }
}

/// Verify and parse one delivery.
pub async fn verify(body: JsValue, options: JsValue) -> Result<JsValue, Error> {
    let expected = expected_token(&options)?;
    let text = body_text(&body).await?;
    let event = JSON::parse(&text).map_err(|_| invalid("the body is not JSON"))?;
    if !event.is_object() || js::is_array(&event) {
        return Err(invalid("the body is not a JSON object"));
    }
    // The token first: an unauthenticated body learns nothing of its shape.
    let Some(token) = js::get(&event, "token").as_string() else {
        return Err(unauthorized("the event has no verification token"));
    };
    if !constant_time_eq(token.as_bytes(), expected.as_bytes()) {
        return Err(unauthorized("the verification token does not match"));
    }
    if !js::get(&event, "type").is_string() {
        return Err(invalid("the event has no string \"type\""));
    }
    Ok(event)
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn compares_tokens() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
        assert!(constant_time_eq(b"", b""));
    }
}
