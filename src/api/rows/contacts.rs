//! Contacts: v1 (integer ids) and v2 (UUIDs and channels).

use super::{o, r, CHANNEL_TYPES};
use crate::api::path::Param;
use crate::api::table::{Endpoint, Field, ItemTy, Method::*, Retry::*, Shape, Ty::*};

/// A contact's fields: `$head` first (the phone, a channel list, a query
/// flag), then the common ones, then `$tail`.
macro_rules! contact_fields {
    ($($head:expr),* ; $($tail:expr),*) => {
        &[
            $($head,)*
            o("first", Str),
            o("last", Str),
            o("display_name", Str),
            o("email", Str),
            o("custom", Json),
            o("avatar", Str),
            o("assignee_id", Int),
            o("tags", Json),
            o("is_opted_out", Bool),
            $($tail,)*
        ]
    };
}

const CONTACT: &[Field] = contact_fields!(r("phone", Phone); o("email_suppressions", IntList));
const ID_OR_PHONE: &[&str] = &["id", "phone"];
/// Reads of one contact by id or phone (`lookup`, `status`).
const BY_ID_OR_PHONE: &[Field] = &[o("id", Id), o("phone", Phone)];

const fn by_id_or_phone(name: &'static str, path: &'static str) -> Endpoint {
    Endpoint::new(name, Post, path, BY_ID_OR_PHONE, Shape::Object, Idempotent).one_of(ID_OR_PHONE)
}

pub const CONTACTS_CREATE: Endpoint =
    Endpoint::new("contacts.create", Post, "/v1/contact", CONTACT, Shape::Object, Unsafe);
pub const CONTACTS_GET: Endpoint =
    Endpoint::new("contacts.get", Get, "/v1/contact/{id}", &[], Shape::Object, Idempotent).params(&[Param::Id]);
pub const CONTACTS_UPDATE: Endpoint = Endpoint::new(
    "contacts.update",
    Put,
    "/v1/contact/{id}",
    contact_fields!(o("overwrite", Bool).q(), r("phone", Phone); o("email_suppressions", IntList)),
    Shape::Object,
    Idempotent,
)
.params(&[Param::Id]);
pub const CONTACTS_DELETE: Endpoint =
    Endpoint::new("contacts.delete", Delete, "/v1/contact/{id}", &[], Shape::Str, Idempotent).params(&[Param::Id]);
pub const CONTACTS_LOOKUP: Endpoint = by_id_or_phone("contacts.lookup", "/v1/contact/get");
pub const CONTACTS_LIST: Endpoint = Endpoint::new(
    "contacts.list",
    Post,
    "/v1/contacts",
    &[
        o("date", Str),
        o("limit", Int),
        o("order", Str),
        o("ascending", Bool),
        o("archived", Bool),
        o("assigned", Int),
        o("filter", Str),
        o("parent_id", Int),
    ],
    Shape::Array,
    Idempotent,
)
.cursor("date", "updated");
pub const CONTACTS_COUNT: Endpoint = Endpoint::new(
    "contacts.count",
    Post,
    "/v1/contacts/count",
    &[o("date", Str), o("archived", Bool), o("assigned", Int), o("filter", Str), o("parent_id", Int)],
    Shape::Any,
    Idempotent,
);
pub const CONTACTS_STATUS: Endpoint = by_id_or_phone("contacts.status", "/v1/contact/status");
pub const CONTACTS_SET_STATUS: Endpoint = Endpoint::new(
    "contacts.setStatus",
    Post,
    "/v1/contact/set_status",
    &[
        o("id", Id),
        o("phone", Phone),
        r("status", Enum(&["active", "blocked", "unblocked", "subscribed", "unsubscribed"])),
    ],
    Shape::Str,
    Unsafe,
)
.one_of(ID_OR_PHONE);
pub const CONTACTS_BATCH_CREATE: Endpoint =
    Endpoint::new("contacts.batchCreate", Post, "/v1/batch/contacts", &[o("overwrite", Bool).q()], Shape::Any, Unsafe)
        .items("contacts", ItemTy::Object, "", "");
