//! The one error type of the crate.
//!
//! Every failure, whether found while validating input, while talking to the
//! network or while decoding a response, is an [`Error`] with a stable
//! [`ErrorCode`]. The wasm layer turns it into a JS `HeymarketError` carrying
//! the same `code`, `status`, `requestId` and `retryAfterMs`.

use core::fmt;

/// Stable, documented error codes. The string form (`as_str`) is public API.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// Bad input found before any request was sent.
    InvalidArgument,
    /// The client was constructed in a browser without `dangerouslyAllowBrowser`.
    BrowserNotAllowed,
    /// HTTP 401.
    Unauthorized,
    /// HTTP 403.
    Forbidden,
    /// HTTP 404.
    NotFound,
    /// HTTP 429 once retries are spent (or `Retry-After` beyond the cap).
    RateLimited,
    /// HTTP 5xx once retries are spent.
    ServerError,
    /// Any other non-2xx status, including every 3xx (redirects are never followed).
    ApiError,
    /// A 2xx whose body does not have the endpoint's documented shape.
    InvalidResponse,
    /// No complete response within the per-attempt timeout.
    Timeout,
    /// The fetch itself failed (connection refused, DNS, reset).
    Network,
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// `verifyWebhook`: the verification token is missing or wrong (answer 401).
    WebhookUnauthorized,
    /// `verifyWebhook`: the body is not a JSON object with a string `type` (answer 400).
    WebhookInvalid,
}

impl ErrorCode {
    /// All codes, in documentation order.
    pub const ALL: [ErrorCode; 14] = [
        ErrorCode::InvalidArgument,
        ErrorCode::BrowserNotAllowed,
        ErrorCode::Unauthorized,
        ErrorCode::Forbidden,
        ErrorCode::NotFound,
        ErrorCode::RateLimited,
        ErrorCode::ServerError,
        ErrorCode::ApiError,
        ErrorCode::InvalidResponse,
        ErrorCode::Timeout,
        ErrorCode::Network,
        ErrorCode::Aborted,
        ErrorCode::WebhookUnauthorized,
        ErrorCode::WebhookInvalid,
    ];

    /// The stable string code seen by JS (`err.code`).
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidArgument => "invalid_argument",
            ErrorCode::BrowserNotAllowed => "browser_not_allowed",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::ServerError => "server_error",
            ErrorCode::ApiError => "api_error",
            ErrorCode::InvalidResponse => "invalid_response",
            ErrorCode::Timeout => "timeout",
            ErrorCode::Network => "network",
            ErrorCode::Aborted => "aborted",
            ErrorCode::WebhookUnauthorized => "webhook_unauthorized",
            ErrorCode::WebhookInvalid => "webhook_invalid",
        }
    }

    /// The code for a non-2xx HTTP status.
    pub const fn for_status(status: u16) -> ErrorCode {
        match status {
            401 => ErrorCode::Unauthorized,
            403 => ErrorCode::Forbidden,
            404 => ErrorCode::NotFound,
            429 => ErrorCode::RateLimited,
            500..=599 => ErrorCode::ServerError,
            _ => ErrorCode::ApiError,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failure with its code and, where they apply, HTTP details.
///
/// Holds no secret: messages are built from the request's method and path,
/// the response status and the API's own error text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The stable code.
    pub code: ErrorCode,
    /// Human-readable description.
    pub message: String,
    /// HTTP status of the last attempt, when a response arrived.
    pub status: Option<u16>,
    /// The `X-Request-Id` of the last response, when present.
    pub request_id: Option<String>,
    /// The server's `Retry-After`, in milliseconds, when it was given.
    pub retry_after_ms: Option<u64>,
}

impl Error {
    /// An error with only a code and message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error { code, message: message.into(), status: None, request_id: None, retry_after_ms: None }
    }

    /// Shorthand for [`ErrorCode::InvalidArgument`].
    pub fn invalid(message: impl Into<String>) -> Self {
        Error::new(ErrorCode::InvalidArgument, message)
    }

    /// The error for a non-2xx response. `api_message` is the API's own error
    /// text, if the body had one; `what` names the request, e.g.
    /// `GET /v1/conversations/1`.
    pub fn from_status(what: &str, status: u16, api_message: Option<&str>) -> Self {
        let code = ErrorCode::for_status(status);
        let mut message = format!("{what} failed with HTTP {status}");
        if let Some(reason) = status_reason(status) {
            message.push(' ');
            message.push_str(reason);
        }
        if (300..400).contains(&status) || status == 0 {
            message.push_str(" (redirects are not followed, so credentials never leave the configured baseUrl)");
        }
        if let Some(text) = api_message.map(str::trim).filter(|t| !t.is_empty()) {
            message.push_str(": ");
            message.push_str(text);
        }
        Error { code, message, status: Some(status), request_id: None, retry_after_ms: None }
    }

    /// Attach the request id of the response.
    #[must_use]
    pub fn with_request_id(mut self, id: Option<String>) -> Self {
        self.request_id = id;
        self
    }

    /// Attach the HTTP status.
    #[must_use]
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Attach the server's `Retry-After`.
    #[must_use]
    pub fn with_retry_after(mut self, ms: Option<u64>) -> Self {
        self.retry_after_ms = ms;
        self
    }

    /// Replace every occurrence of `secret` in the message (defence in depth:
    /// an API error text could echo what it was sent).
    pub fn redact(&mut self, secret: &str) {
        if !secret.is_empty() && self.message.contains(secret) {
            self.message = self.message.replace(secret, "[redacted]");
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for Error {}

fn status_reason(status: u16) -> Option<&'static str> {
    Some(match status {
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return None,
    })
}

/// Pull the API's own error text out of an error body: the `message` field,
/// else `error` (a string, or an object with a `message`), else `detail`.
/// Works on the raw body text with a tiny scanner so that no JSON parser is
/// needed in the module; returns `None` for non-JSON bodies.
pub fn api_error_text(body: &str) -> Option<String> {
    let message = json_string_field(body, "message");
    let error = json_string_field(body, "error");
    let text = match (message, error) {
        (Some(m), Some(e)) if e != m && !e.contains(' ') => format!("{m} [{e}]"),
        (Some(m), _) => m,
        (None, Some(e)) => e,
        (None, None) => json_string_field(body, "detail")?,
    };
    Some(truncate(&text, 500))
}

fn truncate(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or(s)),
        None => s.to_owned(),
    }
}

