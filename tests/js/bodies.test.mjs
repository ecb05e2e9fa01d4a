// Response bodies: bare JSON strings, the shape each endpoint promises, and
// the 16 MiB cap on a 2xx body (streamed and cancelled, with or without a
// Content-Length, in-process and over HTTP).
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { setup, rejects, Heymarket, createMockHeymarket, FIXTURE_CREDENTIALS } from "./helpers.mjs";

const MiB = 1024 * 1024;

describe("shapes", () => {
  test("bare-string answers resolve to the string", async () => {
    const { hm } = setup();
    assert.equal(await hm.conversations.open({ inbox_id: 101, user_id: 55, chat_id: 123 }), "ok");
    assert.equal(await hm.contacts.setStatus({ id: 90001, status: "unsubscribed" }), "success");
    const count = await hm.messages.count();
    assert.equal(typeof count, "string");
    assert.equal(count, "140");
    assert.equal(await hm.contacts.delete(90001), "ok");
  });

  test("an object endpoint answered with an array is invalid_response, not retried", async () => {
    const { mock, hm } = setup();
    mock.script({ json: [{ id: 123 }], headers: { "x-request-id": "req-arr" } });
    await rejects(hm.conversations.get(123), { code: "invalid_response", status: 200, requestId: "req-arr", message: /GET \/v1\/conversations\/123 returned HTTP 200 but the body is array, not/ });
    assert.equal(mock.requests.length, 1);
    assert.equal((await hm.conversations.get(123)).id, 123, "the client stays usable");
  });

  test("each promised shape is checked: string, array, object", async () => {
    const { mock, hm } = setup();
    const cases = [
      [() => hm.conversations.close({ inbox_id: 101, user_id: 55, chat_id: 123 }), { ok: true }],
      [() => hm.messages.count(), 141],
      [() => hm.messages.history({ phone_number: "14155550123", inbox_id: 101 }), { messages: [] }],
      [() => hm.contacts.create({ phone: "14155557777" }), "ok"],
      [() => hm.team.get(), null],
      [() => hm.contactsV2.search({ contact_channels: [] }), "[]"],
    ];
    for (const [make, json] of cases) {
      mock.script({ json });
      await rejects(make(), { code: "invalid_response", status: 200 });
    }
  });

  test("an 'any' endpoint takes any JSON (inboxes.list as the older guide's object)", async () => {
    const { mock, hm } = setup();
    mock.script({ json: { inboxes: [{ id: 1 }] } }, { json: 42 }, { json: "ok" });
    assert.deepEqual(await hm.inboxes.list(), { inboxes: [{ id: 1 }] });
    assert.equal(await hm.contacts.count(), 42);
    assert.equal(await hm.contacts.batchCreate([{ phone: "14155558001" }]), "ok");
  });

  test("a 2xx body that is not JSON is invalid_response", async () => {
    const { mock, hm } = setup();
    mock.script({ status: 200, body: "<html>ok</html>" });
    await rejects(hm.team.get(), { code: "invalid_response", status: 200, message: /not valid JSON/ });
  });
});

describe("the 16 MiB cap", () => {
  async function huge(step, { over = "in-process" } = {}) {
    const mock = createMockHeymarket();
    let server;
    const base = over === "http" ? (server = await mock.listen()).url : "http://127.0.0.1:1";
    const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: base, ...(server ? {} : { fetch: mock.fetch }), timeoutMs: 60_000 });
    try {
      const rss = process.memoryUsage().rss;
      mock.script(step);
      const err = await rejects(hm.inboxes.list(), { code: "invalid_response", status: 200, message: /larger than 16 MiB/ });
      const grew = process.memoryUsage().rss - rss;
      // The mock may notice the cancel one tick later.
      await new Promise((r) => setTimeout(r, 50));
      return { mock, hm, err, grew };
    } finally {
      await server?.close();
    }
  }

  test("a chunked 64 MiB body ends in invalid_response; the reader cancels it early", async () => {
    const { mock, hm, err, grew } = await huge({ hugeBodyBytes: 64 * MiB, chunked: true });
    assert.match(err.message, /GET \/v1\/inboxes/);
    assert.equal(mock.lastHugeBodyCancelled, true, "the reader cancelled");
    assert.ok(mock.lastHugeBodyBytesSent <= 17 * MiB, `produced ${mock.lastHugeBodyBytesSent} bytes`);
    assert.ok(mock.lastHugeBodyBytesSent > 16 * MiB, "read up to the cap");
    assert.ok(grew < 100 * MiB, `rss grew by ${(grew / MiB).toFixed(1)} MiB`);
    assert.equal(mock.requests.length, 1, "not retried");
    assert.equal((await hm.team.get()).id, 7, "the client stays usable");
  });

  test("a 64 MiB body with a Content-Length is refused before reading it", async () => {
    const { mock, err, grew } = await huge({ hugeBodyBytes: 64 * MiB });
    assert.equal(err.code, "invalid_response");
    assert.equal(mock.lastHugeBodyCancelled, true, "the body was cancelled");
    assert.ok(mock.lastHugeBodyBytesSent < 1 * MiB, `produced ${mock.lastHugeBodyBytesSent} bytes`);
    assert.ok(grew < 100 * MiB, `rss grew by ${(grew / MiB).toFixed(1)} MiB`);
  });

  test("over HTTP, chunked and with a Content-Length, far fewer than 64 MiB are produced", async () => {
    for (const chunked of [true, false]) {
      const { mock, grew } = await huge({ hugeBodyBytes: 64 * MiB, chunked }, { over: "http" });
      assert.ok(mock.lastHugeBodyBytesSent < 40 * MiB, `chunked=${chunked}: produced ${(mock.lastHugeBodyBytesSent / MiB).toFixed(1)} MiB`);
      assert.ok(grew < 100 * MiB, `chunked=${chunked}: rss grew by ${(grew / MiB).toFixed(1)} MiB`);
    }
  });

  test("a body just over the cap is refused; a small chunked body still decodes", async () => {
    const over = await huge({ hugeBodyBytes: 16 * MiB + 1, chunked: true });
    assert.equal(over.err.code, "invalid_response");
    const { mock, hm } = setup();
    mock.script({ hugeBodyBytes: 1001, chunked: true, chunkBytes: 100 }, { hugeBodyBytes: 4096 });
    for (const bytes of [1001, 4096]) {
      const value = await hm.inboxes.list();
      assert.ok(Array.isArray(value) && value.length > 100 && value.every((x) => x === 0), `${bytes} bytes`);
      assert.equal(mock.lastHugeBodyBytesSent, bytes);
      assert.equal(mock.lastHugeBodyCancelled, false);
    }
  });
});
