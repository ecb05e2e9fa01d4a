//! What the endpoint table hands the transport: a method, a path, whether it may be
//! retried, an optional JSON body, and the shape its 2xx body must have.

/// HTTP methods the API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    /// The method name on the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// The JSON type a successful response body must have. Fields inside are not
/// checked: the client is a tolerant reader and hands back every field,
/// including ones the API adds later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A JSON object (not an array, not `null`).
    Object,
    /// A JSON array.
    Array,
    /// A bare JSON string (`"ok"`, `"success"`, counts).
    Str,
    /// Documented inconsistently: any JSON value.
    Any,
}

impl Shape {
    /// How the shape reads in an error message.
    pub const fn describe(self) -> &'static str {
        match self {
            Shape::Object => "a JSON object",
            Shape::Array => "a JSON array",
            Shape::Str => "a JSON string",
            Shape::Any => "JSON",
        }
    }
}

/// When a failed attempt may be sent again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    /// Reads (GET, and POSTs that only read), PUT and DELETE: on 408, 429,
    /// 5xx, timeouts and network failures.
    Idempotent,
    /// A write made safe by its `local_id` (generated when not given):
    /// retried like a read.
    LocalId,
    /// Any other write: only on 429, or when the request provably never left
    /// (the connection was refused).
    Unsafe,
}

/// One API request, as built from an endpoint row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    /// Path below the base URL, starting with `/`.
    pub path: String,
    /// `?k=v&…` or empty. Kept apart from `path` so that errors, which name
    /// the request by its path, never repeat query values (phone numbers).
    pub query: String,
    /// When a failed attempt may be sent again.
    pub retry: Retry,
    /// A JSON body, already serialised.
    pub body: Option<String>,
    /// The shape a 2xx body must have.
    pub shape: Shape,
}

impl Request {
    /// `METHOD /path`, as errors name the request.
    pub fn describe(&self) -> String {
        format!("{} {}", self.method.as_str(), self.path)
    }
}
