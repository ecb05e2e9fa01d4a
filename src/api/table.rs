//! The shape of one endpoint table row: everything the generic mechanism
//! needs to validate params, build the request, decode, paginate and decide
//! retries, as data.

use crate::api::path::Param;
use crate::core::request::Method;
pub use crate::core::request::Shape;

/// What a param field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    /// A safe integer.
    Int,
    Str,
    Bool,
    /// A phone number as people type it, sent as E.164 digits.
    Phone,
    StrList,
    IntList,
    PhoneList,
    /// Any JSON value (nested objects: `filters`, `custom`, `content`…),
    /// passed through unchanged.
    Json,
    /// One of these strings.
    Enum(&'static [&'static str]),
}

/// A param field, named as in Heymarket's docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    /// The name on the wire when it differs (`phone_number` → `phoneNumber`
    /// in `GET /v1/messages`'s query).
    pub wire: Option<&'static str>,
}

impl Field {
    /// A required field.
    pub const fn req(name: &'static str, ty: Ty) -> Field {
        Field { name, ty, required: true, wire: None }
    }
    /// An optional field.
    pub const fn opt(name: &'static str, ty: Ty) -> Field {
        Field { name, ty, required: false, wire: None }
    }
    /// The same field under another name on the wire.
    pub const fn wire(self, wire: &'static str) -> Field {
        Field { wire: Some(wire), ..self }
    }
    /// The name sent to the API.
    pub fn wire_name(&self) -> &'static str {
        self.wire.unwrap_or(self.name)
    }
}

/// Where a field goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Query,
    Body,
}

/// How a list endpoint pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paging {
    None,
    /// Send `param` = the last item's `from` (`date` ← `updated`).
    Cursor {
        param: &'static str,
        from: &'static str,
    },
    /// `page` numbers from `first`.
    Page {
        first: u32,
    },
}

/// When a failed attempt may be sent again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    /// Reads (GET, and POSTs that only read), PUT and DELETE.
    Idempotent,
    /// A write made safe by its `local_id` (generated when not given).
    LocalId,
    /// Any other write: only on 429, or when the request provably never left.
    Unsafe,
}

/// Whether an endpoint is documented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stability {
    Stable,
    /// Seen in a single source only.
    Experimental,
    /// The v1 list family (use `/v2/lists`).
    Deprecated,
}

/// One endpoint.
#[derive(Clone, Copy, Debug)]
pub struct Endpoint {
    /// `messages.send`, `contactsV2.channels.get`.
    pub name: &'static str,
    pub method: Method,
    /// `/v1/contact/{id}`.
    pub path: &'static str,
    pub params: &'static [Param],
    pub fields: &'static [(Place, Field)],
    /// Groups of which exactly one field must be given (the send's targets).
    pub one_of: &'static [&'static [&'static str]],
    pub shape: Shape,
    pub paging: Paging,
    pub retry: Retry,
    pub stability: Stability,
}
