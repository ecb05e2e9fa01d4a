//! The one request pipeline, as async Rust: sign, build the web-sys
//! `RequestInit`, `fetch`, read the body under the deadline, judge, wait,
//! retry. Resources only describe requests.

use std::cell::RefCell;

use js_sys::Function;
use wasm_bindgen::JsValue;
use web_sys::{RequestInit, RequestRedirect};

use super::auth;
use super::config;
use super::error::{api_error_text, Error, ErrorCode};
use super::failure::{aborted, has_shape, transport_failure, Failure};
use super::headers::{CachedAuth, Credentials};
use super::log::{self, Level};
use super::options::{CallOptions, ClientOptions};
use super::rate::Limiter;
use super::request::{Request, Retry};
use super::retry::{self, Decision};
use crate::js::{self, Attempt, Outcome};

/// A client's configuration and shared state. Shared by every call through
/// an `Rc`; the only mutable state (the cached token) is borrowed briefly and
/// never across an `.await`.
pub struct Transport {
    base_url: String,
    pub(super) credentials: Credentials,
    /// The secret key or API key, kept only to scrub it from error messages.
    pub(super) secret: Box<str>,
    /// Completes 10-digit phone numbers in params (`"1"`).
    default_country_code: Option<Box<str>>,
    fetch: Option<Function>,
    pub(super) clock: Option<Function>,
    timeout_ms: u32,
    max_retries: u32,
    pub(super) auth: RefCell<Option<CachedAuth>>,
    /// Where records go, and how many.
    logger: JsValue,
    level: Level,
    /// Keeps the client under its request budget (`rateLimit`).
    limiter: Option<Limiter>,
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

impl Transport {
    /// Validate the JS options object and build the transport. Does no I/O,
    /// no timers and no randomness, so it may run at a Worker's module scope.
    /// `env_level` is `HEYMARKET_LOG` from the environment, used when the
    /// `logLevel` option is not given.
    pub fn from_options(options: &JsValue, env_level: &JsValue) -> Result<Transport, Error> {
        let o = ClientOptions::read(options)?;
        let level = match (&o.log_level, env_level.as_string()) {
            (Some(l), _) => Level::parse(l).ok_or_else(|| {
                Error::invalid("logLevel must be one of \"off\", \"error\", \"warn\", \"info\", \"debug\"")
            })?,
            (None, Some(env)) => Level::parse(&env)
                .ok_or_else(|| Error::invalid("HEYMARKET_LOG must be one of off, error, warn, info, debug"))?,
            (None, None) => Level::Off,
        };
        let logger = match (&o.logger, level) {
            (Some(l), _) => l.clone(),
            (None, Level::Off) => JsValue::UNDEFINED,
            (None, _) => js::console(),
        };
        if js::is_browser() && o.dangerously_allow_browser != Some(true) {
            return Err(Error::new(
                ErrorCode::BrowserNotAllowed,
                "Heymarket clients must not run in a browser: the API secret would be exposed to every visitor. \
                 Call Heymarket from your server. If you really mean to (e.g. a trusted internal tool), \
                 pass dangerouslyAllowBrowser: true.",
            ));
        }
        let (credentials, secret) = match (o.api_key, o.secret_id.is_some() || o.secret_key.is_some()) {
            (Some(_), true) => {
                return Err(Error::invalid("give either apiKey or secretId and secretKey, not both"));
            }
            (Some(key), false) => (Credentials::ApiKey, secret_string(Some(key), "apiKey")?),
            (None, _) => {
                let secret_id = secret_string(o.secret_id, "secretId")?;
                let secret_key = secret_string(o.secret_key, "secretKey")?;
                (Credentials::Jwt(auth::signer(&secret_id, &secret_key)?), secret_key)
            }
        };
        let base_url = match o.base_url {
            None => config::DEFAULT_BASE_URL.to_owned(),
            Some(s) => config::normalize_base_url(&s)?,
        };
        // A shared store's key: a keyed hash of the credentials (an HS256
        // signature over a fixed claim), never the secret itself.
        let key = || {
            let token = match &credentials {
                Credentials::Jwt(signer) => signer.sign(0),
                Credentials::ApiKey => {
                    auth::signer(&secret, "heymarket-rate-limit").map(|s| s.sign(0)).unwrap_or_default()
                }
            };
            let signature = token.rsplit('.').next().unwrap_or_default();
            ["heymarket:", signature.get(..22).unwrap_or(signature)].concat()
        };
        let limiter = Limiter::from_option(o.rate_limit.as_ref(), &base_url, key)?;
        if let Some(cc) = &o.default_country_code {
            crate::api::phone::check_country_code(cc).map_err(|e| Error::invalid(e.to_string()))?;
        }
        if o.fetch.is_none() && !js::has_global_fetch() {
            return Err(Error::invalid("this runtime has no global fetch; pass one as the fetch option"));
        }
        let timeout_ms = o.timeout_ms.map_or(Ok(config::DEFAULT_TIMEOUT_MS), |v| config::timeout_ms(v, "timeoutMs"))?;
        let max_retries =
            o.max_retries.map_or(Ok(config::DEFAULT_MAX_RETRIES), |v| config::max_retries(v, "maxRetries"))?;
        Ok(Transport {
            base_url,
            credentials,
            secret: secret.into_boxed_str(),
            default_country_code: o.default_country_code.map(String::into_boxed_str),
            fetch: o.fetch,
            clock: o.now,
            timeout_ms,
            max_retries,
            auth: RefCell::new(None),
            logger,
            level,
            limiter,
        })
    }

