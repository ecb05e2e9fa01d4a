// Black-box fuzzing of the whole client: thousands of hostile arguments
// (wrong types, symbols, BigInt, Proxies and getters that throw, frozen and
// null-prototype objects, prototype-polluting keys, megabyte strings, lone
// surrogates, deep nesting, cycles) thrown at every method through a
// counting stub fetch. Every call settles within its timeout with a value
// or a HeymarketError whose code is documented; an invalid_argument sends
// nothing; Object.prototype is unchanged; the client still answers a normal
// call. Seeded (HM_FUZZ_SEED to replay; the seed is printed on failure).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Heymarket, HeymarketError, endpointTable, normalizePhone, verifyWebhook, signJwt } from "heymarket-wasm";
import { FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";

const require = createRequire(import.meta.url);
const dts = readFileSync(join(dirname(require.resolve("heymarket-wasm/package.json")), "js/index.d.ts"), "utf8");
const union = /export type HeymarketErrorCode =([\s\S]*?);/.exec(dts)[1];
const CODES = new Set([...union.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]));
const SEED = Number(process.env.HM_FUZZ_SEED ?? Date.now() % 1e9);
const CALLS_PER_METHOD = Number(process.env.HM_FUZZ_CALLS ?? 150);

/** mulberry32: a small seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MEGA = "x".repeat(1 << 20);
const deepArray = () => {
  let v = [];
  for (let i = 0; i < 10_000; i++) v = [v];
  return v;
};
const cyclic = () => {
  const o = { a: 1 };
  o.self = o;
  return o;
};
const throwingProxy = () =>
  new Proxy({}, Object.fromEntries(["get", "has", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf", "set", "defineProperty"].map((t) => [t, () => { throw new Error(`trap ${t}`); }])));
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const getterThrows = () => Object.defineProperty({}, "inbox_id", { enumerable: true, get() { throw new Error("getter"); } });

/** Hostile values, each made fresh. */
const HOSTILE = [
  () => undefined, () => null, () => true, () => 0, () => -0, () => NaN, () => Infinity, () => -Infinity, () => 1e308, () => 2 ** 53, () => -1, () => 1.5,
  () => "", () => MEGA, () => "\ud800", () => "a\udc00b", () => "\u0000", () => "../..", () => "a/b?c#d", () => "__proto__", () => "14155550123",
  () => Symbol("s"), () => 10n, () => () => {}, () => ({}), () => [], () => [1, "2", null], deepArray, cyclic, () => Object.create(null),
  () => Object.freeze({ a: 1 }), throwingProxy, revoked, getterThrows, () => JSON.parse('{"__proto__": {"polluted": 1}}'),
  () => ({ constructor: { prototype: { polluted: 1 } } }), () => new Date(NaN), () => new Map([[1, 2]]), () => new Uint8Array(4),
  () => ({ toJSON() { throw new Error("toJSON"); } }), () => ({ valueOf() { throw new Error("valueOf"); }, toString() { throw new Error("toString"); } }),
  () => Object.assign(Object.create({ inherited: 1 }), { own: 2 }), () => new (class Custom {})(), () => new Error("e"),
];

/** A plausible value for a field, so that some calls get past validation. */
function plausible(field, r) {
  switch (field.type) {
    case "integer":
    case "id":
      return 1 + Math.floor(r() * 1000);
    case "string":
      return r() < 0.5 ? "text" : "ü\u{1F600}";
    case "boolean":
      return r() < 0.5;
    case "phone":
      return "+1 415 555 0123";
    case "string[]":
      return ["a", "b"];
    case "integer[]":
      return [1, 2];
    case "phone[]":
      return ["14155550123"];
    case "json":
      return { nested: [1, { a: "b" }] };
    case "enum":
      return field.values[Math.floor(r() * field.values.length)];
    default:
      return null;
  }
}

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const hostile = (r) => pick(r, HOSTILE)();

