//! One attempt's exchange with the server: `fetch`, then the body, under one
//! deadline and the caller's `AbortSignal`, awaited as a single `JsFuture`.
//!
//! Each `JsFuture` costs two closures and a microtask hop, and every promise
//! in a chain costs a tick, so the attempt is one promise (`settled`) and the
//! steps settle it directly: `fetch(…).then(read, reject)`, where [`read`] (a
//! closure made once per module and bound per attempt to that promise's
//! `resolve`/`reject` and a holder object) keeps the response on the holder
//! and calls `res.json().then(resolve, reject)`. The deadline timer and the
//! caller's signal call the same `reject` with a marker. When the deadline or
//! the signal wins, the attempt's `AbortController` is aborted, which cancels
//! the request even if its response is still on the way.

use js_sys::{Function, Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, EventTarget, Headers, Response};

use super::{clear_timeout, get, set_timeout_with_arg};

#[wasm_bindgen]
extern "C" {
    // Untyped `then`/`bind`: js-sys's are generic over typed closures; these
    // take plain `Function`s.
    #[wasm_bindgen(extends = Promise)]
    type Chain;
    /// `then`, with its result ignored (no handle for it on the wasm side).
    #[wasm_bindgen(method, js_name = then)]
    fn then_both(this: &Chain, on_fulfilled: &Function, on_rejected: &Function);
    #[wasm_bindgen(extends = Function)]
    type Bindable;
    #[wasm_bindgen(method, js_name = bind)]
    fn bind1(this: &Bindable, this_arg: &JsValue, a: &JsValue) -> Function;
    #[wasm_bindgen(method, js_name = bind)]
    fn bind3(this: &Bindable, this_arg: &JsValue, a: &JsValue, b: &JsValue, c: &JsValue) -> Function;

    // Structural property reads of values a caller's `fetch` returned, so a
    // Response-like object works and a throwing getter is an `Err`. (web-sys's
    // `Response` getters do not `catch`.)
    pub(super) type Untrusted;
    /// `res.status`, converted like `+res.status` (`NaN` when missing).
    #[wasm_bindgen(method, getter, catch)]
    fn status(this: &Untrusted) -> Result<f64, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn headers(this: &Untrusted) -> Result<JsValue, JsValue>;
    /// `res.body`, which a Response-like object may make throw.
    #[wasm_bindgen(method, getter, catch)]
    pub(super) fn body(this: &Untrusted) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn aborted(this: &Untrusted) -> Result<JsValue, JsValue>;

    // The attempt's holder: `holder.response`, set by `read`.
    #[wasm_bindgen(extends = Object)]
    #[derive(Debug)]
    type Holder;
    #[wasm_bindgen(method, getter)]
    fn response(this: &Holder) -> JsValue;
    #[wasm_bindgen(method, setter)]
    fn set_response(this: &Holder, v: &JsValue);
}

/// Module-lifetime values: the body reader (a closure made once) and two
/// markers (unique objects) that the deadline and the caller's abort reject
/// an attempt with.
struct Statics {
    read: Function,
    timeout_marker: JsValue,
    aborted_marker: JsValue,
    /// A 2xx body settles with this when it is over the size cap.
    too_large_marker: JsValue,
}

thread_local! {
    static STATICS: Statics = Statics {
        read: Closure::<dyn FnMut(Function, Function, Holder, JsValue)>::new(read)
            .into_js_value()
            .unchecked_into(),
        timeout_marker: Object::new().into(),
        aborted_marker: Object::new().into(),
        too_large_marker: Object::new().into(),
    };
}

/// `fetch(…)` resolved with `res`: keep it on the holder and settle the
/// attempt with its body (JSON for a 2xx, text otherwise). A value without a
/// numeric `status` or a `json()` is no Response: resolve with nothing.
/// Runs as a promise callback; every read of `res` is a `catch`ing import, so
/// a hostile object cannot throw through wasm.
fn read(resolve: Function, reject: Function, holder: Holder, res: JsValue) {
    let body = match status_of(&res) {
        Some(status) if (200.0..300.0).contains(&status) => {
            let headers = res.unchecked_ref::<Untrusted>().headers().ok();
            STATICS.with(|s| super::body::read_json(res.unchecked_ref::<Response>(), headers, &s.too_large_marker))
        }
        Some(_) => res.unchecked_ref::<Response>().text().ok().or_else(|| Some(Promise::resolve(&JsValue::UNDEFINED))),
        None => None,
    };
    match body {
        Some(body) => {
            holder.set_response(&res);
            body.unchecked_ref::<Chain>().then_both(&resolve, &reject);
        }
        None => {
            let _ = resolve.call1(&JsValue::UNDEFINED, &JsValue::UNDEFINED);
        }
    }
}

