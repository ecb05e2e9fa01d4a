//! How an attempt failed, and what that allows: the deadline, the caller's
//! signal or the network (a rejected exchange), and whether the request may
//! be retried or provably never reached the server.

use wasm_bindgen::JsValue;

use super::error::{Error, ErrorCode};
use super::options::CallOptions;
use super::request::{Request, Shape};
use super::retry;
use crate::js::{self, Fired};

/// A failed attempt, and whether it may be retried.
pub(super) struct Failure {
    pub error: Error,
    pub retryable: bool,
    /// The request provably never reached the server (connection refused).
    pub unsent: bool,
}

impl Failure {
    pub fn fatal(error: Error) -> Failure {
        Failure { error, retryable: false, unsent: false }
    }
}

/// A rejected exchange: the deadline, the caller's signal, or the network.
pub(super) fn transport_failure(fired: Option<Fired>, e: &JsValue, req: &Request, opts: &CallOptions) -> Failure {
    let what = req.describe();
    match fired {
        Some(Fired::Aborted) => Failure::fatal(aborted(&what)),
        Some(Fired::Timeout) => Failure {
            error: Error::new(ErrorCode::Timeout, format!("{what} timed out after {} ms", opts.timeout_ms)),
            retryable: true,
            unsent: false,
        },
        None => {
            // Some runtimes name the URL in the error: its query may hold
            // phone numbers or emails, and errors never show query values.
            let mut description = js::describe_error(e);
            if !req.query.is_empty() && description.contains(&req.query) {
                description = description.replace(&req.query, "?…");
            }
            Failure {
                unsent: retry::proves_unsent(&description),
                retryable: !retry::denied_by_runtime(&description),
                error: Error::new(ErrorCode::Network, format!("{what} failed: {description}")),
            }
        }
    }
}

pub(super) fn aborted(what: &str) -> Error {
    Error::new(ErrorCode::Aborted, format!("{what} was aborted by the caller's signal"))
}

pub(super) fn has_shape(v: &JsValue, shape: Shape) -> bool {
    let is_array = js::is_array(v);
    match shape {
        Shape::Object => v.is_object() && !is_array,
        Shape::Array => is_array,
        Shape::Str => v.is_string(),
        Shape::Any => true,
    }
}
