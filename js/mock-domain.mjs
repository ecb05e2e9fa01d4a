// The domain rules behind the mock's route table (mock-routes.mjs): how a
// send finds its conversation, how list members change (contacts and their
// channels: mock-contacts.mjs). Each function is a `build`, `apply`,
// `check` or `run` of a generic handler (mock-handlers.mjs).

import { badData, checkFields, isObject, notFound, present } from "./mock-handlers.mjs";

export * from "./mock-contacts.mjs";

const TEAM_ID = 7;
const unique = (xs) => [...new Set(xs)];

// --- conversations ----------------------------------------------------------

export function checkInboxFilter(body) {
  const f = body.filters;
  if (!present(f)) return;
  if (!present(f.inboxes)) throw badData("filters.inboxes is required");
  if (!Array.isArray(f.inboxes) || !f.inboxes.every(Number.isInteger)) throw badData("filters.inboxes must be an array of integers");
  for (const k of ["closed", "unread"]) if (present(f[k]) && typeof f[k] !== "boolean") throw badData(`filters.${k} must be a boolean`);
}

export function conversationFilter(c, body) {
  const f = body.filters;
  if (!f) return true;
  if (f.inboxes && !f.inboxes.includes(c.inbox)) return false;
  if (typeof f.closed === "boolean" && (c.status === "closed") !== f.closed) return false;
  if (typeof f.unread === "boolean" && Boolean(c.unread) !== f.unread) return false;
  return true;
}

function newConversation(ctx, { inbox, target, type = "one_to_one", channel = "sms", name = null, user = 0 }) {
  const { store } = ctx;
  const at = store.stamp();
  return store.insert("conversations", {
    id: store.nextId("conversations"), assigned: user, blocked: false, channel, created: at, creator: user, email_noti: false,
    inbox, last_inbound: 0, local_id: null, members: [], muted: false, name, noreply: "", op: "create", read: 0, replied: false,
    snooze_till: null, status: "open", super: 0, support: false, target, type, updated: at, unread: false,
  });
}

/** The conversations a `{chat_id | target | targets, inbox_id}` body names; 404 if none. */
function conversationsOf(b, { store }) {
  if (present(b.chat_id)) return [store.get("conversations", b.chat_id)];
  const targets = present(b.target) ? [b.target] : b.targets;
  const found = store.conversations.filter((c) => c.inbox === b.inbox_id && targets.includes(c.target));
  if (!found.length) throw notFound(`Conversation not found in inbox ${b.inbox_id}`);
  return found;
}

export function conversationAction(b, ctx, apply) {
  for (const c of conversationsOf(b, ctx)) {
    apply(c, b, ctx);
    c.op = ctx.name.split(".")[1];
    c.updated = ctx.store.stamp();
  }
  return "ok";
}
export function markRead(c, b, ctx) {
  c.unread = false;
  c.read = Math.floor(ctx.store.lastStamp / 1000);
  if (Array.isArray(c.unread_users)) c.unread_users = c.unread_users.filter((u) => u !== b.user_id);
}
export function markUnread(c, b) {
  c.unread = true;
  if (Array.isArray(c.unread_users) && !c.unread_users.includes(b.user_id)) c.unread_users.push(b.user_id);
}
export function transfer(b, ctx) {
  const c = ctx.store.get("conversations", b.conversation_id);
  ctx.store.get("inboxes", b.transfer_inbox_id);
  if (c.inbox !== b.transfer_inbox_id && ctx.store.conversations.some((o) => o.inbox === b.transfer_inbox_id && o.target === c.target)) {
    throw badData("the conversation already exists in that inbox");
  }
  Object.assign(c, { inbox: b.transfer_inbox_id, op: "transfer", updated: ctx.store.stamp() });
  return "ok";
}

// --- messages ---------------------------------------------------------------

export function checkSend(b) {
  if (present(b.list_id) && !b.local_id) throw badData("local_id is required when sending to a list");
}

