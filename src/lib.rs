//! heymarket-wasm: a client for the Heymarket REST API, compiled to
//! WebAssembly for server-side JavaScript.
//!
//! This file is the wasm-bindgen surface only: flat exports that the thin JS
//! classes in `js/` wrap. The work happens in [`core`] (auth, transport,
//! retries, errors) and [`resources`] (one module per API resource).

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic))]

pub mod core;
mod js;
pub mod resources;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::core::auth::{self, Signer};
use crate::core::error::Error;
use crate::core::request::Request;
use crate::core::transport::{error_to_js, Call, Transport};

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
        .and_then(|id| Signer::new(&id, &string(&secret_key, "secretKey")?))
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

/// A configured client. Every method takes `&self`; the shared state lives
/// behind an `Rc`, and each request is its own [`PendingCall`], so any number
/// of calls may be in flight at once.
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
    pub fn conversations_get(&self, id: JsValue, options: JsValue) -> Result<PendingCall, JsValue> {
        self.call(|| resources::conversations::get(number(&id, "conversation id")?), &options)
    }
}

impl Client {
    /// Validate the arguments and options into a call; nothing is sent yet.
    fn call(&self, build: impl FnOnce() -> Result<Request, Error>, options: &JsValue) -> Result<PendingCall, JsValue> {
        let prepared = build().and_then(|req| Ok((req, self.inner.call_options(options)?)));
        match prepared {
            Ok((req, opts)) => Ok(PendingCall { call: self.inner.start(req, opts), inner: Rc::clone(&self.inner) }),
            Err(e) => Err(self.inner.to_js(e)),
        }
    }
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("transport", &self.inner).finish()
    }
}

/// One request in progress, driven by the JS layer (`drive` in js/api.mjs):
/// `send()` starts an attempt, `settle()` judges it (decode, error mapping,
/// retry policy) and says whether to wait `delayMs` and send again. All the
/// logic is here; JS only awaits the promises. Methods are synchronous, so no
/// borrow is ever held across an await.
#[wasm_bindgen]
#[derive(Debug)]
pub struct PendingCall {
    inner: Rc<Transport>,
    call: Call,
}

#[wasm_bindgen]
impl PendingCall {
    /// Start an attempt; the promise settles with what `settle` takes.
    pub fn send(&mut self) -> Promise {
        self.inner.send(&mut self.call)
    }

    /// Judge the attempt: the decoded value, `undefined` to retry after
    /// `delayMs`, or a thrown `HeymarketError`.
    pub fn settle(&mut self, result: JsValue, rejected: bool) -> Result<JsValue, JsValue> {
        match self.inner.settle(&mut self.call, &result, rejected) {
            Ok(Some(value)) => Ok(value),
            Ok(None) => Ok(JsValue::UNDEFINED),
            Err(e) => Err(self.inner.to_js(e)),
        }
    }

    /// Milliseconds to wait before the next `send`.
    #[wasm_bindgen(getter, js_name = delayMs)]
    pub fn delay_ms(&self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let ms = self.call.delay_ms() as f64;
        ms
    }

    /// The caller's signal, for the retry wait (`undefined` when none).
    #[wasm_bindgen(getter)]
    pub fn signal(&self) -> JsValue {
        self.call.signal().clone()
    }

    /// The error to throw when the caller's signal fires during the wait.
    pub fn aborted(&self) -> JsValue {
        self.inner.to_js(self.inner.aborted(&self.call))
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