    /// The `defaultCountryCode` option.
    pub fn default_country_code(&self) -> Option<&str> {
        self.default_country_code.as_deref()
    }

    /// The configured base URL (normalised).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Validate per-call options (`undefined` means none).
    pub fn call_options(&self, options: &JsValue) -> Result<CallOptions, Error> {
        CallOptions::read(options, self.timeout_ms, self.max_retries)
    }

    /// A keyed hash of `parts` under the credentials (never revealing them):
    /// the `local_id` of a batch item is derived from it.
    pub fn derive(&self, parts: &[&[u8]]) -> [u8; 32] {
        match &self.credentials {
            Credentials::Jwt(signer) => signer.mac(parts),
            Credentials::ApiKey => {
                auth::signer(&self.secret, "heymarket-local-id").map(|s| s.mac(parts)).unwrap_or_default()
            }
        }
    }

    /// An error as JS sees it, with the secret scrubbed from its message.
    pub fn to_js(&self, mut error: Error) -> JsValue {
        error.redact(&self.secret);
        error_to_js(&error)
    }

    /// Run one call to completion: attempts, retry waits, the final value
    /// (with the response it came in) or error. No borrow of shared state
    /// lives across an `.await`.
    pub async fn run(&self, req: Request, opts: CallOptions) -> Result<(JsValue, JsValue), Error> {
        let result = self.attempts(&req, &opts).await;
        if let Err(e) = &result {
            if self.level >= Level::Error {
                let mut message = ["heymarket: ", &req.describe(), " failed: ", e.code.as_str()].concat();
                if let Some(s) = e.status {
                    message.push_str(" (HTTP ");
                    message.push_str(&s.to_string());
                    message.push(')');
                }
                self.log(
                    Level::Error,
                    &message,
                    &req,
                    &[
                        ("code", JsValue::from_str(e.code.as_str())),
                        ("status", e.status.map_or(JsValue::UNDEFINED, JsValue::from)),
                        ("requestId", e.request_id.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str)),
                    ],
                );
            }
        }
        result
    }

    /// A record for `req` at `level`: method, path and query keys, plus `extra`.
    fn log(&self, level: Level, message: &str, req: &Request, extra: &[(&str, JsValue)]) {
        let mut pairs =
            vec![("method", JsValue::from_str(req.method.as_str())), ("path", JsValue::from_str(&req.path))];
        if !req.query.is_empty() {
            pairs.push(("queryKeys", JsValue::from_str(&log::query_keys(&req.query))));
        }
        pairs.extend(extra.iter().map(|(k, v)| (*k, v.clone())));
        js::log(&self.logger, level.method(), message, &js::record(&pairs));
    }

