// Seeing what happens: `withResponse()` on every method's promise, and the
// `logger`/`logLevel` options (records per attempt, retry and failure; never
// a secret, a key, a JWT, a body or a phone number).
import { test } from "node:test";
import assert from "node:assert/strict";
import { Heymarket, HeymarketError } from "heymarket-wasm";
import { createMockHeymarket, FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";
import { rejects } from "./helpers.mjs";

const BASE = "http://127.0.0.1:1";

function logged(options = {}) {
  const lines = [];
  const logger = Object.fromEntries(["debug", "info", "warn", "error"].map((level) => [level, (message, record) => lines.push({ level, message, record })]));
  const mock = createMockHeymarket();
  const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, logger, ...options });
  return { lines, mock, hm };
}

test("withResponse(): data, status, Headers and the request id of the same request", async () => {
  const mock = createMockHeymarket();
  const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch });
  const { data, status, headers, requestId } = await hm.conversations.get(123).withResponse();
  assert.equal(data.id, 123);
  assert.equal(status, 200);
  assert.ok(headers instanceof Headers);
  assert.match(requestId, /\S/);
  assert.equal(headers.get("x-request-id"), requestId);
  assert.equal(mock.requests.length, 1, "withResponse sends nothing more");
  const closed = await hm.conversations.close({ inbox_id: 101, user_id: 55, chat_id: 123 }).withResponse();
  assert.equal(closed.data, "ok", "a bare-string answer keeps its metadata too");
  assert.equal(closed.status, 200);
  const err = await hm.conversations.get(999999).withResponse().then(() => assert.fail("expected not_found"), (e) => e);
  assert.ok(err instanceof HeymarketError);
  assert.equal(err.code, "not_found");
  assert.equal(err.status, 404);
  assert.match(err.requestId, /\S/);
  // Awaiting the call itself still gives the data.
  assert.equal((await hm.conversations.get(123)).id, 123);
});

test("logLevel debug: one record per attempt with method, path, query keys, status, duration, attempt and request id", async () => {
  const { lines, hm } = logged({ logLevel: "debug" });
  await hm.messages.history({ phone_number: "+1 415 555 1234", inbox_id: 101 });
  assert.equal(lines.length, 1);
  const [{ level, message, record }] = lines;
  assert.equal(level, "debug");
  assert.match(message, /GET \/v1\/messages → 200/);
  assert.equal(record.method, "GET");
  assert.equal(record.path, "/v1/messages");
  assert.equal(record.queryKeys, "phoneNumber,inboxID");
  assert.equal(record.status, 200);
  assert.equal(record.attempt, 1);
  assert.equal(typeof record.durationMs, "number");
  assert.match(record.requestId, /\S/);
  assert.doesNotMatch(JSON.stringify(lines), /4155551234|555/, "no phone number in any record");
});

test("warn: each retry with its reason and delay; error: the final failure with its code", async () => {
  const { lines, mock, hm } = logged({ logLevel: "debug", maxRetries: 1 });
  mock.script({ status: 500, json: { message: "boom" }, headers: { "retry-after": "0" }, times: 2 });
  await rejects(hm.team.get(), { code: "server_error" });
  const levels = lines.map((l) => l.level);
  assert.deepEqual(levels, ["debug", "warn", "debug", "error"]);
  const warn = lines[1];
  assert.equal(warn.record.reason, "server_error");
  assert.equal(warn.record.attempt, 1);
  assert.equal(warn.record.delayMs, 0);
  const error = lines[3];
  assert.equal(error.record.code, "server_error");
  assert.equal(error.record.status, 500);
  assert.match(error.message, /GET \/v1\/team failed: server_error/);
  assert.doesNotMatch(JSON.stringify(lines), /boom/, "no response body in the logs");
});

