// The core client against the local mock, through the installed tarball.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { createServer } from "node:net";
import { readFileSync } from "node:fs";
import { Heymarket, HeymarketError, signJwt, VERSION } from "heymarket-wasm";
import { createMockHeymarket, FIXTURE_CREDENTIALS, CONVERSATIONS } from "heymarket-wasm/mock";

const { secretId, secretKey } = FIXTURE_CREDENTIALS;
const conv = CONVERSATIONS[0];

function setup(options = {}) {
  const mock = createMockHeymarket();
  const hm = new Heymarket({ secretId, secretKey, fetch: mock.fetch, ...options });
  return { mock, hm };
}

async function rejects(promise, fields) {
  const err = await promise.then(
    () => assert.fail("expected a rejection"),
    (e) => e,
  );
  assert.ok(err instanceof HeymarketError, `not a HeymarketError: ${err}`);
  assert.ok(err instanceof Error);
  assert.equal(err.name, "HeymarketError");
  for (const [k, v] of Object.entries(fields)) {
    if (v instanceof RegExp) assert.match(err[k], v, k);
    else assert.equal(err[k], v, k);
  }
  return err;
}

/** A port on 127.0.0.1 with nothing listening. */
async function closedPort() {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

describe("happy path", () => {
  test("conversations.get through an injected fetch, JWT verified by the mock", async () => {
    const { mock, hm } = setup();
    const got = await hm.conversations.get(conv.id);
    assert.deepEqual(got, conv);
    assert.equal(mock.requests.length, 1);
    const [req] = mock.requests;
    assert.equal(req.method, "GET");
    assert.equal(req.path, `/v1/conversations/${conv.id}`);
    assert.equal(req.auth.valid, true, req.auth.reason);
    assert.equal(req.auth.payload.iss, secretId);
    assert.match(req.headers.authorization, /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    assert.equal(req.headers["user-agent"], `heymarket-wasm/${VERSION}`);
    assert.equal(req.headers.accept, "application/json");
  });

  test("keeps unknown fields and nulls (tolerant reader)", async () => {
    const { hm } = setup();
    const withExtras = CONVERSATIONS.find((c) => "unread_users" in c);
    const withNulls = CONVERSATIONS.find((c) => Object.values(c).includes(null));
    assert.deepEqual(await hm.conversations.get(withExtras.id), withExtras);
    assert.deepEqual(await hm.conversations.get(withNulls.id), withNulls);
  });

  test("over HTTP on 127.0.0.1 with the global fetch", async () => {
    const mock = createMockHeymarket();
    const server = await mock.listen();
    try {
      const hm = new Heymarket({ secretId, secretKey, baseUrl: server.url });
      assert.deepEqual(await hm.conversations.get(conv.id), conv);
      assert.equal(mock.requests[0].auth.valid, true);
      assert.equal(mock.requests[0].headers["user-agent"], `heymarket-wasm/${VERSION}`);
    } finally {
      await server.close();
    }
  });

  test("the global fetch is called unbound, with redirect: manual", async () => {
    const mock = createMockHeymarket();
    const original = globalThis.fetch;
    const seen = [];
    globalThis.fetch = function (url, init) {
      seen.push({ self: this, url, init });
      return mock.fetch(url, init);
    };
    try {
      const hm = new Heymarket({ secretId, secretKey });
      assert.deepEqual(await hm.conversations.get(conv.id), conv);
    } finally {
      globalThis.fetch = original;
    }
    assert.equal(seen.length, 1);
    assert.equal(seen[0].self, undefined);
    assert.equal(seen[0].url, `https://api.heymarket.com/v1/conversations/${conv.id}`);
    assert.equal(seen[0].init.redirect, "manual");
    assert.equal(seen[0].init.method, "GET");
  });

  test("an injected fetch is used (unbound) instead of the global one", async () => {
    const mock = createMockHeymarket();
    const original = globalThis.fetch;
    globalThis.fetch = () => assert.fail("global fetch must not be used");
    let self = "unset";
    try {
      const hm = new Heymarket({
        secretId,
        secretKey,
        fetch: function (url, init) {
          self = this;
          return mock.fetch(url, init);
        },
      });
      assert.deepEqual(await hm.conversations.get(conv.id), conv);
    } finally {
      globalThis.fetch = original;
    }
    assert.equal(self, undefined);
    assert.equal(mock.requests.length, 1);
  });

  test("conversations is the same object on every access", () => {
    const { hm } = setup();
    assert.equal(hm.conversations, hm.conversations);
    assert.equal(typeof hm.conversations.get, "function");
    const { get } = hm.conversations;
    return get(conv.id).then((c) => assert.equal(c.id, conv.id));
  });

  test("the constructor uses no timers, randomness, fetch or clock", () => {
    const saved = { setTimeout, fetch: globalThis.fetch, random: Math.random, grv: crypto.getRandomValues, now: Date.now };
    const boom = () => {
      throw new Error("called at construction");
    };
    globalThis.setTimeout = boom;
    globalThis.fetch = boom;
    Math.random = boom;
    crypto.getRandomValues = boom;
    Date.now = boom;
    try {
      new Heymarket({ secretId, secretKey });
      new Heymarket({ secretId, secretKey, baseUrl: "http://127.0.0.1:9", timeoutMs: 5, maxRetries: 0 });
    } finally {
      globalThis.setTimeout = saved.setTimeout;
      globalThis.fetch = saved.fetch;
      Math.random = saved.random;
      crypto.getRandomValues = saved.grv;
      Date.now = saved.now;
    }
  });

  test("dozens of concurrent calls on one client", async () => {
    const { mock, hm } = setup();
    const ids = Array.from({ length: 64 }, (_, i) => CONVERSATIONS[i % CONVERSATIONS.length].id);
    const results = await Promise.all(ids.map((id) => hm.conversations.get(id)));
    assert.deepEqual(results.map((r) => r.id), ids);
    assert.equal(mock.requests.length, 64);
    assert.ok(mock.requests.every((r) => r.auth.valid));
  });

  test("concurrent successes and failures on one client", async () => {
    const { hm } = setup({ maxRetries: 0 });
    const calls = Array.from({ length: 40 }, (_, i) => (i % 2 ? hm.conversations.get(conv.id) : hm.conversations.get(777000 + i)));
    const settled = await Promise.allSettled(calls);
    settled.forEach((s, i) => {
      if (i % 2) assert.equal(s.status === "fulfilled" && s.value.id, conv.id);
      else assert.equal(s.status === "rejected" && s.reason.code, "not_found");
    });
  });
});

describe("signJwt", () => {
  const vectors = JSON.parse(readFileSync(new URL("./vectors/jwt.json", import.meta.url), "utf8"));

  test("matches independently computed vectors (unicode, long secrets)", () => {
    assert.ok(vectors.length >= 6);
    for (const v of vectors) {
      assert.equal(signJwt({ secretId: v.secretId, secretKey: v.secretKey, iat: v.iat }), v.token, v.secretId);
    }
    // Alternating keys exercises the cached keyed state.
    for (const v of [...vectors, ...vectors.slice().reverse()]) {
      assert.equal(signJwt(v), v.token);
    }
  });

  test("iat defaults to now", () => {
    const before = Math.floor(Date.now() / 1000);
    const token = signJwt({ secretId: "a", secretKey: "b" });
    const payload = JSON.parse(Buffer.from(token.split(".")[1], "base64url"));
    assert.deepEqual(Object.keys(payload), ["iss", "iat"]);
    assert.equal(payload.iss, "a");
    assert.ok(payload.iat >= before && payload.iat <= before + 1);
    const header = JSON.parse(Buffer.from(token.split(".")[0], "base64url"));
    assert.deepEqual(header, { alg: "HS256", typ: "JWT" });
  });

  test("bad input is invalid_argument", () => {
    const bad = [
      undefined,
      null,
      "x",
      {},
      { secretId: "a" },
      { secretKey: "b" },
      { secretId: "", secretKey: "b" },
      { secretId: "a", secretKey: "" },
      { secretId: 1, secretKey: "b" },
      { secretId: "a", secretKey: "b", iat: -1 },
      { secretId: "a", secretKey: "b", iat: 1.5 },
      { secretId: "a", secretKey: "b", iat: "123" },
      { secretId: "a", secretKey: "b", iat: NaN },
      { secretId: "a", secretKey: "b", iat: 2 ** 53 },
    ];
    for (const input of bad) {
      assert.throws(() => signJwt(input), (e) => e instanceof HeymarketError && e.code === "invalid_argument", JSON.stringify(input));
    }
    // Still works afterwards, and a failed re-key does not leave a stale key in use.
    const v = vectors[0];
    assert.equal(signJwt(v), v.token);
    assert.throws(() => signJwt({ secretId: v.secretId, secretKey: "" }));
    assert.equal(signJwt(v), v.token);
  });
});

describe("error codes", () => {
  const cases = [
    [401, "unauthorized"],
    [403, "forbidden"],
    [404, "not_found"],
    [429, "rate_limited"],
    [500, "server_error"],
    [503, "server_error"],
    [400, "api_error"],
    [409, "api_error"],
    [418, "api_error"],
  ];
  for (const [status, code] of cases) {
    test(`HTTP ${status} → ${code}, with status, requestId and the API's text`, async () => {
      const { mock, hm } = setup({ maxRetries: 0 });
      mock.script({ status, json: { error: "some_code", message: `the api says ${status}` }, headers: { "x-request-id": `req-${status}` } });
      const err = await rejects(hm.conversations.get(conv.id), { code, status, requestId: `req-${status}` });
      assert.match(err.message, new RegExp(`the api says ${status}`));
      assert.match(err.message, /GET \/v1\/conversations\/123/);
      assert.equal(err.retryAfterMs, undefined);
      assert.equal(mock.requests.length, 1);
    });
  }

  test("an unknown conversation is not_found from the mock's own routing", async () => {
    const { hm } = setup();
    const err = await rejects(hm.conversations.get(99999), { code: "not_found", status: 404 });
    assert.match(err.requestId, /\S/);
  });

  test("wrong credentials → unauthorized (the mock rejects the signature)", async () => {
    const mock = createMockHeymarket();
    const hm = new Heymarket({ secretId, secretKey: "not-the-key", fetch: mock.fetch });
    await rejects(hm.conversations.get(conv.id), { code: "unauthorized", status: 401 });
    assert.equal(mock.requests[0].auth.valid, false);
  });

  for (const [label, body] of [
    ["HTML", "<html><body>Bad gateway</body></html>"],
    ["truncated JSON", '{"id": 123, "name": "x'],
    ["an array", "[]"],
    ["null", "null"],
    ["a string", '"ok"'],
    ["a number", "42"],
    ["an empty body", ""],
  ]) {
    test(`a 2xx with ${label} → invalid_response`, async () => {
      const { mock, hm } = setup();
      mock.script({ status: 200, body, headers: { "content-type": "application/json", "x-request-id": "req-bad" } });
      await rejects(hm.conversations.get(conv.id), { code: "invalid_response", status: 200, requestId: "req-bad" });
      assert.equal(mock.requests.length, 1, "invalid responses are not retried");
    });
  }

  test("a 3xx is api_error and the redirect is not followed", async () => {
    const target = createMockHeymarket();
    const targetServer = await target.listen();
    const mock = createMockHeymarket();
    const server = await mock.listen();
    try {
      mock.script({ status: 302, headers: { location: `${targetServer.url}/v1/conversations/${conv.id}` }, body: "" });
      const hm = new Heymarket({ secretId, secretKey, baseUrl: server.url });
      const err = await rejects(hm.conversations.get(conv.id), { code: "api_error", status: 302 });
      assert.match(err.message, /redirect/);
      assert.equal(target.requests.length, 0, "credentials must not follow the redirect");
    } finally {
      await server.close();
      await targetServer.close();
    }
  });

  test("timeout when the server never answers", async () => {
    const { mock, hm } = setup({ timeoutMs: 100, maxRetries: 0 });
    mock.script({ hang: true });
    const t0 = Date.now();
    const err = await rejects(hm.conversations.get(conv.id), { code: "timeout" });
    assert.match(err.message, /100 ms/);
    assert.ok(Date.now() - t0 < 2000);
  });

  test("timeout fires even if the injected fetch ignores its signal", async () => {
    const { mock, hm } = setup({ timeoutMs: 100, maxRetries: 0 });
    mock.script({ delayMs: 3000, ignoreAbort: true });
    const t0 = Date.now();
    await rejects(hm.conversations.get(conv.id), { code: "timeout" });
    assert.ok(Date.now() - t0 < 1500);
  });

  test("reading the body counts against the timeout", async () => {
    const { mock, hm } = setup({ timeoutMs: 150, maxRetries: 0 });
    mock.script({ bodyDelayMs: 2000, passthrough: true });
    await rejects(hm.conversations.get(conv.id), { code: "timeout" });
  });

  test("reading the body counts against the timeout over HTTP", async () => {
    const mock = createMockHeymarket();
    const server = await mock.listen();
    try {
      const hm = new Heymarket({ secretId, secretKey, baseUrl: server.url, timeoutMs: 150, maxRetries: 0 });
      mock.script({ bodyDelayMs: 1500, passthrough: true });
      await rejects(hm.conversations.get(conv.id), { code: "timeout" });
    } finally {
      await server.close();
    }
  });

  test("connection refused → network", async () => {
    const port = await closedPort();
    const hm = new Heymarket({ secretId, secretKey, baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
    const err = await rejects(hm.conversations.get(conv.id), { code: "network", status: undefined });
    assert.match(err.message, /ECONNREFUSED|fetch failed/);
  });

  test("a fetch that throws synchronously → network", async () => {
    const hm = new Heymarket({ secretId, secretKey, maxRetries: 0, fetch: () => { throw new TypeError("boom"); } });
    const err = await rejects(hm.conversations.get(conv.id), { code: "network" });
    assert.match(err.message, /boom/);
  });

  test("a fetch resolving to a non-Response → invalid_response, no trap", async () => {
    const hm = new Heymarket({ secretId, secretKey, maxRetries: 0, fetch: async () => ({}) });
    await rejects(hm.conversations.get(conv.id), { code: "invalid_response" });
    const hm2 = new Heymarket({ secretId, secretKey, maxRetries: 0, fetch: async () => null });
    await rejects(hm2.conversations.get(conv.id), { code: "invalid_response" });
  });

  test("a 2xx whose json() throws another realm's SyntaxError → invalid_response, not retried", async () => {
    const { runInNewContext } = await import("node:vm");
    let calls = 0;
    const fetch = async () => {
      calls++;
      return { status: 200, headers: new Headers(), json: async () => { throw new (runInNewContext("SyntaxError"))("Unexpected token <"); } };
    };
    const hm = new Heymarket({ secretId, secretKey, fetch });
    await rejects(hm.conversations.get(conv.id), { code: "invalid_response", status: 200 });
    assert.equal(calls, 1);
  });

  test("a revoked Proxy as options, request options or id → invalid_argument; the client keeps working", async () => {
    const revoked = () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    };
    assert.throws(() => new Heymarket(revoked()), (e) => e instanceof HeymarketError && e.code === "invalid_argument");
    const throwingKeys = new Proxy({ secretId, secretKey }, { ownKeys() { throw new Error("trap"); } });
    assert.throws(() => new Heymarket(throwingKeys), (e) => e instanceof HeymarketError && e.code === "invalid_argument" && !e.message.includes(secretKey));
    const { mock, hm } = setup();
    await rejects(hm.conversations.get(conv.id, revoked()), { code: "invalid_argument" });
    await rejects(hm.conversations.get(revoked()), { code: "invalid_argument" });
    await rejects(hm.conversations.get(conv.id, { signal: revoked() }), { code: "invalid_argument" });
    assert.equal(mock.requests.length, 0);
    assert.equal((await hm.conversations.get(conv.id)).id, conv.id);
  });

  test("the caller's AbortSignal → aborted, mid-request", async () => {
    const { mock, hm } = setup();
    mock.script({ hang: true });
    const ac = new AbortController();
    const p = hm.conversations.get(conv.id, { signal: ac.signal });
    setTimeout(() => ac.abort(), 30);
    await rejects(p, { code: "aborted" });
    assert.equal(mock.requests.length, 1, "not retried");
  });

  test("an already-aborted signal sends nothing", async () => {
    const { mock, hm } = setup();
    await rejects(hm.conversations.get(conv.id, { signal: AbortSignal.abort() }), { code: "aborted" });
    assert.equal(mock.requests.length, 0);
  });

  test("abort during the retry wait", async () => {
    const { mock, hm } = setup({ maxRetries: 3 });
    mock.script({ status: 503, times: Infinity, headers: { "retry-after": "5" } });
    const ac = new AbortController();
    const t0 = Date.now();
    const p = hm.conversations.get(conv.id, { signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    await rejects(p, { code: "aborted" });
    assert.ok(Date.now() - t0 < 2000);
    assert.equal(mock.requests.length, 1);
  });
});

describe("retries", () => {
  test("429 once then 200 → 2 requests", async () => {
    const { mock, hm } = setup();
    mock.script({ status: 429, headers: { "retry-after": "0" }, json: { error: "rate limit" } });
    assert.deepEqual(await hm.conversations.get(conv.id), conv);
    assert.equal(mock.requests.length, 2);
  });

  test("500 always with maxRetries 2 → 3 requests, then server_error describing the last", async () => {
    const { mock, hm } = setup({ maxRetries: 2 });
    mock.script({ status: 500, times: Infinity, headers: { "retry-after": "0" }, json: { message: "down" } });
    const err = await rejects(hm.conversations.get(conv.id), { code: "server_error", status: 500, message: /down/ });
    assert.equal(mock.requests.length, 3);
    assert.match(err.message, /after 3 attempts/);
  });

  test("the final error carries the last attempt's request id", async () => {
    const { mock, hm } = setup({ maxRetries: 1 });
    mock.script({ status: 502, headers: { "retry-after": "0", "x-request-id": "first" } }, { status: 503, headers: { "retry-after": "0", "x-request-id": "second" } });
    await rejects(hm.conversations.get(conv.id), { code: "server_error", status: 503, requestId: "second" });
  });

  test("Retry-After: 0 retries at once", async () => {
    const { mock, hm } = setup();
    mock.script({ status: 503, times: 2, headers: { "retry-after": "0" } });
    const t0 = Date.now();
    assert.deepEqual(await hm.conversations.get(conv.id), conv);
    assert.ok(Date.now() - t0 < 300, `took ${Date.now() - t0} ms`);
    assert.equal(mock.requests.length, 3);
  });

  test("a past HTTP-date Retry-After retries at once", async () => {
    const { mock, hm } = setup();
    mock.script({ status: 429, headers: { "retry-after": new Date(Date.now() - 60_000).toUTCString() } });
    const t0 = Date.now();
    await hm.conversations.get(conv.id);
    assert.ok(Date.now() - t0 < 300);
    assert.equal(mock.requests.length, 2);
  });

  test("a Retry-After longer than the cap ends the call with retryAfterMs", async () => {
    const { mock, hm } = setup();
    mock.script({ status: 429, times: Infinity, headers: { "retry-after": "30" } });
    const t0 = Date.now();
    await rejects(hm.conversations.get(conv.id), { code: "rate_limited", status: 429, retryAfterMs: 30_000 });
    assert.ok(Date.now() - t0 < 300, "no long sleep");
    assert.equal(mock.requests.length, 1);
  });

  test("garbage or negative Retry-After falls back to the backoff", async () => {
    for (const value of ["-5", "soon"]) {
      const { mock, hm } = setup();
      mock.script({ status: 429, headers: { "retry-after": value } });
      const t0 = Date.now();
      await hm.conversations.get(conv.id);
      const took = Date.now() - t0;
      assert.ok(took >= 300 && took < 2000, `${value}: took ${took} ms`);
      assert.equal(mock.requests.length, 2);
    }
  });

  test("408 is retried; other 4xx are not", async () => {
    const { mock, hm } = setup();
    mock.script({ status: 408, headers: { "retry-after": "0" } });
    await hm.conversations.get(conv.id);
    assert.equal(mock.requests.length, 2);
    for (const status of [400, 401, 403, 404, 409, 422]) {
      mock.reset();
      mock.script({ status, headers: { "retry-after": "0" } });
      await assert.rejects(hm.conversations.get(conv.id));
      assert.equal(mock.requests.length, 1, `status ${status}`);
    }
  });

  test("network failures and timeouts are retried", async () => {
    const { mock, hm } = setup({ timeoutMs: 100 });
    mock.script({ networkError: true }, { hang: true });
    assert.deepEqual(await hm.conversations.get(conv.id), conv);
    assert.equal(mock.requests.length, 3);
  });

  test("a timeout on every attempt ends with timeout", async () => {
    const { mock, hm } = setup({ timeoutMs: 50, maxRetries: 1 });
    mock.script({ hang: true, times: Infinity });
    await rejects(hm.conversations.get(conv.id), { code: "timeout", message: /after 2 attempts/ });
    assert.equal(mock.requests.length, 2);
  });

  test("per-call options override the client's", async () => {
    const { mock, hm } = setup({ maxRetries: 5, timeoutMs: 10_000 });
    mock.script({ status: 500, times: Infinity, headers: { "retry-after": "0" } });
    await rejects(hm.conversations.get(conv.id, { maxRetries: 0 }), { code: "server_error" });
    assert.equal(mock.requests.length, 1);
    mock.reset();
    mock.script({ hang: true });
    await rejects(hm.conversations.get(conv.id, { timeoutMs: 50, maxRetries: 0 }), { code: "timeout" });
  });
});

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

describe("auth token reuse", () => {
  test("a token is reused for 240 s, then re-minted", async () => {
    let now = 1_800_000_000_000;
    const mock = createMockHeymarket({ now: () => now });
    const hm = new Heymarket({ secretId, secretKey, fetch: mock.fetch, now: () => now });
    const tokenAt = async (t) => {
      now = t;
      await hm.conversations.get(conv.id);
      return mock.requests.at(-1).headers.authorization;
    };
    const t0 = now;
    const a = await tokenAt(t0);
    assert.equal(await tokenAt(t0 + 1_000), a);
    assert.equal(await tokenAt(t0 + 239_999), a);
    const b = await tokenAt(t0 + 240_000);
    assert.notEqual(b, a);
    assert.equal(JSON.parse(Buffer.from(b.split(".")[1], "base64url")).iat, (t0 + 240_000) / 1000);
    const c = await tokenAt(t0 + 230_000); // clock went backwards
    assert.notEqual(c, b);
    assert.ok(mock.requests.every((r) => r.auth.valid));
  });
});

describe("secrets never leak", () => {
  const key = "SeCrEt-KeY-that-must-not-leak-0123456789";
  const mock = createMockHeymarket({ secretId, secretKey: key });
  mock.route("GET", "/v1/conversations/:id", (params) =>
    params.id === "7" ? { status: 400, json: { message: `invalid key ${key}` } } : { status: 200, json: { id: Number(params.id) } },
  );
  const errors = [];
  before(async () => {
    const hm = new Heymarket({ secretId, secretKey: key, fetch: mock.fetch, maxRetries: 0, timeoutMs: 50 });
    const collect = (p) => p.then(() => assert.fail("should fail"), (e) => errors.push(e));
    await collect(hm.conversations.get(-1));
    await collect(hm.conversations.get(7));
    mock.script({ status: 500, json: { error: key } });
    await collect(hm.conversations.get(1));
    mock.script({ hang: true });
    await collect(hm.conversations.get(1));
    mock.script({ networkError: true });
    await collect(hm.conversations.get(1));
    mock.script({ status: 200, body: key });
    await collect(hm.conversations.get(1));
    try {
      new Heymarket({ secretId, secretKey: key, baseUrl: `http://${key}.com` });
    } catch (e) {
      errors.push(e);
    }
    try {
      new Heymarket({ secretId: key, secretKey: key, baseUrl: "nope" });
    } catch (e) {
      errors.push(e);
    }
  });

  test("not in any error's message, stack, JSON or inspect output", () => {
    assert.equal(errors.length, 8);
    assert.ok(errors.some((e) => e.message.includes("[redacted]")), "the echoed key is redacted");
    for (const e of errors) {
      for (const text of [e.message, e.stack, JSON.stringify(e), inspect(e, { depth: 5, showHidden: true }), String(e)]) {
        assert.ok(!text.includes(key), `leaked in ${e.code}: ${text}`);
      }
    }
  });

  test("not in inspect, JSON or String of the client", () => {
    const hm = new Heymarket({ secretId, secretKey: key, fetch: mock.fetch });
    for (const text of [inspect(hm, { showHidden: true, depth: 10 }), JSON.stringify(hm), String(hm), `${hm}`, inspect(hm.conversations, { showHidden: true })]) {
      assert.ok(!text.includes(key), text);
      assert.ok(!text.includes(secretKey), text);
    }
    assert.deepEqual(Object.keys(hm), []);
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
