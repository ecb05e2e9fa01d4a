// `messages.sendMany`: results in input order, one bad item never stops the
// batch, local_ids derived so a batch run again sends nothing twice, progress,
// concurrency, abort, and the scaled-window run of the issue through the mock.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Heymarket, HeymarketError } from "heymarket-wasm";
import { createMockHeymarket, FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";
import { rejects, seen } from "./helpers.mjs";

const BASE = "http://127.0.0.1:1";
const item = (i, extra = {}) => ({ inbox_id: 101, creator_id: 55, phone_number: `1415555${String(1000 + i)}`, text: `n${i}`, ...extra });
const client = (mock, extra = {}) => new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, ...extra });
const sends = (mock) => mock.requests.map(seen).filter((r) => r.path === "/v1/message/send");

test("100 sends through sendMany under a scaled window: all succeed, no 429, each local_id once at the mock, close to the ideal time", async () => {
  const window = { limit: 20, windowMs: 2000 };
  const mock = createMockHeymarket({ rateLimit: window });
  const hm = client(mock, { rateLimit: window });
  const before = mock.store.messages.length;
  const progress = [];
  const t0 = Date.now();
  const results = await hm.messages.sendMany(Array.from({ length: 100 }, (_, i) => item(i)), { concurrency: 16, onProgress: (p) => progress.push(p) });
  const elapsed = Date.now() - t0;
  assert.equal(results.length, 100);
  assert.ok(results.every((r) => r.ok), results.find((r) => !r.ok)?.error?.message);
  assert.equal(mock.rateLimited, 0, "no 429 seen");
  assert.equal(mock.store.messages.length - before, 100);
  const ids = sends(mock).map((r) => r.body.local_id);
  assert.equal(ids.length, 100);
  assert.equal(new Set(ids).size, 100, "every local_id once");
  const idOf = new Map(sends(mock).map((r) => [r.body.text, r.body.local_id]));
  results.forEach((r, i) => assert.equal(r.value.local_id, idOf.get(`n${i}`), "results in input order"));
  // Starts at 0, 2, 4, 6, 8 s (plus the 50 ms margin a window): the ideal is 8 s.
  // The bound above leaves 30 % for a loaded 2-core machine running other suites.
  assert.ok(elapsed >= 7900 && elapsed < 10_500, `took ${elapsed} ms`);
  assert.equal(progress.length, 100);
  assert.deepEqual(progress.at(-1), { done: 100, failed: 0, total: 100 });
});

test("one bad item fails alone, in its place; the rest are sent", async () => {
  const mock = createMockHeymarket();
  const hm = client(mock);
  const items = [item(0), { ...item(1), inbox_id: "x" }, item(2), null, { ...item(4), phone_number: "12" }, item(5)];
  const results = await hm.messages.sendMany(items);
  assert.deepEqual(results.map((r) => r.ok), [true, false, true, false, false, true]);
  for (const i of [1, 3, 4]) {
    assert.ok(results[i].error instanceof HeymarketError);
    assert.equal(results[i].error.code, "invalid_argument");
  }
  assert.match(results[1].error.message, /inbox_id/);
  assert.equal(sends(mock).length, 3, "bad items send nothing");
});

test("the same batch run again derives the same local_ids, so nothing is sent twice", async () => {
  const mock = createMockHeymarket();
  const items = [item(0), item(1), item(1), item(2, { local_id: "mine-1" })];
  const first = await client(mock).messages.sendMany(items);
  const stored = mock.store.messages.length;
  // A new client (a restarted process) with the same credentials, the items in another order, minus one.
  const again = await client(mock).messages.sendMany([items[3], items[2], items[1]]);
  assert.equal(mock.store.messages.length, stored, "the API de-duplicated every re-sent item");
  const ids = first.map((r) => r.value.local_id);
  assert.equal(ids[3], "mine-1", "the caller's local_id is kept");
  assert.notEqual(ids[1], ids[2], "two identical items are two messages");
  assert.deepEqual(new Set(again.map((r) => r.value.local_id)), new Set([ids[1], ids[2], ids[3]]));
  for (const id of ids.slice(0, 3)) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // Another batchKey, or other credentials, derive other ids.
  const keyed = await client(mock).messages.sendMany([items[0]], { batchKey: "monday" });
  assert.notEqual(keyed[0].value.local_id, ids[0]);
  const other = new Heymarket({ secretId: "x", secretKey: "y", baseUrl: BASE, fetch: async (url, init) => new Response(init.body, { status: 200 }) });
  const [o] = await other.messages.sendMany([items[0]]);
  assert.notEqual(o.value.local_id, ids[0]);
  // Key order in an item does not change its id.
  const reordered = Object.fromEntries(Object.entries(items[0]).reverse());
  const [r] = await client(mock).messages.sendMany([reordered]);
  assert.equal(r.value.local_id, ids[0]);
});

