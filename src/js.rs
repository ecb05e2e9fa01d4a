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
    this.signal = signal;
    this.onAbort = undefined;
    this.reject = noop;
    this.timer = undefined;
    if (signal != null) {
      if (signal.aborted) { this.reason = "aborted"; return; }
      this.onAbort = () => this.fire("aborted");
      signal.addEventListener("abort", this.onAbort);
    }
    this.timer = setTimeout(fire, ms, this);
  }
  fire(reason) {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.clear();
    this.controller.abort();
    this.reject(reason);
  }
  // The RequestInit for fetch: never follow redirects (credentials stay with
  // the configured origin); the guard's signal cancels the request.
  init(method, headers, body) {
    const signal = this.controller.signal;
    return body === undefined
      ? { method, headers, signal, redirect: "manual" }
      : { method, headers, body, signal, redirect: "manual" };
  }
  // One exchange: await the response and read its body (JSON for a 2xx, text
  // otherwise), all within the deadline. Resolves to an Outcome; rejects with
  // the guard's reason (even if fetch ignores its signal) or fetch's own error.
  exchange(responsePromise) {
    return new Promise((resolve, reject) => {
      if (this.reason !== undefined) { reject(this.reason); return; }
      this.reject = reject;
      responsePromise.then(readOutcome).then(
        (outcome) => { this.clear(); resolve(outcome); },
        (error) => { this.clear(); reject(error); },
      );
    });
  }
  clear() {
    if (this.timer !== undefined) { clearTimeout(this.timer); this.timer = undefined; }
    if (this.onAbort !== undefined) { this.signal.removeEventListener("abort", this.onAbort); this.onAbort = undefined; }
  }
}
function fire(guard) { guard.fire("timeout"); }
// kind: 0 = 2xx with a JSON body, 1 = 2xx whose body is not JSON,
// 2 = any other status (body: its text, if readable), 3 = not a Response.
class Outcome {
  constructor(kind, status, body, res) {
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.res = res;
  }
  header(name) {
    try { const v = this.res.headers.get(name); return typeof v === "string" ? v : undefined; } catch { return undefined; }
  }
}
async function readOutcome(res) {
  const status = res !== null && typeof res === "object" ? res.status : undefined;
  if (typeof status !== "number" || typeof res.json !== "function") return new Outcome(3, 0, undefined, undefined);
  if (status >= 200 && status < 300) {
    try {
      return new Outcome(0, status, await res.json(), res);
    } catch (e) {
      // By name too: a SyntaxError from another realm (a vm context, a test
      // runner's sandbox) is no instance of this realm's class.
      if (e instanceof SyntaxError || e?.name === "SyntaxError") return new Outcome(1, status, undefined, res);
      throw e;
    }
  }
  let text;
  try { text = await res.text(); } catch { text = undefined; }
  return new Outcome(2, status, text, res);
}
export function auth_headers(authorization, userAgent, withBody) {
  return withBody
    ? { authorization, accept: "application/json", "content-type": "application/json", "user-agent": userAgent }
    : { authorization, accept: "application/json", "user-agent": userAgent };
}
// Object.keys and Array.isArray throw on a revoked Proxy (and Object.keys on
// one whose ownKeys trap throws): undefined and false there.
export function own_keys(v) {
  try { return Object.keys(v); } catch { return undefined; }
}
export function is_array(v) {
  try { return Array.isArray(v); } catch { return false; }
}
export function is_browser() {
  return typeof window !== "undefined" && typeof document !== "undefined";
}
export function has_global_fetch() { return typeof fetch === "function"; }
export function is_abort_signal(s) {
  try {
    return s !== null && typeof s === "object" && typeof s.aborted === "boolean" && typeof s.addEventListener === "function";
  } catch { return false; }
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
    pub fn init(this: &Guard, method: &str, headers: &JsValue, body: Option<String>) -> JsValue;
    #[wasm_bindgen(method)]
    pub fn exchange(this: &Guard, response: &Promise) -> Promise;
    #[wasm_bindgen(method, getter)]
    fn reason(this: &Guard) -> Option<String>;

    /// What one exchange produced (see `readOutcome`).
    pub type Outcome;
    #[wasm_bindgen(method, getter)]
    pub fn kind(this: &Outcome) -> u8;
    #[wasm_bindgen(method, getter)]
    pub fn status(this: &Outcome) -> u16;
    #[wasm_bindgen(method, getter)]
    pub fn body(this: &Outcome) -> JsValue;
    #[wasm_bindgen(method)]
    pub fn header(this: &Outcome, name: &str) -> Option<String>;

    pub fn auth_headers(authorization: &str, user_agent: &str, with_body: bool) -> JsValue;
    fn own_keys(v: &Object) -> Option<js_sys::Array>;
    /// `Array.isArray(v)`, false where it would throw (a revoked Proxy).
    pub fn is_array(v: &JsValue) -> bool;
    pub fn is_browser() -> bool;
    pub fn has_global_fetch() -> bool;
    pub fn is_abort_signal(s: &JsValue) -> bool;
    pub fn describe_error(e: &JsValue) -> String;
}

#[wasm_bindgen]
extern "C" {
    /// The host's global `fetch`, called unbound (workerd rejects it as a method).
    #[wasm_bindgen(js_name = fetch, catch)]
    fn global_fetch(input: &str, init: &JsValue) -> Result<Promise, JsValue>;
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

/// The enumerable own keys of an object; `None` when they cannot be listed
/// (a revoked Proxy, a throwing `ownKeys` trap).
pub fn keys(obj: &JsValue) -> Option<Vec<String>> {
    let keys = own_keys(obj.dyn_ref::<Object>()?)?;
    Some(keys.iter().filter_map(|k| k.as_string()).collect())
}

/// `typeof v`, for error messages.
pub fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        return "null".into();
    }
    if is_array(v) {
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
