//! One attempt's exchange with the server: `fetch`, then the body, under one
//! deadline and the caller's `AbortSignal`, awaited as a single `JsFuture`.
//!
//! Each `JsFuture` costs two closures and a microtask hop, so the steps are
//! chained as promises on the JS side and awaited once: `fetch(…)` →
//! [`read`] (a closure made once per module, not per call) → `[response,
//! body]`, raced against a promise that rejects when the attempt's
//! `AbortController` fires. The deadline and the caller's signal both abort
//! that controller (through `abort.bind(controller, reason)`, so no Rust
//! closure is allocated per attempt either), which also cancels the request.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, EventTarget, Headers, Response};

use super::{clear_timeout, get, set_timeout};

#[wasm_bindgen]
extern "C" {
    // Untyped `then`/`catch`/`bind`: js-sys's are generic over typed closures;
    // these take the module-lifetime `Function`s made below.
    #[wasm_bindgen(extends = Promise)]
    type Chain;
    #[wasm_bindgen(method, js_name = then)]
    fn then_fn(this: &Chain, on_fulfilled: &Function) -> Promise;
    #[wasm_bindgen(method, js_name = catch)]
    fn catch_fn(this: &Chain, on_rejected: &Function) -> Promise;
    #[wasm_bindgen(extends = Function)]
    type Bindable;
    #[wasm_bindgen(method, js_name = bind)]
    fn bind_with(this: &Bindable, this_arg: &JsValue, arg: &JsValue) -> Function;
}

const TIMEOUT: &str = "timeout";
const ABORTED: &str = "aborted";

/// Module-lifetime values: the body reader and its error handlers (closures
/// made once), the marker for a 2xx body that is not JSON, and
/// `AbortController.prototype.abort`.
struct Statics {
    read: Function,
    not_json: Function,
    no_text: Function,
    not_json_marker: JsValue,
    abort: Function,
}

thread_local! {
    static STATICS: Option<Statics> = make_statics();
}

fn make_statics() -> Option<Statics> {
    let closure = |f: fn(JsValue) -> JsValue| {
        Closure::<dyn Fn(JsValue) -> JsValue>::new(f).into_js_value().unchecked_into::<Function>()
    };
    let controller = AbortController::new().ok()?;
    Some(Statics {
        read: closure(read),
        not_json: closure(not_json),
        no_text: closure(|_| JsValue::UNDEFINED),
        not_json_marker: js_sys::Object::new().into(),
        abort: get(&controller, "abort").dyn_into().ok()?,
    })
}

fn with_statics<R>(f: impl FnOnce(&Statics) -> R) -> Option<R> {
    STATICS.with(|s| s.as_ref().map(f))
}

/// `fetch(…).then(read)`: a `Response`-like value becomes `Promise.all([res,
/// body])`, the body being JSON for a 2xx and text (if readable) otherwise;
/// anything else becomes `undefined`. Runs as a promise callback: every
/// property read is a `catch`ing `Reflect.get`, so hostile objects cannot
/// throw through wasm.
fn read(res: JsValue) -> JsValue {
    let Some(status) = get(&res, "status").as_f64() else { return JsValue::UNDEFINED };
    if !get(&res, "json").is_function() {
        return JsValue::UNDEFINED;
    }
    let response: &Response = res.unchecked_ref();
    let body = with_statics(|s| {
        if (200.0..300.0).contains(&status) {
            match response.json() {
                Ok(p) => p.unchecked_ref::<Chain>().catch_fn(&s.not_json),
                Err(e) => Promise::reject(&e),
            }
        } else {
            match response.text() {
                Ok(p) => p.unchecked_ref::<Chain>().catch_fn(&s.no_text),
                Err(_) => Promise::resolve(&JsValue::UNDEFINED),
            }
        }
    });
    match body {
        Some(body) => Promise::all(&Array::of2(&res, &body)).into(),
        None => JsValue::UNDEFINED,
    }
}

/// `json()` rejected: a `SyntaxError` (checked by name too, for one from
/// another realm) means the body is not JSON; anything else stays a rejection.
fn not_json(e: JsValue) -> JsValue {
    let syntax =
        e.is_instance_of::<js_sys::SyntaxError>() || get(&e, "name").as_string().as_deref() == Some("SyntaxError");
    match with_statics(|s| s.not_json_marker.clone()) {
        Some(marker) if syntax => marker,
        _ => Promise::reject(&e).into(),
    }
}

