// The core client's validation, resilience after every kind of error, fromEnv and the browser guard.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { Heymarket, HeymarketError } from "heymarket-wasm";
import { createMockHeymarket, FIXTURE_CREDENTIALS, CONVERSATIONS } from "heymarket-wasm/mock";
import { clientHelpers } from "./client-helpers.mjs";

const { secretId, secretKey } = FIXTURE_CREDENTIALS;
const conv = CONVERSATIONS[0];
const { setup, rejects } = clientHelpers({ Heymarket, HeymarketError, createMockHeymarket, FIXTURE_CREDENTIALS });

describe("validation", () => {
  const badIds = [-1, 0, 1.5, NaN, Infinity, -Infinity, "abc", "12", null, undefined, 2 ** 53, 12n, {}, [], true];
  test("every bad id is invalid_argument with zero requests", async () => {
    const { mock, hm } = setup();
    for (const id of badIds) {
      await rejects(hm.conversations.get(id), { code: "invalid_argument", status: undefined });
    }
    assert.equal(mock.requests.length, 0);
    assert.deepEqual(await hm.conversations.get(2 ** 53 - 1).catch((e) => e.code), "not_found");
  });

  test("bad request options are invalid_argument with zero requests", async () => {
    const { mock, hm } = setup();
    for (const opts of [null, "x", { timeoutMs: 0 }, { timeoutMs: "5" }, { maxRetries: -1 }, { maxRetries: 11 }, { signal: {} }, { retries: 1 }]) {
      await rejects(hm.conversations.get(conv.id, opts), { code: "invalid_argument" });
    }
    assert.equal(mock.requests.length, 0);
  });

  test("bad constructor options are invalid_argument", () => {
    const ok = { secretId, secretKey };
    const bad = [
      undefined,
      null,
      "key",
      [],
      {},
      { secretKey },
      { secretId },
      { secretId: "", secretKey },
      { secretId, secretKey: "" },
      { secretId: 5, secretKey },
      { secretId, secretKey: ` ${secretKey}\n` },
      { ...ok, baseUrl: "http://api.heymarket.com" },
      { ...ok, baseUrl: "api.heymarket.com" },
      { ...ok, baseUrl: "ftp://api.heymarket.com" },
      { ...ok, baseUrl: "https://user:pw@api.heymarket.com" },
      { ...ok, baseUrl: "http://10.0.0.1" },
      { ...ok, baseUrl: 42 },
      { ...ok, fetch: "fetch" },
      { ...ok, timeoutMs: -1 },
      { ...ok, timeoutMs: "100" },
      { ...ok, maxRetries: 1.5 },
      { ...ok, now: 5 },
      { ...ok, dangerouslyAllowBrowser: "yes" },
      { ...ok, secretkey: "typo" },
    ];
    for (const o of bad) {
      assert.throws(() => new Heymarket(o), (e) => e instanceof HeymarketError && e.code === "invalid_argument", inspect(o));
    }
  });

  test("option errors name the field and what it got; a throwing getter is invalid_argument", async () => {
    const ok = { secretId, secretKey };
    for (const [opts, re] of [
      [{ ...ok, timeoutMs: "100" }, /^timeoutMs must be a number, got string$/],
      [{ ...ok, baseUrl: null }, /^baseUrl must be a string, got null$/],
      [{ ...ok, maxRetries: 2n }, /^maxRetries must be a number, got bigint$/],
      [{ ...ok, fetch: {} }, /^fetch must be a function, got object$/],
      [{ ...ok, dangerouslyAllowBrowser: 1 }, /^dangerouslyAllowBrowser must be a boolean, got number$/],
      [{ ...ok, secretkey: "x" }, /^unknown client option "secretkey"; expected one of secretId, secretKey, apiKey, baseUrl/],
      [{ ...ok, get timeoutMs() { throw new Error("getter"); } }, /could not be read/],
    ]) {
      assert.throws(() => new Heymarket(opts), (e) => e instanceof HeymarketError && e.code === "invalid_argument" && re.test(e.message) && !e.message.includes(secretKey), String(re));
    }
    // undefined means "not given", as before.
    assert.equal(new Heymarket({ ...ok, baseUrl: undefined, timeoutMs: undefined }).baseUrl, "https://api.heymarket.com");
    const { mock, hm } = setup();
    for (const [opts, re] of [
      [{ timeoutMs: null }, /^conversations\.get: timeoutMs must be a number, got null$/],
      [{ signal: "abort" }, /^conversations\.get: signal must be an AbortSignal$/],
      [{ retries: 1 }, /^conversations\.get: unknown request option "retries"; expected one of signal, timeoutMs, maxRetries$/],
      [{ get signal() { throw new Error("getter"); } }, /could not be read/],
    ]) {
      await rejects(hm.conversations.get(conv.id, opts), { code: "invalid_argument", message: re });
    }
    assert.equal(mock.requests.length, 0);
    assert.equal((await hm.conversations.get(conv.id, { timeoutMs: undefined })).id, conv.id);
  });

  test("loopback http base URLs are allowed and normalised", () => {
    for (const [given, want] of [
      ["http://127.0.0.1:8080/", "http://127.0.0.1:8080"],
      ["http://localhost:3000", "http://localhost:3000"],
      ["http://[::1]:3000", "http://[::1]:3000"],
      ["https://api.heymarket.com/", "https://api.heymarket.com"],
    ]) {
      assert.equal(new Heymarket({ secretId, secretKey, baseUrl: given }).baseUrl, want);
    }
    assert.equal(new Heymarket({ secretId, secretKey }).baseUrl, "https://api.heymarket.com");
  });
});

