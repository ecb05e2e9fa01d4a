//! Client and per-call options: read from JS as typed values through
//! serde-wasm-bindgen (unknown keys rejected, every error naming its field),
//! then validated by [`super::config`].

use core::fmt;

use js_sys::Function;
use wasm_bindgen::JsValue;

use super::config;
use super::error::Error;
use crate::js::de::{read_fields, Field, Kind};
use crate::js::{is_array, type_name};

/// The client options, in documentation order.
const CLIENT_OPTIONS: [Field; 13] = [
    Field::new("secretId", Kind::Str),
    Field::new("secretKey", Kind::Str),
    Field::new("apiKey", Kind::Str),
    Field::new("baseUrl", Kind::Str),
    Field::new("fetch", Kind::Func),
    Field::new("timeoutMs", Kind::Num),
    Field::new("maxRetries", Kind::Num),
    Field::new("now", Kind::Func),
    Field::new("dangerouslyAllowBrowser", Kind::Bool),
    Field::new("defaultCountryCode", Kind::Str),
    Field::new("logger", Kind::Obj),
    Field::new("logLevel", Kind::Str),
    Field::new("rateLimit", Kind::Any),
];
/// The per-call options.
const CALL_OPTIONS: [Field; 3] =
    [Field::new("signal", Kind::Signal), Field::new("timeoutMs", Kind::Num), Field::new("maxRetries", Kind::Num)];

/// `new Heymarket(options)`, as given (`None`: not given).
pub struct ClientOptions {
    pub secret_id: Option<String>,
    pub secret_key: Option<String>,
    pub api_key: Option<String>,
    pub base_url: Option<String>,
    pub fetch: Option<Function>,
    pub timeout_ms: Option<f64>,
    pub max_retries: Option<f64>,
    pub now: Option<Function>,
    pub dangerously_allow_browser: Option<bool>,
    pub default_country_code: Option<String>,
    pub logger: Option<JsValue>,
    pub log_level: Option<String>,
    pub rate_limit: Option<JsValue>,
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOptions")
            .field("secret_id", &self.secret_id)
            .field("secret_key", &self.secret_key.as_ref().map(|_| "[redacted]"))
            .field("api_key", &self.api_key.as_ref().map(|_| "[redacted]"))
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl ClientOptions {
    /// Read the constructor's argument. Must be a plain object.
    pub fn read(options: &JsValue) -> Result<ClientOptions, Error> {
        if !options.is_object() || is_array(options) || options.is_function() {
            return Err(Error::invalid(format!(
                "options must be an object like {{ secretId, secretKey }} or {{ apiKey }}, got {}",
                type_name(options)
            )));
        }
        let mut s = read_fields(options, "client option", &CLIENT_OPTIONS)?;
        Ok(ClientOptions {
            secret_id: s.str(),
            secret_key: s.str(),
            api_key: s.str(),
            base_url: s.str(),
            fetch: s.js(),
            timeout_ms: s.num(),
            max_retries: s.num(),
            now: s.js(),
            dangerously_allow_browser: s.bool(),
            default_country_code: s.str(),
            logger: s.js(),
            log_level: s.str(),
            rate_limit: s.js(),
        })
    }
}

/// Per-call settings, after validation.
#[derive(Clone, Debug)]
pub struct CallOptions {
    /// The caller's `AbortSignal`, or `undefined`.
    pub signal: JsValue,
    pub timeout_ms: u32,
    pub max_retries: u32,
}

impl CallOptions {
    /// Read a call's last argument (`undefined`: the client's defaults).
    pub fn read(options: &JsValue, timeout_ms: u32, max_retries: u32) -> Result<CallOptions, Error> {
        let mut out = CallOptions { signal: JsValue::UNDEFINED, timeout_ms, max_retries };
        if options.is_undefined() {
            return Ok(out);
        }
        if !options.is_object() || is_array(options) {
            return Err(Error::invalid(format!(
                "request options must be an object like {{ signal, timeoutMs, maxRetries }}, got {}",
                type_name(options)
            )));
        }
        let mut s = read_fields(options, "request option", &CALL_OPTIONS)?;
        if let Some(signal) = s.js() {
            out.signal = signal;
        }
        if let Some(v) = s.num() {
            out.timeout_ms = config::timeout_ms(v, "timeoutMs")?;
        }
        if let Some(v) = s.num() {
            out.max_retries = config::max_retries(v, "maxRetries")?;
        }
        Ok(out)
    }
}
