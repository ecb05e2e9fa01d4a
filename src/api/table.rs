//! The shape of one endpoint table row: everything the generic mechanism
//! needs to validate params, build the request, decode, paginate and decide
//! retries, as data. Rows are `const`s built with the `const fn`s below, so a
//! row costs its strings and a few words of static data, and no code.

use crate::api::path::Param;
pub use crate::core::request::{Method, Retry, Shape};

/// What a param field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    /// A safe integer.
    Int,
    /// An id: a positive safe integer.
    Id,
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

impl Ty {
    /// The item type of a list type.
    pub const fn item(self) -> Option<Ty> {
        match self {
            Ty::StrList => Some(Ty::Str),
            Ty::IntList => Some(Ty::Int),
            Ty::PhoneList => Some(Ty::Phone),
            _ => None,
        }
    }
}

/// A param field, named as in Heymarket's docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    /// Sent in the query string rather than the JSON body.
    pub query: bool,
    /// The name on the wire when it differs (`phone_number` → `phoneNumber`
    /// in `GET /v1/messages`'s query).
    pub wire: Option<&'static str>,
}

impl Field {
    /// A required body field.
    pub const fn req(name: &'static str, ty: Ty) -> Field {
        Field { name, ty, required: true, query: false, wire: None }
    }
    /// An optional body field.
    pub const fn opt(name: &'static str, ty: Ty) -> Field {
        Field { name, ty, required: false, query: false, wire: None }
    }
    /// The same field in the query string.
    pub const fn q(self) -> Field {
        Field { query: true, ..self }
    }
    /// The same field under another name on the wire.
    pub const fn wire(self, wire: &'static str) -> Field {
        Field { wire: Some(wire), ..self }
    }
    /// The name sent to the API.
    pub fn wire_name(&self) -> &'static str {
        match self.wire {
            Some(w) => w,
            None => self.name,
        }
    }
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

/// A positional array argument that is the JSON body, or sits inside it:
/// the body is `before` + the array + `after` (`{"contacts":` … `}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Items {
    /// Names the argument in errors and docs (`contacts`).
    pub name: &'static str,
    /// What each item must be.
    pub item: ItemTy,
    pub before: &'static str,
    pub after: &'static str,
}

/// What each item of an [`Items`] argument must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemTy {
    /// A JSON object, passed through.
    Object,
    /// A UUID string.
    Uuid,
}

/// Whether an endpoint is documented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stability {
    Stable,
    /// Seen in a single source only.
    Experimental,
    /// The v1 list family (use `/v2/lists`).
    Deprecated,
    /// Deprecated, and seen in a single source only.
    DeprecatedExperimental,
}

/// One endpoint.
#[derive(Clone, Copy, Debug)]
pub struct Endpoint {
    /// `messages.send`, `contactsV2.channels.get`.
    pub name: &'static str,
    pub method: Method,
    /// `/v1/contact/{id}`.
    pub path: &'static str,
    /// One per placeholder of `path`, in order.
    pub params: &'static [Param],
    /// A positional array argument after the path parameters.
    pub items: Option<Items>,
    pub fields: &'static [Field],
    /// Groups of which exactly one field must be given (the send's targets).
    pub one_of: &'static [&'static str],
    pub shape: Shape,
    pub paging: Paging,
    pub retry: Retry,
    pub stability: Stability,
}

impl Endpoint {
    /// A row with no path parameters, no positional array, no one-of group,
    /// no paging, documented; the builders below add the rest.
    pub const fn new(
        name: &'static str,
        method: Method,
        path: &'static str,
        fields: &'static [Field],
        shape: Shape,
        retry: Retry,
    ) -> Endpoint {
        Endpoint {
            name,
            method,
            path,
            params: &[],
            items: None,
            fields,
            one_of: &[],
            shape,
            paging: Paging::None,
            retry,
            stability: Stability::Stable,
        }
    }
    pub const fn params(self, params: &'static [Param]) -> Endpoint {
        Endpoint { params, ..self }
    }
    pub const fn items(self, name: &'static str, item: ItemTy, before: &'static str, after: &'static str) -> Endpoint {
        Endpoint { items: Some(Items { name, item, before, after }), ..self }
    }
    pub const fn one_of(self, one_of: &'static [&'static str]) -> Endpoint {
        Endpoint { one_of, ..self }
    }
    pub const fn cursor(self, param: &'static str, from: &'static str) -> Endpoint {
        Endpoint { paging: Paging::Cursor { param, from }, ..self }
    }
    pub const fn pages_from(self, first: u32) -> Endpoint {
        Endpoint { paging: Paging::Page { first }, ..self }
    }
    pub const fn stability(self, stability: Stability) -> Endpoint {
        Endpoint { stability, ..self }
    }

    /// How many positional arguments the JS method takes before its params.
    pub const fn positional(&self) -> usize {
        self.params.len() + if self.items.is_some() { 1 } else { 0 }
    }

    /// Whether the JS method takes a params object.
    pub const fn takes_params(&self) -> bool {
        !self.fields.is_empty()
    }

    /// Whether the params object may be left out (no field is required).
    pub fn params_optional(&self) -> bool {
        self.one_of.is_empty() && !self.fields.iter().any(|f| f.required)
    }

    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}