test("concurrency bounds the requests in flight; async iterables are read in order", async () => {
  let inFlight = 0;
  let most = 0;
  const fetch = async (url, init) => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    return new Response(init.body, { status: 200, headers: { "content-type": "application/json" } }); // the request, echoed
  };
  const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch });
  async function* gen() {
    for (let i = 0; i < 30; i++) {
      await new Promise((r) => setTimeout(r, i % 3));
      yield item(i);
    }
  }
  const progress = [];
  const results = await hm.messages.sendMany(gen(), { concurrency: 3, onProgress: (p) => progress.push(p) });
  assert.equal(most, 3);
  assert.deepEqual(results.map((r) => r.value.text), Array.from({ length: 30 }, (_, i) => `n${i}`));
  assert.deepEqual(progress.at(-1), { done: 30, failed: 0, total: undefined });
  const sync = await hm.messages.sendMany(new Set([item(1), item(2)]), { concurrency: 1 });
  assert.deepEqual(sync.map((r) => r.value.text), ["n1", "n2"]);
  assert.deepEqual(await hm.messages.sendMany([]), []);
});

test("an abort stops starting items and marks the rest aborted; the client keeps working", async () => {
  const mock = createMockHeymarket();
  const hm = client(mock);
  const controller = new AbortController();
  const results = await hm.messages.sendMany(Array.from({ length: 20 }, (_, i) => item(i)), {
    concurrency: 2,
    signal: controller.signal,
    onProgress: ({ done }) => done === 4 && controller.abort(),
  });
  assert.equal(results.length, 20);
  const ok = results.filter((r) => r.ok).length;
  assert.ok(ok >= 4 && ok <= 6, `${ok} sent`);
  assert.ok(results.slice(ok + 1).every((r) => !r.ok && r.error.code === "aborted" && r.error instanceof HeymarketError));
  assert.ok(sends(mock).length <= 6, `${sends(mock).length} requests`);
  const already = await hm.messages.sendMany([item(1), item(2)], { signal: controller.signal });
  assert.deepEqual(already.map((r) => r.error.code), ["aborted", "aborted"]);
  assert.equal(typeof (await hm.messages.send(item(99))).id, "number");
});

test("a throwing onProgress does not stop the batch; a throwing iterable rejects after the items in flight", async () => {
  const mock = createMockHeymarket();
  const hm = client(mock);
  const results = await hm.messages.sendMany([item(0), item(1)], { onProgress: () => { throw new Error("ui gone"); } });
  assert.ok(results.every((r) => r.ok));
  function* broken() {
    yield item(5);
    throw new Error("source failed");
  }
  await rejects(hm.messages.sendMany(broken(), { concurrency: 1 }), { code: "invalid_argument", message: /reading the items failed: source failed/ });
  assert.equal(sends(mock).at(-1).body.text, "n5", "the item read before the failure was sent");
});

test("bad sendMany arguments are invalid_argument and send nothing", async () => {
  const mock = createMockHeymarket();
  const hm = client(mock);
  const cases = [
    [undefined, /items must be an array or an \(async\) iterable/],
    ["abc", /items must be/],
    [{}, /items must be/],
    [[item(0)], /options must be an object/, null],
    [[item(0)], /concurrency must be a whole number/, { concurrency: 0 }],
    [[item(0)], /concurrency/, { concurrency: 1.5 }],
    [[item(0)], /signal must be an AbortSignal/, { signal: {} }],
    [[item(0)], /onProgress must be a function/, { onProgress: 1 }],
    [[item(0)], /batchKey must be a string/, { batchKey: 3 }],
    [[item(0)], /unknown option "concurency"/, { concurency: 2 }],
    [new Proxy([], { get() { throw new Error("trap"); } }), /items or options could not be read: trap/],
    [[item(0)], /items or options could not be read: getter/, Object.defineProperty({}, "concurrency", { enumerable: true, get() { throw new Error("getter"); } })],
  ];
  for (const [items, message, options] of cases) {
    await rejects(hm.messages.sendMany(items, options), { code: "invalid_argument", message });
  }
  const [bad] = await hm.messages.sendMany([item(0)], { timeoutMs: -1 });
  assert.equal(bad.error.code, "invalid_argument");
  assert.equal(mock.requests.length, 0);
});
