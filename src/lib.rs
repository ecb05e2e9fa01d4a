//! heymarket-wasm: a client for the Heymarket REST API, compiled to
//! WebAssembly for server-side JavaScript.
//!
//! This file is the wasm-bindgen surface only: flat exports that the thin JS
//! classes in `js/` wrap. The work happens in [`core`] (auth, transport,
//! retries, errors) and [`resources`] (one module per API resource).

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic))]

pub mod api;
pub mod core;
mod js;
pub mod resources;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use crate::core::auth::{self, Signer};
use crate::core::error::Error;
use crate::core::request::Request;
use crate::core::transport::{error_to_js, Transport};

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
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Client, JsValue> {
        Transport::from_options(&options).map(|t| Client { inner: Rc::new(t) }).map_err(|e| error_to_js(&e))
    }

    /// The normalised base URL.
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_owned()
    }

    /// `GET /v1/conversations/{id}`.
    pub fn conversations_get(&self, id: JsValue, options: JsValue) -> Promise {
        self.call(|| resources::conversations::get(number(&id, "conversation id")?), &options)
    }
}

impl Client {
    /// Validate the arguments and options, then run the call. Bad input
    /// rejects the returned promise with `invalid_argument`; nothing is sent.
    fn call(&self, build: impl FnOnce() -> Result<Request, Error>, options: &JsValue) -> Promise {
        let prepared = build().and_then(|req| Ok((req, self.inner.call_options(options)?)));
        let (req, opts) = match prepared {
            Ok(p) => p,
            Err(e) => return Promise::reject(&self.inner.to_js(e)),
        };
        let transport = Rc::clone(&self.inner);
        future_to_promise(async move { transport.run(req, opts).await.map_err(|e| transport.to_js(e)) })
    }
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("transport", &self.inner).finish()
    }
}

/// A JS number argument, or `invalid_argument` naming its type.
fn number(v: &JsValue, name: &str) -> Result<f64, Error> {
    v.as_f64().ok_or_else(|| {
        Error::invalid(format!("{name} must be a positive safe integer, got {}", describe_non_number(v)))
    })
}

fn describe_non_number(v: &JsValue) -> String {
    match v.as_string() {
        Some(_) => "a string".into(),
        None => js::type_name(v),
    }
}
