// The mock's route table: one row per Heymarket endpoint, named like the
// client's methods. Rows are data for the generic handlers of
// mock-handlers.mjs; the few domain rules (targets, channels, members) are
// the small functions of mock-domain.mjs and mock-contacts.mjs.

import { create, get, update, remove, list, count, action, idRev, idRevUuid } from "./mock-handlers.mjs";
import * as D from "./mock-domain.mjs";

const CONTACT = "phone:phone first:str last:str display_name:str email:str custom:obj avatar:str assignee_id:int tags:arr is_opted_out:bool email_suppressions:int[]";
const CONTACT_V1 = CONTACT.replace("phone:phone", "phone!:phone");
const CONTACT_V2 = `${CONTACT} contact_channels:arr`;
const CHAT = "inbox_id!:int user_id!:int chat_id:int target:phone targets:phone[]";
const CHAT_TARGET = "chat_id target targets";
const CHANNEL = `channel_type!:${D.CHANNEL_TYPES.join("|")} channel_id!:str`;
const SEND = "inbox_id!:int creator_id!:int phone_number:phone chat_id:int list_id:int targets:phone[] text:str template_id:int media_url:str survey_id:int local_id:str private:bool author:str activity_id:str";
const EMAIL = "creator_id!:int inbox!:int text!:str raw_text:str local_id:str conv_title:str targets:str[] convo_id:int";
const MESSAGES_PAGE = "created_at:time order:created_at|updated_at ascending:bool";
const CONTACTS_PAGE = "date:time order:str ascending:bool archived:bool assigned:int filter:str parent_id:int";
const TEMPLATE = "title!:str content!:obj local_id:str archived:bool";
const SCHEDULE_TARGET = "phone_number:phone conversation_id:int list_id:int targets:json";
const SCHEDULE = `inbox_id:int execute_at:time content:obj ${SCHEDULE_TARGET} local_id:str user_id:int`;
const SCHEDULE_NEW = `inbox_id!:int execute_at!:time content!:obj ${SCHEDULE_TARGET} local_id:str user_id:int`;
const SCHEDULE_ONE = "phone_number conversation_id list_id targets";
const answerId = (rec) => ({ id: rec.id });
const LIST_V2 = "title:str contacts:int[] add_contacts:int[] remove_contacts:int[] add_phones:phone[] remove_phones:phone[] add_emails:str[] remove_emails:str[]";
const DATE_PAGE = "date:time limit:int";
const messageKey = (body) => (body.order === "updated_at" ? "updated" : "date");
const conversationAction = (apply, extra = "") =>
  action({ body: `${CHAT} ${extra}`, one: CHAT_TARGET, run: (b, ctx) => D.conversationAction(b, ctx, apply) });

