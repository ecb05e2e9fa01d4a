// Contacts behind the mock's route table: v1 (integer id) and v2 (UUID and
// channels) share one collection, so a contact created either way reads back
// both ways. Each function is a `build`, `apply`, `check` or `run` of a
// generic handler (mock-handlers.mjs).

import { addressed, badData, checkFields, isObject, isPhone, notFound, present } from "./mock-handlers.mjs";

export const CHANNEL_TYPES = ["phone", "email", "facebook", "instagram", "whatsapp"];
export const STATUSES = ["active", "blocked", "unblocked", "subscribed", "unsubscribed"];
const TEAM_ID = 7;

// --- contacts (v1 and v2: one collection, integer id + UUID) ---------------

export const contactV1 = ({ contact_channels, ...rest }) => rest;

/** Append a new ContactChannel to `contact`. */
function pushChannel(contact, type, value, store, at) {
  const channel = { id: store.nextId("channels"), team_id: TEAM_ID, contact_id: contact.uuid, channel_type: type, channel_id: value };
  contact.contact_channels.push(Object.assign(channel, { channel_handle: value, info_channel: false, created: at, updated: at }));
  return channel;
}

/** The channel of `contact` of this type set to `value` (added when absent). */
function setChannel(contact, type, value, store) {
  const existing = contact.contact_channels.find((c) => c.channel_type === type);
  const at = store.lastStamp ? new Date(store.lastStamp).toISOString() : contact.updated;
  if (existing) return Object.assign(existing, { channel_id: value, channel_handle: value, updated: at });
  return pushChannel(contact, type, value, store, at);
}

export function checkChannels(b) {
  if (!present(b.contact_channels)) return;
  if (!b.contact_channels.length) throw badData("contact_channels must not be empty");
  b.contact_channels.forEach((ch, i) => {
    if (!isObject(ch)) throw badData(`contact_channels[${i}] must be an object`);
    checkFields(ch, `channel_type!:${CHANNEL_TYPES.join("|")} channel_id!:str`, `contact_channels[${i}].`);
  });
}

export function applyContact(rec, b, ctx, { overwrite = true } = {}) {
  for (const f of ["first", "last", "display_name", "email", "phone", "avatar", "tags", "is_opted_out", "email_suppressions"]) if (present(b[f])) rec[f] = b[f];
  if (present(b.assignee_id)) rec.assigned_user_id = b.assignee_id;
  if (present(b.custom)) rec.custom = overwrite ? { ...b.custom } : { ...rec.custom, ...b.custom };
  if (present(b.contact_channels)) {
    rec.contact_channels = [];
    for (const ch of b.contact_channels) setChannel(rec, ch.channel_type, ch.channel_id, ctx.store);
    rec.phone = rec.contact_channels.find((c) => c.channel_type === "phone")?.channel_id ?? rec.phone;
    rec.email = rec.contact_channels.find((c) => c.channel_type === "email")?.channel_id ?? rec.email;
  }
  if (present(b.phone)) setChannel(rec, "phone", b.phone, ctx.store);
  if (present(b.email) && b.email) setChannel(rec, "email", b.email, ctx.store);
}
/** `PUT /v1/contact/{id}?overwrite=`: custom fields replaced with `overwrite=true`, merged otherwise. */
export const applyContactV1 = (rec, b, ctx) => applyContact(rec, b, ctx, { overwrite: ctx.q.overwrite === true });

export function newContact(b, ctx, { id, uuid, at }) {
  const rec = {
    id, uuid, display_name: "", first: "", last: "", email: "", phone: "", custom: {}, avatar: "", team_id: TEAM_ID, creator_id: 0,
    shared: true, created: at, updated: at, rev: 1, op: "create", assigned_user_id: 0, tags: [], is_opted_out: false, parent_id: 0, contact_channels: [],
  };
  applyContact(rec, b, ctx);
  if (!present(b.display_name)) rec.display_name = `${rec.first} ${rec.last}`.trim();
  return rec;
}

/** By `phone` (wins when both are given) or `id`; 404 if unknown. */
export function findContact(b, { store }) {
  if (present(b.phone)) {
    const found = store.contacts.findLast((c) => c.phone === b.phone);
    if (!found) throw notFound("Contact not found");
    return found;
  }
  return store.get("contacts", Number(b.id));
}

export function contactFilter(c, b) {
  if (present(b.assigned) && c.assigned_user_id !== b.assigned) return false;
  if (present(b.parent_id) && c.parent_id !== b.parent_id) return false;
  if (present(b.archived) && Boolean(c.archived) !== b.archived) return false;
  if (present(b.filter) && b.filter) {
    const needle = b.filter.toLowerCase();
    return [c.display_name, c.first, c.last, c.phone, c.email].some((v) => String(v ?? "").toLowerCase().includes(needle));
  }
  return true;
}

export const statusOf = (c, { store }) => ({
  id: c.id, phone: c.phone, unsubscribed: c.is_opted_out === true, blocked: store.blocked.has(c.id),
  unsubscribed_admin: c.is_opted_out === true, unsubscribed_contact: false,
});
export function setStatus(b, ctx) {
  const c = findContact(b, ctx);
  const { blocked } = ctx.store;
  if (b.status === "blocked") blocked.add(c.id);
  if (b.status === "unblocked" || b.status === "active") blocked.delete(c.id);
  if (b.status === "unsubscribed") c.is_opted_out = true;
  if (b.status === "subscribed" || b.status === "active") c.is_opted_out = false;
  ctx.store.touch(c);
  return "success";
}

