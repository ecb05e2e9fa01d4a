// Review findings, each a test that failed before its fix: bodies that lie
// about their size, runtimes that name the URL in errors, servers that ignore
// page numbers, Response-likes and Proxies that throw, wrapping fetches that
// edit headers, ids that are not ids, BOMs, and secrets cut in half.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Heymarket, HeymarketError, verifyWebhook } from "heymarket-wasm";
import { FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";
import { rejects, setup } from "./helpers.mjs";

const BASE = "http://127.0.0.1:1";
const json = (value, headers = {}) => new Response(JSON.stringify(value), { status: 200, headers: { "content-type": "application/json", ...headers } });

/** A client over a custom fetch that records each request. */
function over(answer, options = {}) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init, headers: { ...init.headers } });
    return answer(url, init, calls.length);
  };
  return { hm: new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch, ...options }), calls };
}

/** A stream of `total` bytes of a JSON array, in 1 MiB chunks; `produced()` counts what was pulled. */
function bigArray(total) {
  let sent = 0;
  const chunk = new TextEncoder().encode(`${"1,".repeat(512 * 1024)}`);
  const stream = new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode("["));
    },
    pull(c) {
      if (sent >= total) {
        c.enqueue(new TextEncoder().encode("1]"));
        c.close();
        return;
      }
      sent += chunk.length;
      c.enqueue(chunk);
    },
  });
  return { stream, produced: () => sent };
}

test("a compressed body whose Content-Length is small is still capped at 16 MiB as it inflates", async () => {
  const big = bigArray(24 * 1024 * 1024);
  const { hm } = over(() => new Response(big.stream, { status: 200, headers: { "content-length": "10", "content-encoding": "gzip" } }));
  await rejects(hm.inboxes.list(), { code: "invalid_response", message: /16 MiB/ });
  assert.ok(big.produced() < 20 * 1024 * 1024, `read ${big.produced()} bytes`);
});

test("a runtime that names the URL in a network error does not leak the query (phone numbers)", async () => {
  const { hm } = over((url) => Promise.reject(new TypeError(`error sending request for url (${url}): connection closed`)), { maxRetries: 0 });
  const err = await rejects(hm.messages.history({ phone_number: "+1 415 555 1234", inbox_id: 3 }), { code: "network" });
  assert.doesNotMatch(err.message, /14155551234|phoneNumber=/);
  assert.match(err.message, /\/v1\/messages\?…/);
});

test("a page-number walk over a server that ignores the page ends with invalid_response, not forever", async () => {
  const { hm, calls } = over(() => json([{ id: 1, name: "NPS" }]));
  const got = [];
  const err = await (async () => {
    for await (const s of hm.surveys.list()) got.push(s.id);
  })().then(() => undefined, (e) => e);
  assert.equal(err?.code, "invalid_response", String(err));
  assert.match(err.message, /same item/);
  assert.deepEqual(got, [1, 1], "both pages were handed out before the repeat was seen");
  assert.equal(calls.length, 2);
});

test("a Response-like whose body getter throws settles the call with an error (no uncaught exception)", async () => {
  const uncaught = [];
  const onError = (e) => uncaught.push(e);
  process.on("uncaughtException", onError);
  try {
    const fake = { status: 200, headers: new Headers(), get body() { throw new Error("boom"); }, json: async () => "not an object", text: async () => "" };
    const { hm } = over(() => fake, { timeoutMs: 2000, maxRetries: 0 });
    await rejects(hm.team.get(), { code: "invalid_response" });
    await new Promise((r) => setTimeout(r, 20));
  } finally {
    process.off("uncaughtException", onError);
  }
  assert.deepEqual(uncaught, []);
});

test("a page that is a Proxy with a throwing length ends the walk with invalid_response, and the client goes on", async () => {
  const hostile = new Proxy([{ id: 1, updated: "2024" }], { get(t, k) { if (k === "length") throw new Error("trap"); return Reflect.get(t, k); } });
  const fake = { status: 200, headers: new Headers({ "content-length": "2" }), json: async () => hostile, text: async () => "" };
  let n = 0;
  const { hm } = over(() => (++n === 1 ? fake : json([])), { maxRetries: 0 });
  await rejects(hm.tags.list().toArray({ limit: 10 }), { code: "invalid_response" });
  assert.deepEqual(await hm.tags.list().toArray({ limit: 10 }), []);
});

test("a Proxy array in params is invalid_argument through a rejected promise, not a synchronous throw", async () => {
  const { mock, hm } = setup();
  const targets = new Proxy(["14155551234"], { get(t, k) { if (k === "length") throw new Error("trap"); return Reflect.get(t, k); } });
  let promise;
  assert.doesNotThrow(() => {
    promise = hm.messages.send({ inbox_id: 101, creator_id: 55, targets, text: "hi" });
  });
  await rejects(promise, { code: "invalid_argument", message: /messages\.send: targets/ });
  assert.equal(mock.requests.length, 0);
});

test("toArray({ limit }) that is met keeps its items even if the cursor could not go on", async () => {
  const { hm, calls } = over(() => json([{ id: 1, updated: "2024" }, { id: 2, updated: "2024" }]));
  const items = await hm.tags.list({ date: "2024" }).toArray({ limit: 2 });
  assert.deepEqual(items.map((t) => t.id), [1, 2]);
  assert.equal(calls.length, 1);
});

test("a wrapping fetch that edits init.headers does not change later requests", async () => {
  const seenHeaders = [];
  const fetch = async (url, init) => {
    seenHeaders.push({ ...init.headers });
    init.headers["x-trace"] = "1";
    delete init.headers.accept;
    return json({ id: 7, name: "Team" });
  };
  const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: BASE, fetch });
  await hm.team.get();
  await hm.team.get();
  assert.equal(seenHeaders[1]["x-trace"], undefined);
  assert.equal(seenHeaders[1].accept, "application/json");
});