    async fn attempts(&self, req: &Request, opts: &CallOptions) -> Result<(JsValue, JsValue), Error> {
        let url = format!("{}{}{}", self.base_url, req.path, req.query);
        let mut retries = 0;
        loop {
            if let Some(limiter) = &self.limiter {
                limiter.turn(|| req.describe(), &opts.signal, opts.timeout_ms).await?;
            }
            let started = if self.level >= Level::Debug { js::now_ms(None) } else { 0.0 };
            let result = self.attempt(req, &url, opts).await;
            if self.level >= Level::Debug {
                self.log_attempt(req, &result, retries + 1, js::now_ms(None) - started);
            }
            let failure = match result {
                Ok(value) => return Ok(value),
                Err(failure) => failure,
            };
            if let (Some(limiter), Some(429), Some(ms)) =
                (&self.limiter, failure.error.status, failure.error.retry_after_ms)
            {
                limiter.pause(ms);
            }
            let give_up = |mut error: Error| {
                if retries > 0 {
                    error.message.push_str(" (after ");
                    error.message.push_str(&(retries + 1).to_string());
                    error.message.push_str(" attempts)");
                }
                error
            };
            let allowed = match req.retry {
                Retry::Idempotent | Retry::LocalId => true,
                // A write without a dedup key: only when the server said
                // "too many requests" or never saw it.
                Retry::Unsafe => failure.unsent || failure.error.status == Some(429),
            };
            if !failure.retryable || !allowed {
                return Err(give_up(failure.error));
            }
            match retry::decide(retries, opts.max_retries, failure.error.retry_after_ms, js::random()) {
                Decision::GiveUp => return Err(give_up(failure.error)),
                Decision::RetryAfter(ms) => {
                    retries += 1;
                    if self.level >= Level::Warn {
                        let message = [
                            "heymarket: ",
                            &req.describe(),
                            " failed (",
                            failure.error.code.as_str(),
                            "); retry ",
                            &retries.to_string(),
                            " in ",
                            &ms.to_string(),
                            " ms",
                        ]
                        .concat();
                        #[allow(clippy::cast_precision_loss)]
                        self.log(
                            Level::Warn,
                            &message,
                            req,
                            &[
                                ("reason", JsValue::from_str(failure.error.code.as_str())),
                                ("attempt", JsValue::from(retries)),
                                ("delayMs", JsValue::from_f64(ms as f64)),
                            ],
                        );
                    }
                    let ms = u32::try_from(ms).unwrap_or(u32::MAX);
                    if ms > 0 && !js::sleep(ms, &opts.signal).await {
                        return Err(aborted(&req.describe()));
                    }
                }
            }
        }
    }

