// Shared by the endpoint, params, pagination, writes, bodies, credentials and
// webhook suites: a client on the in-process mock, the error assertion, and
// readers of what the mock saw.
import assert from "node:assert/strict";
import { Heymarket, HeymarketError } from "heymarket-wasm";
import { createMockHeymarket, FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A fresh mock (fresh store) and a client talking to it in-process. */
export function setup(options = {}) {
  const mock = createMockHeymarket();
  const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: "http://127.0.0.1:1", fetch: mock.fetch, ...options });
  return { mock, hm };
}

/** Await a rejection that must be a HeymarketError with these fields (RegExp: matched). */
export async function rejects(promise, fields = {}) {
  const err = await Promise.resolve(promise).then(
    (v) => assert.fail(`expected a rejection, got ${JSON.stringify(v)?.slice(0, 200)}`),
    (e) => e,
  );
  assert.ok(err instanceof HeymarketError, `not a HeymarketError: ${err?.stack ?? err}`);
  assert.equal(err.name, "HeymarketError");
  for (const [k, v] of Object.entries(fields)) {
    if (v instanceof RegExp) assert.match(String(err[k]), v, `${k}: ${err.message}`);
    else assert.equal(err[k], v, `${k}: ${err.message}`);
  }
  return err;
}

/** A synchronous throw that must be a HeymarketError with these fields. */
export function throws(fn, fields = {}) {
  let err;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err !== undefined, "expected a throw");
  return rejects(Promise.reject(err), fields);
}

/** The client method at `name` (`contactsV2.channels.get`). */
export function method(hm, name) {
  const fn = name.split(".").reduce((node, key) => node?.[key], hm);
  assert.equal(typeof fn, "function", `hm.${name} is not a function`);
  return fn;
}

/** One recorded request as `{ method, path, query, body, contentType }` (body parsed; undefined when empty). */
export function seen(request) {
  const url = new URL(request.url);
  const raw = request.body;
  return {
    method: request.method,
    path: url.pathname,
    query: url.search,
    body: raw === null || raw === "" ? undefined : JSON.parse(raw),
    contentType: request.headers["content-type"],
  };
}

/** Every item of a paged method, walking with for-await; also returns the error that ended it, if any. */
export async function drain(iterable) {
  const items = [];
  try {
    for await (const item of iterable) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

/** The first page of a paginator (one request). */
export async function firstPage(paginator) {
  for await (const page of paginator.pages()) return page;
  return [];
}

/** `[name, ...]` of every function under the client's namespaces. */
export const NAMESPACES = ["messages", "conversations", "contacts", "contactsV2", "lists", "templates", "tags", "schedules", "surveys", "inboxes", "team", "users"];
export function clientMethods(hm) {
  const names = [];
  const walk = (node, prefix) => {
    for (const [k, v] of Object.entries(node ?? {})) {
      if (typeof v === "function") names.push(`${prefix}${k}`);
      else if (v && typeof v === "object") walk(v, `${prefix}${k}.`);
    }
  };
  for (const ns of NAMESPACES) walk(hm[ns], `${ns}.`);
  return names.sort();
}

export { Heymarket, HeymarketError, createMockHeymarket, FIXTURE_CREDENTIALS };
