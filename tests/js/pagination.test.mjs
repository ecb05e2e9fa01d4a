// Paged list endpoints: every cursor style walks more than three pages of
// fixtures, each item once and in order, with the cursors its rule says;
// pages(), toArray({ limit }), and how a walk ends on a stuck cursor, a
// rate limit, a malformed page and an abort.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { setup, rejects, seen, drain } from "./helpers.mjs";

const time = (v) => Date.parse(v);
/** Newest first by `key`, ties by id (the mock's order for cursor lists). */
const newest = (key) => (a, b) => time(b[key]) - time(a[key]) || b.id - a.id;

// [name, params, collection, expected order, cursor: { param, from } | { page: first }]
const STYLES = [
  ["conversations.list", { id: 55, filters: { inboxes: [101, 102, 103] } }, "conversations", newest("updated"), { param: "date", from: "updated" }],
  ["contacts.list", undefined, "contacts", newest("updated"), { param: "date", from: "updated" }],
  ["templates.list", undefined, "templates", newest("updated"), { param: "date", from: "updated" }],
  ["tags.list", {}, "tags", newest("updated"), { param: "date", from: "updated" }],
  ["lists.v1.list", undefined, "lists", newest("updated"), { param: "date", from: "updated" }],
  ["messages.list", {}, "messages", newest("date"), { param: "created_at", from: "date" }],
  ["contactsV2.list", undefined, "contacts", newest("updated"), { page: 0 }],
  ["surveys.list", {}, "surveys", (a, b) => a.id - b.id, { page: 1 }],
];
const call = (hm, name, ...args) => name.split(".").reduce((n, k) => n[k], hm)(...args);
const wire = (obj) => structuredClone(obj ?? {});

describe("every cursor style walks every item once, in order", () => {
  for (const [name, params, kind, order, rule] of STYLES) {
    test(`${name}: ${rule.param ? `${rule.param} <- ${rule.from}` : `pages from ${rule.page}`}`, async () => {
      const { mock, hm } = setup();
      const expected = mock.store[kind].slice().sort(order).map((r) => r.id);
      assert.ok(expected.length > 90, "more than three pages of fixtures");
      const { items, error } = await drain(call(hm, name, params && wire(params)));
      assert.equal(error, undefined, error?.message);
      const ids = items.map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length, "no duplicates");
      assert.deepEqual(ids, expected, "every item, in order, no gaps");
      const bodies = mock.requests.map((r) => seen(r).body);
      const pages = Math.ceil(expected.length / 30);
      assert.equal(bodies.length, pages + 1, "one request per page, and one that comes back empty");
      if (rule.param) {
        assert.deepEqual(bodies[0], wire(params), "the first request carries no cursor");
        for (let i = 1; i < bodies.length; i++) {
          const n = Math.min(i * 30, items.length);
          assert.deepEqual(bodies[i], { ...wire(params), [rule.param]: items[n - 1][rule.from] }, `request ${i + 1}'s cursor is item ${n}'s ${rule.from}`);
        }
      } else {
        assert.deepEqual(bodies.map((b) => b.page), Array.from({ length: pages + 1 }, (_, i) => rule.page + i));
        assert.ok(bodies.every((b) => JSON.stringify({ ...b, page: undefined }) === JSON.stringify(wire(params))));
      }
    });
  }

  test("a caller's cursor is where the walk starts", async () => {
    const { mock, hm } = setup();
    const start = "2026-01-05T11:00:00Z";
    const { items } = await drain(hm.messages.list({ created_at: start }));
    assert.equal(items.length, 80);
    assert.ok(items.every((m) => time(m.date) < time(start)));
    assert.equal(seen(mock.requests[0]).body.created_at, start);
    const surveys = await hm.surveys.list({ page: 3 }).toArray({ limit: 1000 });
    assert.deepEqual([surveys.length, surveys[0].id], [40, 7061]);
  });

  test("every walk of one paginator starts again from the first page", async () => {
    const { mock, hm } = setup();
    const p = hm.tags.list();
    const a = (await drain(p)).items;
    const b = (await drain(p)).items;
    assert.deepEqual(b, a);
    assert.equal(mock.requests.length, 10);
    assert.equal(seen(mock.requests[5]).body.date, undefined);
  });
});

