//! Reading a 2xx body under a size cap, so a huge answer ends the call with
//! `invalid_response` instead of growing the process: with a
//! `Content-Length`, the cap is checked before reading (and the fast
//! `res.json()` used); without one, the body is streamed through a web-sys
//! `ReadableStreamDefaultReader`, counting bytes, and cancelled once past
//! the cap.

use js_sys::{Promise, Uint8Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, ReadableStreamDefaultReader, ReadableStreamReadResult, Response};

/// The largest 2xx body read: 16 MiB.
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// What a body read settles with: the JSON value, `too_large` (a marker)
/// when the cap was passed, or a rejection (a `SyntaxError` for text that is
/// not JSON).
pub fn read_json(res: &Response, headers: Option<JsValue>, too_large: &JsValue) -> Option<Promise> {
    let length = headers
        .and_then(|h| h.unchecked_into::<Headers>().get("content-length").ok().flatten())
        .and_then(|v| v.trim().parse::<u64>().ok());
    match length {
        Some(n) if n > MAX_BODY_BYTES as u64 => {
            if let Some(stream) = res.body() {
                let _ = stream.cancel();
            }
            Some(Promise::resolve(too_large))
        }
        Some(_) => res.json().ok(),
        None => {
            let (res, marker) = (Clone::clone(res), too_large.clone());
            Some(super::spawn(Box::pin(async move { read_capped(&res, &marker).await })))
        }
    }
}

async fn read_capped(res: &Response, too_large: &JsValue) -> Result<JsValue, JsValue> {
    let Some(stream) = res.body() else {
        // No body at all: what `json()` says of it (a SyntaxError).
        return JsFuture::from(res.json()?).await;
    };
    let reader = ReadableStreamDefaultReader::new(&stream)?;
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let step: ReadableStreamReadResult = JsFuture::from(reader.read()).await?.unchecked_into();
        if step.get_done() == Some(true) {
            break;
        }
        let chunk: Uint8Array = step.get_value().dyn_into().map_err(|_| JsValue::from_str("not a byte stream"))?;
        let len = chunk.length() as usize;
        if bytes.len() + len > MAX_BODY_BYTES {
            let _ = reader.cancel();
            return Ok(too_large.clone());
        }
        let start = bytes.len();
        bytes.resize(start + len, 0);
        if let Some(dst) = bytes.get_mut(start..) {
            chunk.copy_to(dst);
        }
    }
    // Not UTF-8 is not JSON either (`JSON.parse` then throws a SyntaxError).
    JSON::parse(core::str::from_utf8(&bytes).unwrap_or("\u{0}"))
}
