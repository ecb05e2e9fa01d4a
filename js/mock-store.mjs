// The mock's in-memory store: one per mock instance, seeded with fixtures.
// Collections are plain arrays (tests read them: `mock.store.messages`);
// ids are allocated above the fixtures' and UUIDs from a counter, so a run
// is deterministic given the same requests. Also: the cursor and page rules
// of the list endpoints.

import { createFixtures, fixtureUuid } from "./fixtures.mjs";

/** An error answered as `{"error": code, "message": message}`. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
export const badData = (message) => new ApiError(400, "bad_data", message);
export const notFound = (message) => new ApiError(404, "not_found", message);

/** Collections, and the singular label used in 404 messages. */
export const KINDS = Object.freeze({
  conversations: "Conversation",
  messages: "Message",
  contacts: "Contact",
  templates: "Template",
  tags: "Tag",
  lists: "List",
  schedules: "Schedule",
  surveys: "Survey",
  inboxes: "Inbox",
  users: "User",
  fields: "Contact field",
});

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Milliseconds of an RFC 3339 timestamp, or a 400 naming `field`. */
export function parseTime(value, field) {
  const ms = typeof value === "string" && RFC3339.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw badData(`${field} must be an RFC 3339 timestamp`);
  return ms;
}
const timeOf = (value) => (typeof value === "string" ? Date.parse(value) : NaN);

/**
 * @param {{ now: () => number, conversations?: object[] }} options
 */
export function createStore({ now, conversations }) {
  const store = {};
  const hidden = (name, value) => Object.defineProperty(store, name, { value, enumerable: false, writable: true, configurable: true });

  hidden("seed", () => {
    const data = createFixtures({ conversations });
    for (const kind of Object.keys(KINDS)) store[kind] = data[kind];
    store.team = data.team;
    hidden("nextIds", {});
    hidden("uuidCounter", 0);
    hidden("dedup", new Map());
    hidden("blocked", new Set());
    // New records are stamped after every fixture, so they list first.
    let latest = 0;
    for (const kind of Object.keys(KINDS)) for (const r of store[kind]) latest = Math.max(latest, timeOf(r.updated) || 0);
    hidden("lastStamp", latest);
    return store;
  });

  /** A fresh id for `kind`, above every id seen in it. */
  hidden("nextId", (kind) => {
    const list = kind === "channels" ? store.contacts.flatMap((c) => c.contact_channels ?? []) : store[kind];
    const seen = list.reduce((m, r) => (Number.isInteger(r.id) && r.id > m ? r.id : m), 0);
    store.nextIds[kind] = Math.max(store.nextIds[kind] ?? 0, seen) + 1;
    return store.nextIds[kind];
  });
  hidden("uuid", () => fixtureUuid(0x9e3779b9, ++store.uuidCounter));
  /** The current time as RFC 3339, strictly increasing within the store. */
  hidden("stamp", () => {
    store.lastStamp = Math.max(now(), store.lastStamp + 1);
    return new Date(store.lastStamp).toISOString();
  });
  hidden("count", (kind) => {
    if (!Array.isArray(store[kind])) throw new TypeError(`unknown collection ${kind}`);
    return store[kind].length;
  });
  /** The record of `kind` whose `key` is `value`, or a 404. */
  hidden("get", (kind, value, key = "id") => {
    const rec = store[kind].find((r) => r[key] === value);
    if (!rec) throw notFound(`${KINDS[kind]} not found`);
    return rec;
  });
  hidden("insert", (kind, rec) => (store[kind].push(rec), rec));
  hidden("remove", (kind, rec) => {
    const i = store[kind].indexOf(rec);
    if (i >= 0) store[kind].splice(i, 1);
    return rec;
  });
  /** Mark a record written: bump `rev`, `updated` and `op`. */
  hidden("touch", (rec, op = "update") => {
    if ("rev" in rec) rec.rev = (rec.rev ?? 0) + 1;
    if ("op" in rec) rec.op = op;
    rec.updated = store.stamp();
    return rec;
  });

  return store.seed();
}

/**
 * One page of `items` under a cursor rule:
 * - `date` / `created_at`: items whose `key` is strictly before the cursor,
 *   newest first (strictly after, oldest first, with `ascending`);
 * - `page0` / `page1`: `page` numbers from 0 / 1, in `key` order.
 * A page past the end is `[]`. Page size: `limit`, default 30.
 */
export function paginate(items, { cursor, key, body }) {
  const limit = body.limit ?? 30;
  if (!Number.isInteger(limit) || limit < 1) throw badData("limit must be a positive integer");
  const ascending = body.ascending === true;
  const sorted = items
    .map((item) => [timeOf(item[key]), item])
    .sort((a, b) => (ascending ? a[0] - b[0] : b[0] - a[0]) || (ascending ? a[1].id - b[1].id : b[1].id - a[1].id));
  const bound = (field) => {
    if (body[field] === undefined || body[field] === null) return sorted;
    const at = parseTime(body[field], field);
    return sorted.filter(([t]) => (ascending ? t > at : t < at));
  };
  if (cursor === "date" || cursor === "created_at") return bound(cursor).slice(0, limit).map(([, item]) => item);
  const first = cursor === "page0" ? 0 : 1;
  const page = body.page ?? first;
  if (!Number.isInteger(page) || page < first) throw badData(`page must be an integer >= ${first}`);
  const list = cursor === "page1" ? items.slice().sort((a, b) => a.id - b.id).map((item) => [0, item]) : bound("date");
  return list.slice((page - first) * limit, (page - first + 1) * limit).map(([, item]) => item);
}

/** How many items a cursor-less count sees (`field` bounds them like a list). */
export function countItems(items, { key, field, body }) {
  if (body[field] === undefined || body[field] === null) return items.length;
  const at = parseTime(body[field], field);
  return items.filter((item) => (body.ascending === true ? timeOf(item[key]) > at : timeOf(item[key]) < at)).length;
}