describe("resilience", () => {
  test("a long-lived signal keeps no listener after each call (success, error, retry)", async () => {
    const { mock, hm } = setup({ maxRetries: 1 });
    const ac = new AbortController();
    let live = 0;
    const add = ac.signal.addEventListener.bind(ac.signal);
    const remove = ac.signal.removeEventListener.bind(ac.signal);
    ac.signal.addEventListener = (type, fn, o) => (type === "abort" && live++, add(type, fn, o));
    ac.signal.removeEventListener = (type, fn, o) => (type === "abort" && live--, remove(type, fn, o));
    for (let i = 0; i < 20; i++) await hm.conversations.get(conv.id, { signal: ac.signal });
    mock.script({ status: 503, headers: { "retry-after": "0" } });
    await hm.conversations.get(conv.id, { signal: ac.signal });
    mock.script({ status: 404 });
    await assert.rejects(hm.conversations.get(conv.id, { signal: ac.signal }));
    assert.equal(live, 0, "every abort listener added was removed");
  });

  test("no timer outlives a call", async () => {
    const { hm } = setup();
    const live = new Set();
    const { setTimeout: st, clearTimeout: ct } = globalThis;
    globalThis.setTimeout = (...a) => {
      const t = st(...a);
      live.add(t);
      return t;
    };
    globalThis.clearTimeout = (t) => (live.delete(t), ct(t));
    try {
      for (let i = 0; i < 10; i++) await hm.conversations.get(conv.id);
    } finally {
      globalThis.setTimeout = st;
      globalThis.clearTimeout = ct;
    }
    assert.equal(live.size, 0, "each attempt's deadline timer was cleared");
  });

  test("a Response-like object with throwing getters is a typed error, never a raw exception", async () => {
    const boom = () => {
      throw new Error("getter");
    };
    for (const res of [
      Object.defineProperty({ json: async () => ({}) }, "status", { get: boom }),
      { status: 200, json: boom },
      Object.defineProperty({ status: 500, text: async () => "" }, "headers", { get: boom }),
      { status: 200, headers: { get: boom }, json: async () => "not an object" },
    ]) {
      const hm = new Heymarket({ secretId, secretKey, maxRetries: 0, fetch: async () => res });
      const err = await hm.conversations.get(conv.id).then(() => assert.fail("expected a rejection"), (e) => e);
      assert.ok(err instanceof HeymarketError, String(err));
      assert.ok(["invalid_response", "server_error", "network"].includes(err.code), err.code);
    }
  });

  test("the same client keeps working after every kind of error", async () => {
    const { mock, hm } = setup({ timeoutMs: 50, maxRetries: 0 });
    await assert.rejects(hm.conversations.get("nope"));
    mock.script({ status: 404 });
    await assert.rejects(hm.conversations.get(conv.id));
    mock.script({ hang: true });
    await assert.rejects(hm.conversations.get(conv.id));
    mock.script({ status: 200, body: "<html>" });
    await assert.rejects(hm.conversations.get(conv.id));
    mock.script({ networkError: true });
    await assert.rejects(hm.conversations.get(conv.id));
    await assert.rejects(hm.conversations.get(conv.id, { signal: AbortSignal.abort() }));
    assert.deepEqual(await hm.conversations.get(conv.id), conv);
  });

  test("re-entrant use: a fetch that calls the same client again", async () => {
    const mock = createMockHeymarket();
    let inner;
    const hm = new Heymarket({
      secretId,
      secretKey,
      fetch: (url, init) => {
        if (!inner && url.endsWith(`/${conv.id}`)) inner = hm.conversations.get(CONVERSATIONS[1].id);
        return mock.fetch(url, init);
      },
    });
    assert.deepEqual(await hm.conversations.get(conv.id), conv);
    assert.deepEqual(await inner, CONVERSATIONS[1]);
    assert.equal(mock.requests.length, 2);
  });

  test("a fetch rejecting with a non-Error is a network error, and the client goes on", async () => {
    let calls = 0;
    const mock = createMockHeymarket();
    const hm = new Heymarket({ secretId, secretKey, maxRetries: 0, fetch: (u, i) => (++calls === 1 ? Promise.reject("plain string") : mock.fetch(u, i)) });
    const err = await rejects(hm.conversations.get(conv.id), { code: "network" });
    assert.match(err.message, /plain string/);
    assert.deepEqual(await hm.conversations.get(conv.id), conv);
  });

  test("HeymarketError is a real Error subclass usable by callers", () => {
    const e = new HeymarketError("x", { code: "not_found", status: 404, requestId: "r" });
    assert.ok(e instanceof Error && e instanceof HeymarketError);
    assert.equal(e.name, "HeymarketError");
    assert.deepEqual(e.toJSON(), { name: "HeymarketError", code: "not_found", message: "x", status: 404, requestId: "r", retryAfterMs: undefined });
    assert.ok(!(new Error("plain") instanceof HeymarketError));
    assert.ok(!({ code: "not_found" } instanceof HeymarketError));
    class Sub extends HeymarketError {}
    assert.ok(new Sub("y", { code: "timeout" }) instanceof Sub);
    assert.ok(!(e instanceof Sub));
  });
});