/** `POST /v1/batch/contacts`: existing phones skipped unless `overwrite=true`; `"ok"` or the failed contacts. */
export function batchCreate(contacts, ctx) {
  const { store } = ctx;
  const failed = [];
  for (const item of contacts) {
    const bad = !isObject(item) || !isPhone(item.phone) || ["first", "last", "display_name", "email"].some((f) => present(item[f]) && typeof item[f] !== "string");
    if (bad) {
      failed.push(item);
      continue;
    }
    const existing = store.contacts.find((c) => c.phone === item.phone);
    if (existing && ctx.q.overwrite === true) store.touch((applyContact(existing, item, ctx), existing));
    else if (!existing) store.insert("contacts", newContact(item, ctx, { id: store.nextId("contacts"), uuid: store.uuid(), at: store.stamp() }));
  }
  return failed.length ? failed : "ok";
}

export function createFields(fields, { store }) {
  return fields.map(({ title }) => {
    const existing = store.fields.find((f) => f.title.toLowerCase() === title.toLowerCase());
    if (existing) return { id: existing.id, title: existing.title, duplicate: true };
    const field = store.insert("fields", { id: store.nextId("fields"), title });
    return { id: field.id, title, duplicate: false };
  });
}

/** `POST /v2/contacts`: an element with `contact_id` updates, without creates. */
export function bulkUpsert(b, ctx) {
  const { store } = ctx;
  const contacts = [];
  const failed_contacts = [];
  for (const item of b.contacts) {
    try {
      if (!isObject(item)) throw badData("a contact must be an object");
      checkFields(item, "contact_id:str phone:phone first:str last:str display_name:str email:str custom:obj contact_channels:arr");
      checkChannels(item);
      if (present(item.contact_id)) {
        const rec = store.get("contacts", item.contact_id.toLowerCase(), "uuid");
        applyContact(rec, item, ctx);
        contacts.push(store.touch(rec));
      } else {
        if (!item.contact_channels?.length && !present(item.phone) && !present(item.email)) throw badData("contact_channels is required");
        contacts.push(store.insert("contacts", newContact(item, ctx, { id: store.nextId("contacts"), uuid: store.uuid(), at: store.stamp() })));
      }
    } catch (e) {
      if (!e.code) throw e;
      failed_contacts.push({ contact: item, error: e.message });
    }
  }
  return { contacts, failed_contacts };
}

/** `DELETE /v2/contacts`: exactly one `{channel_type: "id", channel_ids}` entry. */
export function bulkDelete(b, { store }) {
  const [entry, ...more] = b.contact_channels;
  if (!isObject(entry) || more.length || entry.channel_type !== "id") throw badData('contact_channels must hold exactly one entry with channel_type "id"');
  if (!Array.isArray(entry.channel_ids) || !entry.channel_ids.every((s) => typeof s === "string")) throw badData("contact_channels[0].channel_ids must be an array of strings");
  const ids = new Set(entry.channel_ids.map((s) => s.toLowerCase()));
  for (const c of store.contacts.filter((x) => ids.has(x.uuid))) store.remove("contacts", c);
  return "ok";
}

const inferType = (id) => (/^\d{7,15}$/.test(id) ? "phone" : id.includes("@") ? "email" : null);
export function search(b, { store }) {
  const wanted = b.contact_channels.flatMap((entry, i) => {
    if (!isObject(entry)) throw badData(`contact_channels[${i}] must be an object`);
    checkFields(entry, "channel_type:str channel_ids!:str[]", `contact_channels[${i}].`);
    return entry.channel_ids.map((id) => [entry.channel_type ?? inferType(id), id]);
  });
  const matches = (c) =>
    wanted.some(([type, id]) => (type === "id" ? c.uuid === id.toLowerCase() : c.contact_channels.some((ch) => (type === null || ch.channel_type === type) && ch.channel_id === id)));
  return store.contacts.filter(matches);
}

const syncScalar = (contact, ch) => {
  if (ch.channel_type === "phone") contact.phone = ch.channel_id;
  if (ch.channel_type === "email") contact.email = ch.channel_id;
};
export function addChannel(b, ctx) {
  const contact = addressed(ctx, "contacts", "uuid");
  if (!contact.contact_channels.some((c) => c.channel_type === b.channel_type && c.channel_id === b.channel_id)) {
    const ch = pushChannel(contact, b.channel_type, b.channel_id, ctx.store, ctx.store.stamp());
    if (!contact[b.channel_type]) syncScalar(contact, ch);
    ctx.store.touch(contact);
  }
  return contact.contact_channels;
}
export function updateChannel(b, ctx) {
  const contact = addressed(ctx, "contacts", "uuid");
  ctx.store.touch(contact);
  const ch = setChannel(contact, b.channel_type, b.channel_id, ctx.store);
  syncScalar(contact, ch);
  return ch;
}
export function getChannel(b, ctx) {
  const type = ctx.params.channelType;
  if (!CHANNEL_TYPES.includes(type)) throw badData(`channelType must be one of ${CHANNEL_TYPES.join(", ")}`);
  const ch = addressed(ctx, "contacts", "uuid").contact_channels.find((c) => c.channel_type === type);
  if (!ch) throw notFound("Channel not found");
  return ch;
}