/** `[name, HTTP method, path, handler]`; paths in the API's `{param}` notation. */
const TABLE = [
  ["messages.send", "POST", "/v1/message/send", create("messages", { body: SEND, one: "phone_number chat_id list_id targets", check: D.checkSend, dedup: true, build: D.newMessage, answer: D.sendAnswer })],
  ["messages.sendEmail", "POST", "/v1/email/send", create("messages", { body: EMAIL, check: D.checkEmail, dedup: true, build: D.newEmail, answer: D.emailAnswer })],
  ["messages.history", "GET", "/v1/messages", action({ query: "phoneNumber!:phone inboxID!:int timestamp:int", run: D.history })],
  ["messages.list", "POST", "/v1/messages/all", list("messages", { body: `${MESSAGES_PAGE} limit:int`, cursor: "created_at", key: messageKey })],
  ["messages.count", "POST", "/v1/messages/all/count", count("messages", { body: MESSAGES_PAGE, field: "created_at", key: messageKey, answer: String })],
  ["conversations.list", "POST", "/v1/conversations", list("conversations", { body: "id!:int filters!:obj date:time limit:int", check: D.checkInboxFilter, filter: D.conversationFilter, cursor: "date" })],
  ["conversations.count", "POST", "/v1/conversations/count", count("conversations", { body: "date:time id:int filters:obj", check: D.checkInboxFilter, filter: D.conversationFilter })],
  ["conversations.get", "GET", "/v1/conversations/{id}", get("conversations")],
  ["conversations.open", "POST", "/v1/conversations/open", conversationAction((c) => (c.status = "open"))],
  ["conversations.close", "POST", "/v1/conversations/close", conversationAction((c) => (c.status = "closed"))],
  ["conversations.markRead", "POST", "/v1/conversations/read", conversationAction(D.markRead)],
  ["conversations.markUnread", "POST", "/v1/conversations/unread", conversationAction(D.markUnread)],
  ["conversations.reassign", "POST", "/v1/conversations/reassign", conversationAction((c, b) => (c.assigned = b.reassign_id), "reassign_id!:int")],
  ["conversations.transfer", "POST", "/v1/conversations/transfer", action({ body: "conversation_id!:int transfer_inbox_id!:int", run: D.transfer })],
  ["contacts.create", "POST", "/v1/contact", create("contacts", { body: CONTACT_V1, build: D.newContact, answer: idRevUuid })],
  ["contacts.get", "GET", "/v1/contact/{id}", get("contacts", { view: D.contactV1 })],
  ["contacts.update", "PUT", "/v1/contact/{id}", update("contacts", { body: CONTACT_V1, query: "overwrite:bool", apply: D.applyContactV1, answer: idRevUuid })],
  ["contacts.delete", "DELETE", "/v1/contact/{id}", remove("contacts")],
  ["contacts.lookup", "POST", "/v1/contact/get", action({ body: "phone:phone id:intish", any: "phone id", run: (b, ctx) => D.contactV1(D.findContact(b, ctx)) })],
  ["contacts.list", "POST", "/v1/contacts", list("contacts", { body: `${CONTACTS_PAGE} limit:int`, filter: D.contactFilter, cursor: "date", view: D.contactV1 })],
  ["contacts.count", "POST", "/v1/contacts/count", count("contacts", { body: CONTACTS_PAGE, filter: D.contactFilter })],
  ["contacts.status", "POST", "/v1/contact/status", action({ body: "id:int phone:phone", any: "id phone", run: (b, ctx) => D.statusOf(D.findContact(b, ctx), ctx) })],
  ["contacts.setStatus", "POST", "/v1/contact/set_status", action({ body: `id:int phone:phone status!:${D.STATUSES.join("|")}`, any: "id phone", run: D.setStatus })],
  ["contacts.batchCreate", "POST", "/v1/batch/contacts", action({ array: "contacts", query: "overwrite:bool", run: D.batchCreate })],
  ["contacts.fields.list", "POST", "/v1/contact-fields", action({ run: (b, ctx) => ctx.store.fields })],
  ["contacts.fields.create", "POST", "/v1/contacts/fields", action({ array: "fields", items: "title!:str", run: D.createFields })],
  ["contactsV2.create", "POST", "/v2/contact", create("contacts", { body: `${CONTACT} contact_channels!:arr`, check: D.checkChannels, build: D.newContact, answer: idRevUuid })],
  ["contactsV2.get", "GET", "/v2/contact/{contactID}", get("contacts", { key: "uuid" })],
  ["contactsV2.update", "PUT", "/v2/contact/{contactID}", update("contacts", { key: "uuid", body: CONTACT_V2, check: D.checkChannels, apply: D.applyContact, answer: (rec) => rec })],
  ["contactsV2.delete", "DELETE", "/v2/contact/{contactID}", remove("contacts", { key: "uuid" })],
  ["contactsV2.bulkUpsert", "POST", "/v2/contacts", action({ body: "contacts!:arr", run: D.bulkUpsert })],
  ["contactsV2.bulkDelete", "DELETE", "/v2/contacts", action({ body: "contact_channels!:arr", run: D.bulkDelete })],
  ["contactsV2.list", "POST", "/v2/contacts/list", list("contacts", { body: "limit:int page:int date:time ascending:bool", cursor: "page0" })],
  ["contactsV2.search", "POST", "/v2/contacts/search", action({ body: "contact_channels!:arr", run: D.search })],
  ["contactsV2.channels.add", "POST", "/v2/contact/{contactID}/channel", action({ body: CHANNEL, run: D.addChannel })],
  ["contactsV2.channels.update", "PUT", "/v2/contact/{contactID}/channel", action({ body: CHANNEL, run: D.updateChannel })],
  ["contactsV2.channels.get", "GET", "/v2/contact/{contactID}/channel/{channelType}", action({ run: D.getChannel })],
  ["lists.create", "POST", "/v2/lists", create("lists", { body: "title!:str local_id:str type:str contacts:int[] phones:phone[] emails:str[]", dedup: true, build: D.newList, answer: idRevUuid })],
  ["lists.update", "PUT", "/v2/lists/{id}", update("lists", { body: LIST_V2, apply: D.applyList, answer: idRev })],
  ["lists.delete", "DELETE", "/v2/lists/{id}", remove("lists", { body: "contact_ids:int[]", answer: (rec) => ({ deleted: true, id: rec.id }) })],
  ["lists.v1.create", "POST", "/v1/list", create("lists", { body: "title!:str targets:json members:json local_id:str", build: D.newList, answer: (rec) => rec })],
  ["lists.v1.get", "GET", "/v1/list/{id}", get("lists")],
  ["lists.v1.update", "PUT", "/v1/list/{id}", update("lists", { body: "title:str add_phone:phone[] remove_phone:phone[] members:json", apply: D.applyList, answer: (rec) => rec })],
  ["lists.v1.delete", "DELETE", "/v1/list/{id}", remove("lists")],
  ["lists.v1.list", "POST", "/v1/lists", list("lists", { body: DATE_PAGE, cursor: "date" })],
  ["templates.create", "POST", "/v1/template", create("templates", { body: TEMPLATE, build: D.newTemplate })],
  ["templates.get", "GET", "/v1/template/{id}", get("templates")],
  ["templates.update", "PUT", "/v1/template/{id}", update("templates", { body: TEMPLATE, apply: D.applyTemplate })],
  ["templates.delete", "DELETE", "/v1/template/{id}", remove("templates")],
  ["templates.list", "POST", "/v1/templates", list("templates", { body: DATE_PAGE, cursor: "date" })],
  ["tags.create", "POST", "/v1/tag", create("tags", { body: "tag!:str color:str", build: D.newTag })],
  ["tags.get", "GET", "/v1/tag/{id}", get("tags")],
  ["tags.delete", "DELETE", "/v1/tag/{id}", remove("tags")],
  ["tags.list", "POST", "/v1/tags", list("tags", { body: DATE_PAGE, cursor: "date" })],
  ["schedules.create", "POST", "/v1/schedule", create("schedules", { body: SCHEDULE_NEW, one: SCHEDULE_ONE, build: D.newSchedule, answer: answerId })],
  ["schedules.get", "GET", "/v1/schedule/{id}", get("schedules")],
  ["schedules.update", "PUT", "/v1/schedule/{id}", update("schedules", { body: SCHEDULE, apply: D.applySchedule, answer: answerId })],
  ["surveys.get", "GET", "/v1/survey/{id}", get("surveys")],
  ["surveys.list", "POST", "/v1/surveys", list("surveys", { body: "limit:int page:int", cursor: "page1" })],
  ["inboxes.list", "GET", "/v1/inboxes", action({ run: (b, ctx) => ctx.store.inboxes })],
  ["team.get", "GET", "/v1/team", action({ run: (b, ctx) => ctx.store.team })],
  ["users.lookup", "GET", "/v1/users/get", action({ query: "phone:phone[] email:str[]", run: D.lookupUsers })],
  ["users.update", "POST", "/v1/users/update", action({ body: "users!:arr", run: D.updateUsers })],
];

/** The route rows: `{ name, method, path, run }`. */
export const ROUTES = Object.freeze(TABLE.map(([name, method, path, run]) => Object.freeze({ name, method, path, run })));

/** `[name, HTTP method, path]` of every built-in route, e.g. `["messages.send", "POST", "/v1/message/send"]`. */
export const MOCK_ENDPOINTS = Object.freeze(TABLE.map(([name, method, path]) => Object.freeze([name, method, path])));