describe("fromEnv and the browser guard", () => {
  test("Heymarket.fromEnv(env) reads the bindings", async () => {
    const mock = createMockHeymarket();
    const env = { HEYMARKET_SECRET_ID: secretId, HEYMARKET_SECRET_KEY: secretKey, OTHER: 1 };
    const hm = Heymarket.fromEnv(env, { fetch: mock.fetch });
    assert.deepEqual(await hm.conversations.get(conv.id), conv);
    assert.equal(mock.requests[0].auth.valid, true);
    assert.equal(Heymarket.fromEnv({ ...env, HEYMARKET_BASE_URL: "http://127.0.0.1:9999" }).baseUrl, "http://127.0.0.1:9999");
  });

  test("Heymarket.fromEnv() reads process.env", async () => {
    const saved = { ...process.env };
    try {
      process.env.HEYMARKET_SECRET_ID = secretId;
      process.env.HEYMARKET_SECRET_KEY = secretKey;
      process.env.HEYMARKET_BASE_URL = "http://localhost:4010/";
      assert.equal(Heymarket.fromEnv().baseUrl, "http://localhost:4010");
    } finally {
      for (const k of ["HEYMARKET_SECRET_ID", "HEYMARKET_SECRET_KEY", "HEYMARKET_BASE_URL"]) {
        if (k in saved) process.env[k] = saved[k];
        else delete process.env[k];
      }
    }
  });

  test("an environment that cannot be read (Deno without --allow-env, a throwing getter) → invalid_argument", () => {
    const denoWas = Object.getOwnPropertyDescriptor(globalThis, "Deno");
    globalThis.Deno = { env: { get(k) { throw new Error(`Requires env access to "${k}", run again with the --allow-env flag`); } } };
    try {
      assert.throws(
        () => Heymarket.fromEnv(),
        (e) => e instanceof HeymarketError && e.code === "invalid_argument" && /--allow-env/.test(e.message) && /HEYMARKET_SECRET_ID/.test(e.message),
      );
    } finally {
      if (denoWas) Object.defineProperty(globalThis, "Deno", denoWas);
      else delete globalThis.Deno;
    }
    const env = { get HEYMARKET_SECRET_ID() { throw new Error("binding unavailable"); }, HEYMARKET_SECRET_KEY: secretKey };
    assert.throws(() => Heymarket.fromEnv(env), (e) => e instanceof HeymarketError && e.code === "invalid_argument" && /binding unavailable/.test(e.message));
  });

  test("missing variables are named in an invalid_argument error", () => {
    assert.throws(
      () => Heymarket.fromEnv({ HEYMARKET_SECRET_ID: "x" }),
      (e) => e instanceof HeymarketError && e.code === "invalid_argument" && /HEYMARKET_SECRET_KEY is not set/.test(e.message),
    );
    assert.throws(() => Heymarket.fromEnv({}), /HEYMARKET_SECRET_ID and HEYMARKET_SECRET_KEY are not set/);
    assert.throws(() => Heymarket.fromEnv("env"), (e) => e.code === "invalid_argument");
  });

  test("a browser (window + document) is refused unless dangerouslyAllowBrowser", () => {
    globalThis.window = globalThis;
    globalThis.document = {};
    try {
      assert.throws(
        () => new Heymarket({ secretId, secretKey }),
        (e) => e instanceof HeymarketError && e.code === "browser_not_allowed" && /dangerouslyAllowBrowser/.test(e.message) && !e.message.includes(secretKey),
      );
      assert.equal(new Heymarket({ secretId, secretKey, dangerouslyAllowBrowser: true }).baseUrl, "https://api.heymarket.com");
    } finally {
      delete globalThis.window;
      delete globalThis.document;
    }
    // navigator alone (Node ≥ 21, Deno, workerd) is not a browser.
    assert.ok(new Heymarket({ secretId, secretKey }));
  });
});
