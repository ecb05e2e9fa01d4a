// Writes are never duplicated: sends and list creates carry a local_id that
// makes a retry safe (and a retry after a dropped connection reuses it);
// creates without a dedup key are retried only when the server provably did
// not act (429, connection refused); idempotent writes and POST reads retry
// like GETs.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { setup, rejects, seen, firstPage, UUID_V4 } from "./helpers.mjs";

const SEND = { inbox_id: 101, creator_id: 55, phone_number: "14155550123", text: "hi" };
const EMAIL = { creator_id: 55, inbox: 103, text: "Hello", targets: ["to:pat@example.com"] };
const LIST = { title: "Dedup list", phones: ["16505551000"] };
const sentLocalIds = (mock) => mock.requests.map((r) => seen(r).body.local_id);
const HTML_502 = { status: 502, body: "<html>bad gateway</html>", headers: { "retry-after": "0" } };
const RATE_LIMITED = { status: 429, json: { error: "rate_limited", message: "slow down" }, headers: { "retry-after": "0" } };

describe("local_id", () => {
  test("messages.send without local_id sends a UUID v4 and resolves with it", async () => {
    const { mock, hm } = setup();
    const a = await hm.messages.send({ ...SEND });
    const b = await hm.messages.send({ ...SEND });
    const [idA, idB] = sentLocalIds(mock);
    assert.match(idA, UUID_V4);
    assert.match(idB, UUID_V4);
    assert.notEqual(idA, idB, "a fresh local_id per call");
    assert.equal(a.local_id, idA);
    assert.equal(b.local_id, idB);
    assert.equal(mock.store.messages.find((m) => m.id === a.id).local_id, idA);
  });

  test("the caller's local_id is sent as is", async () => {
    const { mock, hm } = setup();
    for (const local_id of ["my-key-1", "0B9E1F6C-6A47-4C8E-9D1E-5C2F0A3B4D01", "ü ✓"]) {
      const r = await hm.messages.send({ ...SEND, local_id });
      assert.equal(sentLocalIds(mock).at(-1), local_id);
      assert.equal(r.local_id, local_id);
    }
  });

  test("a null or undefined local_id is 'not given': one is generated", async () => {
    const { mock, hm } = setup();
    await hm.messages.send({ ...SEND, local_id: null });
    await hm.lists.create({ ...LIST, local_id: undefined });
    for (const id of sentLocalIds(mock)) assert.match(id, UUID_V4);
  });

  test("an empty local_id never goes out as the dedup key (a dropped send is still stored once)", async () => {
    const { mock, hm } = setup();
    mock.script({ dropAfterProcessing: true });
    const r = await hm.messages.send({ ...SEND, local_id: "" }).catch((e) => e);
    if (r instanceof Error) {
      await rejects(Promise.reject(r), { code: "invalid_argument", message: /^messages\.send: local_id/ });
      assert.equal(mock.requests.length, 0);
      return;
    }
    assert.ok(sentLocalIds(mock).every((id) => typeof id === "string" && id.length > 0), `sent local_ids: ${JSON.stringify(sentLocalIds(mock))}`);
    assert.equal(mock.count("messages"), 141, "stored exactly once");
  });

  test("the resolved object gets the sent local_id when the answer lacks one", async () => {
    for (const [name, params] of [["messages.send", SEND], ["messages.sendEmail", EMAIL], ["lists.create", LIST]]) {
      const { mock, hm } = setup();
      mock.script({ json: { id: 1, queued: true } });
      const fn = name.split(".").reduce((n, k) => n[k], hm);
      const r = await fn({ ...params });
      assert.match(sentLocalIds(mock)[0], UUID_V4, name);
      assert.deepEqual(r, { id: 1, queued: true, local_id: sentLocalIds(mock)[0] }, name);
    }
  });

  test("lists.create and messages.sendEmail generate one too", async () => {
    const { mock, hm } = setup();
    const list = await hm.lists.create({ ...LIST });
    const email = await hm.messages.sendEmail({ ...EMAIL });
    const [l, e] = sentLocalIds(mock);
    assert.match(l, UUID_V4);
    assert.match(e, UUID_V4);
    assert.deepEqual([list.local_id, email.local_id], [l, e]);
  });
});