export function newMessage(b, ctx, { id, at }) {
  const { store } = ctx;
  let conv = null;
  if (present(b.chat_id)) conv = store.get("conversations", b.chat_id);
  else if (present(b.list_id)) store.get("lists", b.list_id);
  else {
    const target = present(b.phone_number) ? b.phone_number : b.targets.join(",");
    const type = present(b.phone_number) ? "one_to_one" : "group";
    conv = store.conversations.find((c) => c.inbox === b.inbox_id && c.target === target) ?? newConversation(ctx, { inbox: b.inbox_id, target, type, user: b.creator_id });
  }
  const template = present(b.template_id) ? store.get("templates", b.template_id) : null;
  const survey = present(b.survey_id) ? store.get("surveys", b.survey_id) : null;
  const text = b.text ?? template?.content?.text ?? survey?.question ?? "";
  const inbox = store.inboxes.find((i) => i.id === b.inbox_id);
  if (conv) Object.assign(conv, { last_msg: text, op: "update", updated: at });
  return {
    id, date: at, updated: at, type: b.private ? "private" : b.media_url || b.targets ? "mms" : "sms", status: "queued",
    user: b.creator_id, author: b.author ?? "", phone: inbox?.phone ?? "", target: conv?.target ?? "", text,
    media: b.media_url ?? "", link_url: "", local_id: b.local_id ?? null, broadcast_id: b.list_id ?? 0, flagged: false,
    super: 0, support: false, custom: { data: [], type: "" }, private: b.private === true,
    conversation: { id: conv?.id ?? 0, inbox: b.inbox_id, target: conv?.target ?? "" },
  };
}
export const sendAnswer = (m) => ({
  id: m.id, date: m.date, convo_id: m.conversation.id, queued: true, gallery_url: "", compliance_results: {},
  ...(m.local_id ? { local_id: m.local_id } : {}),
});

export function checkEmail(b) {
  for (const t of b.targets ?? []) if (!/^(to|cc|bcc):/.test(t)) throw badData("targets entries must start with to:, cc: or bcc:");
  if (!present(b.convo_id) && !b.targets?.length) throw badData("targets is required for a new email thread (or give convo_id)");
}
export function newEmail(b, ctx, { id, at }) {
  const { store } = ctx;
  const to = (b.targets ?? []).map((t) => t.replace(/^\w+:/, "")).join(",");
  const conv = present(b.convo_id)
    ? store.get("conversations", b.convo_id)
    : newConversation(ctx, { inbox: b.inbox, target: to, channel: "email", type: "email", name: b.conv_title ?? null, user: b.creator_id });
  Object.assign(conv, { last_msg: b.raw_text ?? b.text, updated: at });
  return {
    id, date: at, updated: at, type: "email", status: "queued", user: b.creator_id, author: "", phone: "", target: conv.target,
    text: b.text, raw_text: b.raw_text ?? "", media: "", link_url: "", local_id: b.local_id ?? null, broadcast_id: 0, flagged: false,
    super: 0, support: false, custom: { data: [], type: "" }, conversation: { id: conv.id, inbox: b.inbox, target: conv.target },
  };
}
export const emailAnswer = (m) => ({ id: m.id, convo_id: m.conversation.id, queued: true, date: m.date, compliance_results: {}, ...(m.local_id ? { local_id: m.local_id } : {}) });

/** `GET /v1/messages`: at most 50, newest first, before `timestamp` (Unix seconds). */
export function history(b, { q, store }) {
  return store.messages
    .filter((m) => m.target === q.phoneNumber && m.conversation?.inbox === q.inboxID && (q.timestamp === undefined || Date.parse(m.date) < q.timestamp * 1000))
    .sort((x, y) => Date.parse(y.date) - Date.parse(x.date) || y.id - x.id)
    .slice(0, 50);
}

// --- lists (v2 and v1: one collection) --------------------------------------

function addPhones(list, phones, store) {
  for (const p of phones) {
    const c = store.contacts.find((x) => x.phone === p);
    list.targets[p] = { f: c?.first ?? "", l: c?.last ?? "" };
  }
}
const removePhones = (list, phones) => phones.forEach((p) => delete list.targets[p]);
function setContacts(list, ids, store) {
  list.contacts = unique(ids);
  for (const id of list.contacts) {
    const c = store.contacts.find((x) => x.id === id);
    if (c?.phone) list.targets[c.phone] = { f: c.first, l: c.last };
  }
}

/** v1 `targets` / `members`: phone → `{f, l}` objects (or phone arrays). */
function mergeMembers(list, value, store) {
  if (Array.isArray(value)) addPhones(list, value.filter((p) => typeof p === "string"), store);
  else if (isObject(value)) for (const [p, names] of Object.entries(value)) list.targets[p] = { f: names?.f ?? "", l: names?.l ?? "" };
  else if (present(value)) throw badData("targets and members must be objects keyed by phone, or arrays of phones");
}

