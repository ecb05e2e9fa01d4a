//! heymarket-wasm: a client for the Heymarket REST API, compiled to
//! WebAssembly for server-side JavaScript.
//!
//! This file is the wasm-bindgen surface only: flat exports that the thin JS
//! classes in `js/` wrap. The work happens in [`core`] (auth, transport,
//! retries, errors) and [`api`] (the endpoint table and the one generic
//! mechanism that validates, builds and pages every endpoint).

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic))]

pub mod api;
mod calls;
pub mod core;
mod js;
mod pages;
#[cfg(any(test, feature = "props"))]
pub mod props;
#[cfg(test)]
#[path = "props_tests.rs"]
mod props_tests;
mod webhook;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::api::endpoints::ENDPOINTS;
use crate::api::table::Paging;
use crate::calls::{Ids, Prepared};
use crate::core::auth::{self, Signer};
use crate::core::error::Error;
use crate::core::transport::{error_to_js, Transport};
pub use crate::pages::Pages;

/// Register the JS error class errors are constructed with (called once by
/// each entry file).
#[wasm_bindgen]
pub fn set_error_class(ctor: js_sys::Function) {
    js::set_error_class(ctor);
}

/// The package version compiled into the module.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

thread_local! {
    /// `"response"`, made once (a `&str` key costs a decode per call).
    static RESPONSE_KEY: JsValue = JsValue::from_str("response");
    /// The signer for the last credential pair passed to `jwt_set_key`.
    static SIGNER: RefCell<Option<Signer>> = const { RefCell::new(None) };
}

/// Key the stateless signer (`signJwt`). The JS wrapper calls this only when
/// the credentials differ from the last call's.
#[wasm_bindgen]
pub fn jwt_set_key(secret_id: JsValue, secret_key: JsValue) -> Result<(), JsValue> {
    let string = |v: &JsValue, name: &str| {
        v.as_string().ok_or_else(|| Error::invalid(format!("{name} must be a non-empty string")))
    };
    let signer = string(&secret_id, "secretId")
        .and_then(|id| auth::signer(&id, &string(&secret_key, "secretKey")?))
        .map_err(|e| error_to_js(&e))?;
    SIGNER.with(|s| *s.borrow_mut() = Some(signer));
    Ok(())
}

/// Sign a token with the keyed signer. `iat` is unix seconds (the JS wrapper
/// passes `NaN` for a non-number, which is rejected here).
#[wasm_bindgen]
pub fn jwt_sign(iat: f64) -> Result<String, JsValue> {
    let iat = auth::validate_iat(iat).map_err(|e| error_to_js(&e))?;
    SIGNER.with(|s| match &*s.borrow() {
        Some(signer) => Ok(signer.sign(iat)),
        None => Err(error_to_js(&Error::invalid("signJwt needs secretId and secretKey"))),
    })
}

/// A configured client. Every method takes `&self` and returns a `Promise`
/// driven by async Rust (wasm-bindgen-futures); the shared state lives behind
/// an `Rc` that each call's future holds, so any number of calls may be in
/// flight at once and no borrow of the client spans an `.await`.
#[wasm_bindgen]
pub struct Client {
    inner: Rc<Transport>,
}

#[wasm_bindgen]
impl Client {
    /// Validate `options` and build a client (no I/O, timers or randomness).
    /// `env_level` is `HEYMARKET_LOG` as the JS side read it (or `undefined`).
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue, env_level: JsValue) -> Result<Client, JsValue> {
        Transport::from_options(&options, &env_level).map(|t| Client { inner: Rc::new(t) }).map_err(|e| error_to_js(&e))
    }

    /// The normalised base URL.
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_owned()
    }

    /// Call the endpoint at `index` of the table with a method's arguments
    /// (path arguments, the positional array, params, options). Bad input
    /// rejects with `invalid_argument`; nothing is sent. On success the
    /// response is kept as `meta.response` (for `withResponse()`).
    pub fn call(&self, index: u32, args: js_sys::Array, meta: JsValue) -> Promise {
        self.send(Prepared::new(&self.inner, index, &args, Ids::Random), meta)
    }

    /// One item of a batch (`sendMany`): as `call`, but a `local_id` not
    /// given is derived from the request, `batch_key` and the identical
    /// requests before it (counted in `seen`), so the same batch run again
    /// sends the same ids and the API de-duplicates what was already sent.
    #[wasm_bindgen(js_name = callItem)]
    pub fn call_item(&self, index: u32, args: js_sys::Array, batch_key: String, seen: js_sys::Map) -> Promise {
        self.send(
            Prepared::new(&self.inner, index, &args, Ids::Batch { key: &batch_key, seen: &seen }),
            JsValue::UNDEFINED,
        )
    }

    /// A walk over the list endpoint at `index` (errors surface from its
    /// first `next()`).
    pub fn pages(&self, index: u32, args: js_sys::Array) -> Pages {
        Pages::new(Rc::clone(&self.inner), Prepared::new(&self.inner, index, &args, Ids::Random))
    }
}