describe("a connection dropped after the server processed the write", () => {
  const CASES = [
    ["messages.send", SEND, "messages"],
    ["messages.sendEmail", EMAIL, "messages"],
    ["lists.create", LIST, "lists"],
  ];
  for (const [name, params, kind] of CASES) {
    for (const own of [false, true]) {
      test(`${name} (${own ? "caller's" : "generated"} local_id) is retried once with the same local_id, stored once`, async () => {
        const { mock, hm } = setup();
        const before = mock.count(kind);
        mock.script({ dropAfterProcessing: true });
        const fn = name.split(".").reduce((n, k) => n[k], hm);
        const r = await fn(own ? { ...params, local_id: "caller-key-7" } : { ...params });
        assert.equal(mock.requests.length, 2, "one retry");
        assert.equal(mock.requests[0].dropped, true);
        const [first, second] = sentLocalIds(mock);
        assert.equal(second, first, "the retry reuses the local_id");
        if (own) assert.equal(first, "caller-key-7");
        else assert.match(first, UUID_V4);
        assert.equal(mock.requests[1].body, mock.requests[0].body, "the retry is the same request");
        assert.equal(mock.count(kind), before + 1, "stored exactly once");
        const stored = mock.store[kind].at(-1);
        assert.equal(r.id, stored.id, "resolves with the stored record's answer");
        assert.equal(r.local_id, first);
      });
    }
  }

  test("messages.send retried on 500 and 429 keeps the local_id too", async () => {
    const { mock, hm } = setup();
    mock.script({ status: 500, json: { error: "down" }, headers: { "retry-after": "0" } }, RATE_LIMITED);
    await hm.messages.send({ ...SEND });
    assert.equal(mock.requests.length, 3);
    assert.equal(new Set(sentLocalIds(mock)).size, 1);
    assert.equal(mock.count("messages"), 141);
  });

  test("a create without a dedup key is not retried after a dropped connection", async () => {
    const { mock, hm } = setup();
    mock.script({ dropAfterProcessing: true });
    const err = await rejects(hm.contacts.create({ phone: "14155557777" }), { code: "network", message: /ECONNRESET/ });
    assert.equal(err.status, undefined);
    assert.equal(mock.requests.length, 1, "not retried: the server may have acted");
    assert.equal(mock.count("contacts"), 121, "(it did)");
  });
});