    /// The debug record of one attempt: its status, duration and request id.
    fn log_attempt(&self, req: &Request, result: &Result<(JsValue, JsValue), Failure>, attempt: u32, ms: f64) {
        let (status, request_id) = match result {
            Ok((_, res)) => (js::response_status(res), js::response_header(res, "x-request-id")),
            Err(f) => (f.error.status, f.error.request_id.clone()),
        };
        let status_text = status.map_or_else(|| "no response".to_owned(), |s| s.to_string());
        let message =
            ["heymarket: ", &req.describe(), " → ", &status_text, " in ", &(ms.round() as i64).to_string(), " ms"]
                .concat();
        self.log(
            Level::Debug,
            &message,
            req,
            &[
                ("status", status.map_or(JsValue::UNDEFINED, JsValue::from)),
                ("durationMs", JsValue::from_f64(ms.round())),
                ("attempt", JsValue::from(attempt)),
                ("requestId", request_id.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str)),
            ],
        );
    }

    /// One attempt: the decoded value, or why it failed.
    async fn attempt(&self, req: &Request, url: &str, opts: &CallOptions) -> Result<(JsValue, JsValue), Failure> {
        let mut attempt = Attempt::new(opts.timeout_ms, &opts.signal).map_err(|e| {
            // The caller's signal could not be watched (a hostile object).
            Failure::fatal(Error::invalid(format!(
                "{}: could not watch the signal: {}",
                req.describe(),
                js::describe_error(&e)
            )))
        })?;
        if attempt.pre_aborted() {
            // The caller's signal had already fired: send nothing.
            return Err(Failure::fatal(aborted(&req.describe())));
        }
        let init = RequestInit::new();
        init.set_method(req.method.as_str());
        init.set_headers_record_from_str_to_str(&self.headers(req.body.is_some()));
        if let Some(body) = &req.body {
            init.set_body(&JsValue::from_str(body));
        }
        init.set_signal(Some(&attempt.signal()));
        // Never follow redirects: credentials stay with the configured origin.
        init.set_redirect(RequestRedirect::Manual);
        match attempt.exchange(js::fetch(self.fetch.as_ref(), url, &init)).await {
            Ok(outcome) => self.judge(&outcome, req),
            Err((fired, e)) => Err(transport_failure(fired, &e, req, opts)),
        }
    }

    /// Decode a settled exchange.
    fn judge(&self, outcome: &Outcome, req: &Request) -> Result<(JsValue, JsValue), Failure> {
        let status = outcome.status();
        let success = outcome.is_response() && (200..300).contains(&status);
        if let Some(value) = outcome.body().filter(|v| success && has_shape(v, req.shape)) {
            return Ok((value.clone(), outcome.response()));
        }
        // Not a success: only now name the request in an error.
        let what = req.describe();
        if !outcome.is_response() {
            let message = format!("{what}: fetch resolved to something that is not a Response");
            return Err(Failure::fatal(Error::new(ErrorCode::InvalidResponse, message)));
        }
        let request_id = outcome.header("x-request-id");
        if success {
            let detail = match outcome.body() {
                _ if outcome.too_large() => "the body is larger than 16 MiB".to_owned(),
                Some(v) => format!("the body is {}, not {}", js::type_name(v), req.shape.describe()),
                None => "the body is not valid JSON".to_owned(),
            };
            let error = Error::new(ErrorCode::InvalidResponse, format!("{what} returned HTTP {status} but {detail}"))
                .with_request_id(request_id)
                .with_status(status);
            return Err(Failure::fatal(error));
        }
        let now = js::now_ms(self.clock.as_ref());
        let retry_after = outcome.header("retry-after").and_then(|v| retry::parse_retry_after(&v, now));
        // Redacted before the text is cut to length, so an echoed secret
        // cannot survive half cut.
        let api_text = outcome
            .body()
            .and_then(JsValue::as_string)
            .and_then(|t| api_error_text(&t.replace(&*self.secret, "[redacted]")));
        let error = Error::from_status(&what, status, api_text.as_deref())
            .with_request_id(request_id)
            .with_retry_after(retry_after);
        Err(Failure { error, retryable: retry::is_retryable_status(status), unsent: false })
    }
}

/// Turn an [`Error`] into a JS `HeymarketError`.
pub fn error_to_js(e: &Error) -> JsValue {
    js::make_error(
        &e.message,
        &js::ErrorDetails {
            code: e.code.as_str(),
            status: e.status,
            request_id: e.request_id.as_deref(),
            retry_after_ms: e.retry_after_ms,
        },
    )
}

/// A required, non-empty string without surrounding whitespace. The message
/// never repeats the value.
fn secret_string(v: Option<String>, name: &str) -> Result<String, Error> {
    let Some(s) = v else {
        return Err(Error::invalid(format!("{name} is required and must be a string")));
    };
    if s.is_empty() {
        return Err(Error::invalid(format!("{name} must not be empty")));
    }
    if s.trim() != s {
        return Err(Error::invalid(format!("{name} has leading or trailing whitespace")));
    }
    Ok(s)
}
