// Legacy team API keys: sent as the bearer token, exclusive with an API
// Secret, and never shown (errors, inspection, JSON, stacks).
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { Heymarket, HeymarketError, rejects, throws, createMockHeymarket, FIXTURE_CREDENTIALS } from "./helpers.mjs";

const API_KEY = "legacy-team-key-4f9c2a71d0e8b3a6";
const invalid = (re) => ({ code: "invalid_argument", message: re });

/** A fetch that records what it was given and answers `answer` (default 200 `{ id: 7 }`). */
function recorder(answer = () => Response.json({ id: 7, name: "Example Team" })) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url: String(url), method: init.method, headers: Object.fromEntries(new Headers(init.headers)), body: init.body });
    return answer(url, init);
  };
  return { calls, fetch };
}

/** Assert `text` does not contain the key (nor a large piece of it). */
function hidden(text, label) {
  assert.ok(!String(text).includes(API_KEY), `${label} shows the api key: ${text}`);
  assert.ok(!String(text).includes(API_KEY.slice(-12)), `${label} shows part of the api key`);
}

describe("apiKey", () => {
  test("is sent as Authorization: Bearer <apiKey>, on every request", async () => {
    const { calls, fetch } = recorder();
    const hm = new Heymarket({ apiKey: API_KEY, fetch });
    assert.equal((await hm.team.get()).id, 7);
    await hm.contacts.lookup({ id: 90001 });
    assert.equal(calls.length, 2);
    for (const c of calls) {
      assert.equal(c.headers.authorization, `Bearer ${API_KEY}`);
      assert.equal(c.headers.accept, "application/json");
    }
    assert.equal(calls[0].url, "https://api.heymarket.com/v1/team");
    assert.equal(calls[1].headers["content-type"], "application/json");
  });

  test("the mock sees the key as the bearer token (and, not being a JWT, refuses it)", async () => {
    const mock = createMockHeymarket();
    const hm = new Heymarket({ apiKey: API_KEY, fetch: mock.fetch });
    const err = await rejects(hm.team.get(), { code: "unauthorized", status: 401 });
    assert.equal(mock.requests[0].headers.authorization, `Bearer ${API_KEY}`);
    assert.equal(mock.requests[0].auth.valid, false);
    hidden(err.message, "the 401 message");
    hidden(err.stack, "the 401 stack");
  });

  test("exactly one kind of credentials", async () => {
    const cases = [
      [{ apiKey: API_KEY, secretId: "id" }, /either apiKey or secretId and secretKey, not both/],
      [{ apiKey: API_KEY, secretKey: "key" }, /not both/],
      [{ apiKey: API_KEY, ...FIXTURE_CREDENTIALS }, /not both/],
      [{}, /secretId is required/],
      [{ baseUrl: "https://api.heymarket.com" }, /required/],
      [{ apiKey: "" }, /apiKey must not be empty/],
      [{ apiKey: ` ${API_KEY}` }, /apiKey has leading or trailing whitespace/],
      [{ apiKey: 12345 }, /apiKey/],
    ];
    for (const [opts, re] of cases) {
      const err = await throws(() => new Heymarket({ fetch: async () => Response.json({}), ...opts }), invalid(re));
      hidden(err.message, `new Heymarket(${Object.keys(opts)})`);
      hidden(err.stack, "its stack");
    }
  });

  test("never appears in util.inspect, JSON.stringify, String or the namespaces", () => {
    const hm = new Heymarket({ apiKey: API_KEY, fetch: async () => Response.json({}) });
    hidden(inspect(hm, { depth: 10, showHidden: true }), "util.inspect");
    hidden(JSON.stringify(hm), "JSON.stringify");
    assert.deepEqual(JSON.parse(JSON.stringify(hm)), { baseUrl: "https://api.heymarket.com" });
    hidden(String(hm), "String");
    hidden(inspect(hm.messages, { depth: 10, showHidden: true }), "util.inspect(hm.messages)");
    hidden(Object.keys(hm).join(), "own keys");
  });

  test("never appears in a thrown error's message, stack or JSON, even when the server repeats it", async () => {
    const answers = [
      () => Response.json({ error: "unauthorized", message: `key ${API_KEY} is revoked` }, { status: 401 }),
      () => Response.json({ error: "bad_data", message: `bad ${API_KEY}` }, { status: 400 }),
      () => new Response(`<html>${API_KEY}</html>`, { status: 500 }),
      () => Promise.reject(new TypeError(`fetch failed for ${API_KEY}`)),
      () => Response.json([API_KEY]),
    ];
    for (const answer of answers) {
      const { fetch } = recorder(answer);
      const hm = new Heymarket({ apiKey: API_KEY, fetch, maxRetries: 0 });
      const err = await hm.team.get().then(() => assert.fail("expected a rejection"), (e) => e);
      assert.ok(err instanceof HeymarketError, String(err));
      hidden(err.message, `${err.code} message`);
      hidden(err.stack, `${err.code} stack`);
      hidden(JSON.stringify(err), `${err.code} JSON`);
      hidden(inspect(err), `${err.code} inspect`);
    }
  });

  test("bad params with an api key client are refused without showing it", async () => {
    const hm = new Heymarket({ apiKey: API_KEY, fetch: async () => assert.fail("nothing sent") });
    const err = await rejects(hm.contacts.create({ phone: API_KEY }), invalid(/^contacts\.create: phone/));
    hidden(err.message, "params error");
  });

  test("Heymarket.fromEnv reads HEYMARKET_API_KEY when no secret is set", async () => {
    const { calls, fetch } = recorder();
    const hm = Heymarket.fromEnv({ HEYMARKET_API_KEY: API_KEY }, { fetch });
    await hm.team.get();
    assert.equal(calls[0].headers.authorization, `Bearer ${API_KEY}`);
    const jwt = recorder();
    await Heymarket.fromEnv({ HEYMARKET_API_KEY: API_KEY, HEYMARKET_SECRET_ID: FIXTURE_CREDENTIALS.secretId, HEYMARKET_SECRET_KEY: FIXTURE_CREDENTIALS.secretKey }, { fetch: jwt.fetch }).team.get();
    assert.match(jwt.calls[0].headers.authorization, /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/, "a secret wins over the api key");
  });
});
