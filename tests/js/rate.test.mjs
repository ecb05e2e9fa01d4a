// The `rateLimit` option: at most `limit` requests start in any `windowMs`
// window, in one client or shared through a store; waits honour the signal
// and the timeout budget. The mock enforces the same sliding window with 429s.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Heymarket, memoryStore } from "heymarket-wasm";
import { createMockHeymarket, FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";
import { rejects } from "./helpers.mjs";

const BASE = "http://127.0.0.1:1";
const WINDOW = { limit: 20, windowMs: 500 };
const send = (hm, i) => hm.messages.send({ inbox_id: 101, creator_id: 55, phone_number: `1415555${String(1000 + i)}`, text: `n${i}` });

test("100 sends through a limited client: all succeed, no 429 at the mock, each local_id once, close to the ideal time", async () => {
  const mock = createMockHeymarket({ rateLimit: WINDOW });
  const before = mock.store.messages.length;
  const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, rateLimit: WINDOW });
  // A warm client (the first call compiles the module's code paths), then an empty window.
  await hm.team.get();
  await new Promise((r) => setTimeout(r, WINDOW.windowMs + 100));
  const t0 = Date.now();
  const sent = await Promise.all(Array.from({ length: 100 }, (_, i) => send(hm, i)));
  const elapsed = Date.now() - t0;
  assert.equal(mock.rateLimited, 0, "no 429 seen");
  assert.equal(mock.store.messages.length - before, 100);
  assert.equal(new Set(sent.map((m) => m.local_id)).size, 100, "every local_id once");
  // Starts at 0, 500, 1000, 1500, 2000 ms (plus the limiter's 50 ms margin a window): the ideal is 2 s.
  assert.ok(elapsed >= 1900 && elapsed < 3200, `took ${elapsed} ms`);
});

test("without the limiter the same burst meets 429s (the mock's window is real)", async () => {
  const mock = createMockHeymarket({ rateLimit: WINDOW });
  const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, rateLimit: false, maxRetries: 0 });
  const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => send(hm, i)));
  assert.ok(mock.rateLimited >= 20, `${mock.rateLimited} 429s`);
  assert.ok(results.some((r) => r.status === "rejected" && r.reason.code === "rate_limited"));
});

test("two clients sharing a memoryStore stay under one budget together", async () => {
  const mock = createMockHeymarket({ rateLimit: WINDOW });
  const store = memoryStore();
  const a = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, rateLimit: { ...WINDOW, store } });
  const b = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, rateLimit: { ...WINDOW, store } });
  await Promise.all(Array.from({ length: 60 }, (_, i) => send(i % 2 ? a : b, i)));
  assert.equal(mock.rateLimited, 0);
});

test("Heymarket's own base URL gets 500 a minute by default: the 501st start waits (here past its timeout)", async () => {
  const fetch = async () => new Response('{"id":1,"name":"Team"}', { status: 200, headers: { "content-length": "22" } });
  const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, fetch });
  assert.equal(hm.baseUrl, "https://api.heymarket.com");
  for (let i = 0; i < 500; i++) await hm.team.get();
  await rejects(hm.team.get({ timeoutMs: 200 }), { code: "timeout", message: /waited for the rate limit/ });
  const unlimited = new Heymarket({ ...FIXTURE_CREDENTIALS, fetch, rateLimit: false });
  for (let i = 0; i < 600; i++) await unlimited.team.get();
});

test("a wait for the limiter honours the caller's signal", async () => {
  const mock = createMockHeymarket();
  const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, rateLimit: { limit: 1, windowMs: 10_000 } });
  await hm.team.get();
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  await rejects(hm.team.get({ signal: controller.signal }), { code: "aborted" });
  assert.equal(mock.requests.length, 1, "the waiting call sent nothing");
});

test("a store is asked take(key, limit, windowMs); its waits are honoured; its key is no secret; its failures are typed", async () => {
  const asked = [];
  let answers = [40, 0];
  const store = { take: async (...args) => (asked.push(args), answers.shift() ?? 0) };
  const mock = createMockHeymarket();
  const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, rateLimit: { limit: 7, windowMs: 900, store } });
  const t0 = Date.now();
  await hm.team.get();
  assert.ok(Date.now() - t0 >= 35, "waited as the store said");
  assert.equal(asked.length, 2);
  const [key, limit, windowMs] = asked[0];
  assert.deepEqual([limit, windowMs], [7, 950], "the window with the 50 ms travel margin");
  assert.match(key, /^heymarket:[A-Za-z0-9_-]{10,}$/);
  assert.ok(!key.includes(FIXTURE_CREDENTIALS.secretKey) && !key.includes(FIXTURE_CREDENTIALS.secretId));
  const other = new Heymarket({ secretId: "another-id", secretKey: "another-key", baseUrl: BASE, fetch: mock.fetch, rateLimit: { limit: 7, windowMs: 900, store } });
  await other.team.get().catch(() => {}); // the mock knows only the fixture credentials
  assert.notEqual(asked.at(-1)[0], key, "other credentials, another key");
  const failing = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, rateLimit: { limit: 7, windowMs: 900, store: { take: async () => { throw new Error("redis down"); } } } });
  await rejects(failing.team.get(), { code: "network", message: /rate-limit store failed.*redis down/ });
  const odd = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, rateLimit: { limit: 7, windowMs: 900, store: { take: async () => "soon" } } });
  await rejects(odd.team.get(), { code: "network", message: /did not answer a number/ });
});

test("bad rateLimit options are invalid_argument", () => {
  for (const rateLimit of [true, "500/min", { limit: 0, windowMs: 1000 }, { limit: 5 }, { limit: 5, windowMs: 1.5 }, { limit: 5, windowMs: 1000, store: {} }, { limit: 5, windowMs: 1000, extra: 1 }]) {
    assert.throws(() => new Heymarket({ ...FIXTURE_CREDENTIALS, rateLimit }), (e) => e.code === "invalid_argument" && /rateLimit/.test(e.message), JSON.stringify(rateLimit));
  }
});
