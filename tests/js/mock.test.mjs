// The mock itself: its JWT check must reject what Heymarket would reject, or
// the client's auth tests would prove nothing. Tokens here are built with
// node:crypto, independently of both the client and the mock.
import { test } from "node:test";
import assert from "node:assert/strict";
import { b64, jwt, secretId, secretKey } from "./mock-helpers.mjs";
import { createMockHeymarket, createFixtures, FIXTURE_CREDENTIALS, CONVERSATIONS, MOCK_ENDPOINTS } from "heymarket-wasm/mock";

const get = (mock, auth, path = `/v1/conversations/${CONVERSATIONS[0].id}`) =>
  mock.fetch(`https://api.heymarket.com${path}`, { headers: auth === undefined ? {} : { authorization: auth } });

test("a valid token gets the fixture, with a unique X-Request-Id", async () => {
  const mock = createMockHeymarket();
  const a = await get(mock, `Bearer ${jwt()}`);
  const b = await get(mock, `Bearer ${jwt()}`);
  assert.equal(a.status, 200);
  assert.deepEqual(await a.json(), CONVERSATIONS[0]);
  assert.ok(a.headers.get("x-request-id"));
  assert.notEqual(a.headers.get("x-request-id"), b.headers.get("x-request-id"));
  assert.equal(mock.requests[0].auth.valid, true);
});

test("every malformed or wrong token is a 401 with the reason recorded", async () => {
  const now = Math.floor(Date.now() / 1000);
  const cases = {
    missing: undefined,
    "not bearer": `Basic ${jwt()}`,
    "two parts": `Bearer ${jwt().split(".").slice(0, 2).join(".")}`,
    "wrong key": `Bearer ${jwt({ key: `${secretId}||nope` })}`,
    "key without ||": `Bearer ${jwt({ key: `${secretId}${secretKey}` })}`,
    "wrong iss": `Bearer ${jwt({ payload: { iss: "someone-else", iat: now } })}`,
    expired: `Bearer ${jwt({ payload: { iss: secretId, iat: now - 301 } })}`,
    future: `Bearer ${jwt({ payload: { iss: secretId, iat: now + 60 } })}`,
    "fractional iat": `Bearer ${jwt({ payload: { iss: secretId, iat: now + 0.5 } })}`,
    "alg none": `Bearer ${jwt({ header: { alg: "none", typ: "JWT" } })}`,
    "bad base64": "Bearer a$b.c.d",
  };
  for (const [label, auth] of Object.entries(cases)) {
    const mock = createMockHeymarket();
    const res = await get(mock, auth);
    assert.equal(res.status, 401, label);
    const body = await res.json();
    assert.equal(body.error, "unauthorized", label);
    assert.equal(mock.requests[0].auth.valid, false, label);
    assert.ok(mock.requests[0].auth.reason, label);
  }
});

test("routing: unknown id 404, unknown path 404, wrong method 405, custom routes", async () => {
  const mock = createMockHeymarket();
  const auth = `Bearer ${jwt()}`;
  assert.equal((await get(mock, auth, "/v1/conversations/5")).status, 404);
  assert.equal((await get(mock, auth, "/v1/nothing")).status, 404);
  const post = await mock.fetch(`https://api.heymarket.com/v1/conversations/123`, { method: "POST", headers: { authorization: auth }, body: "{}" });
  assert.equal(post.status, 405);
  mock.route("GET", "/v1/inboxes", () => ({ json: [{ id: 1 }] }));
  assert.deepEqual(await (await get(mock, auth, "/v1/inboxes")).json(), [{ id: 1 }]);
});

test("scripted steps are consumed in order, `times` each", async () => {
  const mock = createMockHeymarket();
  const auth = `Bearer ${jwt()}`;
  mock.script({ status: 429, times: 2, headers: { "retry-after": "3" } }, { status: 200, body: "<html>" });
  const statuses = [];
  for (let i = 0; i < 4; i++) {
    const r = await get(mock, auth);
    statuses.push([r.status, r.headers.get("retry-after"), (await r.text()).slice(0, 6)]);
  }
  assert.deepEqual(statuses.map((s) => s[0]), [429, 429, 200, 200]);
  assert.equal(statuses[0][1], "3");
  assert.equal(statuses[2][2], "<html>");
  assert.equal(statuses[3][2], '{"id":');
});

test("delays honour abort unless ignoreAbort; networkError rejects like fetch", async () => {
  const mock = createMockHeymarket();
  mock.script({ delayMs: 5000 });
  const ac = new AbortController();
  const t0 = Date.now();
  const q = mock.fetch("https://api.heymarket.com/v1/conversations/123", { signal: ac.signal });
  setTimeout(() => ac.abort(), 20);
  await assert.rejects(q, (e) => e.name === "AbortError");
  assert.ok(Date.now() - t0 < 2000);
  mock.reset();
  mock.script({ delayMs: 150, ignoreAbort: true });
  const ac2 = new AbortController();
  const t1 = Date.now();
  const r = mock.fetch(`https://api.heymarket.com/v1/conversations/${CONVERSATIONS[0].id}`, { signal: ac2.signal, headers: { authorization: `Bearer ${jwt()}` } });
  ac2.abort();
  const res = await r; // the abort is ignored: the answer still arrives, after the delay
  assert.equal(res.status, 200);
  assert.ok(Date.now() - t1 >= 140, "waited the delay");
  mock.reset();
  mock.script({ networkError: true });
  await assert.rejects(get(mock, undefined), TypeError);
});

test("over HTTP: same answers, and close() ends the server", async () => {
  const mock = createMockHeymarket();
  const server = await mock.listen();
  const res = await fetch(`${server.url}/v1/conversations/${CONVERSATIONS[1].id}`, { headers: { authorization: `Bearer ${jwt()}` } });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), CONVERSATIONS[1]);
  const bad = await fetch(`${server.url}/v1/conversations/1`);
  assert.equal(bad.status, 401);
  await server.close();
  await assert.rejects(fetch(`${server.url}/v1/conversations/1`));
});