test("ids in params are positive, and an empty target list names no target", async () => {
  const { mock, hm } = setup();
  await rejects(hm.messages.send({ inbox_id: -1, creator_id: 55, chat_id: 123, text: "x" }), { code: "invalid_argument", message: /inbox_id must be a positive safe integer/ });
  await rejects(hm.messages.send({ inbox_id: 101, creator_id: 0, chat_id: 123, text: "x" }), { code: "invalid_argument", message: /creator_id/ });
  await rejects(hm.messages.send({ inbox_id: 101, creator_id: 55, targets: [], text: "x" }), { code: "invalid_argument", message: /one of phone_number, chat_id, list_id, targets is required/ });
  assert.equal(mock.requests.length, 0);
  // assignee_id -1 (unassign) is still an integer field.
  const { id } = await hm.contacts.create({ phone: "+1 510 555 0199", assignee_id: -1 });
  assert.ok(id > 0);
});

test("a 2xx stream that yields something other than bytes is invalid_response, not retried as a network error", async () => {
  const { hm, calls } = over(() => new Response(new ReadableStream({ start(c) { c.enqueue("not bytes"); c.close(); } }), { status: 200 }));
  await rejects(hm.team.get(), { code: "invalid_response" });
  assert.equal(calls.length, 1);
});

test("a byte-order mark is accepted on every path", async () => {
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"id":7,"name":"Team"}')]);
  const streamed = over(() => new Response(new ReadableStream({ start(c) { c.enqueue(bom); c.close(); } }), { status: 200 }));
  assert.equal((await streamed.hm.team.get()).id, 7);
  const delivery = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(JSON.stringify({ type: "chat_closed", token: "t", event_data: {} }))]);
  assert.equal((await verifyWebhook(delivery, { token: "t" })).type, "chat_closed");
  assert.equal((await verifyWebhook(`\ufeff${JSON.stringify({ type: "chat_opened", token: "t" })}`, { token: "t" })).type, "chat_opened");
});

test("an unauthenticated webhook body learns nothing of its shape: the token is checked first", async () => {
  await rejects(verifyWebhook(JSON.stringify({ token: "wrong" }), { token: "t" }), { code: "webhook_unauthorized", status: 401 });
  await rejects(verifyWebhook(JSON.stringify({ token: "t" }), { token: "t" }), { code: "webhook_invalid", status: 400 });
});

test("a key echoed at the edge of a long API error is redacted before the text is cut", async () => {
  const apiKey = "legacy-team-key-ABCDEFGHIJKLMNOP";
  for (const pad of [470, 480, 487]) {
    const fetch = async () => new Response(JSON.stringify({ message: `${"x".repeat(pad)}${apiKey}` }), { status: 400 });
    const hm = new Heymarket({ apiKey, baseUrl: BASE, fetch });
    const err = await rejects(hm.team.get(), { code: "api_error" });
    assert.ok(!err.message.includes(apiKey.slice(0, 12)), `pad ${pad}: ${err.message.slice(-40)}`);
  }
});

test("signJwt with a revoked Proxy or a throwing getter as options is invalid_argument, not a TypeError (found by fuzz.test.mjs)", async () => {
  const { signJwt } = await import("heymarket-wasm");
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  const getter = Object.defineProperty({}, "secretId", { get() { throw new Error("getter"); } });
  for (const options of [proxy, getter]) {
    assert.throws(() => signJwt(options), (e) => e instanceof HeymarketError && e.code === "invalid_argument" && /could not be read/.test(e.message));
  }
  assert.equal(signJwt({ secretId: "a", secretKey: "b", iat: 0 }).split(".").length, 3, "and it goes on");
});

test("a throwing Proxy or a 10,000-deep array as a string or number option is invalid_argument; nothing formats it (found by fuzz.test.mjs)", async () => {
  const trap = () => {
    throw new Error("trap");
  };
  const proxy = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });
  let deep = [];
  for (let i = 0; i < 10_000; i++) deep = [deep];
  for (const value of [proxy, deep]) {
    for (const key of ["timeoutMs", "maxRetries", "baseUrl", "secretId", "defaultCountryCode", "logLevel"]) {
      assert.throws(() => new Heymarket({ ...FIXTURE_CREDENTIALS, [key]: value }), (e) => e instanceof HeymarketError && e.code === "invalid_argument" && e.message.includes(key), key);
    }
    const { mock, hm } = setup();
    for (const options of [{ timeoutMs: value }, { maxRetries: value }]) {
      await rejects(hm.team.get(options), { code: "invalid_argument", message: new RegExp(Object.keys(options)[0]) });
    }
    assert.equal(mock.requests.length, 0);
    assert.ok((await hm.team.get()).id, "the client goes on");
  }
});

test("a megabyte string or a long array as an options object is refused at once, not walked key by key (found by fuzz.test.mjs)", async () => {
  const { normalizePhone } = await import("heymarket-wasm");
  const mega = "x".repeat(1 << 20);
  const long = Array.from({ length: 1 << 20 }, () => 1);
  for (const options of [mega, long]) {
    const t0 = performance.now();
    assert.throws(() => normalizePhone("14155550123", options), (e) => e instanceof HeymarketError && e.code === "invalid_argument" && /must be an object/.test(e.message));
    await rejects(verifyWebhook("{}", options), { code: "invalid_argument" });
    assert.ok(performance.now() - t0 < 100, `took ${performance.now() - t0} ms`);
  }
});