export function applyList(list, b, { store }) {
  if (present(b.title)) list.name = b.title;
  if (present(b.contacts)) {
    for (const id of list.contacts) removePhones(list, [store.contacts.find((x) => x.id === id)?.phone].filter(Boolean));
    setContacts(list, b.contacts, store);
  }
  if (present(b.add_contacts)) setContacts(list, [...list.contacts, ...b.add_contacts], store);
  if (present(b.remove_contacts)) {
    list.contacts = list.contacts.filter((id) => !b.remove_contacts.includes(id));
    removePhones(list, b.remove_contacts.map((id) => store.contacts.find((x) => x.id === id)?.phone).filter(Boolean));
  }
  addPhones(list, [...(b.add_phones ?? []), ...(b.add_phone ?? [])], store);
  removePhones(list, [...(b.remove_phones ?? []), ...(b.remove_phone ?? [])]);
  if (present(b.add_emails)) list.emails = unique([...list.emails, ...b.add_emails]);
  if (present(b.remove_emails)) list.emails = list.emails.filter((e) => !b.remove_emails.includes(e));
  mergeMembers(list, b.targets, store);
  mergeMembers(list, b.members, store);
}

export function newList(b, ctx, { id, uuid, at }) {
  const list = { id, uuid, name: b.title, local_id: b.local_id ?? null, type: b.type ?? "", targets: {}, contacts: [], emails: unique(b.emails ?? []) };
  Object.assign(list, { team_id: TEAM_ID, creator_id: 0, shared: true, created: at, updated: at, rev: 1, archived: false });
  applyList(list, { ...b, title: undefined, emails: undefined, add_phones: b.phones }, ctx);
  return list;
}

// --- templates, tags, schedules, users --------------------------------------

export const newTemplate = (b, ctx, { id, uuid, at }) => ({
  id, uuid, name: b.title, local_id: b.local_id ?? null, content: b.content, team_id: TEAM_ID, creator_id: 0, shared: true,
  created: at, updated: at, rev: 1, archived: b.archived === true, op: "create",
});
export function applyTemplate(t, b) {
  Object.assign(t, { name: b.title, content: b.content });
  if (present(b.local_id)) t.local_id = b.local_id;
  if (present(b.archived)) t.archived = b.archived;
}
export const newTag = (b, ctx, { id, uuid, at }) => ({ id, uuid, tag: b.tag, color: b.color ?? "", team_id: TEAM_ID, created: at, updated: at, rev: 1 });

export function applySchedule(s, b) {
  if (present(b.execute_at)) s.execute = b.execute_at;
  for (const f of ["inbox_id", "local_id", "user_id"]) if (present(b[f])) s[f] = b[f];
  if (present(b.content)) s.meta.content = b.content;
  for (const f of ["phone_number", "conversation_id", "list_id", "targets"]) if (present(b[f])) s.meta[f] = b[f];
}
export function newSchedule(b, ctx, { id, uuid, at }) {
  const meta = { campaign_id: 0, campaign_step_id: 0, campaign_target_phone: "", conversation_id: 0, list_id: 0 };
  const s = { id, uuid, execute: null, inbox_id: 0, local_id: null, user_id: 0, team_id: TEAM_ID, created: at, updated: at, op: "create", rev: 1, meta };
  applySchedule(s, b);
  return s;
}

export function lookupUsers(b, { q, store }) {
  const phones = q.phone ?? [];
  const emails = (q.email ?? []).map((e) => e.toLowerCase());
  return { memberships: store.users.filter((u) => phones.includes(u.phone) || emails.includes(String(u.email).toLowerCase())) };
}
export function updateUsers(b, { store }) {
  const memberships = b.users.map((u, i) => {
    if (!isObject(u)) throw badData(`users[${i}] must be an object`);
    checkFields(u, "id!:int first_name:str last_name:str role_id:int email:str phone:phone", `users[${i}].`);
    const rec = store.get("users", u.id);
    for (const f of ["first_name", "last_name", "role_id", "email", "phone"]) if (present(u[f])) rec[f] = u[f];
    rec.name = `${rec.first_name ?? ""} ${rec.last_name ?? ""}`.trim();
    rec.updated_at = store.stamp();
    return rec;
  });
  return { memberships };
}