/// The endpoint table as the JS layer builds its namespaces from it: for
/// each row, `[name, positional arguments, takes params, paged]`.
#[wasm_bindgen]
pub fn endpoints() -> js_sys::Array {
    ENDPOINTS
        .iter()
        .map(|e| {
            JsValue::from(js_sys::Array::of4(
                &JsValue::from_str(e.name),
                &JsValue::from(e.positional() as u32),
                &JsValue::from_bool(e.takes_params()),
                &JsValue::from_bool(e.paging != Paging::None),
            ))
        })
        .collect()
}

/// The endpoint table as JSON text (fields, types, paging, retry rules), for
/// the CLI and generated docs.
#[wasm_bindgen]
pub fn describe() -> String {
    api::describe::table_json()
}

/// `normalizePhone(input, { defaultCountryCode? })`: E.164 digits.
#[wasm_bindgen]
pub fn normalize_phone(input: JsValue, options: JsValue) -> Result<String, JsValue> {
    const FIELDS: [js::de::Field; 1] = [js::de::Field::new("defaultCountryCode", js::de::Kind::Str)];
    let fail = |m: String| error_to_js(&Error::invalid(m));
    let cc = if options.is_undefined() {
        None
    } else {
        js::de::read_fields(&options, "normalizePhone option", &FIELDS).map_err(|e| error_to_js(&e))?.str()
    };
    let Some(text) = input.as_string() else {
        return Err(fail(format!("normalizePhone: input must be a string, got {}", js::type_name(&input))));
    };
    api::phone::normalize(&text, cc.as_deref()).map_err(|e| fail(format!("normalizePhone: the number {e}")))
}

/// `memoryStore()`: a rate-limit store shared by clients in one process, a
/// sliding window per key.
#[wasm_bindgen]
#[derive(Debug, Default)]
pub struct MemoryStore {
    windows: RefCell<Vec<(String, core::limit::Window)>>,
}

#[wasm_bindgen]
impl MemoryStore {
    #[wasm_bindgen(constructor)]
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// `take(key, limit, windowMs)`: 0 to go now (counted), else the
    /// milliseconds to wait before asking again.
    pub fn take(&self, key: String, limit: f64, window_ms: f64) -> Promise {
        let mut windows = self.windows.borrow_mut();
        let i = match windows.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => match core::limit::Window::new(limit, window_ms) {
                Some(w) => {
                    windows.push((key, w));
                    windows.len() - 1
                }
                None => {
                    return Promise::reject(&error_to_js(&Error::invalid(
                        "take: limit and windowMs must be whole numbers from 1",
                    )))
                }
            },
        };
        let wait = match windows.get_mut(i).map(|(_, w)| w.take(js_sys::Date::now())) {
            Some(core::limit::Take::Wait(ms)) => ms,
            _ => 0.0,
        };
        Promise::resolve(&JsValue::from_f64(wait))
    }
}

/// `verifyWebhook(body, { token })`: the verified event.
#[wasm_bindgen]
pub fn verify_webhook(body: JsValue, options: JsValue) -> Promise {
    js::spawn(Box::pin(async move { webhook::verify(body, options).await.map_err(|e| error_to_js(&e)) }))
}

impl Client {
    /// Send a prepared call; on success its response is kept as
    /// `meta.response` (when `meta` is an object).
    fn send(&self, call: Result<Prepared, Error>, meta: JsValue) -> Promise {
        let call = match call {
            Ok(c) => c,
            Err(e) => return Promise::reject(&self.inner.to_js(e)),
        };
        let transport = Rc::clone(&self.inner);
        js::spawn(Box::pin(async move {
            let (value, response) =
                transport.run(call.request(), call.opts.clone()).await.map_err(|e| transport.to_js(e))?;
            if meta.is_object() {
                RESPONSE_KEY.with(|k| js_sys::Reflect::set(&meta, k, &response)).ok();
            }
            Ok(call.finish(value))
        }))
    }
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("transport", &self.inner).finish()
    }
}
