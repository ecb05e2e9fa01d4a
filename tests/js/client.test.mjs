// The core client against the local mock, through the installed tarball: the happy path, signJwt, token reuse, secrets.
import { test, describe, before } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { readFileSync } from "node:fs";
import { Heymarket, HeymarketError, signJwt, VERSION } from "heymarket-wasm";
import { createMockHeymarket, FIXTURE_CREDENTIALS, CONVERSATIONS } from "heymarket-wasm/mock";
import { clientHelpers } from "./client-helpers.mjs";

const { secretId, secretKey } = FIXTURE_CREDENTIALS;
const conv = CONVERSATIONS[0];
const { setup, rejects } = clientHelpers({ Heymarket, HeymarketError, createMockHeymarket, FIXTURE_CREDENTIALS });

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
