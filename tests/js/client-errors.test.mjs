// The core client's error codes and retries against the local mock.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { Heymarket, HeymarketError } from "heymarket-wasm";
import { createMockHeymarket, FIXTURE_CREDENTIALS, CONVERSATIONS } from "heymarket-wasm/mock";
import { clientHelpers, closedPort } from "./client-helpers.mjs";

const { secretId, secretKey } = FIXTURE_CREDENTIALS;
const conv = CONVERSATIONS[0];
const { setup, rejects } = clientHelpers({ Heymarket, HeymarketError, createMockHeymarket, FIXTURE_CREDENTIALS });

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
