//! The one request pipeline: options, auth headers, `fetch`, timeouts,
//! retries, decoding and error mapping. Resources only describe requests.

use std::cell::RefCell;

use js_sys::{Function, Promise};
use wasm_bindgen::{JsCast, JsValue};

use super::auth::{self, Signer};
use super::config;
use super::error::{api_error_text, Error, ErrorCode};
use super::request::{Request, Shape};
use super::retry::{self, Decision};
use crate::js::{self, Fired, Guard};

/// Sent as `User-Agent` on every request.
pub const USER_AGENT: &str = concat!("heymarket-wasm/", env!("CARGO_PKG_VERSION"));

const CLIENT_OPTIONS: [&str; 8] =
    ["secretId", "secretKey", "baseUrl", "fetch", "timeoutMs", "maxRetries", "now", "dangerouslyAllowBrowser"];
const CALL_OPTIONS: [&str; 3] = ["signal", "timeoutMs", "maxRetries"];

/// A client's configuration and shared state. Shared by every call through
/// an `Rc`; the only mutable state (the cached token) is borrowed briefly and
/// never across an `.await`.
pub struct Transport {
    base_url: String,
    signer: Signer,
    /// Kept only to scrub it from error messages.
    secret_key: Box<str>,
    fetch: Option<Function>,
    clock: Option<Function>,
    timeout_ms: u32,
    max_retries: u32,
    auth: RefCell<Option<CachedAuth>>,
}

struct CachedAuth {
    iat: u64,
    authorization: String,
    /// The headers object for body-less requests, reused while the token is.
    headers: JsValue,
}

impl core::fmt::Debug for Transport {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Transport")
            .field("base_url", &self.base_url)
            .field("secret_key", &"[redacted]")
            .field("timeout_ms", &self.timeout_ms)
            .field("max_retries", &self.max_retries)
            .finish_non_exhaustive()
    }
}

/// Per-call settings, after validation.
#[derive(Debug)]
pub struct CallOptions {
    signal: JsValue,
    timeout_ms: u32,
    max_retries: u32,
}

/// One call in progress: the request, its options and the retry state.
pub struct Call {
    req: Request,
    opts: CallOptions,
    url: String,
    retries: u32,
    guard: Option<Guard>,
    delay_ms: u64,
}

impl core::fmt::Debug for Call {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Call").field("request", &self.req).field("retries", &self.retries).finish_non_exhaustive()
    }
}

impl Call {
    /// How long to wait before the next attempt (set when `settle` asks for a retry).
    pub fn delay_ms(&self) -> u64 {
        self.delay_ms
    }

    /// The caller's signal (`undefined` when none), for the retry wait.
    pub fn signal(&self) -> &JsValue {
        &self.opts.signal
    }
}

/// A failed attempt, and whether it may be retried.
struct Failure {
    error: Error,
    retryable: bool,
}

impl Transport {
    /// Validate the JS options object and build the transport. Does no I/O,
    /// no timers and no randomness, so it may run at a Worker's module scope.
    pub fn from_options(options: &JsValue) -> Result<Transport, Error> {
        if !options.is_object() || js::is_array(options) || options.is_function() {
            return Err(Error::invalid(format!(
                "options must be an object like {{ secretId, secretKey }}, got {}",
                js::type_name(options)
            )));
        }
        reject_unknown(options, &CLIENT_OPTIONS, "client option")?;

        let allow_browser = js::get(options, "dangerouslyAllowBrowser");
        if !allow_browser.is_undefined() && allow_browser.as_bool().is_none() {
            return Err(Error::invalid("dangerouslyAllowBrowser must be a boolean"));
        }
        if js::is_browser() && allow_browser.as_bool() != Some(true) {
            return Err(Error::new(
                ErrorCode::BrowserNotAllowed,
                "Heymarket clients must not run in a browser: the API secret would be exposed to every visitor. \
                 Call Heymarket from your server. If you really mean to (e.g. a trusted internal tool), \
                 pass dangerouslyAllowBrowser: true.",
            ));
        }

        let secret_id = secret_string(options, "secretId")?;
        let secret_key = secret_string(options, "secretKey")?;
        let signer = Signer::new(&secret_id, &secret_key)?;

        let base_url = match js::get(options, "baseUrl") {
            v if v.is_undefined() => config::DEFAULT_BASE_URL.to_owned(),
            v => match v.as_string() {
                Some(s) => config::normalize_base_url(&s)?,
                None => return Err(Error::invalid(format!("baseUrl must be a string, got {}", js::type_name(&v)))),
            },
        };
        let fetch = optional_function(options, "fetch")?;
        if fetch.is_none() && !js::has_global_fetch() {
            return Err(Error::invalid("this runtime has no global fetch; pass one as the fetch option"));
        }
        let clock = optional_function(options, "now")?;
        let timeout_ms = optional_number(options, "timeoutMs")?
            .map_or(Ok(config::DEFAULT_TIMEOUT_MS), |v| config::timeout_ms(v, "timeoutMs"))?;
        let max_retries = optional_number(options, "maxRetries")?
            .map_or(Ok(config::DEFAULT_MAX_RETRIES), |v| config::max_retries(v, "maxRetries"))?;

        Ok(Transport {
            base_url,
            signer,
            secret_key: secret_key.into_boxed_str(),
            fetch,
            clock,
            timeout_ms,
            max_retries,
            auth: RefCell::new(None),
        })
    }

