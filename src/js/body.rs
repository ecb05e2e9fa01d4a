//! Reading a 2xx body under a size cap, so a huge answer ends the call with
//! `invalid_response` instead of growing the process: with a trustworthy
//! `Content-Length` (no `Content-Encoding`: a compressed body's length says
//! nothing of what it inflates to), the cap is checked before reading and
//! the fast `res.json()` used; otherwise the body is streamed through a
//! web-sys `ReadableStreamDefaultReader`, counting bytes, and cancelled once
//! past the cap. The chunks stay on the JS side and are parsed by the
//! runtime (`new Response(bytes).json()`), so wasm memory never holds them.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::exchange::Untrusted;
use web_sys::{ReadableStream, ReadableStreamDefaultReader, ReadableStreamReadResult, Response};

/// The largest 2xx body read: 16 MiB.
pub const MAX_BODY_BYTES: u32 = 16 * 1024 * 1024;

#[wasm_bindgen]
extern "C" {
    /// `headers.get(name)` with the name passed as a JS string made once
    /// (each `&str` argument costs a UTF-8 decode in JS) and the value left
    /// in JS (`null` when absent).
    type HeaderBag;
    #[wasm_bindgen(method, catch, js_name = get)]
    fn get_value(this: &HeaderBag, name: &JsValue) -> Result<JsValue, JsValue>;
    /// `Number(v)`, a header value read as a number in JS.
    #[wasm_bindgen(js_name = Number)]
    fn number(v: &JsValue) -> f64;
}

thread_local! {
    static NAMES: [JsValue; 2] = [JsValue::from_str("content-length"), JsValue::from_str("content-encoding")];
}

/// A header's value, `None` when absent or unreadable.
fn header(headers: Option<&JsValue>, i: usize) -> Option<JsValue> {
    let headers = headers?.unchecked_ref::<HeaderBag>();
    let v = NAMES.with(|n| n.get(i).map(|name| headers.get_value(name)))?.ok()?;
    (!v.is_null() && !v.is_undefined()).then_some(v)
}

/// What a body read settles with: the JSON value, `too_large` (a marker)
/// when the cap was passed, or a rejection (a `SyntaxError` for a body that
/// is not JSON).
pub fn read_json(res: &Response, headers: Option<JsValue>, too_large: &JsValue) -> Option<Promise> {
    let length = header(headers.as_ref(), 0).map(|v| number(&v)).filter(|n| *n >= 0.0);
    // Only a length of the bytes as they are (no Content-Encoding) is trusted.
    let encoded = length.is_some()
        && header(headers.as_ref(), 1)
            .is_some_and(|e| !e.as_string().unwrap_or_default().trim().eq_ignore_ascii_case("identity"));
    match length.filter(|_| !encoded) {
        Some(n) if n > f64::from(MAX_BODY_BYTES) => {
            if let Some(stream) = stream_of(res) {
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

fn stream_of(res: &Response) -> Option<ReadableStream> {
    let body = res.unchecked_ref::<Untrusted>().body().ok()?;
    body.dyn_into::<ReadableStream>().ok()
}

fn not_json(why: &str) -> JsValue {
    js_sys::SyntaxError::new(why).into()
}

async fn read_capped(res: &Response, too_large: &JsValue) -> Result<JsValue, JsValue> {
    let Some(stream) = stream_of(res) else {
        // A Response-like without a stream (an injected fetch's object, or
        // no body at all): what its `json()` says.
        return JsFuture::from(res.json()?).await;
    };
    let reader = ReadableStreamDefaultReader::new(&stream)?;
    let mut chunks: Vec<Uint8Array> = Vec::new();
    let mut total: u32 = 0;
    loop {
        let step: ReadableStreamReadResult = JsFuture::from(reader.read()).await?.unchecked_into();
        if step.get_done() == Some(true) {
            break;
        }
        let Ok(chunk) = step.get_value().dyn_into::<Uint8Array>() else {
            let _ = reader.cancel();
            return Err(not_json("the body stream yielded something other than bytes"));
        };
        total = total.saturating_add(chunk.length());
        if total > MAX_BODY_BYTES {
            let _ = reader.cancel();
            return Ok(too_large.clone());
        }
        chunks.push(chunk);
    }
    let bytes = Uint8Array::new_with_length(total);
    let mut at = 0;
    for chunk in &chunks {
        bytes.set(chunk, at);
        at += chunk.length();
    }
    // The runtime decodes (UTF-8, a BOM) and parses, as `res.json()` would.
    JsFuture::from(Response::new_with_opt_buffer_source(Some(&bytes))?.json()?).await
}