/// Find `"key": "value"` anywhere in a JSON text and return the unescaped
/// value. Deliberately small: it scans for the quoted key followed by a colon
/// and a string. Good enough for error bodies, which are short and flat.
fn json_string_field(body: &str, key: &str) -> Option<String> {
    let needle = format!("\"{key}\"");
    let mut from = 0;
    while let Some(pos) = body.get(from..)?.find(&needle) {
        let after = from + pos + needle.len();
        let rest = body.get(after..)?.trim_start();
        if let Some(rest) = rest.strip_prefix(':') {
            let rest = rest.trim_start();
            if let Some(s) = rest.strip_prefix('"') {
                return unescape_json_string(s);
            }
        }
        from = after;
    }
    None
}

/// Unescape a JSON string body up to its closing quote.
fn unescape_json_string(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'b' | 'f' => out.push(' '),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let cp = u32::from_str_radix(&hex, 16).ok()?;
                    out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_map_to_stable_codes() {
        assert_eq!(ErrorCode::for_status(401).as_str(), "unauthorized");
        assert_eq!(ErrorCode::for_status(403).as_str(), "forbidden");
        assert_eq!(ErrorCode::for_status(404).as_str(), "not_found");
        assert_eq!(ErrorCode::for_status(429).as_str(), "rate_limited");
        assert_eq!(ErrorCode::for_status(500).as_str(), "server_error");
        assert_eq!(ErrorCode::for_status(503).as_str(), "server_error");
        assert_eq!(ErrorCode::for_status(599).as_str(), "server_error");
        for s in [0, 301, 302, 400, 405, 408, 409, 422, 600] {
            assert_eq!(ErrorCode::for_status(s), ErrorCode::ApiError, "status {s}");
        }
    }

    #[test]
    fn codes_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for c in ErrorCode::ALL {
            let s = c.as_str();
            assert!(s.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'), "{s}");
            assert!(seen.insert(s), "duplicate {s}");
        }
    }

    #[test]
    fn api_text_is_part_of_message() {
        let e = Error::from_status("GET /v1/conversations/5", 404, Some("Conversation not found"));
        assert_eq!(e.code, ErrorCode::NotFound);
        assert_eq!(e.status, Some(404));
        assert_eq!(e.message, "GET /v1/conversations/5 failed with HTTP 404 Not Found: Conversation not found");
    }

    #[test]
    fn redirect_message_explains() {
        let e = Error::from_status("GET /v1/x", 302, None);
        assert_eq!(e.code, ErrorCode::ApiError);
        assert!(e.message.contains("redirects are not followed"));
    }

    #[test]
    fn extracts_api_error_text() {
        assert_eq!(api_error_text(r#"{"message":"bad phone"}"#).as_deref(), Some("bad phone"));
        assert_eq!(api_error_text(r#"{"error":"denied"}"#).as_deref(), Some("denied"));
        assert_eq!(
            api_error_text(r#"{"error":"not_found","message":"Conversation not found"}"#).as_deref(),
            Some("Conversation not found [not_found]")
        );
        assert_eq!(api_error_text(r#"{"detail":"x \"y\" \u00e9"}"#).as_deref(), Some("x \"y\" é"));
        assert_eq!(api_error_text(r#"{"error": {"message": "nested"}}"#).as_deref(), Some("nested"));
        assert_eq!(api_error_text("<html>502</html>"), None);
        assert_eq!(api_error_text(r#"{"message": 5}"#), None);
        assert_eq!(api_error_text(r#"{"message": "unterminated"#), None);
        let long = format!(r#"{{"message":"{}"}}"#, "a".repeat(2000));
        assert_eq!(api_error_text(&long).map(|s| s.chars().count()), Some(501));
    }

    #[test]
    fn redacts_secret() {
        let mut e = Error::from_status("GET /v1/x", 400, Some("key s3cr3t is wrong"));
        e.redact("s3cr3t");
        assert!(!e.message.contains("s3cr3t"));
        assert!(e.message.contains("[redacted]"));
    }
}
