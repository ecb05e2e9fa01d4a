//! Lists, templates, tags, schedules, surveys, inboxes, team and users.

use super::{o, r};
use crate::api::path::Param;
use crate::api::table::{Endpoint, Field, ItemTy, Method::*, Retry::*, Shape, Stability::*, Ty::*};

const ID: &[Param] = &[Param::Id];

/// A `GET` of one object by integer id.
const fn get(name: &'static str, path: &'static str) -> Endpoint {
    Endpoint::new(name, Get, path, &[], Shape::Object, Idempotent).params(ID)
}
/// A `DELETE` by integer id.
const fn delete(name: &'static str, path: &'static str, shape: Shape) -> Endpoint {
    Endpoint::new(name, Delete, path, &[], shape, Idempotent).params(ID)
}
const DATE: &[Field] = &[o("date", Str)];

/// A list paged by the `date` cursor from each last item's `updated`.
const fn by_date(name: &'static str, path: &'static str) -> Endpoint {
    Endpoint::new(name, Post, path, DATE, Shape::Array, Idempotent).cursor("date", "updated")
}

pub const LISTS_CREATE: Endpoint = Endpoint::new(
    "lists.create",
    Post,
    "/v2/lists",
    &[
        r("title", Str),
        o("local_id", Str),
        o("type", Str),
        o("contacts", IntList),
        o("phones", PhoneList),
        o("emails", StrList),
    ],
    Shape::Object,
    LocalId,
);
pub const LISTS_UPDATE: Endpoint = Endpoint::new(
    "lists.update",
    Put,
    "/v2/lists/{id}",
    &[
        o("title", Str),
        o("contacts", IntList),
        o("add_contacts", IntList),
        o("remove_contacts", IntList),
        o("add_phones", PhoneList),
        o("remove_phones", PhoneList),
        o("add_emails", StrList),
        o("remove_emails", StrList),
    ],
    Shape::Object,
    Idempotent,
)
.params(ID);
pub const LISTS_DELETE: Endpoint =
    Endpoint::new("lists.delete", Delete, "/v2/lists/{id}", &[o("contact_ids", IntList)], Shape::Object, Idempotent)
        .params(ID);

pub const LISTS_V1_CREATE: Endpoint = Endpoint::new(
    "lists.v1.create",
    Post,
    "/v1/list",
    &[r("title", Str), o("targets", Json), o("members", Json), o("local_id", Str)],
    Shape::Object,
    Unsafe,
)
.stability(Deprecated);
pub const LISTS_V1_GET: Endpoint = get("lists.v1.get", "/v1/list/{id}").stability(DeprecatedExperimental);
pub const LISTS_V1_UPDATE: Endpoint = Endpoint::new(
    "lists.v1.update",
    Put,
    "/v1/list/{id}",
    &[o("title", Str), o("add_phone", PhoneList), o("remove_phone", PhoneList), o("members", Json)],
    Shape::Any,
    Idempotent,
)
.params(ID)
.stability(Deprecated);
pub const LISTS_V1_DELETE: Endpoint =
    delete("lists.v1.delete", "/v1/list/{id}", Shape::Any).stability(DeprecatedExperimental);
pub const LISTS_V1_LIST: Endpoint = by_date("lists.v1.list", "/v1/lists").stability(DeprecatedExperimental);

const TEMPLATE: &[Field] = &[r("title", Str), r("content", Json), o("local_id", Str), o("archived", Bool)];

pub const TEMPLATES_CREATE: Endpoint =
    Endpoint::new("templates.create", Post, "/v1/template", TEMPLATE, Shape::Object, Unsafe);
pub const TEMPLATES_GET: Endpoint = get("templates.get", "/v1/template/{id}");
pub const TEMPLATES_UPDATE: Endpoint =
    Endpoint::new("templates.update", Put, "/v1/template/{id}", TEMPLATE, Shape::Any, Idempotent).params(ID);
pub const TEMPLATES_DELETE: Endpoint = delete("templates.delete", "/v1/template/{id}", Shape::Any);
pub const TEMPLATES_LIST: Endpoint = by_date("templates.list", "/v1/templates");

pub const TAGS_CREATE: Endpoint =
    Endpoint::new("tags.create", Post, "/v1/tag", &[r("tag", Str), o("color", Str)], Shape::Object, Unsafe);
pub const TAGS_GET: Endpoint = get("tags.get", "/v1/tag/{id}");
pub const TAGS_DELETE: Endpoint = delete("tags.delete", "/v1/tag/{id}", Shape::Any);
pub const TAGS_LIST: Endpoint = by_date("tags.list", "/v1/tags");

/// A scheduled send; `required` for the create.
macro_rules! schedule_fields {
    ($req:ident) => {
        &[
            $req("inbox_id", Id),
            $req("execute_at", Str),
            $req("content", Json),
            o("phone_number", Phone),
            o("conversation_id", Id),
            o("list_id", Id),
            o("targets", Json),
            o("local_id", Str),
            o("user_id", Id),
        ]
    };
}

pub const SCHEDULES_CREATE: Endpoint =
    Endpoint::new("schedules.create", Post, "/v1/schedule", schedule_fields!(r), Shape::Object, Unsafe).one_of(&[
        "phone_number",
        "conversation_id",
        "list_id",
        "targets",
    ]);
pub const SCHEDULES_GET: Endpoint = get("schedules.get", "/v1/schedule/{id}");
pub const SCHEDULES_UPDATE: Endpoint =
    Endpoint::new("schedules.update", Put, "/v1/schedule/{id}", schedule_fields!(o), Shape::Object, Idempotent)
        .params(ID)
        .stability(Experimental);

pub const SURVEYS_GET: Endpoint = get("surveys.get", "/v1/survey/{id}");
pub const SURVEYS_LIST: Endpoint =
    Endpoint::new("surveys.list", Post, "/v1/surveys", &[o("limit", Int), o("page", Int)], Shape::Array, Idempotent)
        .pages_from(1);

/// An array per the API reference; an older guide shows `{ inboxes: […] }`.
pub const INBOXES_LIST: Endpoint = Endpoint::new("inboxes.list", Get, "/v1/inboxes", &[], Shape::Any, Idempotent);
pub const TEAM_GET: Endpoint = Endpoint::new("team.get", Get, "/v1/team", &[], Shape::Object, Idempotent);
/// A GET cannot carry a body through `fetch`: one query parameter per value.
pub const USERS_LOOKUP: Endpoint = Endpoint::new(
    "users.lookup",
    Get,
    "/v1/users/get",
    &[o("phone", PhoneList).q(), o("email", StrList).q()],
    Shape::Object,
    Idempotent,
);
pub const USERS_UPDATE: Endpoint = Endpoint::new("users.update", Post, "/v1/users/update", &[], Shape::Object, Unsafe)
    .items("users", ItemTy::Object, r#"{"users":"#, "}");
