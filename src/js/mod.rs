//! All JS interop of the crate: the global `fetch` (a free function taking
//! web-sys types), timers, the clock, safe reads of caller-supplied objects
//! and the error class. Nothing here knows about Heymarket; the rest of the
//! crate is plain Rust.
//!
//! Every import that can throw on hostile input (a revoked Proxy, a throwing
//! getter) is marked `catch`, so it becomes a `Result` instead of a JS
//! exception unwinding through wasm.

pub mod args;
mod body;
pub mod de;
mod exchange;

pub use exchange::{response_header, response_status, sleep, Attempt, Fired, Outcome};

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::RequestInit;

#[wasm_bindgen]
extern "C" {
    /// The host's global `fetch`, bound as a free function (no `window` in
    /// Node, Deno or workerd) and called unbound (workerd rejects it as a
    /// method with "Illegal invocation").
    #[wasm_bindgen(js_name = fetch, catch)]
    fn fetch_with_str_and_init(input: &str, init: &RequestInit) -> Result<Promise, JsValue>;

    // Timers are globals of every runtime, but web-sys has them only as
    // methods of Window/WorkerGlobalScope, which Node and Deno lack.
    /// `setTimeout(handler, ms, arg)`: `handler(arg)` after `ms`.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout_with_arg(handler: &Function, ms: u32, arg: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);

    // `Object.entries`, `Object.keys` and `Array.isArray` throw on a revoked
    // Proxy (and the first two on throwing getters or traps): js-sys binds
    // them without `catch`.
    #[wasm_bindgen(js_namespace = Object, js_name = entries, catch)]
    fn object_entries(v: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn array_is_array(v: &JsValue) -> Result<bool, JsValue>;
    /// `Array.from(v)`: a plain array copy of an array-like (throws on a
    /// Proxy whose traps throw).
    #[wasm_bindgen(js_namespace = Array, js_name = from, catch)]
    fn array_from(v: &JsValue) -> Result<Array, JsValue>;
    /// `crypto.getRandomValues(buf)` (Web Crypto; every server runtime has
    /// it as a global).
    #[wasm_bindgen(js_namespace = crypto, js_name = getRandomValues, catch)]
    fn get_random_values(buf: &mut [u8]) -> Result<JsValue, JsValue>;
    /// `String(v)` (throws for a Symbol).
    #[wasm_bindgen(js_name = String, catch)]
    fn js_string(v: &JsValue) -> Result<String, JsValue>;
}

/// Call `fetch(url, init)`: the injected function if any, else the global.
/// A synchronous throw becomes a rejected promise; a non-promise return value
/// is wrapped.
pub fn fetch(custom: Option<&Function>, url: &str, init: &RequestInit) -> Promise {
    let ret = match custom {
        Some(f) => f.call2(&JsValue::UNDEFINED, &JsValue::from_str(url), init),
        None => fetch_with_str_and_init(url, init).map(JsValue::from),
    };
    match ret {
        Ok(v) => v.dyn_into::<Promise>().unwrap_or_else(|v| Promise::resolve(&v)),
        Err(e) => Promise::reject(&e),
    }
}

/// A call's work, boxed so that every async export shares one instance of
/// wasm-bindgen-futures' promise machinery (each `future_to_promise`
/// instance costs about 2 KB of the module).
pub type Task = core::pin::Pin<Box<dyn core::future::Future<Output = Result<JsValue, JsValue>>>>;

/// Run `task` as a `Promise`.
pub fn spawn(task: Task) -> Promise {
    wasm_bindgen_futures::future_to_promise(task)
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

/// 16 random bytes from the host's `crypto.getRandomValues`.
pub fn random_bytes() -> Option<[u8; 16]> {
    let mut b = [0u8; 16];
    get_random_values(&mut b).ok().map(|_| b)
}

/// Set `obj[key] = value` unless `obj` already has an own or inherited
/// value there (a result's `local_id`). Ignores non-objects.
pub fn set_if_absent(obj: &JsValue, key: &str, value: &str) {
    if obj.is_object() && !is_array(obj) && get(obj, key).is_undefined() {
        let _ = Reflect::set(obj, &JsValue::from_str(key), &JsValue::from_str(value));
    }
}

/// A plain object of `pairs` (a log record).
pub fn record(pairs: &[(&str, JsValue)]) -> Object {
    let obj = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj
}

/// `logger[method](message, record)`, if the logger has that method; a
/// logger that throws is ignored.
pub fn log(logger: &JsValue, method: &str, message: &str, record: &Object) {
    if let Some(f) = get(logger, method).dyn_ref::<Function>() {
        let _ = f.call2(logger, &JsValue::from_str(message), record);
    }
}

/// The global `console`, the default logger.
pub fn console() -> JsValue {
    get(&js_sys::global(), "console")
}

/// Read a property; `undefined` when absent or when reading throws.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The enumerable own `[key, value]` pairs of an object, read once (getters
/// run here, inside `catch`); `None` when they cannot be read (a revoked
/// Proxy, a throwing getter or trap). Callers deserialize this snapshot, so
/// no caller code runs during deserialization.
pub fn entries(obj: &JsValue) -> Option<Array> {
    object_entries(obj).ok()
}

/// A plain copy of the array `v`, read once: every later read of the copy
/// is safe, whatever `v` is (a Proxy with throwing traps is `None`).
pub fn copy_array(v: &JsValue) -> Option<Array> {
    array_from(v).ok()
}

/// `Array.isArray(v)`, false where it would throw (a revoked Proxy).
pub fn is_array(v: &JsValue) -> bool {
    array_is_array(v).unwrap_or(false)
}

/// A browser: `window` and `document` both exist. `navigator` alone does
/// not count (Node ≥ 21, Deno and workerd have one).
pub fn is_browser() -> bool {
    let global = js_sys::global();
    !get(&global, "window").is_undefined() && !get(&global, "document").is_undefined()
}

/// Whether the runtime has a global `fetch` function.
pub fn has_global_fetch() -> bool {
    get(&js_sys::global(), "fetch").is_function()
}

/// Whether `s` looks like an `AbortSignal` (structurally, so a signal from
/// another realm or a polyfill counts).
pub fn is_abort_signal(s: &JsValue) -> bool {
    s.is_object() && get(s, "aborted").as_bool().is_some() && get(s, "addEventListener").is_function()
}

/// `typeof v`, with `null` and `array` told apart, for error messages.
pub fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        return "null".into();
    }
    if is_array(v) {
        return "array".into();
    }
    v.js_typeof().as_string().unwrap_or_default()
}