/// `res.status` as a number, if it is one (an HTTP status is 0–999).
fn status_of(res: &JsValue) -> Option<f64> {
    // On `undefined` or `null` the getter throws: `catch` makes it `None`.
    res.unchecked_ref::<Untrusted>().status().ok().filter(|s| (0.0..=999.0).contains(s))
}

/// Whether `signal.aborted` is `true` (read defensively).
pub(super) fn is_aborted(signal: &JsValue) -> bool {
    signal.is_object() && signal.unchecked_ref::<Untrusted>().aborted().ok().and_then(|v| v.as_bool()) == Some(true)
}

/// Why an attempt's controller fired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fired {
    Timeout,
    Aborted,
}

/// One attempt: its promise (settled by the exchange, or rejected by the
/// deadline or the caller's signal), and the `AbortController` that cancels
/// the request. Dropping it clears the timer and the listener.
#[derive(Debug)]
pub struct Attempt {
    controller: AbortController,
    /// The caller's signal had fired before the attempt began.
    pre_aborted: bool,
    /// Taken by [`Attempt::exchange`].
    settled: Option<Promise>,
    resolve: Function,
    reject: Function,
    holder: Holder,
    timer: JsValue,
    /// The caller's signal and the listener added to it.
    caller: Option<(EventTarget, Function)>,
}

impl Attempt {
    /// Arm the deadline and watch the caller's `signal` (`undefined` for
    /// none), before anything is sent. A signal that has already fired arms
    /// nothing: [`Attempt::pre_aborted`]. Errs if the signal cannot be watched.
    pub fn new(timeout_ms: u32, signal: &JsValue) -> Result<Attempt, JsValue> {
        let controller = AbortController::new()?;
        let (mut resolve, mut reject) = (None, None);
        let settled = Promise::new(&mut |res, rej| {
            resolve = Some(res);
            reject = Some(rej);
        });
        let (Some(resolve), Some(reject)) = (resolve, reject) else { return Err(JsValue::UNDEFINED) };
        let mut attempt = Attempt {
            controller,
            pre_aborted: false,
            settled: Some(settled),
            resolve,
            reject,
            holder: Object::new().unchecked_into(),
            timer: JsValue::UNDEFINED,
            caller: None,
        };
        if !signal.is_undefined() {
            if is_aborted(signal) {
                attempt.pre_aborted = true;
                return Ok(attempt);
            }
            let target: EventTarget = signal.clone().unchecked_into();
            let listener =
                STATICS.with(|s| attempt.reject.unchecked_ref::<Bindable>().bind1(&JsValue::NULL, &s.aborted_marker));
            target.add_event_listener_with_callback("abort", &listener)?;
            attempt.caller = Some((target, listener));
        }
        attempt.timer = STATICS.with(|s| set_timeout_with_arg(&attempt.reject, timeout_ms, &s.timeout_marker));
        Ok(attempt)
    }

    /// The signal to hand to `fetch`.
    pub fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// Whether the caller's signal had fired before the attempt (send nothing).
    pub fn pre_aborted(&self) -> bool {
        self.pre_aborted
    }

