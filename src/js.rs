//! All JS interop of the crate: the global `fetch`, the per-attempt timeout
//! and abort guard, timers, the clock and the error class. Nothing here knows
//! about Heymarket; the rest of the crate is plain Rust.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = r#"
const noop = () => {};
// One attempt's deadline and the caller's AbortSignal, as one promise that
// rejects first. `reason` says which fired, so a rejection from `fetch`
// itself (a network failure) is never mistaken for either.
export class Guard {
  constructor(ms, signal) {
    this.controller = new AbortController();
    this.reason = undefined;
    this.timer = undefined;
    this.signal = signal;
    this.onAbort = undefined;
    let reject;
    this.promise = new Promise((_, r) => { reject = r; });
    this.promise.catch(noop);
    this.fire = (reason) => {
      if (this.reason !== undefined) return;
      this.reason = reason;
      this.clear();
      this.controller.abort();
      reject(reason);
    };
    if (signal != null) {
      if (signal.aborted) { this.fire("aborted"); return; }
      this.onAbort = () => this.fire("aborted");
      signal.addEventListener("abort", this.onAbort);
    }
    this.timer = setTimeout(this.fire, ms, "timeout");
  }
  race(p) { return Promise.race([p, this.promise]); }
  clear() {
    if (this.timer !== undefined) { clearTimeout(this.timer); this.timer = undefined; }
    if (this.onAbort !== undefined) { this.signal.removeEventListener("abort", this.onAbort); this.onAbort = undefined; }
  }
}
// Resolve after `ms`, or reject with "aborted" when the signal fires.
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal != null && signal.aborted) { reject("aborted"); return; }
    // (Any throw in here rejects the promise instead of unwinding into wasm.)
    const onAbort = () => { clearTimeout(timer); reject("aborted"); };
    const timer = setTimeout(() => {
      if (signal != null) signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    if (signal != null) signal.addEventListener("abort", onAbort, { once: true });
  });
}
export function request_init(method, headers, body, signal) {
  return body === undefined
    ? { method, headers, signal, redirect: "manual" }
    : { method, headers, body, signal, redirect: "manual" };
}
export function auth_headers(authorization, userAgent, withBody) {
  return withBody
    ? { authorization, accept: "application/json", "content-type": "application/json", "user-agent": userAgent }
    : { authorization, accept: "application/json", "user-agent": userAgent };
}
export function is_browser() {
  return typeof window !== "undefined" && typeof document !== "undefined";
}
export function has_global_fetch() { return typeof fetch === "function"; }
export function is_syntax_error(e) { return e instanceof SyntaxError; }
export function is_abort_signal(s) {
  return s !== null && typeof s === "object" && typeof s.aborted === "boolean" && typeof s.addEventListener === "function";
}
export function describe_error(e) {
  try { return describe(e); } catch { return "unknown error"; }
}
function describe(e) {
  if (e instanceof Error) {
    const c = e.cause;
    const detail = c && typeof c === "object" ? (typeof c.code === "string" ? c.code : c.message) : undefined;
    const code = typeof detail === "string" && detail !== "" ? ` (${detail})` : "";
    return `${e.name}: ${e.message}${code}`;
  }
  return String(e);
}
"#)]
extern "C" {
    /// Deadline plus caller signal for one attempt.
    pub type Guard;
    #[wasm_bindgen(constructor, catch)]
    pub fn new(ms: u32, signal: &JsValue) -> Result<Guard, JsValue>;
    #[wasm_bindgen(method)]
    pub fn race(this: &Guard, p: &Promise) -> Promise;
    #[wasm_bindgen(method)]
    pub fn clear(this: &Guard);
    #[wasm_bindgen(method, getter)]
    fn reason(this: &Guard) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn controller(this: &Guard) -> AbortController;

    /// A sleep that the caller's signal cuts short (rejects with "aborted").
    pub fn sleep(ms: f64, signal: &JsValue) -> Promise;
    pub fn request_init(
        method: &str,
        headers: &JsValue,
        body: Option<String>,
        signal: &JsValue,
    ) -> JsValue;
    pub fn auth_headers(authorization: &str, user_agent: &str, with_body: bool) -> JsValue;
    pub fn is_browser() -> bool;
    pub fn has_global_fetch() -> bool;
    pub fn is_syntax_error(e: &JsValue) -> bool;
    pub fn is_abort_signal(s: &JsValue) -> bool;
    pub fn describe_error(e: &JsValue) -> String;
}

