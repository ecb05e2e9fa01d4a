//! The endpoint table: every endpoint of the API as one row of data (the
//! rows live in [`super::rows`]). The generic mechanism ([`super::params`],
//! [`super::build`], [`super::paging`] and the transport) serves them all,
//! and the JS namespaces, the README's table and the mock's routes are
//! checked against this list.

use super::rows::contacts::*;
use super::rows::messaging::*;
use super::rows::other::*;
use super::table::Endpoint;

/// Every endpoint, in documentation order. A row's index is its id across
/// the wasm boundary.
pub static ENDPOINTS: &[Endpoint] = &[
    MESSAGES_SEND,
    MESSAGES_SEND_EMAIL,
    MESSAGES_HISTORY,
    MESSAGES_LIST,
    MESSAGES_COUNT,
    CONVERSATIONS_LIST,
    CONVERSATIONS_COUNT,
    CONVERSATIONS_GET,
    CONVERSATIONS_OPEN,
    CONVERSATIONS_CLOSE,
    CONVERSATIONS_MARK_READ,
    CONVERSATIONS_MARK_UNREAD,
    CONVERSATIONS_REASSIGN,
    CONVERSATIONS_TRANSFER,
    CONTACTS_CREATE,
    CONTACTS_GET,
    CONTACTS_UPDATE,
    CONTACTS_DELETE,
    CONTACTS_LOOKUP,
    CONTACTS_LIST,
    CONTACTS_COUNT,
    CONTACTS_STATUS,
    CONTACTS_SET_STATUS,
    CONTACTS_BATCH_CREATE,
    CONTACTS_FIELDS_LIST,
    CONTACTS_FIELDS_CREATE,
    CONTACTS_V2_CREATE,
    CONTACTS_V2_GET,
    CONTACTS_V2_UPDATE,
    CONTACTS_V2_DELETE,
    CONTACTS_V2_BULK_UPSERT,
    CONTACTS_V2_BULK_DELETE,
    CONTACTS_V2_LIST,
    CONTACTS_V2_SEARCH,
    CONTACTS_V2_CHANNELS_ADD,
    CONTACTS_V2_CHANNELS_UPDATE,
    CONTACTS_V2_CHANNELS_GET,
    LISTS_CREATE,
    LISTS_UPDATE,
    LISTS_DELETE,
    LISTS_V1_CREATE,
    LISTS_V1_GET,
    LISTS_V1_UPDATE,
    LISTS_V1_DELETE,
    LISTS_V1_LIST,
    TEMPLATES_CREATE,
    TEMPLATES_GET,
    TEMPLATES_UPDATE,
    TEMPLATES_DELETE,
    TEMPLATES_LIST,
    TAGS_CREATE,
    TAGS_GET,
    TAGS_DELETE,
    TAGS_LIST,
    SCHEDULES_CREATE,
    SCHEDULES_GET,
    SCHEDULES_UPDATE,
    SURVEYS_GET,
    SURVEYS_LIST,
    INBOXES_LIST,
    TEAM_GET,
    USERS_LOOKUP,
    USERS_UPDATE,
];

/// The row named `name` (`messages.send`).
pub fn by_name(name: &str) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().find(|e| e.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::table::{Method, Paging, Retry, Ty};

    #[test]
    fn sixty_three_unique_rows() {
        assert_eq!(ENDPOINTS.len(), 63);
        let mut names: Vec<&str> = ENDPOINTS.iter().map(|e| e.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 63, "method names are unique");
        let mut routes: Vec<(Method, &str)> = ENDPOINTS.iter().map(|e| (e.method, e.path)).collect();
        routes.sort_unstable_by_key(|(m, p)| (m.as_str(), *p));
        routes.dedup();
        assert_eq!(routes.len(), 63, "each row is its own route");
    }

    #[test]
    fn rows_are_consistent() {
        for ep in ENDPOINTS {
            let n = ep.name;
            assert_eq!(ep.path.matches('{').count(), ep.params.len(), "{n}: one Param per placeholder");
            for name in ep.one_of {
                let f = ep.field(name).unwrap_or_else(|| panic!("{n}: one-of names a field ({name})"));
                assert!(!f.required, "{n}: a one-of field is optional on its own");
            }
            let mut fields: Vec<&str> = ep.fields.iter().map(|f| f.name).collect();
            fields.sort_unstable();
            fields.dedup();
            assert_eq!(fields.len(), ep.fields.len(), "{n}: field names are unique");
            if ep.method == Method::Get || ep.items.is_some() {
                assert!(ep.fields.iter().all(|f| f.query), "{n}: no body fields besides the array / on a GET");
            }
            if ep.retry == Retry::LocalId {
                assert_eq!(ep.field("local_id").map(|f| f.ty), Some(Ty::Str), "{n}: a LocalId row has the field");
            }
            if ep.method == Method::Post && ep.retry == Retry::Idempotent {
                assert!(
                    [".list", ".count", ".lookup", ".status", ".search"].iter().any(|s| n.ends_with(s)),
                    "{n}: only reads through POST are retried like GETs"
                );
            }
            if ep.method != Method::Post {
                assert_ne!(ep.retry, Retry::Unsafe, "{n}: GET, PUT and DELETE are idempotent");
            }
            match ep.paging {
                Paging::None => {
                    assert!(!n.ends_with(".list") || ep.method == Method::Get || n == "contacts.fields.list")
                }
                Paging::Cursor { param, .. } => assert_eq!(ep.field(param).map(|f| f.ty), Some(Ty::Str), "{n}"),
                Paging::Page { .. } => assert_eq!(ep.field("page").map(|f| f.ty), Some(Ty::Int), "{n}"),
            }
        }
    }
}