/// Describe a rejection or exception for an error message: `String(e)`
/// (`TypeError: fetch failed`), plus the code or message of its `cause` when
/// there is one (`(ECONNREFUSED)`). Never throws.
pub fn describe_error(e: &JsValue) -> String {
    let mut out = js_string(e).unwrap_or_else(|_| "unknown error".into());
    let cause = get(e, "cause");
    if cause.is_object() {
        if let Some(d) = get(&cause, "code").as_string().or_else(|| get(&cause, "message").as_string()) {
            if !d.is_empty() {
                out.push_str(" (");
                out.push_str(&d);
                out.push(')');
            }
        }
    }
    out
}

thread_local! {
    static ERROR_CLASS: std::cell::RefCell<Option<Function>> = const { std::cell::RefCell::new(None) };
}

/// Register the JS `HeymarketError` class that errors are built with.
pub fn set_error_class(ctor: Function) {
    ERROR_CLASS.with(|c| *c.borrow_mut() = Some(ctor));
}

/// The second argument of `new HeymarketError(message, details)`: `{ code,
/// status?, requestId?, retryAfterMs? }`. Built with `Reflect.set`: measured
/// against `serde_wasm_bindgen::to_value` of a derived struct, which added
/// 1.2 KB gzip to the module (its field-name cache brings a hash map).
#[derive(Debug)]
pub struct ErrorDetails<'a> {
    pub code: &'a str,
    pub status: Option<u16>,
    pub request_id: Option<&'a str>,
    pub retry_after_ms: Option<u64>,
}

/// Build a JS error: `new HeymarketError(message, details)`.
pub fn make_error(message: &str, details: &ErrorDetails<'_>) -> JsValue {
    let fill = |obj: &JsValue| {
        let set = |k: &str, v: JsValue| {
            let _ = Reflect::set(obj, &JsValue::from_str(k), &v);
        };
        set("code", JsValue::from_str(details.code));
        if let Some(s) = details.status {
            set("status", JsValue::from(s));
        }
        if let Some(id) = details.request_id {
            set("requestId", JsValue::from_str(id));
        }
        #[allow(clippy::cast_precision_loss)]
        if let Some(ms) = details.retry_after_ms {
            set("retryAfterMs", JsValue::from_f64(ms as f64));
        }
    };
    if let Some(ctor) = ERROR_CLASS.with(|c| c.borrow().clone()) {
        let obj: JsValue = Object::new().into();
        fill(&obj);
        if let Ok(err) = Reflect::construct(&ctor, &Array::of2(&JsValue::from_str(message), &obj)) {
            return err;
        }
    }
    // Not registered (only if the wasm exports are used without the package's
    // entry files): a plain Error with the same fields.
    let err: JsValue = js_sys::Error::new(message).into();
    fill(&err);
    err
}