function params(r, row) {
  const roll = r();
  if (roll < 0.15) return hostile(r); // the params object itself
  const out = roll < 0.25 ? Object.create(null) : {};
  const n = Math.floor(r() * 5);
  for (let i = 0; i < n; i++) {
    const f = row.fields.length && r() < 0.8 ? pick(r, row.fields) : undefined;
    const key = f ? f.name : pick(r, ["__proto__", "constructor", "prototype", "toString", "", "x".repeat(300), "\ud800"]);
    const value = f && r() < 0.5 ? plausible(f, r) : hostile(r);
    if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  if (r() < 0.1) Object.freeze(out);
  return out;
}

function args(r, row) {
  const list = [];
  for (const p of row.params) list.push(r() < 0.6 ? (p.type === "id" ? 1 + Math.floor(r() * 100) : p.type === "uuid" ? "a1b2c3d4-0000-4000-8000-000000000000" : pick(r, p.values)) : hostile(r));
  if (row.items) list.push(r() < 0.5 ? [row.items.item === "uuid" ? "a1b2c3d4-0000-4000-8000-000000000000" : { phone: "14155550123" }] : hostile(r));
  list.push(params(r, row));
  const roll = r();
  if (roll < 0.3) list.push({ timeoutMs: 200, maxRetries: 0 });
  else if (roll < 0.4) list.push(hostile(r));
  if (r() < 0.05) list.push(hostile(r), hostile(r)); // too many arguments
  return list;
}

/** A stub fetch that counts requests and answers a plausible or odd body. */
function stub(r) {
  const s = { count: 0 };
  const answers = [
    () => new Response("{}", { status: 200, headers: { "content-type": "application/json" } }),
    () => new Response("[]", { status: 200, headers: { "content-type": "application/json" } }),
    () => new Response('"ok"', { status: 200, headers: { "content-type": "application/json" } }),
    () => new Response('{"id": 1, "local_id": "x"}', { status: 200 }),
    () => new Response("<html>502</html>", { status: 502, headers: { "content-type": "text/html" } }),
    () => new Response('{"error": "bad"}', { status: 400 }),
    () => new Response("[{\"id\":", { status: 200 }),
  ];
  s.normal = false;
  s.fetch = async () => {
    s.count++;
    return s.normal ? new Response('{"id": 7, "name": "Team"}', { status: 200 }) : pick(r, answers)();
  };
  return s;
}

const method = (hm, name) => name.split(".").reduce((node, k) => node?.[k], hm);
const protoKeys = () => Reflect.ownKeys(Object.prototype).map(String).sort().join(",");

test(`every method settles with a value or a documented HeymarketError on hostile input (seed ${SEED})`, { timeout: 600_000 }, async () => {
  const r = prng(SEED);
  const s = stub(r);
  const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: "http://127.0.0.1:1", fetch: s.fetch, timeoutMs: 1000, maxRetries: 0 });
  const before = protoKeys();
  const tally = { calls: 0, values: 0, errors: {} };
  for (const row of endpointTable()) {
    for (let i = 0; i < CALLS_PER_METHOD; i++) {
      const a = args(r, row);
      const sent = s.count;
      let outcome;
      const settled = (async () => {
        const ret = method(hm, row.name)(...a);
        if (row.paging) {
          if (r() < 0.5) return ret.toArray({ limit: 3 });
          const items = [];
          for await (const item of ret) if (items.push(item) >= 3) break;
          return items;
        }
        return ret;
      })().then(
        (value) => (outcome = { value }),
        (error) => (outcome = { error }),
      );
      const guard = new Promise((res) => setTimeout(res, 5000).unref());
      await Promise.race([settled, guard]);
      const where = `seed ${SEED}: ${row.name} call ${i}`;
      assert.ok(outcome, `${where} did not settle within its timeout`);
      tally.calls++;
      if ("error" in outcome) {
        const e = outcome.error;
        assert.ok(e instanceof HeymarketError, `${where}: not a HeymarketError: ${e?.stack ?? String(e)}`);
        assert.ok(CODES.has(e.code), `${where}: undocumented code ${e.code}`);
        assert.equal(typeof e.message, "string");
        if (e.code === "invalid_argument") assert.equal(s.count, sent, `${where}: invalid_argument after sending (${e.message})`);
        tally.errors[e.code] = (tally.errors[e.code] ?? 0) + 1;
      } else tally.values++;
    }
  }
  assert.equal(protoKeys(), before, "Object.prototype is unchanged");
  assert.equal({}.polluted, undefined);
  assert.ok(tally.values > 0 && tally.errors.invalid_argument > 0, JSON.stringify(tally));
  // The same client still answers a normal call.
  s.normal = true;
  assert.equal((await hm.team.get()).id, 7);
  console.log(`fuzz: ${JSON.stringify(tally)}`);
});

test(`the free functions and messages.sendMany settle or throw HeymarketError on hostile input (seed ${SEED})`, async () => {
  const r = prng(SEED + 1);
  const s = stub(r);
  const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: "http://127.0.0.1:1", fetch: s.fetch, maxRetries: 0 });
  for (let i = 0; i < 1500; i++) {
    const a = hostile(r);
    const b = hostile(r);
    for (const [name, fn] of [
      ["normalizePhone", () => normalizePhone(a, b)],
      ["signJwt", () => signJwt(r() < 0.5 ? a : { secretId: a, secretKey: b, iat: hostile(r) })],
      ["verifyWebhook", () => verifyWebhook(a, r() < 0.5 ? b : { token: "t" })],
      ["new Heymarket", () => new Heymarket(r() < 0.5 ? a : { ...FIXTURE_CREDENTIALS, [pick(r, ["timeoutMs", "fetch", "rateLimit", "logger", "baseUrl"])]: a })],
      ["messages.sendMany", () => hm.messages.sendMany(r() < 0.5 ? a : [a, b, { inbox_id: 1, creator_id: 2, phone_number: "14155550123", text: "t" }], r() < 0.5 ? b : { concurrency: 2, timeoutMs: 500 })],
    ]) {
      try {
        const value = await fn();
        if (name === "messages.sendMany") {
          assert.ok(Array.isArray(value), `seed ${SEED}: sendMany resolved to ${typeof value}`);
          for (const item of value) {
            if (!item.ok) assert.ok(item.error instanceof HeymarketError && CODES.has(item.error.code), `seed ${SEED}: sendMany item error ${item.error?.stack ?? item.error}`);
          }
        }
      } catch (e) {
        assert.ok(e instanceof HeymarketError, `seed ${SEED}: ${name}: not a HeymarketError: ${e?.stack ?? String(e)}`);
        assert.ok(CODES.has(e.code), `seed ${SEED}: ${name}: undocumented code ${e.code}`);
      }
    }
  }
  assert.equal({}.polluted, undefined);
});