describe("pages() and toArray()", () => {
  test(".pages() yields the pages as arrays", async () => {
    const { mock, hm } = setup();
    const sizes = [];
    for await (const page of hm.tags.list().pages()) {
      assert.ok(Array.isArray(page));
      sizes.push(page.length);
    }
    assert.deepEqual(sizes, [30, 30, 30, 10]);
    assert.equal(mock.requests.length, 5);
  });

  test("breaking out of a walk sends no more requests", async () => {
    const { mock, hm } = setup();
    for await (const page of hm.contactsV2.list().pages()) {
      assert.equal(page.length, 30);
      break;
    }
    assert.equal(mock.requests.length, 1);
  });

  test(".toArray({ limit: 45 }) returns 45 items and stops requesting", async () => {
    const { mock, hm } = setup();
    const items = await hm.templates.list().toArray({ limit: 45 });
    assert.equal(items.length, 45);
    assert.deepEqual(items.map((t) => t.id), Array.from({ length: 45 }, (_, i) => 3001 + i));
    assert.equal(mock.requests.length, 2);
    assert.equal((await hm.surveys.list().toArray({ limit: 30 })).length, 30);
    assert.equal(mock.requests.length, 3, "a limit met by a full page asks for no more");
    assert.equal((await hm.surveys.list().toArray({ limit: 1000 })).length, 100);
  });

  test("toArray() without a valid limit is invalid_argument, nothing sent", async () => {
    const { mock, hm } = setup();
    for (const opts of [undefined, {}, { limit: 0 }, { limit: -1 }, { limit: 1.5 }, { limit: "10" }, null]) {
      await rejects(hm.tags.list().toArray(opts), { code: "invalid_argument", message: /limit/ });
    }
    assert.equal(mock.requests.length, 0);
  });

  test("validation errors surface on the first iteration step; the method itself returns synchronously", async () => {
    const { mock, hm } = setup();
    const bad = [() => hm.tags.list({ date: 5 }), () => hm.conversations.list({ filters: { inboxes: [101] } }), () => hm.surveys.list({ size: 3 }), () => hm.contacts.list({}, { timeoutMs: -1 })];
    for (const make of bad) {
      const p = make();
      assert.equal(Object.prototype.toString.call(p), "[object Paginator]");
      await rejects(p[Symbol.asyncIterator]().next(), { code: "invalid_argument" });
      await rejects(make().pages()[Symbol.asyncIterator]().next(), { code: "invalid_argument" });
      await rejects(make().toArray({ limit: 5 }), { code: "invalid_argument" });
    }
    await rejects(drain(hm.tags.list({ date: 5 })).then((r) => Promise.reject(r.error)), { code: "invalid_argument", message: /^tags\.list: date/ });
    assert.equal(mock.requests.length, 0);
    assert.equal((await hm.tags.list().toArray({ limit: 5 })).length, 5, "the client stays usable");
  });
});

