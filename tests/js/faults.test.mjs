// Faults mid-pagination and on writes, over the mock in-process and over
// real HTTP (a TCP front that refuses, resets or forwards connections):
// nothing lost, nothing duplicated, every failure typed, the client usable.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, connect } from "node:net";
import { Heymarket } from "heymarket-wasm";
import { createMockHeymarket, FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";
import { setup, rejects } from "./helpers.mjs";

async function drain(iterable) {
  const items = [];
  try {
    for await (const item of iterable) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items };
}

test("a truncated page ends the walk with invalid_response after the items already yielded; the client stays usable", async () => {
  for (const name of ["tags.list", "contacts.list", "surveys.list"]) {
    const { mock, hm } = setup();
    mock.script({ passthrough: true }, { body: '[{"id": 1, "tag": "a"}, {"id"', headers: { "content-type": "application/json" } });
    const walk = name.split(".").reduce((n, k) => n[k], hm)();
    const { items, error } = await drain(walk);
    assert.equal(items.length, 30, `${name}: the first page's items`);
    await rejects(Promise.reject(error), { code: "invalid_response", status: 200 });
    assert.equal(mock.requests.length, 2, `${name}: a bad body is not retried`);
    assert.equal(new Set(items.map((i) => i.id)).size, 30, `${name}: no duplicates`);
    assert.equal((await hm.team.get()).id > 0, true);
  }
});

test("a page that hangs ends the walk with timeout after its retries; the client stays usable", async () => {
  const { mock, hm } = setup({ timeoutMs: 150, maxRetries: 2 });
  mock.script({ passthrough: true }, { hang: true, times: 3 });
  const t0 = Date.now();
  const { items, error } = await drain(hm.tags.list());
  assert.equal(items.length, 30);
  await rejects(Promise.reject(error), { code: "timeout", message: /after 3 attempts/ });
  assert.equal(mock.requests.length, 4, "one request for page 1, three for page 2");
  assert.ok(Date.now() - t0 >= 3 * 150, "each attempt had its full timeout");
  assert.equal((await hm.tags.list().toArray({ limit: 40 })).length, 40, "a new walk works");
});

/**
 * A TCP front on 127.0.0.1 for the mock's HTTP server: `plan` says, per
 * accepted connection, "reset" (destroyed before reading a byte) or
 * "forward" (then "forward" once the plan is used up). Nothing listens
 * until `open()`.
 */
async function front(target, plan = []) {
  const stats = { resets: 0, forwarded: 0 };
  const server = createServer((socket) => {
    const what = plan.shift() ?? "forward";
    if (what === "reset") {
      stats.resets++;
      socket.resetAndDestroy();
      return;
    }
    stats.forwarded++;
    const upstream = connect(target.port, "127.0.0.1");
    socket.pipe(upstream).pipe(socket);
    const close = () => (socket.destroy(), upstream.destroy());
    socket.on("error", close);
    upstream.on("error", close);
  });
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    open: () => new Promise((resolve) => (server.listening ? resolve() : server.listen(port, "127.0.0.1", resolve))),
    close: () => new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
    stats,
  };
}

const SEND = { inbox_id: 101, creator_id: 55, phone_number: "14155550123", text: "once" };

test("over HTTP: a send refused at connect, then served, is stored once", async () => {
  const mock = createMockHeymarket();
  const http = await mock.listen();
  const tcp = await front(http);
  let refused = 0;
  // The front starts listening only after the first attempt was refused.
  const fetch = async (input, init) => {
    try {
      return await globalThis.fetch(input, init);
    } catch (e) {
      refused++;
      await tcp.open();
      throw e;
    }
  };
  try {
    const before = mock.count("messages");
    const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: tcp.url, fetch });
    const sent = await hm.messages.send(SEND);
    assert.equal(refused, 1);
    assert.equal(mock.count("messages") - before, 1);
    assert.equal(mock.store.messages.at(-1).local_id, sent.local_id);
  } finally {
    await tcp.close();
    await http.close();
  }
});

test("over HTTP: a connection reset before the request was written: a send is retried and stored once; a create without a dedup key is not retried", async () => {
  const mock = createMockHeymarket();
  const http = await mock.listen();
  const tcp = await front(http, ["reset"]);
  const again = await front(http, ["reset"]);
  await tcp.open();
  await again.open();
  try {
    const before = mock.count("messages");
    await new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: tcp.url }).messages.send(SEND);
    assert.equal(tcp.stats.resets, 1);
    assert.equal(mock.count("messages") - before, 1, "one stored message");
    assert.equal(mock.requests.length, 1, "the reset attempt never reached the server");
    const contacts = mock.count("contacts");
    // The client cannot prove the reset happened before the server read the
    // request, so a create without a dedup key is not sent again.
    const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: again.url });
    await rejects(hm.contacts.create({ phone: "14155557777", first: "Pat" }), { code: "network" });
    assert.equal(again.stats.resets, 1);
    assert.equal(mock.count("contacts"), contacts, "nothing created, nothing duplicated");
    await hm.contacts.create({ phone: "14155557777", first: "Pat" });
    assert.equal(mock.count("contacts"), contacts + 1, "the client stays usable");
  } finally {
    await tcp.close();
    await again.close();
    await http.close();
  }
});

test("over HTTP: a send whose response was lost after the server stored it is stored once", async () => {
  const mock = createMockHeymarket();
  const http = await mock.listen();
  try {
    const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: http.url });
    const before = mock.count("messages");
    mock.script({ dropAfterProcessing: true });
    const sent = await hm.messages.send(SEND);
    assert.equal(mock.requests.length, 2, "sent again after the lost answer");
    assert.equal(mock.requests[0].body, mock.requests[1].body, "with the same local_id");
    assert.equal(mock.count("messages") - before, 1);
    assert.equal(mock.store.messages.at(-1).local_id, sent.local_id);
  } finally {
    await http.close();
  }
});

test("over HTTP: a broadcast through resets and lost answers stores every message exactly once", async () => {
  const mock = createMockHeymarket();
  const http = await mock.listen();
  const plan = Array.from({ length: 200 }, (_, i) => (i % 7 === 3 ? "reset" : "forward"));
  const tcp = await front(http, plan);
  await tcp.open();
  try {
    const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: tcp.url, maxRetries: 4 });
    const before = mock.count("messages");
    mock.script({ dropAfterProcessing: true, times: 5 });
    const items = Array.from({ length: 60 }, (_, i) => ({ ...SEND, phone_number: `1415555${2000 + i}`, text: `n${i}` }));
    const results = await hm.messages.sendMany(items, { concurrency: 6 });
    assert.deepEqual(results.filter((r) => !r.ok).map((r) => r.error.message), []);
    assert.ok(tcp.stats.resets >= 1, "connections were reset");
    const stored = mock.store.messages.slice(before);
    assert.equal(stored.length, 60);
    assert.equal(new Set(stored.map((m) => m.text)).size, 60, "no message twice");
    // Run again (a restarted batch): nothing new.
    await hm.messages.sendMany(items, { concurrency: 6 });
    assert.equal(mock.count("messages") - before, 60);
  } finally {
    await tcp.close();
    await http.close();
  }
});