#[wasm_bindgen]
extern "C" {
    /// The host's global `fetch`, called unbound (workerd rejects it as a method).
    #[wasm_bindgen(js_name = fetch, catch)]
    fn global_fetch(input: &str, init: &JsValue) -> Result<Promise, JsValue>;

    pub type AbortController;
    #[wasm_bindgen(method, getter)]
    fn signal(this: &AbortController) -> JsValue;

    /// The minimal `Response` surface used (duck-typed: injected fetches may
    /// return their own Response objects).
    pub type Response;
    #[wasm_bindgen(method, getter, catch)]
    fn status(this: &Response) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn headers(this: &Response) -> Result<Headers, JsValue>;
    #[wasm_bindgen(method, catch)]
    pub fn json(this: &Response) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    pub fn text(this: &Response) -> Result<Promise, JsValue>;

    type Headers;
    #[wasm_bindgen(method, catch)]
    fn get(this: &Headers, name: &str) -> Result<JsValue, JsValue>;
}

/// Why a guard fired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fired {
    Timeout,
    Aborted,
}

impl Guard {
    /// Which of the deadline or the caller's signal fired, if either.
    pub fn fired(&self) -> Option<Fired> {
        match self.reason().as_deref() {
            Some("timeout") => Some(Fired::Timeout),
            Some("aborted") => Some(Fired::Aborted),
            _ => None,
        }
    }
    /// The signal handed to `fetch`.
    pub fn fetch_signal(&self) -> JsValue {
        self.controller().signal()
    }
}

impl Response {
    /// The HTTP status, if this is a Response-like object with a numeric one.
    pub fn status_code(&self) -> Option<u16> {
        let status = self.status().ok()?.as_f64()?;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        (status.fract() == 0.0 && (0.0..1000.0).contains(&status)).then_some(status as u16)
    }

    /// A response header, if present.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers().ok()?.get(name).ok()?.as_string()
    }
}

/// Call `fetch(url, init)`: the injected function if any, else the global.
/// A synchronous throw becomes a rejected promise; a non-promise return value
/// is wrapped.
pub fn fetch(custom: Option<&Function>, url: &str, init: &JsValue) -> Promise {
    let ret = match custom {
        Some(f) => f.call2(&JsValue::UNDEFINED, &JsValue::from_str(url), init),
        None => global_fetch(url, init).map(JsValue::from),
    };
    match ret {
        Ok(v) => match v.dyn_into::<Promise>() {
            Ok(p) => p,
            Err(v) => Promise::resolve(&v),
        },
        Err(e) => Promise::reject(&e),
    }
}

/// Milliseconds since the epoch, from the injected clock or `Date.now()`.
pub fn now_ms(clock: Option<&Function>) -> f64 {
    clock
        .and_then(|f| f.call0(&JsValue::UNDEFINED).ok())
        .and_then(|v| v.as_f64())
        .filter(|v| v.is_finite())
        .unwrap_or_else(js_sys::Date::now)
}

/// A random number in `[0, 1)`.
pub fn random() -> f64 {
    js_sys::Math::random()
}

/// Read an own or inherited property (`undefined` when absent or on error).
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The enumerable own keys of an object.
pub fn keys(obj: &JsValue) -> Vec<String> {
    match obj.dyn_ref::<Object>() {
        Some(o) => Object::keys(o)
            .iter()
            .filter_map(|k| k.as_string())
            .collect(),
        None => Vec::new(),
    }
}

/// `typeof v`, for error messages.
pub fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        return "null".into();
    }
    if js_sys::Array::is_array(v) {
        return "array".into();
    }
    v.js_typeof().as_string().unwrap_or_default()
}

thread_local! {
    static ERROR_CLASS: std::cell::RefCell<Option<Function>> = const { std::cell::RefCell::new(None) };
}

/// Register the JS `HeymarketError` class that errors are built with.
pub fn set_error_class(ctor: Function) {
    ERROR_CLASS.with(|c| *c.borrow_mut() = Some(ctor));
}

/// Build a JS error: `new HeymarketError(message, { code, status, requestId, retryAfterMs })`.
pub fn make_error(
    code: &str,
    message: &str,
    status: Option<u16>,
    request_id: Option<&str>,
    retry_after_ms: Option<u64>,
) -> JsValue {
    let details = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&details, &JsValue::from_str(k), &v);
    };
    set("code", JsValue::from_str(code));
    if let Some(s) = status {
        set("status", JsValue::from(s));
    }
    if let Some(id) = request_id {
        set("requestId", JsValue::from_str(id));
    }
    if let Some(ms) = retry_after_ms {
        #[allow(clippy::cast_precision_loss)]
        set("retryAfterMs", JsValue::from_f64(ms as f64));
    }
    let ctor = ERROR_CLASS.with(|c| c.borrow().clone());
    let args = js_sys::Array::of2(&JsValue::from_str(message), &details);
    if let Some(ctor) = ctor {
        if let Ok(err) = Reflect::construct(&ctor, &args) {
            return err;
        }
    }
    // Not registered (only if the wasm exports are used without the package's
    // entry files): a plain Error with the same fields.
    let err: JsValue = js_sys::Error::new(message).into();
    let _ = Object::assign(err.unchecked_ref(), &details);
    err
}