describe("how a walk ends", () => {
  const X = "2026-01-01T00:00:00Z";

  test("a cursor that does not advance ends with invalid_response after the items before", async () => {
    const { mock, hm } = setup();
    mock.script({ json: [{ id: 1, updated: "2026-01-02T00:00:00Z" }, { id: 2, updated: X }] }, { json: [{ id: 3, updated: X }] });
    const { items, error } = await drain(hm.tags.list());
    assert.deepEqual(items.map((t) => t.id), [1, 2, 3]);
    await rejects(Promise.reject(error), { code: "invalid_response", message: /tags\.list: the "date" cursor did not advance/ });
    assert.equal(mock.requests.length, 2, "the same page is not asked for again");
    assert.equal(seen(mock.requests[1]).body.date, X);
    assert.equal((await hm.tags.list().toArray({ limit: 3 })).length, 3, "the client stays usable");
  });

  test("the same, through a route standing in for the endpoint, and for messages.list", async () => {
    const { mock, hm } = setup();
    mock.route("POST", "/v1/messages/all", (params, request, body) => ({ json: [{ id: 9, date: JSON.parse(body).created_at ?? X }] }));
    const { items, error } = await drain(hm.messages.list());
    assert.deepEqual(items.map((m) => m.id), [9, 9]);
    await rejects(Promise.reject(error), { code: "invalid_response", message: /"created_at" cursor did not advance/ });
    assert.equal(mock.requests.length, 2);
  });

  test("a last item without a string cursor field ends with invalid_response", async () => {
    const { mock, hm } = setup();
    mock.script({ json: [{ id: 1, updated: null }] });
    const { items, error } = await drain(hm.contacts.list());
    assert.deepEqual(items, [{ id: 1, updated: null }]);
    await rejects(Promise.reject(error), { code: "invalid_response", message: /no string "updated" to use as "date"/ });
  });

  test("a 429 on page 3 is retried and the walk completes without duplicates", async () => {
    for (const [name, params] of [["contacts.list"], ["contactsV2.list"], ["messages.list"], ["surveys.list"]]) {
      const { mock, hm } = setup();
      mock.script({ passthrough: true, times: 2 }, { status: 429, headers: { "retry-after": "0" }, json: { error: "rate_limited" } });
      const { items, error } = await drain(call(hm, name, params));
      assert.equal(error, undefined, `${name}: ${error?.message}`);
      const ids = items.map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length, `${name}: no duplicates`);
      const clean = setup();
      assert.deepEqual(ids, (await drain(call(clean.hm, name, params))).items.map((r) => r.id), `${name}: the same items as a clean walk`);
      assert.equal(mock.requests.length, clean.mock.requests.length + 1, `${name}: one retry`);
      assert.equal(mock.requests[2].body, mock.requests[3].body, `${name}: the retry asks for the same page`);
    }
  });

  test("a page that is not an array ends with invalid_response after the items already yielded", async () => {
    const { mock, hm } = setup();
    mock.script({ passthrough: true }, { json: { tags: [] } });
    const { items, error } = await drain(hm.tags.list());
    assert.equal(items.length, 30);
    await rejects(Promise.reject(error), { code: "invalid_response", status: 200 });
    assert.equal(mock.requests.length, 2, "not retried");
    mock.script({ passthrough: true }, { body: "<html>oops</html>", headers: { "content-type": "text/html" } });
    const again = await drain(hm.tags.list().pages());
    assert.equal(again.items.length, 1);
    await rejects(Promise.reject(again.error), { code: "invalid_response" });
    assert.equal((await hm.tags.get(4001)).id, 4001, "the client stays usable");
  });

  test("a server error on a page ends the walk with it (after retries), then the client works", async () => {
    const { mock, hm } = setup({ maxRetries: 1 });
    mock.script({ passthrough: true }, { status: 500, json: { error: "down" }, headers: { "retry-after": "0" }, times: 2 });
    const { items, error } = await drain(hm.surveys.list());
    assert.equal(items.length, 30);
    await rejects(Promise.reject(error), { code: "server_error", status: 500 });
    assert.equal(mock.requests.length, 3);
    assert.equal((await hm.surveys.list().toArray({ limit: 100 })).length, 100);
  });

  test("an abort signal stops the iteration with aborted", async () => {
    const { mock, hm } = setup();
    const ac = new AbortController();
    const seenItems = [];
    const err = await (async () => {
      for await (const t of hm.tags.list({}, { signal: ac.signal })) {
        seenItems.push(t);
        if (seenItems.length === 30) ac.abort();
      }
    })().then(() => assert.fail("expected aborted"), (e) => e);
    await rejects(Promise.reject(err), { code: "aborted" });
    assert.equal(seenItems.length, 30);
    assert.equal(mock.requests.length, 1, "nothing sent once aborted");

    const ac2 = new AbortController();
    mock.script({ passthrough: true }, { passthrough: true, delayMs: 10_000 });
    const started = Date.now();
    setTimeout(() => ac2.abort(), 50);
    const pages = await drain(hm.contactsV2.list(undefined, { signal: ac2.signal }).pages());
    await rejects(Promise.reject(pages.error), { code: "aborted" });
    assert.equal(pages.items.length, 1);
    assert.ok(Date.now() - started < 5000, "aborted mid-request, not after the delay");
    assert.equal((await hm.contactsV2.list().toArray({ limit: 31 })).length, 31, "the client stays usable");
  });
});