/// Why an attempt's controller fired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fired {
    Timeout,
    Aborted,
}

/// One attempt's cancellation: an `AbortController` fired by a timer or by
/// the caller's signal. Dropping it clears the timer and the listener.
#[derive(Debug)]
pub struct Attempt {
    controller: AbortController,
    timer: JsValue,
    /// The caller's signal and the listener added to it.
    caller: Option<(EventTarget, Function)>,
}

impl Attempt {
    /// Arm the deadline and watch the caller's `signal` (`undefined` for
    /// none). A signal that has already fired arms nothing: [`Attempt::fired`]
    /// then says `Aborted`. Errs if the signal cannot be watched.
    pub fn new(timeout_ms: u32, signal: &JsValue) -> Result<Attempt, JsValue> {
        let controller = AbortController::new()?;
        let abort = with_statics(|s| s.abort.clone()).ok_or_else(|| JsValue::from_str("AbortController is missing"))?;
        let mut attempt = Attempt { controller, timer: JsValue::UNDEFINED, caller: None };
        if !signal.is_undefined() {
            // Read through `Reflect` (a hostile getter may throw).
            if get(signal, "aborted").as_bool() == Some(true) {
                attempt.controller.abort_with_reason(&JsValue::from_str(ABORTED));
                return Ok(attempt);
            }
            let target: EventTarget = signal.clone().unchecked_into();
            let listener =
                abort.unchecked_ref::<Bindable>().bind_with(&attempt.controller, &JsValue::from_str(ABORTED));
            target.add_event_listener_with_callback("abort", &listener)?;
            attempt.caller = Some((target, listener));
        }
        attempt.timer = set_timeout(
            &abort.unchecked_ref::<Bindable>().bind_with(&attempt.controller, &JsValue::from_str(TIMEOUT)),
            timeout_ms,
        );
        Ok(attempt)
    }

    /// The signal to hand to `fetch`.
    pub fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// Which of the deadline or the caller's signal fired, if either.
    pub fn fired(&self) -> Option<Fired> {
        let signal = self.controller.signal();
        if !signal.aborted() {
            return None;
        }
        Some(if signal.reason().as_string().as_deref() == Some(TIMEOUT) { Fired::Timeout } else { Fired::Aborted })
    }

    /// Await `response` and its body within the deadline: the outcome, or the
    /// rejection (the controller's abort event, or `fetch`'s own error).
    pub async fn exchange(&self, response: Promise) -> Result<Outcome, JsValue> {
        let signal = self.controller.signal();
        let deadline = Promise::new(&mut |_resolve, reject| {
            let _ = signal.add_event_listener_with_callback("abort", &reject);
        });
        let read = with_statics(|s| response.unchecked_ref::<Chain>().then_fn(&s.read)).unwrap_or(response);
        let settled = JsFuture::from(Promise::race(&Array::of2(&read, &deadline))).await?;
        let marker = with_statics(|s| s.not_json_marker.clone()).unwrap_or_default();
        Ok(Outcome::new(settled, &marker))
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
}

impl Outcome {
    fn new(settled: JsValue, not_json: &JsValue) -> Outcome {
        if !Array::is_array(&settled) {
            return Outcome { response: None, status: 0, body: None };
        }
        let pair: Array = settled.unchecked_into();
        let (response, body) = (pair.get(0), pair.get(1));
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let status = get(&response, "status").as_f64().filter(|s| (0.0..=999.0).contains(s)).unwrap_or(0.0) as u16;
        let body = (body != *not_json).then_some(body);
        Outcome { response: Some(response), status, body }
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
        // Structural, like every web-sys call: an injected fetch may answer
        // with a Response-like object; a throwing or missing `get` is `None`.
        let headers: Headers = get(self.response.as_ref()?, "headers").unchecked_into();
        headers.get(name).ok().flatten()
    }
}

/// Wait `ms` milliseconds; `false` as soon as `signal` (an `AbortSignal`, or
/// `undefined`) fires instead.
pub async fn sleep(ms: u32, signal: &JsValue) -> bool {
    if get(signal, "aborted").as_bool() == Some(true) {
        return false;
    }
    let watched = (!signal.is_undefined()).then(|| signal.unchecked_ref::<EventTarget>());
    let mut timer = JsValue::UNDEFINED;
    let mut listener = None;
    let wait = Promise::new(&mut |resolve, reject| {
        timer = set_timeout(&resolve, ms);
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
