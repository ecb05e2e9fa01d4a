//! The request headers: the credentials, a token reused while it is fresh
//! enough, and the record every request copies.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use super::auth::{self, Signer};
use super::transport::Transport;
use crate::js;

/// Sent as `User-Agent` on every request.
pub const USER_AGENT: &str = concat!("heymarket-wasm/", env!("CARGO_PKG_VERSION"));

/// How requests are authorised.
pub(super) enum Credentials {
    /// A JWT signed with the API secret, renewed as it ages.
    Jwt(Signer),
    /// A legacy team API key, sent as is.
    ApiKey,
}

/// The request headers for the current token, reused while it is.
pub(super) struct CachedAuth {
    iat: u64,
    without_body: Object,
    with_body: Object,
}

impl Transport {
    /// The request headers, with a token reused while it is fresh enough.
    pub(super) fn headers(&self, with_body: bool) -> Object {
        let now = auth::unix_seconds(js::now_ms(self.clock.as_ref()));
        let mut cached = self.auth.borrow_mut();
        let fresh = match &self.credentials {
            Credentials::Jwt(_) => matches!(&*cached, Some(c) if auth::token_reusable(c.iat, now)),
            Credentials::ApiKey => cached.is_some(),
        };
        if !fresh {
            *cached = None;
        }
        let c = cached.get_or_insert_with(|| {
            let authorization = match &self.credentials {
                Credentials::Jwt(signer) => format!("Bearer {}", signer.sign(now)),
                Credentials::ApiKey => format!("Bearer {}", self.secret),
            };
            CachedAuth {
                iat: now,
                without_body: auth_headers(&authorization, false),
                with_body: auth_headers(&authorization, true),
            }
        });
        // A copy per request: a wrapping `fetch` may edit `init.headers`,
        // and that must not reach later requests.
        let record = if with_body { &c.with_body } else { &c.without_body };
        Object::assign(&Object::new(), record)
    }
}

/// `authorization`, `accept`, `user-agent` (and `content-type` with a body),
/// as a plain record (a `HeadersInit`). Not a web-sys `Headers`: in Node the
/// first `new Headers()` loads undici (about 30 ms of a cold start), and
/// `fetch` copies a record faster than it iterates a `Headers`.
fn auth_headers(authorization: &str, with_body: bool) -> Object {
    let headers = Object::new();
    let set = |k: &str, v: &str| {
        let _ = Reflect::set(&headers, &JsValue::from_str(k), &JsValue::from_str(v));
    };
    set("authorization", authorization);
    set("accept", "application/json");
    if with_body {
        set("content-type", "application/json");
    }
    set("user-agent", USER_AGENT);
    headers
}
