//! The endpoint table: every endpoint as one row of data (see
//! `../shared/heymarket-api.md` for the sources of each field). The generic
//! mechanism in [`super::params`] and the transport serve them all.
//!
//! Started with the rows the rest of the mechanism is tested against; the
//! whole-API work adds the rest here, one row each.

use super::path::Param;
use super::table::{Endpoint, Field, Paging, Place, Retry, Shape, Stability, Ty};
use crate::core::request::Method;

use Place::{Body, Query};

/// The rows so far, in table order.
pub static ENDPOINTS: &[Endpoint] =
    &[MESSAGES_SEND, MESSAGES_HISTORY, CONTACTS_SET_STATUS, CONVERSATIONS_LIST, CONTACTS_V2_CHANNELS_GET];

/// `POST /v1/message/send`.
pub const MESSAGES_SEND: Endpoint = Endpoint {
    name: "messages.send",
    method: Method::Post,
    path: "/v1/message/send",
    params: &[],
    fields: &[
        (Body, Field::req("inbox_id", Ty::Int)),
        (Body, Field::req("creator_id", Ty::Int)),
        (Body, Field::opt("phone_number", Ty::Phone)),
        (Body, Field::opt("chat_id", Ty::Int)),
        (Body, Field::opt("list_id", Ty::Int)),
        (Body, Field::opt("targets", Ty::PhoneList)),
        (Body, Field::opt("text", Ty::Str)),
        (Body, Field::opt("template_id", Ty::Int)),
        (Body, Field::opt("media_url", Ty::Str)),
        (Body, Field::opt("survey_id", Ty::Int)),
        (Body, Field::opt("local_id", Ty::Str)),
        (Body, Field::opt("private", Ty::Bool)),
        (Body, Field::opt("author", Ty::Str)),
        (Body, Field::opt("activity_id", Ty::Str)),
    ],
    one_of: &[&["phone_number", "chat_id", "list_id", "targets"]],
    shape: Shape::Object,
    paging: Paging::None,
    retry: Retry::LocalId,
    stability: Stability::Stable,
};

/// `GET /v1/messages?phoneNumber&inboxID&timestamp`.
pub const MESSAGES_HISTORY: Endpoint = Endpoint {
    name: "messages.history",
    method: Method::Get,
    path: "/v1/messages",
    params: &[],
    fields: &[
        (Query, Field::req("phone_number", Ty::Phone).wire("phoneNumber")),
        (Query, Field::req("inbox_id", Ty::Int).wire("inboxID")),
        (Query, Field::opt("timestamp", Ty::Int)),
    ],
    one_of: &[],
    shape: Shape::Array,
    paging: Paging::None,
    retry: Retry::Idempotent,
    stability: Stability::Stable,
};

/// `POST /v1/contact/set_status`.
pub const CONTACTS_SET_STATUS: Endpoint = Endpoint {
    name: "contacts.setStatus",
    method: Method::Post,
    path: "/v1/contact/set_status",
    params: &[],
    fields: &[
        (Body, Field::opt("id", Ty::Int)),
        (Body, Field::opt("phone", Ty::Phone)),
        (Body, Field::req("status", Ty::Enum(&["active", "blocked", "unblocked", "subscribed", "unsubscribed"]))),
    ],
    one_of: &[&["id", "phone"]],
    shape: Shape::Str,
    paging: Paging::None,
    retry: Retry::Idempotent,
    stability: Stability::Stable,
};

/// `POST /v1/conversations` (list).
pub const CONVERSATIONS_LIST: Endpoint = Endpoint {
    name: "conversations.list",
    method: Method::Post,
    path: "/v1/conversations",
    params: &[],
    fields: &[
        (Body, Field::req("id", Ty::Int)),
        (Body, Field::req("filters", Ty::Json)),
        (Body, Field::opt("date", Ty::Str)),
    ],
    one_of: &[],
    shape: Shape::Array,
    paging: Paging::Cursor { param: "date", from: "updated" },
    retry: Retry::Idempotent,
    stability: Stability::Stable,
};

/// `GET /v2/contact/{contactID}/channel/{channelType}`.
pub const CONTACTS_V2_CHANNELS_GET: Endpoint = Endpoint {
    name: "contactsV2.channels.get",
    method: Method::Get,
    path: "/v2/contact/{contactID}/channel/{channelType}",
    params: &[Param::Uuid, Param::Word],
    fields: &[],
    one_of: &[],
    shape: Shape::Object,
    paging: Paging::None,
    retry: Retry::Idempotent,
    stability: Stability::Stable,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::table::Place;

    #[test]
    fn rows_are_consistent() {
        let mut names: Vec<&str> = ENDPOINTS.iter().map(|e| e.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ENDPOINTS.len(), "method names are unique");
        for ep in ENDPOINTS {
            assert_eq!(ep.path.matches('{').count(), ep.params.len(), "{}: one Param per placeholder", ep.name);
            for group in ep.one_of {
                for name in *group {
                    assert!(
                        ep.fields.iter().any(|(_, f)| f.name == *name),
                        "{}: one-of names a field ({name})",
                        ep.name
                    );
                }
            }
            if ep.method == Method::Get {
                assert!(ep.fields.iter().all(|(p, _)| *p == Place::Query), "{}: a GET has no body", ep.name);
            }
            if ep.retry == Retry::LocalId {
                assert!(
                    ep.fields.iter().any(|(_, f)| f.name == "local_id"),
                    "{}: a LocalId row has the field",
                    ep.name
                );
            }
        }
    }
}