    /// Await `response` and its body within the deadline: the outcome, or
    /// why not — the deadline or the caller's signal (then the request is
    /// cancelled), or `fetch`'s own rejection (or the body's).
    pub async fn exchange(&mut self, response: Promise) -> Result<Outcome, (Option<Fired>, JsValue)> {
        let read = STATICS.with(|s| {
            s.read.unchecked_ref::<Bindable>().bind3(&JsValue::NULL, &self.resolve, &self.reject, &self.holder)
        });
        response.unchecked_ref::<Chain>().then_both(&read, &self.reject);
        let Some(settled) = self.settled.take() else { return Err((None, JsValue::UNDEFINED)) };
        let settled = JsFuture::from(settled).await;
        let res = self.holder.response();
        let (body, failure) = match settled {
            Ok(body) if STATICS.with(|s| body == s.too_large_marker) => {
                // Stop the rest of a body that is over the cap.
                self.controller.abort();
                let mut outcome = Outcome::new(res, None);
                outcome.too_large = true;
                return Ok(outcome);
            }
            Ok(body) => (Some(body), None),
            Err(e) => (None, Some(e)),
        };
        if let Some(e) = failure {
            let fired = STATICS.with(|s| {
                if e == s.timeout_marker {
                    Some(Fired::Timeout)
                } else if e == s.aborted_marker {
                    Some(Fired::Aborted)
                } else {
                    None
                }
            });
            if fired.is_some() {
                self.controller.abort();
                return Err((fired, e));
            }
            // The response arrived but its body did not parse (a 2xx that
            // is not JSON) or could not be read (an error status): judge
            // the response without it. Anything else is a network failure.
            let not_json = get(&e, "name").as_string().as_deref() == Some("SyntaxError");
            let status = status_of(&res).unwrap_or(0.0);
            if res.is_undefined() || ((200.0..300.0).contains(&status) && !not_json) {
                return Err((None, e));
            }
        }
        Ok(Outcome::new(res, body))
    }
}

impl Drop for Attempt {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
        if let Some((target, listener)) = self.caller.take() {
            let _ = target.remove_event_listener_with_callback("abort", &listener);
        }
    }
}

/// What an exchange produced: a response with its body, or nothing usable.
#[derive(Debug)]
pub struct Outcome {
    response: Option<JsValue>,
    status: u16,
    /// The JSON value (2xx), the text (other statuses, when readable), or
    /// `None` for a 2xx body that is not JSON.
    body: Option<JsValue>,
    /// A 2xx body over the size cap (not read).
    too_large: bool,
}

impl Outcome {
    fn new(response: JsValue, body: Option<JsValue>) -> Outcome {
        if response.is_undefined() {
            return Outcome { response: None, status: 0, body: None, too_large: false };
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let status = status_of(&response).unwrap_or(0.0) as u16;
        Outcome { response: Some(response), status, body, too_large: false }
    }

    /// Whether a 2xx body was over the size cap.
    pub fn too_large(&self) -> bool {
        self.too_large
    }

    /// Whether `fetch` resolved to something with a `status` and `json()`.
    pub fn is_response(&self) -> bool {
        self.response.is_some()
    }

    /// The HTTP status (0 when not a response).
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The body: JSON for a 2xx (`None` if it was not JSON), text otherwise.
    pub fn body(&self) -> Option<&JsValue> {
        self.body.as_ref()
    }

    /// A response header, if present and readable.
    pub fn header(&self, name: &str) -> Option<String> {
        response_header(self.response.as_ref()?, name)
    }

    /// The response (`undefined` when there was none).
    pub fn response(&self) -> JsValue {
        self.response.clone().unwrap_or(JsValue::UNDEFINED)
    }
}

/// A header of a response (or Response-like), if present and readable.
pub fn response_header(res: &JsValue, name: &str) -> Option<String> {
    // Structural, like every web-sys call: an injected fetch may answer with
    // a Response-like object; a throwing or missing `get` is `None`.
    let headers: Headers = res.unchecked_ref::<Untrusted>().headers().ok()?.unchecked_into();
    headers.get(name).ok().flatten()
}

/// The HTTP status of a response, if it has one.
pub fn response_status(res: &JsValue) -> Option<u16> {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    status_of(res).map(|s| s as u16)
}

/// Wait `ms` milliseconds; `false` as soon as `signal` (an `AbortSignal`, or
/// `undefined`) fires instead.
pub async fn sleep(ms: u32, signal: &JsValue) -> bool {
    if is_aborted(signal) {
        return false;
    }
    let watched = (!signal.is_undefined()).then(|| signal.unchecked_ref::<EventTarget>());
    let mut timer = JsValue::UNDEFINED;
    let mut listener = None;
    let wait = Promise::new(&mut |resolve, reject| {
        timer = set_timeout_with_arg(&resolve, ms, &JsValue::UNDEFINED);
        if let Some(s) = watched {
            if s.add_event_listener_with_callback("abort", &reject).is_ok() {
                listener = Some(reject);
            }
        }
    });
    let slept = JsFuture::from(wait).await.is_ok();
    clear_timeout(&timer);
    if let (Some(s), Some(l)) = (watched, listener) {
        let _ = s.remove_event_listener_with_callback("abort", &l);
    }
    slept
}
