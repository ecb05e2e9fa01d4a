//! Messages and conversations.

use super::{o, r};
use crate::api::path::Param;
use crate::api::table::{Endpoint, Field, Method::*, Retry::*, Shape, Ty::*};

pub const MESSAGES_SEND: Endpoint = Endpoint::new(
    "messages.send",
    Post,
    "/v1/message/send",
    &[
        r("inbox_id", Id),
        r("creator_id", Id),
        o("phone_number", Phone),
        o("chat_id", Id),
        o("list_id", Id),
        o("targets", PhoneList),
        o("text", Str),
        o("template_id", Id),
        o("media_url", Str),
        o("survey_id", Id),
        o("local_id", Str),
        o("private", Bool),
        o("author", Str),
        o("activity_id", Str),
    ],
    Shape::Object,
    LocalId,
)
.one_of(&["phone_number", "chat_id", "list_id", "targets"]);

pub const MESSAGES_SEND_EMAIL: Endpoint = Endpoint::new(
    "messages.sendEmail",
    Post,
    "/v1/email/send",
    &[
        r("creator_id", Id),
        r("inbox", Id),
        r("text", Str),
        o("raw_text", Str),
        o("local_id", Str),
        o("conv_title", Str),
        o("targets", StrList),
        o("convo_id", Id),
    ],
    Shape::Object,
    LocalId,
);

pub const MESSAGES_HISTORY: Endpoint = Endpoint::new(
    "messages.history",
    Get,
    "/v1/messages",
    &[r("phone_number", Phone).q().wire("phoneNumber"), r("inbox_id", Id).q().wire("inboxID"), o("timestamp", Int).q()],
    Shape::Array,
    Idempotent,
);

const ORDER: crate::api::table::Ty = Enum(&["created_at", "updated_at"]);

pub const MESSAGES_LIST: Endpoint = Endpoint::new(
    "messages.list",
    Post,
    "/v1/messages/all",
    &[o("created_at", Str), o("order", ORDER), o("ascending", Bool), o("limit", Int)],
    Shape::Array,
    Idempotent,
)
.cursor("created_at", "date");

pub const MESSAGES_COUNT: Endpoint = Endpoint::new(
    "messages.count",
    Post,
    "/v1/messages/all/count",
    &[o("created_at", Str), o("order", ORDER), o("ascending", Bool)],
    Shape::Str,
    Idempotent,
);

pub const CONVERSATIONS_LIST: Endpoint = Endpoint::new(
    "conversations.list",
    Post,
    "/v1/conversations",
    &[r("id", Id), r("filters", Json), o("date", Str)],
    Shape::Array,
    Idempotent,
)
.cursor("date", "updated");

pub const CONVERSATIONS_COUNT: Endpoint = Endpoint::new(
    "conversations.count",
    Post,
    "/v1/conversations/count",
    &[o("date", Str), o("id", Id), o("filters", Json)],
    Shape::Any,
    Idempotent,
);

pub const CONVERSATIONS_GET: Endpoint =
    Endpoint::new("conversations.get", Get, "/v1/conversations/{id}", &[], Shape::Object, Idempotent)
        .params(&[Param::Id]);

/// Open, close, read, unread: an inbox, the acting user, one target.
const ACTION: &[Field] =
    &[r("inbox_id", Id), r("user_id", Id), o("chat_id", Id), o("target", Phone), o("targets", PhoneList)];
const TARGET: &[&str] = &["chat_id", "target", "targets"];

const fn action(name: &'static str, path: &'static str) -> Endpoint {
    Endpoint::new(name, Post, path, ACTION, Shape::Str, Unsafe).one_of(TARGET)
}

pub const CONVERSATIONS_OPEN: Endpoint = action("conversations.open", "/v1/conversations/open");
pub const CONVERSATIONS_CLOSE: Endpoint = action("conversations.close", "/v1/conversations/close");
pub const CONVERSATIONS_MARK_READ: Endpoint = action("conversations.markRead", "/v1/conversations/read");
pub const CONVERSATIONS_MARK_UNREAD: Endpoint = action("conversations.markUnread", "/v1/conversations/unread");

pub const CONVERSATIONS_REASSIGN: Endpoint = Endpoint::new(
    "conversations.reassign",
    Post,
    "/v1/conversations/reassign",
    &[
        r("inbox_id", Id),
        r("user_id", Id),
        r("reassign_id", Id),
        o("chat_id", Id),
        o("target", Phone),
        o("targets", PhoneList),
    ],
    Shape::Str,
    Unsafe,
)
.one_of(TARGET);

pub const CONVERSATIONS_TRANSFER: Endpoint = Endpoint::new(
    "conversations.transfer",
    Post,
    "/v1/conversations/transfer",
    &[r("conversation_id", Id), r("transfer_inbox_id", Id)],
    Shape::Str,
    Unsafe,
);