    /// The configured base URL (normalised).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Validate per-call options (`undefined` means none).
    pub fn call_options(&self, options: &JsValue) -> Result<CallOptions, Error> {
        let mut out =
            CallOptions { signal: JsValue::UNDEFINED, timeout_ms: self.timeout_ms, max_retries: self.max_retries };
        if options.is_undefined() {
            return Ok(out);
        }
        if !options.is_object() || js::is_array(options) {
            return Err(Error::invalid(format!(
                "request options must be an object like {{ signal, timeoutMs, maxRetries }}, got {}",
                js::type_name(options)
            )));
        }
        reject_unknown(options, &CALL_OPTIONS, "request option")?;
        let signal = js::get(options, "signal");
        if !signal.is_undefined() {
            if !js::is_abort_signal(&signal) {
                return Err(Error::invalid("signal must be an AbortSignal"));
            }
            out.signal = signal;
        }
        if let Some(v) = optional_number(options, "timeoutMs")? {
            out.timeout_ms = config::timeout_ms(v, "timeoutMs")?;
        }
        if let Some(v) = optional_number(options, "maxRetries")? {
            out.max_retries = config::max_retries(v, "maxRetries")?;
        }
        Ok(out)
    }

    /// An error as JS sees it, with the secret scrubbed from its message.
    pub fn to_js(&self, mut error: Error) -> JsValue {
        error.redact(&self.secret_key);
        error_to_js(&error)
    }

    /// Begin a call. Nothing is sent until [`Transport::send`].
    pub fn start(&self, req: Request, opts: CallOptions) -> Call {
        let url = format!("{}{}", self.base_url, req.path);
        Call { req, opts, url, retries: 0, guard: None, delay_ms: 0 }
    }

    /// Start one attempt: its promise resolves to an `Outcome` or rejects
    /// (deadline, caller's signal, network). Feed either to [`Transport::settle`].
    pub fn send(&self, call: &mut Call) -> Promise {
        let guard = match Guard::new(call.opts.timeout_ms, &call.opts.signal) {
            Ok(g) => g,
            Err(e) => return Promise::reject(&e),
        };
        if guard.fired().is_some() {
            // The caller's signal had already fired: send nothing.
            call.guard = Some(guard);
            return Promise::reject(&JsValue::from_str("aborted"));
        }
        let init = guard.init(call.req.method.as_str(), &self.headers(call.req.body.is_some()), call.req.body.clone());
        let exchange = guard.exchange(&js::fetch(self.fetch.as_ref(), &call.url, &init));
        call.guard = Some(guard);
        exchange
    }

    /// Judge an attempt. `Ok(Some(value))`: done. `Ok(None)`: retry after
    /// [`Call::delay_ms`]. `Err`: the call's final error.
    pub fn settle(&self, call: &mut Call, result: &JsValue, rejected: bool) -> Result<Option<JsValue>, Error> {
        let guard = call.guard.take();
        let failure = if rejected {
            self.transport_failure(guard.as_ref(), result, &call.req.describe(), &call.opts)
        } else {
            match self.judge(result.unchecked_ref(), &call.req) {
                Ok(value) => return Ok(Some(value)),
                Err(f) => f,
            }
        };
        let retries = call.retries;
        let give_up = |mut error: Error| {
            if retries > 0 {
                error.message.push_str(&format!(" (after {} attempts)", retries + 1));
            }
            error
        };
        if !failure.retryable || !call.req.idempotent {
            return Err(give_up(failure.error));
        }
        match retry::decide(retries, call.opts.max_retries, failure.error.retry_after_ms, js::random()) {
            Decision::GiveUp => Err(give_up(failure.error)),
            Decision::RetryAfter(ms) => {
                call.retries += 1;
                call.delay_ms = ms;
                Ok(None)
            }
        }
    }

    /// The error for a caller's signal that fired during the retry wait.
    pub fn aborted(&self, call: &Call) -> Error {
        aborted(&call.req.describe())
    }