pub const CONTACTS_FIELDS_LIST: Endpoint =
    Endpoint::new("contacts.fields.list", Post, "/v1/contact-fields", &[], Shape::Any, Idempotent);
pub const CONTACTS_FIELDS_CREATE: Endpoint =
    Endpoint::new("contacts.fields.create", Post, "/v1/contacts/fields", &[], Shape::Array, Unsafe).items(
        "fields",
        ItemTy::Object,
        "",
        "",
    );

const UUID: &[Param] = &[Param::Uuid];
const CHANNEL: &[Field] = &[r("channel_type", Enum(CHANNEL_TYPES)), r("channel_id", Str)];

pub const CONTACTS_V2_CREATE: Endpoint = Endpoint::new(
    "contactsV2.create",
    Post,
    "/v2/contact",
    contact_fields!(r("contact_channels", Json);),
    Shape::Object,
    Unsafe,
);
pub const CONTACTS_V2_GET: Endpoint =
    Endpoint::new("contactsV2.get", Get, "/v2/contact/{contactID}", &[], Shape::Object, Idempotent).params(UUID);
pub const CONTACTS_V2_UPDATE: Endpoint = Endpoint::new(
    "contactsV2.update",
    Put,
    "/v2/contact/{contactID}",
    contact_fields!(o("contact_channels", Json), o("phone", Phone); o("email_suppressions", IntList)),
    Shape::Object,
    Idempotent,
)
.params(UUID);
pub const CONTACTS_V2_DELETE: Endpoint =
    Endpoint::new("contactsV2.delete", Delete, "/v2/contact/{contactID}", &[], Shape::Str, Idempotent).params(UUID);
pub const CONTACTS_V2_BULK_UPSERT: Endpoint =
    Endpoint::new("contactsV2.bulkUpsert", Post, "/v2/contacts", &[], Shape::Object, Unsafe).items(
        "contacts",
        ItemTy::Object,
        r#"{"contacts":"#,
        "}",
    );
pub const CONTACTS_V2_BULK_DELETE: Endpoint =
    Endpoint::new("contactsV2.bulkDelete", Delete, "/v2/contacts", &[], Shape::Str, Idempotent).items(
        "uuids",
        ItemTy::Uuid,
        r#"{"contact_channels":[{"channel_type":"id","channel_ids":"#,
        "}]}",
    );
pub const CONTACTS_V2_LIST: Endpoint = Endpoint::new(
    "contactsV2.list",
    Post,
    "/v2/contacts/list",
    &[o("limit", Int), o("page", Int), o("date", Str), o("ascending", Bool)],
    Shape::Array,
    Idempotent,
)
.pages_from(0);
pub const CONTACTS_V2_SEARCH: Endpoint = Endpoint::new(
    "contactsV2.search",
    Post,
    "/v2/contacts/search",
    &[r("contact_channels", Json)],
    Shape::Array,
    Idempotent,
);
pub const CONTACTS_V2_CHANNELS_ADD: Endpoint =
    Endpoint::new("contactsV2.channels.add", Post, "/v2/contact/{contactID}/channel", CHANNEL, Shape::Array, Unsafe)
        .params(UUID);
pub const CONTACTS_V2_CHANNELS_UPDATE: Endpoint = Endpoint::new(
    "contactsV2.channels.update",
    Put,
    "/v2/contact/{contactID}/channel",
    CHANNEL,
    Shape::Any,
    Idempotent,
)
.params(UUID);
pub const CONTACTS_V2_CHANNELS_GET: Endpoint = Endpoint::new(
    "contactsV2.channels.get",
    Get,
    "/v2/contact/{contactID}/channel/{channelType}",
    &[],
    Shape::Object,
    Idempotent,
)
.params(&[Param::Uuid, Param::Enum(CHANNEL_TYPES)]);
