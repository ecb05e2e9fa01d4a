// Sending at scale: N sends through the mock (in-process), which enforces a
// scaled sliding window with 429s, by four senders — messages.sendMany with
// the client's rate limiter; naive Promise.all over a client with
// rateLimit: false; a sequential loop over that client; and the bottleneck
// package wrapped around its calls. Then the limiter's own cost per request.
import Bottleneck from "bottleneck";
import { Heymarket } from "../dist/node.mjs";
import { createMockHeymarket, FIXTURE_CREDENTIALS } from "../js/mock.mjs";
import { median } from "./lib.mjs";

const smoke = process.argv.includes("--smoke");
const N = smoke ? 200 : 2000;
const WINDOW = smoke ? { limit: 50, windowMs: 500 } : { limit: 500, windowMs: 5000 };
const BASE = "http://127.0.0.1:1";
const item = (i) => ({ inbox_id: 101, creator_id: 55, phone_number: `1415${String(5000000 + i)}`, text: `broadcast ${i}` });
const items = Array.from({ length: N }, (_, i) => item(i));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function run(name, send) {
  const mock = createMockHeymarket({ rateLimit: WINDOW });
  const before = mock.store.messages.length;
  const t0 = performance.now();
  const outcomes = await send(mock);
  const ms = performance.now() - t0;
  const sent = mock.store.messages.slice(before);
  const texts = sent.map((m) => m.text);
  const failed = outcomes.filter((o) => !o.ok).length;
  const result = {
    name,
    ms,
    idealPct: (IDEAL_MS / ms) * 100,
    rateLimited: mock.rateLimited,
    requests: mock.requests.length,
    failed,
    stored: sent.length,
    duplicates: texts.length - new Set(texts).size,
  };
  await sleep(WINDOW.windowMs + 100); // the next sender starts with an empty window
  return result;
}

// The least time any sender that keeps to the window needs: the last window
// starts (windows - 1) × windowMs after the first, and its `limit` sends take
// at least as long as `limit` sends with no limit at all (measured here: the
// mock's work, JWT checks included, is part of it).
async function burstMs() {
  const mock = createMockHeymarket();
  const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, rateLimit: false });
  const batch = items.slice(0, WINDOW.limit);
  await hm.messages.sendMany(batch); // warm
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await hm.messages.sendMany(batch, { batchKey: String(i) });
    times.push(performance.now() - t0);
  }
  return median(times);
}
const BURST_MS = await burstMs();
const IDEAL_MS = (Math.ceil(N / WINDOW.limit) - 1) * WINDOW.windowMs + BURST_MS;

const client = (rateLimit) => (mock) => new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, rateLimit });
const settle = (p) => p.then((value) => ({ ok: true, value }), (error) => ({ ok: false, error }));

const results = [];
results.push(await run("heymarket-wasm sendMany (rateLimit)", (mock) => client(WINDOW)(mock).messages.sendMany(items)));
results.push(await run("naive Promise.all (rateLimit: false)", (mock) => {
  const hm = client(false)(mock);
  return Promise.all(items.map((p) => settle(hm.messages.send(p))));
}));
results.push(await run("sequential loop (rateLimit: false)", async (mock) => {
  const hm = client(false)(mock);
  const out = [];
  for (const p of items) out.push(await settle(hm.messages.send(p)));
  return out;
}));
results.push(await run("bottleneck (reservoir per window) around send", (mock) => {
  const hm = client(false)(mock);
  const limiter = new Bottleneck({ reservoir: WINDOW.limit, reservoirRefreshAmount: WINDOW.limit, reservoirRefreshInterval: WINDOW.windowMs, maxConcurrent: 64 });
  return Promise.all(items.map((p) => settle(limiter.schedule(() => hm.messages.send(p)))));
}));

// The limiter's own cost: the same call with the in-memory window (never
// full) and without, through a fetch that answers at once, in short blocks
// alternating order (drift and GC hit both alike); the median of the
// per-block differences. An A/A pair (two clients without it) shows the
// method's noise floor.
const answer = JSON.stringify({ id: 1, name: "Team" });
const fetch = async () => new Response(answer, { status: 200, headers: { "content-type": "application/json", "content-length": String(answer.length) } });
const make = (rateLimit) => new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch, rateLimit });
const limited = make({ limit: 1e9, windowMs: 1000 });
const unlimited = make(false);
const control = make(false);
const BLOCK = 300;
const ROUNDS = smoke ? 20 : 400;
async function perCall(hm) {
  const t0 = performance.now();
  for (let i = 0; i < BLOCK; i++) await hm.team.get();
  return ((performance.now() - t0) * 1000) / BLOCK;
}
for (let i = 0; i < 10; i++) for (const hm of [limited, unlimited, control]) await perCall(hm);
async function paired(a, b) {
  const diffs = [];
  const as = [];
  const bs = [];
  for (let r = 0; r < ROUNDS; r++) {
    const [first, second] = r % 2 ? [b, a] : [a, b];
    const t1 = await perCall(first);
    const t2 = await perCall(second);
    const [ta, tb] = r % 2 ? [t2, t1] : [t1, t2];
    as.push(ta);
    bs.push(tb);
    diffs.push(ta - tb);
  }
  return { aUs: median(as), bUs: median(bs), diffUs: median(diffs) };
}
const withLimiter = await paired(limited, unlimited);
const aa = await paired(control, unlimited);
console.log(JSON.stringify({ node: process.version, N, window: WINDOW, idealMs: IDEAL_MS, burstMs: BURST_MS, results, limiter: { withUs: withLimiter.aUs, withoutUs: withLimiter.bUs, costUs: withLimiter.diffUs, noiseUs: aa.diffUs } }));