    /// Decode a settled exchange.
    fn judge(&self, outcome: &js::Outcome, req: &Request) -> Result<JsValue, Failure> {
        let status = outcome.status();
        let kind = outcome.kind();
        if kind == 0 {
            let value = outcome.body();
            if has_shape(&value, req.shape) {
                return Ok(value);
            }
        }
        // Not a success: only now name the request in an error.
        let what = req.describe();
        let invalid = |detail: &str| Failure {
            error: Error::new(ErrorCode::InvalidResponse, format!("{what} returned HTTP {status} but {detail}"))
                .with_request_id(outcome.header("x-request-id"))
                .with_status(status),
            retryable: false,
        };
        match kind {
            0 => {
                let value = outcome.body();
                Err(invalid(&format!("the body is {}, not {}", js::type_name(&value), req.shape.describe())))
            }
            1 => Err(invalid("the body is not valid JSON")),
            2 => {
                let now = js::now_ms(self.clock.as_ref());
                let retry_after = outcome.header("retry-after").and_then(|v| retry::parse_retry_after(&v, now));
                let api_text = outcome.body().as_string().and_then(|t| api_error_text(&t));
                let error = Error::from_status(&what, status, api_text.as_deref())
                    .with_request_id(outcome.header("x-request-id"))
                    .with_retry_after(retry_after);
                Err(Failure { error, retryable: retry::is_retryable_status(status) })
            }
            _ => Err(Failure {
                error: Error::new(
                    ErrorCode::InvalidResponse,
                    format!("{what}: fetch resolved to something that is not a Response"),
                ),
                retryable: false,
            }),
        }
    }

    /// A rejected `fetch` or body read: the deadline, the caller's signal, or
    /// the network.
    fn transport_failure(&self, guard: Option<&Guard>, e: &JsValue, what: &str, opts: &CallOptions) -> Failure {
        let Some(guard) = guard else {
            // The guard could not even be set up (a hostile signal object).
            return Failure {
                error: Error::invalid(format!("{what}: could not watch the signal: {}", js::describe_error(e))),
                retryable: false,
            };
        };
        match guard.fired() {
            Some(Fired::Aborted) => Failure { error: aborted(what), retryable: false },
            Some(Fired::Timeout) => Failure {
                error: Error::new(ErrorCode::Timeout, format!("{what} timed out after {} ms", opts.timeout_ms)),
                retryable: true,
            },
            None => Failure {
                error: Error::new(ErrorCode::Network, format!("{what} failed: {}", js::describe_error(e))),
                retryable: true,
            },
        }
    }

    /// The request headers, with a token reused while it is fresh enough.
    fn headers(&self, with_body: bool) -> JsValue {
        let now = auth::unix_seconds(js::now_ms(self.clock.as_ref()));
        let mut cached = self.auth.borrow_mut();
        let fresh = matches!(&*cached, Some(c) if auth::token_reusable(c.iat, now));
        if !fresh {
            let authorization = format!("Bearer {}", self.signer.sign(now));
            let headers = js::auth_headers(&authorization, USER_AGENT, false);
            *cached = Some(CachedAuth { iat: now, authorization, headers });
        }
        match &*cached {
            Some(c) if with_body => js::auth_headers(&c.authorization, USER_AGENT, true),
            Some(c) => c.headers.clone(),
            None => JsValue::UNDEFINED,
        }
    }
}

fn aborted(what: &str) -> Error {
    Error::new(ErrorCode::Aborted, format!("{what} was aborted by the caller's signal"))
}

fn has_shape(v: &JsValue, shape: Shape) -> bool {
    let is_array = js::is_array(v);
    match shape {
        Shape::Object => v.is_object() && !is_array,
        Shape::Array => is_array,
    }
}

/// Turn an [`Error`] into a JS `HeymarketError`.
pub fn error_to_js(e: &Error) -> JsValue {
    js::make_error(e.code.as_str(), &e.message, e.status, e.request_id.as_deref(), e.retry_after_ms)
}

fn reject_unknown(options: &JsValue, known: &[&str], what: &str) -> Result<(), Error> {
    let Some(keys) = js::keys(options) else {
        return Err(Error::invalid(format!("the {what}s could not be read (a revoked Proxy?)")));
    };
    match keys.into_iter().find(|k| !known.contains(&k.as_str())) {
        Some(k) => Err(Error::invalid(format!("unknown {what} \"{k}\"; expected one of {}", known.join(", ")))),
        None => Ok(()),
    }
}

/// A required, non-empty string without surrounding whitespace. The message
/// never repeats the value.
fn secret_string(options: &JsValue, name: &str) -> Result<String, Error> {
    let v = js::get(options, name);
    let Some(s) = v.as_string() else {
        return Err(Error::invalid(format!("{name} is required and must be a string, got {}", js::type_name(&v))));
    };
    if s.is_empty() {
        return Err(Error::invalid(format!("{name} must not be empty")));
    }
    if s.trim() != s {
        return Err(Error::invalid(format!("{name} has leading or trailing whitespace")));
    }
    Ok(s)
}

fn optional_function(options: &JsValue, name: &str) -> Result<Option<Function>, Error> {
    let v = js::get(options, name);
    if v.is_undefined() {
        return Ok(None);
    }
    v.dyn_into::<Function>()
        .map(Some)
        .map_err(|v| Error::invalid(format!("{name} must be a function, got {}", js::type_name(&v))))
}

fn optional_number(options: &JsValue, name: &str) -> Result<Option<f64>, Error> {
    let v = js::get(options, name);
    if v.is_undefined() {
        return Ok(None);
    }
    v.as_f64().map(Some).ok_or_else(|| Error::invalid(format!("{name} must be a number, got {}", js::type_name(&v))))
}
