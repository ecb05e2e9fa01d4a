//! The `rateLimit` option on the transport: an in-memory sliding window per
//! client ([`super::limit::Window`]), or a shared `store` (any object with
//! `take(key, limit, windowMs)` → `Promise<number>`: 0 = go now, else the
//! milliseconds to wait before asking again). A store is asked for the window
//! with the travel margin of [`Window::for_server`] and keeps it exactly. Each attempt, retries
//! included, waits its turn, honouring its signal and timeout budget.

use std::cell::RefCell;

use js_sys::{Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::config;
use super::error::{Error, ErrorCode};
use super::limit::{Take, Window};
use crate::js::{self, de};

/// Heymarket's own budget: 500 requests a minute.
pub const DEFAULT_LIMIT: f64 = 500.0;
pub const DEFAULT_WINDOW_MS: f64 = 60_000.0;

/// How a client keeps under its budget.
pub enum Limiter {
    Memory(RefCell<Window>),
    Store { store: JsValue, take: Function, key: JsValue, limit: f64, window_ms: f64 },
}

impl Limiter {
    /// From the `rateLimit` option (`None`: not given). Default: Heymarket's
    /// budget for its own base URL, none for any other (mocks, proxies).
    /// `key` names the credentials in a shared store (a hash, never a secret).
    pub fn from_option(
        option: Option<&JsValue>,
        base_url: &str,
        key: impl FnOnce() -> String,
    ) -> Result<Option<Limiter>, Error> {
        let Some(v) = option else {
            return Ok((base_url == config::DEFAULT_BASE_URL)
                .then(|| Window::for_server(DEFAULT_LIMIT, DEFAULT_WINDOW_MS).map(|w| Limiter::Memory(RefCell::new(w))))
                .flatten());
        };
        if v.as_bool() == Some(false) {
            return Ok(None);
        }
        const FIELDS: [de::Field; 3] = [
            de::Field::new("limit", de::Kind::Num),
            de::Field::new("windowMs", de::Kind::Num),
            de::Field::new("store", de::Kind::Obj),
        ];
        if !v.is_object() || js::is_array(v) {
            return Err(Error::invalid("rateLimit must be false or an object like { limit, windowMs, store? }"));
        }
        let mut s = de::read_fields(v, "rateLimit option", &FIELDS)?;
        let (limit, window_ms) = (s.num().unwrap_or(f64::NAN), s.num().unwrap_or(f64::NAN));
        let Some(window) = Window::for_server(limit, window_ms) else {
            return Err(Error::invalid("rateLimit needs limit and windowMs, each a whole number from 1"));
        };
        match s.js::<JsValue>() {
            None => Ok(Some(Limiter::Memory(RefCell::new(window)))),
            Some(store) => {
                let take = js::get(&store, "take")
                    .dyn_into::<Function>()
                    .map_err(|_| Error::invalid("rateLimit.store must have a take(key, limit, windowMs) method"))?;
                // The store keeps an exact window: it is asked for the one
                // with the travel margin, as the in-memory window keeps it.
                let window_ms = window.window_ms();
                Ok(Some(Limiter::Store { store, take, key: JsValue::from_str(&key()), limit, window_ms }))
            }
        }
    }

    /// Wait until a request may start: `Ok` to go, or why not (the signal,
    /// the timeout budget, a failing store). `what` names the request (made
    /// only for an error: the path is formatted on the hot path otherwise).
    pub async fn turn(&self, what: impl Fn() -> String, signal: &JsValue, budget_ms: u32) -> Result<(), Error> {
        let started = js_sys::Date::now();
        let mut now = started;
        loop {
            let wait = match self {
                Limiter::Memory(w) => match w.borrow_mut().take(now) {
                    Take::Go => 0.0,
                    Take::Wait(ms) => ms,
                },
                Limiter::Store { store, take, key, limit, window_ms } => {
                    let asked = take.call3(store, key, &JsValue::from_f64(*limit), &JsValue::from_f64(*window_ms));
                    let answer = match asked {
                        Ok(p) => JsFuture::from(Promise::resolve(&p)).await,
                        Err(e) => Err(e),
                    };
                    match answer.map(|v| v.as_f64()) {
                        Ok(Some(ms)) if ms.is_finite() && ms >= 0.0 => ms,
                        Ok(_) => {
                            return Err(Error::new(
                                ErrorCode::Network,
                                format!(
                                    "{}: the rate-limit store's take() did not answer a number of milliseconds",
                                    what()
                                ),
                            ))
                        }
                        Err(e) => {
                            return Err(Error::new(
                                ErrorCode::Network,
                                format!("{}: the rate-limit store failed: {}", what(), js::describe_error(&e)),
                            ))
                        }
                    }
                }
            };
            if wait <= 0.0 {
                return Ok(());
            }
            if now + wait - started > f64::from(budget_ms) {
                return Err(Error::new(
                    ErrorCode::Timeout,
                    format!("{} waited for the rate limit longer than its {budget_ms} ms timeout", what()),
                ));
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            if !js::sleep(wait.ceil() as u32, signal).await {
                return Err(Error::new(
                    ErrorCode::Aborted,
                    format!("{} was aborted by the caller's signal while waiting for the rate limit", what()),
                ));
            }
            now = js_sys::Date::now();
        }
    }

    /// A server's `Retry-After` pauses an in-memory window.
    pub fn pause(&self, ms: u64) {
        if let Limiter::Memory(w) = self {
            #[allow(clippy::cast_precision_loss)]
            w.borrow_mut().pause_until(js_sys::Date::now() + ms as f64);
        }
    }
}
