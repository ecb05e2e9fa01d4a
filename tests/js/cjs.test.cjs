// The CommonJS entry, and errors crossing between the CJS and ESM instances.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { Heymarket, HeymarketError, signJwt, VERSION } = require("heymarket-wasm");
const { createMockHeymarket, FIXTURE_CREDENTIALS, CONVERSATIONS } = require("heymarket-wasm/mock");

const { secretId, secretKey } = FIXTURE_CREDENTIALS;

test("require() gives a working client", async () => {
  const mock = createMockHeymarket();
  const hm = new Heymarket({ secretId, secretKey, fetch: mock.fetch });
  assert.deepEqual(await hm.conversations.get(CONVERSATIONS[0].id), CONVERSATIONS[0]);
  assert.equal(mock.requests[0].auth.valid, true);
  assert.equal(mock.requests[0].headers["user-agent"], `heymarket-wasm/${VERSION}`);
  assert.equal(typeof signJwt({ secretId, secretKey }), "string");
});

test("require() errors are HeymarketErrors", async () => {
  const mock = createMockHeymarket();
  const hm = new Heymarket({ secretId, secretKey, fetch: mock.fetch });
  const err = await hm.conversations.get(0).catch((e) => e);
  assert.ok(err instanceof HeymarketError);
  assert.equal(err.code, "invalid_argument");
  assert.equal(err.name, "HeymarketError");
});

test("instanceof holds across the CommonJS and ESM entries", async () => {
  const esm = await import("heymarket-wasm");
  assert.notEqual(esm.HeymarketError, HeymarketError, "two module instances");
  const fromCjs = new Heymarket({ secretId, secretKey, fetch: createMockHeymarket().fetch });
  const fromEsm = new esm.Heymarket({ secretId, secretKey, fetch: createMockHeymarket().fetch });
  const e1 = await fromCjs.conversations.get(-1).catch((e) => e);
  const e2 = await fromEsm.conversations.get(-1).catch((e) => e);
  assert.ok(e1 instanceof esm.HeymarketError);
  assert.ok(e2 instanceof HeymarketError);
  assert.ok(!(new Error("x") instanceof esm.HeymarketError));
});