describe("creates without a dedup key", () => {
  const CREATES = [
    ["contacts.create", { phone: "14155557777", first: "Pat" }, "contacts"],
    ["templates.create", { title: "T", content: { text: "x" } }, "templates"],
    ["tags.create", { tag: "VIP" }, "tags"],
  ];
  for (const [name, params, kind] of CREATES) {
    const fn = (hm) => name.split(".").reduce((n, k) => n[k], hm);

    test(`${name}: an HTML 502 is server_error after exactly one request`, async () => {
      const { mock, hm } = setup();
      mock.script(HTML_502);
      const err = await rejects(fn(hm)({ ...params }), { code: "server_error", status: 502 });
      assert.ok(!/after \d+ attempts/.test(err.message), err.message);
      assert.equal(mock.requests.length, 1);
      assert.ok(!seen(mock.requests[0]).body.local_id, "no dedup key was invented");
      await fn(hm)({ ...params });
      assert.equal(mock.requests.length, 2, "the client stays usable");
    });

    test(`${name}: a 429 is retried`, async () => {
      const { mock, hm } = setup();
      const before = mock.count(kind);
      mock.script(RATE_LIMITED);
      const r = await fn(hm)({ ...params });
      assert.equal(mock.requests.length, 2);
      assert.equal(mock.requests[1].body, mock.requests[0].body);
      assert.equal(mock.count(kind), before + 1);
      assert.equal(mock.store[kind].at(-1).id, r.id);
    });

    test(`${name}: a connection refused before sending is retried`, async () => {
      const { mock, hm } = setup();
      const before = mock.count(kind);
      mock.script({ networkError: true });
      await fn(hm)({ ...params });
      assert.equal(mock.requests.length, 2);
      assert.equal(mock.count(kind), before + 1);
    });
  }

  test("the mock's networkError is a TypeError whose cause.code is ECONNREFUSED", async () => {
    const { mock } = setup();
    mock.script({ networkError: true });
    const err = await mock.fetch("http://127.0.0.1:1/v1/team").then(() => assert.fail("expected a rejection"), (e) => e);
    assert.ok(err instanceof TypeError);
    assert.equal(err.message, "fetch failed");
    assert.equal(err.cause.code, "ECONNREFUSED");
  });

  test("a refused connection on every attempt ends with network, naming ECONNREFUSED", async () => {
    const { mock, hm } = setup({ maxRetries: 1 });
    mock.script({ networkError: true, times: 2 });
    await rejects(hm.tags.create({ tag: "x" }), { code: "network", message: /ECONNREFUSED.*after 2 attempts/ });
    assert.equal(mock.requests.length, 2);
    assert.equal(mock.count("tags"), 100);
  });

  test("other unsafe writes (conversation actions, bulk creates) are not retried on 500/502", async () => {
    const cases = [
      (hm) => hm.conversations.open({ inbox_id: 101, user_id: 55, chat_id: 123 }),
      (hm) => hm.contacts.setStatus({ id: 90001, status: "blocked" }),
      (hm) => hm.contacts.batchCreate([{ phone: "14155558001" }]),
      (hm) => hm.contactsV2.bulkUpsert([{ phone: "14155558001" }]),
      (hm) => hm.users.update([{ id: 56, first_name: "G" }]),
      (hm) => hm.schedules.create({ inbox_id: 101, execute_at: "2026-02-01T10:00:00Z", content: { text: "x" }, list_id: 5001 }),
    ];
    for (const [i, make] of cases.entries()) {
      const { mock, hm } = setup();
      mock.script(i % 2 ? HTML_502 : { status: 500, json: { error: "down" }, headers: { "retry-after": "0" } });
      await rejects(make(hm), { code: "server_error" });
      assert.equal(mock.requests.length, 1, `case ${i}`);
    }
  });
});

describe("idempotent writes and POST reads", () => {
  const CASES = [
    ["contacts.update (PUT)", (hm) => hm.contacts.update(90001, { phone: "16505551000", first: "R" })],
    ["lists.update (PUT)", (hm) => hm.lists.update(5001, { title: "R" })],
    ["contactsV2.channels.update (PUT)", (hm) => hm.contactsV2.channels.update("0000c0c0-0000-4000-8000-000000000001", { channel_type: "email", channel_id: "a@b.c" })],
    ["contacts.delete (DELETE)", (hm) => hm.contacts.delete(90002)],
    ["contactsV2.bulkDelete (DELETE)", (hm) => hm.contactsV2.bulkDelete(["0000c0c0-0000-4000-8000-000000000003"])],
    ["conversations.list (POST read)", (hm) => firstPage(hm.conversations.list({ id: 55, filters: { inboxes: [101] } }))],
    ["contacts.lookup (POST read)", (hm) => hm.contacts.lookup({ id: 90001 })],
    ["messages.count (POST read)", (hm) => hm.messages.count()],
  ];
  for (const [label, make] of CASES) {
    test(`${label} is retried on 500 and on 502`, async () => {
      const { mock, hm } = setup();
      mock.script({ status: 500, json: { error: "down" }, headers: { "retry-after": "0" } }, HTML_502);
      const r = await make(hm);
      assert.notEqual(r, undefined);
      assert.equal(mock.requests.length, 3);
      assert.equal(mock.requests[2].body, mock.requests[0].body, "the same request each time");
      assert.equal(mock.requests[2].url, mock.requests[0].url);
    });
  }

  test("maxRetries: 0 on the call turns retries off", async () => {
    const { mock, hm } = setup();
    mock.script(HTML_502);
    await rejects(hm.contacts.lookup({ id: 90001 }, { maxRetries: 0 }), { code: "server_error", status: 502 });
    assert.equal(mock.requests.length, 1);
  });
});