test("levels filter: warn logs retries and failures, error only failures, off (the default) nothing", async () => {
  for (const [logLevel, want] of [["warn", ["warn", "error"]], ["error", ["error"]], ["off", []], [undefined, []]]) {
    const { lines, mock, hm } = logged({ ...(logLevel ? { logLevel } : {}), maxRetries: 1 });
    mock.script({ status: 503, headers: { "retry-after": "0" }, times: 2 });
    await rejects(hm.team.get(), { code: "server_error" });
    assert.deepEqual(lines.map((l) => l.level), want, String(logLevel));
  }
});

test("no secret, API key or JWT reaches a record, and a throwing logger changes nothing", async () => {
  const apiKey = "legacy-key-NEVER-LOGGED-42";
  const lines = [];
  const logger = { debug: (...a) => lines.push(a), warn: (...a) => lines.push(a), error: (...a) => lines.push(a), info() {} };
  const fetch = async () => new Response(JSON.stringify({ message: `bad key ${apiKey}` }), { status: 401 });
  const hm = new Heymarket({ apiKey, baseUrl: BASE, fetch, logger, logLevel: "debug" });
  await rejects(hm.team.get(), { code: "unauthorized" });
  const secretLines = [];
  const mock = createMockHeymarket();
  const hm2 = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, logLevel: "debug", logger: { debug: (...a) => secretLines.push(a) } });
  await hm2.messages.send({ inbox_id: 101, creator_id: 55, phone_number: "+1 415 555 7777", text: "private words" });
  const all = JSON.stringify([lines, secretLines]);
  for (const s of [apiKey, FIXTURE_CREDENTIALS.secretKey, "eyJ", "private words", "4155557777"]) assert.ok(!all.includes(s), s);
  const thrower = { debug() { throw new Error("logger down"); } };
  const hm3 = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, logLevel: "debug", logger: thrower });
  assert.equal((await hm3.conversations.get(123)).id, 123);
});

test("HEYMARKET_LOG sets the level when logLevel is not given; fromEnv reads it from the bindings; bad values are invalid_argument", async () => {
  const saved = process.env.HEYMARKET_LOG;
  try {
    process.env.HEYMARKET_LOG = "debug";
    const { lines, hm } = logged();
    await hm.team.get();
    assert.equal(lines.length, 1);
    const quiet = logged({ logLevel: "off" });
    await quiet.hm.team.get();
    assert.equal(quiet.lines.length, 0, "the option wins over the environment");
    process.env.HEYMARKET_LOG = "verbose";
    assert.throws(() => logged(), (e) => e instanceof HeymarketError && e.code === "invalid_argument" && /HEYMARKET_LOG/.test(e.message));
  } finally {
    if (saved === undefined) delete process.env.HEYMARKET_LOG;
    else process.env.HEYMARKET_LOG = saved;
  }
  const mock = createMockHeymarket();
  const lines = [];
  const hm = Heymarket.fromEnv(
    { HEYMARKET_SECRET_ID: FIXTURE_CREDENTIALS.secretId, HEYMARKET_SECRET_KEY: FIXTURE_CREDENTIALS.secretKey, HEYMARKET_LOG: "debug" },
    { baseUrl: BASE, fetch: mock.fetch, logger: { debug: (m) => lines.push(m) } },
  );
  await hm.team.get();
  assert.equal(lines.length, 1);
  assert.throws(() => new Heymarket({ ...FIXTURE_CREDENTIALS, logLevel: "loud" }), (e) => e.code === "invalid_argument" && /logLevel/.test(e.message));
  assert.throws(() => new Heymarket({ ...FIXTURE_CREDENTIALS, logger: "console" }), (e) => e.code === "invalid_argument" && /logger/.test(e.message));
});

test("with a level and no logger, records go to console", async () => {
  const mock = createMockHeymarket();
  const original = console.debug;
  const seen = [];
  console.debug = (...a) => seen.push(a);
  try {
    const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch: mock.fetch, logLevel: "debug" });
    await hm.conversations.get(123);
  } finally {
    console.debug = original;
  }
  assert.equal(seen.length, 1);
  assert.match(seen[0][0], /GET \/v1\/conversations\/123 → 200/);
});
