//! Client and per-call options: read from JS as typed values through
//! serde-wasm-bindgen (unknown keys rejected, every error naming its field),
//! then validated by [`super::config`].

use core::fmt;

use js_sys::Function;
use serde::de::{MapAccess, Visitor};
use wasm_bindgen::JsValue;

use super::config;
use super::error::Error;
use crate::js::de::{expecting, next_key, read_object, unknown_key, Bool, Func, Num, Signal, Str};
use crate::js::{is_array, type_name};

/// The client options, in documentation order.
pub const CLIENT_OPTIONS: [&str; 8] =
    ["secretId", "secretKey", "baseUrl", "fetch", "timeoutMs", "maxRetries", "now", "dangerouslyAllowBrowser"];
/// The per-call options.
pub const CALL_OPTIONS: [&str; 3] = ["signal", "timeoutMs", "maxRetries"];

/// `new Heymarket(options)`, as given (`None`: not given).
#[derive(Default)]
pub struct ClientOptions {
    pub secret_id: Option<String>,
    pub secret_key: Option<String>,
    pub base_url: Option<String>,
    pub fetch: Option<Function>,
    pub timeout_ms: Option<f64>,
    pub max_retries: Option<f64>,
    pub now: Option<Function>,
    pub dangerously_allow_browser: Option<bool>,
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOptions")
            .field("secret_id", &self.secret_id)
            .field("secret_key", &self.secret_key.as_ref().map(|_| "[redacted]"))
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl ClientOptions {
    /// Read the constructor's argument. Must be a plain object.
    pub fn read(options: &JsValue) -> Result<ClientOptions, Error> {
        if !options.is_object() || is_array(options) || options.is_function() {
            return Err(Error::invalid(format!(
                "options must be an object like {{ secretId, secretKey }}, got {}",
                type_name(options)
            )));
        }
        read_object(options, "client options", ClientVisitor)
    }
}

struct ClientVisitor;

impl<'de> Visitor<'de> for ClientVisitor {
    type Value = ClientOptions;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expecting(f, "client options")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ClientOptions, A::Error> {
        let mut o = ClientOptions::default();
        while let Some(key) = next_key(&mut map)? {
            match key.as_str() {
                "secretId" => o.secret_id = map.next_value_seed(Str("secretId"))?,
                "secretKey" => o.secret_key = map.next_value_seed(Str("secretKey"))?,
                "baseUrl" => o.base_url = map.next_value_seed(Str("baseUrl"))?,
                "fetch" => o.fetch = map.next_value_seed(Func("fetch"))?,
                "timeoutMs" => o.timeout_ms = map.next_value_seed(Num("timeoutMs"))?,
                "maxRetries" => o.max_retries = map.next_value_seed(Num("maxRetries"))?,
                "now" => o.now = map.next_value_seed(Func("now"))?,
                "dangerouslyAllowBrowser" => {
                    o.dangerously_allow_browser = map.next_value_seed(Bool("dangerouslyAllowBrowser"))?
                }
                _ => return Err(unknown_key(&key, "client option", &CLIENT_OPTIONS)),
            }
        }
        Ok(o)
    }
}

/// Per-call settings, after validation.
#[derive(Debug)]
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
        let given = read_object(options, "request options", CallVisitor)?;
        if let Some(signal) = given.signal {
            out.signal = signal;
        }
        if let Some(v) = given.timeout_ms {
            out.timeout_ms = config::timeout_ms(v, "timeoutMs")?;
        }
        if let Some(v) = given.max_retries {
            out.max_retries = config::max_retries(v, "maxRetries")?;
        }
        Ok(out)
    }
}

#[derive(Default)]
struct GivenCallOptions {
    signal: Option<JsValue>,
    timeout_ms: Option<f64>,
    max_retries: Option<f64>,
}

struct CallVisitor;

impl<'de> Visitor<'de> for CallVisitor {
    type Value = GivenCallOptions;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expecting(f, "request options")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<GivenCallOptions, A::Error> {
        let mut o = GivenCallOptions::default();
        while let Some(key) = next_key(&mut map)? {
            match key.as_str() {
                "signal" => o.signal = map.next_value_seed(Signal("signal"))?,
                "timeoutMs" => o.timeout_ms = map.next_value_seed(Num("timeoutMs"))?,
                "maxRetries" => o.max_retries = map.next_value_seed(Num("maxRetries"))?,
                _ => return Err(unknown_key(&key, "request option", &CALL_OPTIONS)),
            }
        }
        Ok(o)
    }
}
