// Request overhead: the client against a do-it-yourself baseline (global
// fetch + a node:crypto JWT per request + res.json()), over HTTP to a server
// in another process at several concurrencies, and through an in-process
// fetch (no network) for the per-call overhead in µs.
import { createHmac } from "node:crypto";
import { Heymarket } from "../dist/node.mjs";
// With HM_BENCH_BEFORE=<a built checkout of an earlier commit>, that build
// runs as one more candidate in the same process and rounds.
const Before = process.env.HM_BENCH_BEFORE ? (await import(`${process.env.HM_BENCH_BEFORE}/dist/node.mjs`)).Heymarket : undefined;
import { CONVERSATIONS } from "../js/fixtures.mjs";
import { interleave, median, percentile } from "./lib.mjs";

const smoke = process.argv.includes("--smoke");
const port = Number(process.argv[2]);
const base = `http://127.0.0.1:${port}`;
const secretId = "bench-secret-id";
const secretKey = "bench-secret-key-0123456789abcdefghijklmnopqrstuvwxyz";
const key = `${secretId}||${secretKey}`;
const HEADER = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url");
const fixture = CONVERSATIONS[0];

function diyToken() {
  const data = `${HEADER}.${Buffer.from(JSON.stringify({ iss: secretId, iat: Math.floor(Date.now() / 1000) })).toString("base64url")}`;
  return `${data}.${createHmac("sha256", key).update(data).digest("base64url")}`;
}
async function diy(fetchFn, id, signal) {
  const res = await fetchFn(`${base}/v1/conversations/${id}`, { headers: { authorization: `Bearer ${diyToken()}`, accept: "application/json" }, signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

const client = new Heymarket({ secretId, secretKey, baseUrl: base });
const beforeClient = Before && new Before({ secretId, secretKey, baseUrl: base });
const candidates = {
  "heymarket-wasm": () => client.conversations.get(fixture.id),
  ...(beforeClient && { "heymarket-wasm (before)": () => beforeClient.conversations.get(fixture.id) }),
  "DIY fetch + node:crypto": () => diy(fetch, fixture.id),
  "DIY + AbortSignal.timeout": () => diy(fetch, fixture.id, AbortSignal.timeout(30_000)),
  // No auth at all: the ceiling any client could reach over this transport.
  "raw fetch + json (no auth, upper bound)": async () => (await fetch(`${base}/v1/conversations/${fixture.id}`)).json(),
};

// Correctness first: both return the fixture.
const same = (a) => JSON.stringify(a) === JSON.stringify(fixture);
const correct = {};
for (const [name, f] of Object.entries(candidates)) correct[name] = same(await f());

/** Run `total` requests at `concurrency`; req/s and per-request latencies. */
async function load(f, concurrency, total) {
  const lat = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) {
        const s = performance.now();
        await f();
        lat.push(performance.now() - s);
      }
    }),
  );
  return { rps: (total / (performance.now() - t0)) * 1000, p50: median(lat), p99: percentile(lat, 99) };
}

const http = {};
for (const c of [1, 16, 64]) {
  const total = smoke ? 200 : c === 1 ? 3000 : 8000;
  for (const f of Object.values(candidates)) await load(f, c, smoke ? 50 : 500); // warm-up
  const detail = Object.fromEntries(Object.keys(candidates).map((k) => [k, []]));
  const r = await interleave(Object.keys(candidates), {
    rounds: smoke ? 2 : 5,
    baseline: "DIY fetch + node:crypto",
    measure: async (name) => {
      const m = await load(candidates[name], c, total);
      detail[name].push(m);
      return m.rps;
    },
  });
  http[c] = Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k, { ...v, p50: median(detail[k].map((d) => d.p50)), p99: median(detail[k].map((d) => d.p99)) }]),
  );
}

// In-process: the same work minus the network. Each call gets a fresh Response
// with the headers the HTTP server sends (Content-Length included); the
// "chunked" row answers without Content-Length, so the client streams the body
// under its 16 MiB cap instead of calling json().
const body = JSON.stringify(fixture);
const headers = { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "x-request-id": "r" };
const local = () => Promise.resolve(new Response(body, { status: 200, headers }));
const chunked = () => Promise.resolve(new Response(body, { status: 200, headers: { "content-type": "application/json", "x-request-id": "r" } }));
const localClient = new Heymarket({ secretId, secretKey, baseUrl: base, fetch: local });
const chunkedClient = new Heymarket({ secretId, secretKey, baseUrl: base, fetch: chunked });
const localBefore = Before && new Before({ secretId, secretKey, baseUrl: base, fetch: local });
const inproc = {
  "heymarket-wasm": () => localClient.conversations.get(fixture.id),
  "heymarket-wasm, answer without Content-Length": () => chunkedClient.conversations.get(fixture.id),
  ...(localBefore && { "heymarket-wasm (before)": () => localBefore.conversations.get(fixture.id) }),
  "DIY fetch + node:crypto": () => diy(local, fixture.id),
  "DIY + AbortSignal.timeout": () => diy(local, fixture.id, AbortSignal.timeout(30_000)),
  "raw fetch + json (no auth)": async () => (await local(`${base}/v1/conversations/${fixture.id}`, {})).json(),
};
for (const [name, f] of Object.entries(inproc)) correct[`in-process ${name}`] = same(await f());
const usPerCall = async (name) => {
  const n = smoke ? 2000 : 30000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await inproc[name]();
  return ((performance.now() - t0) * 1000) / n;
};
for (const name of Object.keys(inproc)) await usPerCall(name);
const perCall = await interleave(Object.keys(inproc), {
  rounds: smoke ? 2 : 7,
  baseline: "DIY fetch + node:crypto",
  measure: async (name) => 1 / (await usPerCall(name)), // higher is better
});

console.log(JSON.stringify({ node: process.version, correct, http, inproc: Object.fromEntries(Object.entries(perCall).map(([k, v]) => [k, { us: 1 / v.score, ratio: v.ratio }])) }));
