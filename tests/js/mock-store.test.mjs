// The mock's endpoints, from its in-memory store: every route served, the
// real cursor rules, local_id de-duplication, API-like errors and faults.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createMockHeymarket, createFixtures, CONVERSATIONS, MOCK_ENDPOINTS } from "heymarket-wasm/mock";
import { jwt } from "./mock-helpers.mjs";

// --- every endpoint, from the mock's in-memory store ------------------------

const BASE = "https://api.heymarket.com";
/** One raw call with a fresh valid JWT: `{ status, body, headers }` (body parsed as JSON). */
async function call(mock, method, path, body) {
  const init = { method, headers: { authorization: `Bearer ${jwt()}` } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers["content-type"] = "application/json";
  }
  const res = await mock.fetch(`${BASE}${path}`, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}
const ok = async (...args) => {
  const r = await call(...args);
  assert.equal(r.status, 200, `${args[1]} ${args[2]}: ${JSON.stringify(r.body)}`);
  return r.body;
};

test("MOCK_ENDPOINTS: 63 uniquely named routes, each one served (no 404 'No route', no 405)", async () => {
  assert.equal(MOCK_ENDPOINTS.length, 63);
  assert.equal(new Set(MOCK_ENDPOINTS.map(([name]) => name)).size, 63);
  assert.equal(new Set(MOCK_ENDPOINTS.map(([, m, p]) => `${m} ${p}`)).size, 63);
  const mock = createMockHeymarket();
  for (const [name, method, path] of MOCK_ENDPOINTS) {
    assert.match(name, /^[a-zA-Z0-9]+(\.[a-zA-Z0-9]+)+$/);
    const concrete = path.replace("{id}", "1").replace("{contactID}", "00000000-0000-4000-8000-000000000000").replace("{channelType}", "phone");
    const r = await call(mock, method, concrete, method === "GET" ? undefined : {});
    assert.notEqual(r.status, 405, name);
    assert.notDeepEqual(r.body, { error: "not_found", message: "No route" }, name);
    assert.ok(r.headers.get("x-request-id"), `${name}: X-Request-Id`);
  }
});

test("fixtures are deterministic, and CONVERSATIONS is what a new mock serves", async () => {
  assert.deepEqual(createFixtures(), createFixtures());
  const mock = createMockHeymarket();
  assert.deepEqual(mock.store.conversations, CONVERSATIONS);
  assert.ok(Object.isFrozen(CONVERSATIONS[0]));
  for (const kind of ["conversations", "contacts", "messages"]) assert.ok(mock.count(kind) >= 100, kind);
  for (const kind of ["templates", "tags", "lists", "surveys"]) assert.ok(mock.count(kind) > 90, kind);
});

/** Page a cursor list until `[]`: every page ≤ limit, strictly ordered, no repeats. */
async function drain(mock, path, { body = {}, next, limit = 30, key }) {
  const pages = [];
  let request = { ...body };
  for (let guard = 0; guard < 100; guard++) {
    const page = await ok(mock, "POST", path, request);
    assert.ok(Array.isArray(page), path);
    if (!page.length) break;
    assert.ok(page.length <= limit, `${path}: page of ${page.length} > ${limit}`);
    pages.push(page);
    request = { ...body, ...next(page, pages.length) };
  }
  const items = pages.flat();
  assert.ok(pages.length > 3, `${path}: only ${pages.length} pages`);
  assert.equal(new Set(items.map((i) => i.id)).size, items.length, `${path}: duplicates`);
  if (key) for (let i = 1; i < items.length; i++) assert.ok(Date.parse(items[i - 1][key]) > Date.parse(items[i][key]), `${path}: not newest first at ${i}`);
  return { pages, items };
}
const ids = (xs) => xs.map((x) => x.id).sort((a, b) => a - b);

test("date cursors: `updated` strictly before `date`, newest first, 30 a page (or `limit`), no gaps", async () => {
  const mock = createMockHeymarket();
  const cases = [
    ["/v1/conversations", "conversations", { id: 55, filters: { inboxes: [101] } }, (c) => c.inbox === 101],
    ["/v1/contacts", "contacts", {}],
    ["/v1/templates", "templates", {}],
    ["/v1/tags", "tags", {}],
    ["/v1/lists", "lists", {}],
  ];
  for (const [path, kind, body, keep = () => true] of cases) {
    const next = (page) => ({ date: page.at(-1).updated });
    const { pages, items } = await drain(mock, path, { body, next, key: "updated" });
    assert.equal(pages[0].length, 30, path);
    assert.deepEqual(ids(items), ids(mock.store[kind].filter(keep)), `${path}: gaps`);
    const small = await drain(mock, path, { body: { ...body, limit: 7 }, next, limit: 7, key: "updated" });
    assert.deepEqual(ids(small.items), ids(items), `${path} with limit`);
  }
  // The cursor is strict: the boundary item is not repeated.
  const all = await ok(mock, "POST", "/v1/templates", {});
  const after = await ok(mock, "POST", "/v1/templates", { date: all[4].updated });
  assert.equal(after[0].id, all[5].id);
});

test("messages.list: `created_at` against each message's `date`; count is a string", async () => {
  const mock = createMockHeymarket();
  const next = (page) => ({ created_at: page.at(-1).date });
  const { items } = await drain(mock, "/v1/messages/all", { next, key: "date" });
  assert.deepEqual(ids(items), ids(mock.store.messages));
  const limited = await drain(mock, "/v1/messages/all", { body: { limit: 25 }, next, limit: 25, key: "date" });
  assert.equal(limited.items.length, items.length);
  assert.equal(await ok(mock, "POST", "/v1/messages/all/count", {}), String(mock.count("messages")));
  assert.equal(await ok(mock, "POST", "/v1/messages/all/count", { created_at: items[9].date }), String(items.length - 10));
});

test("page cursors: contactsV2.list from 0, surveys.list from 1, `[]` past the end", async () => {
  const mock = createMockHeymarket();
  const v2 = await drain(mock, "/v2/contacts/list", { body: { page: 0 }, next: (_, n) => ({ page: n }) });
  assert.deepEqual(ids(v2.items), ids(mock.store.contacts));
  assert.ok(v2.items.every((c) => typeof c.uuid === "string" && Array.isArray(c.contact_channels)));
  const surveys = await drain(mock, "/v1/surveys", { body: { page: 1, limit: 20 }, next: (_, n) => ({ page: n + 1 }), limit: 20 });
  assert.deepEqual(ids(surveys.items), ids(mock.store.surveys));
  assert.deepEqual(await ok(mock, "POST", "/v1/surveys", { page: 99 }), []);
  assert.deepEqual(await ok(mock, "POST", "/v2/contacts/list", { page: 99 }), []);
  assert.equal((await call(mock, "POST", "/v1/surveys", { page: 0 })).status, 400);
});

test("conversations.list needs `id` and `filters.inboxes` and filters by inbox", async () => {
  const mock = createMockHeymarket();
  for (const [body, field] of [[{ filters: { inboxes: [101] } }, "id"], [{ id: 55 }, "filters"], [{ id: 55, filters: {} }, "filters.inboxes"]]) {
    const r = await call(mock, "POST", "/v1/conversations", body);
    assert.equal(r.status, 400);
    assert.deepEqual(r.body, { error: "bad_data", message: `${field} is required` });
    assert.ok(r.headers.get("x-request-id"));
  }
  const page = await ok(mock, "POST", "/v1/conversations", { id: 55, filters: { inboxes: [102] } });
  assert.ok(page.length > 0 && page.every((c) => c.inbox === 102));
  const closed = await ok(mock, "POST", "/v1/conversations", { id: 55, filters: { inboxes: [101], closed: true } });
  assert.ok(closed.length > 0 && closed.every((c) => c.status === "closed"));
});

test("local_id de-duplication: messages.send, messages.sendEmail, lists.create", async () => {
  const mock = createMockHeymarket();
  const cases = [
    ["/v1/message/send", "messages", { inbox_id: 101, creator_id: 55, phone_number: "14155550123", text: "hi", local_id: "dup-1" }],
    ["/v1/email/send", "messages", { inbox: 103, creator_id: 55, text: "<p>hi</p>", targets: ["to:pat@example.com"], local_id: "dup-2" }],
    ["/v2/lists", "lists", { title: "Dedup", local_id: "dup-3", phones: ["14155550123"] }],
  ];
  for (const [path, kind, body] of cases) {
    const before = mock.count(kind);
    const first = await ok(mock, "POST", path, body);
    const second = await ok(mock, "POST", path, body);
    assert.deepEqual(second, first, path);
    assert.equal(mock.count(kind), before + 1, `${path}: stored once`);
    await ok(mock, "POST", path, { ...body, local_id: `${body.local_id}-other` });
    assert.equal(mock.count(kind), before + 2, `${path}: another local_id is another record`);
  }
  const sent = await ok(mock, "POST", "/v1/message/send", { ...cases[0][2], local_id: "shape" });
  assert.deepEqual(Object.keys(sent).filter((k) => ["id", "date", "convo_id", "queued", "local_id"].includes(k)).sort(), ["convo_id", "date", "id", "local_id", "queued"]);
  assert.equal(sent.queued, true);
  assert.equal(sent.convo_id, CONVERSATIONS[0].id);
  assert.equal(sent.local_id, "shape");
  assert.equal(mock.store.messages.at(-1).id, sent.id);
});

test("a created contact reads back through v1 and v2, updates and deletes", async () => {
  const mock = createMockHeymarket();
  const created = await ok(mock, "POST", "/v1/contact", { phone: "14155557777", first: "Casey", last: "Created", custom: { 1: "Gold" } });
  assert.ok(Number.isInteger(created.id) && created.rev === 1);
  assert.match(created.uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const v1 = await ok(mock, "GET", `/v1/contact/${created.id}`);
  assert.equal(v1.display_name, "Casey Created");
  assert.equal((await ok(mock, "POST", "/v1/contact/get", { phone: "14155557777" })).id, created.id);
  assert.equal((await ok(mock, "POST", "/v1/contact/get", { id: created.id })).id, created.id);
  const v2 = await ok(mock, "GET", `/v2/contact/${created.uuid}`);
  assert.equal(v2.id, created.id);
  assert.deepEqual((await ok(mock, "GET", `/v2/contact/${created.uuid}/channel/phone`)).channel_id, "14155557777");
  // PUT /v1/contact/{id}?overwrite= merges custom fields unless overwrite=true.
  assert.equal((await ok(mock, "PUT", `/v1/contact/${created.id}?overwrite=false`, { phone: "14155557777", custom: { 2: "Acme" } })).rev, 2);
  assert.deepEqual((await ok(mock, "GET", `/v1/contact/${created.id}`)).custom, { 1: "Gold", 2: "Acme" });
  await ok(mock, "PUT", `/v1/contact/${created.id}?overwrite=true`, { phone: "14155557777", custom: { 3: "x" } });
  assert.deepEqual((await ok(mock, "GET", `/v1/contact/${created.id}`)).custom, { 3: "x" });
  assert.equal((await ok(mock, "PUT", `/v2/contact/${created.uuid}`, { first: "Kasey" })).first, "Kasey");
  const channels = await ok(mock, "POST", `/v2/contact/${created.uuid}/channel`, { channel_type: "email", channel_id: "kasey@example.com" });
  assert.deepEqual(channels.map((c) => c.channel_type).sort(), ["email", "phone"]);
  assert.equal((await ok(mock, "DELETE", `/v1/contact/${created.id}`)), "ok");
  assert.deepEqual((await call(mock, "GET", `/v2/contact/${created.uuid}`)).body, { error: "not_found", message: "Contact not found" });
  // v2 create → v1 read.
  const c2 = await ok(mock, "POST", "/v2/contact", { contact_channels: [{ channel_type: "phone", channel_id: "14155556666" }], first: "Vee" });
  assert.equal((await ok(mock, "GET", `/v1/contact/${c2.id}`)).phone, "14155556666");
  const found = await ok(mock, "POST", "/v2/contacts/search", { contact_channels: [{ channel_ids: ["14155556666"] }] });
  assert.deepEqual(found.map((c) => c.uuid), [c2.uuid]);
  assert.equal(await ok(mock, "DELETE", "/v2/contacts", { contact_channels: [{ channel_type: "id", channel_ids: [c2.uuid] }] }), "ok");
  assert.equal((await call(mock, "GET", `/v1/contact/${c2.id}`)).status, 404);
});

test("templates, tags, lists and schedules: create, read back, update, delete", async () => {
  const mock = createMockHeymarket();
  const t = await ok(mock, "POST", "/v1/template", { title: "Greeting", content: { text: "Hi {{first_name}}" } });
  assert.equal((await ok(mock, "GET", `/v1/template/${t.id}`)).name, "Greeting");
  await ok(mock, "PUT", `/v1/template/${t.id}`, { title: "Hello", content: { text: "Hello" } });
  assert.equal((await ok(mock, "GET", `/v1/template/${t.id}`)).name, "Hello");
  assert.equal((await ok(mock, "POST", "/v1/templates", {}))[0].id, t.id, "the newest first");
  assert.equal(await ok(mock, "DELETE", `/v1/template/${t.id}`), "ok");
  assert.equal((await call(mock, "GET", `/v1/template/${t.id}`)).status, 404);
  const tag = await ok(mock, "POST", "/v1/tag", { tag: "VIP", color: "#FFD700" });
  assert.equal((await ok(mock, "GET", `/v1/tag/${tag.id}`)).tag, "VIP");
  await ok(mock, "DELETE", `/v1/tag/${tag.id}`);
  assert.equal((await call(mock, "GET", `/v1/tag/${tag.id}`)).status, 404);
  const list = await ok(mock, "POST", "/v2/lists", { title: "Promo", local_id: "promo-1", phones: ["14155550123"] });
  assert.deepEqual(await ok(mock, "PUT", `/v2/lists/${list.id}`, { add_phones: ["14155550124"], remove_phones: ["14155550123"] }), { id: list.id, rev: 2 });
  assert.deepEqual(Object.keys((await ok(mock, "GET", `/v1/list/${list.id}`)).targets), ["14155550124"]);
  assert.deepEqual(await ok(mock, "DELETE", `/v2/lists/${list.id}`), { deleted: true, id: list.id });
  const v1 = await ok(mock, "POST", "/v1/list", { title: "Old", members: { 14155550125: { f: "A", l: "B" } } });
  await ok(mock, "PUT", `/v1/list/${v1.id}`, { title: "Older", add_phone: ["14155550126"] });
  assert.equal((await ok(mock, "GET", `/v1/list/${v1.id}`)).name, "Older");
  await ok(mock, "DELETE", `/v1/list/${v1.id}`);
  const s = await ok(mock, "POST", "/v1/schedule", { inbox_id: 101, execute_at: "2027-01-01T10:00:00Z", content: { text: "Soon" }, phone_number: "14155550123" });
  await ok(mock, "PUT", `/v1/schedule/${s.id}`, { execute_at: "2027-01-01T10:15:00Z" });
  assert.equal((await ok(mock, "GET", `/v1/schedule/${s.id}`)).execute, "2027-01-01T10:15:00Z");
});

test("API-like errors: 400 bad_data for required, one-of and mistyped fields; 404 not_found", async () => {
  const mock = createMockHeymarket();
  const bad = async (method, path, body, message) => {
    const r = await call(mock, method, path, body);
    assert.equal(r.status, 400, `${path} ${JSON.stringify(body)}`);
    assert.deepEqual(r.body, { error: "bad_data", message });
  };
  await bad("POST", "/v1/message/send", { creator_id: 55, phone_number: "14155550123" }, "inbox_id is required");
  await bad("POST", "/v1/message/send", { inbox_id: 101, creator_id: 55 }, "one of phone_number, chat_id, list_id, targets is required");
  await bad("POST", "/v1/message/send", { inbox_id: 101, creator_id: 55, phone_number: "+14155550123" }, "phone_number must be phone digits without + (E.164, e.g. 14155550123)");
  await bad("POST", "/v1/email/send", { creator_id: 55, inbox: 103 }, "text is required");
  await bad("POST", "/v1/contact", { first: "No phone" }, "phone is required");
  await bad("POST", "/v1/conversations/reassign", { inbox_id: 101, user_id: 55, chat_id: 123 }, "reassign_id is required");
  await bad("POST", "/v1/conversations/transfer", { conversation_id: "123", transfer_inbox_id: 102 }, "conversation_id must be an integer");
  await bad("POST", "/v2/contact", { first: "x" }, "contact_channels is required");
  await bad("POST", "/v1/template", { title: "t" }, "content is required");
  await bad("POST", "/v1/tag", {}, "tag is required");
  await bad("POST", "/v1/schedule", { inbox_id: 101, execute_at: "2027-01-01T10:00:00Z", content: {} }, "one of phone_number, conversation_id, list_id, targets is required");
  await bad("POST", "/v1/contact/set_status", { id: 90001 }, "status is required");
  for (const path of ["/v1/contact/1", "/v1/template/1", "/v1/tag/1", "/v1/list/1", "/v1/schedule/1", "/v1/survey/1", "/v2/contact/not-a-uuid", "/v1/conversations/abc"]) {
    const r = await call(mock, "GET", path);
    assert.equal(r.status, 404, path);
    assert.equal(r.body.error, "not_found", path);
    assert.match(r.body.message, /not found/, path);
  }
  assert.equal((await call(mock, "POST", "/v1/contacts", "not json")).status, 400);
});

test("bare strings and the documented shapes", async () => {
  const mock = createMockHeymarket();
  const chat = { inbox_id: 101, user_id: 55, chat_id: CONVERSATIONS[0].id };
  assert.equal(await ok(mock, "POST", "/v1/conversations/close", chat), "ok");
  assert.equal(mock.store.conversations.find((c) => c.id === chat.chat_id).status, "closed");
  assert.equal(await ok(mock, "POST", "/v1/conversations/open", chat), "ok");
  assert.equal(await ok(mock, "POST", "/v1/contact/set_status", { id: 90001, status: "blocked" }), "success");
  assert.equal((await ok(mock, "POST", "/v1/contact/status", { id: 90001 })).blocked, true);
  assert.equal(await ok(mock, "POST", "/v1/batch/contacts", [{ phone: "14155551111" }]), "ok");
  assert.deepEqual(await ok(mock, "POST", "/v1/batch/contacts", [{ first: "no phone" }]), [{ first: "no phone" }]);
  assert.ok(Array.isArray(await ok(mock, "GET", "/v1/inboxes")));
  assert.ok(Array.isArray((await ok(mock, "GET", "/v1/team")).members));
  const upd = await ok(mock, "POST", "/v1/users/update", { users: [{ id: 56, last_name: "Renamed" }] });
  assert.equal(upd.memberships[0].name, "Grace Renamed");
});

test("query parameters: messages.history, users.lookup (repeated), overwrite", async () => {
  const mock = createMockHeymarket();
  const conv = CONVERSATIONS[0];
  const all = await ok(mock, "GET", `/v1/messages?phoneNumber=${conv.target}&inboxID=${conv.inbox}`);
  assert.equal(all.length, 50, "at most 50");
  assert.ok(all.every((m) => m.target === conv.target));
  const ts = Math.floor(Date.parse(all[9].date) / 1000);
  const older = await ok(mock, "GET", `/v1/messages?phoneNumber=${conv.target}&inboxID=${conv.inbox}&timestamp=${ts}`);
  assert.equal(older[0].id, all[10].id);
  assert.deepEqual(await ok(mock, "GET", `/v1/messages?phoneNumber=${conv.target}&inboxID=999`), []);
  assert.equal((await call(mock, "GET", `/v1/messages?inboxID=${conv.inbox}`)).body.message, "phoneNumber is required");
  const users = await ok(mock, "GET", "/v1/users/get?phone=15105550055&phone=15105550056&email=alan@example.com");
  assert.deepEqual(ids(users.memberships), [55, 56, 57]);
  await ok(mock, "POST", "/v1/batch/contacts?overwrite=true", [{ phone: mock.store.contacts[0].phone, first: "Overwritten" }]);
  assert.equal(mock.store.contacts[0].first, "Overwritten");
  await ok(mock, "POST", "/v1/batch/contacts?overwrite=false", [{ phone: mock.store.contacts[0].phone, first: "Skipped" }]);
  assert.equal(mock.store.contacts[0].first, "Overwritten");
});

test("dropAfterProcessing: the store changes, then the fetch rejects like a reset connection", async () => {
  const mock = createMockHeymarket();
  const before = mock.count("messages");
  mock.script({ dropAfterProcessing: true });
  const send = { inbox_id: 101, creator_id: 55, phone_number: "14155550123", text: "lost answer", local_id: "drop-1" };
  await assert.rejects(call(mock, "POST", "/v1/message/send", send), (e) => e instanceof TypeError && e.message === "fetch failed" && e.cause?.code === "ECONNRESET");
  assert.equal(mock.count("messages"), before + 1, "processed");
  assert.equal(mock.requests.at(-1).dropped, true);
  const retry = await ok(mock, "POST", "/v1/message/send", send);
  assert.equal(retry.id, mock.store.messages.at(-1).id);
  assert.equal(mock.count("messages"), before + 1, "the retry is de-duplicated");
  mock.script({ networkError: true });
  await assert.rejects(call(mock, "GET", "/v1/team"), (e) => e instanceof TypeError && e.cause?.code === "ECONNREFUSED");

  const server = await mock.listen();
  try {
    mock.script({ dropAfterProcessing: true });
    const res = fetch(`${server.url}/v1/tag`, { method: "POST", headers: { authorization: `Bearer ${jwt()}`, "content-type": "application/json" }, body: JSON.stringify({ tag: "Dropped" }) });
    await assert.rejects(res, TypeError);
    assert.equal(mock.store.tags.at(-1).tag, "Dropped");
  } finally {
    await server.close();
  }
});

test("hugeBodyBytes: an exact-size JSON array, streamed; bytes produced are counted up to the cancel", async () => {
  const mock = createMockHeymarket();
  for (const size of [2, 3, 4, 100_001, 262_144]) {
    mock.script({ hugeBodyBytes: size, chunkBytes: 4096 });
    const res = await mock.fetch(`${BASE}/v1/inboxes`);
    assert.equal(res.headers.get("content-length"), String(size));
    assert.ok(res.headers.get("x-request-id"));
    const text = await res.text();
    assert.equal(text.length, size);
    assert.ok(Array.isArray(JSON.parse(text)), `valid JSON at ${size} bytes`);
    assert.equal(mock.lastHugeBodyBytesSent, size);
  }
  const total = 64 * 1024 * 1024;
  mock.script({ hugeBodyBytes: total, chunked: true });
  const res = await mock.fetch(`${BASE}/v1/inboxes`);
  assert.equal(res.headers.get("content-length"), null);
  const reader = res.body.getReader();
  let read = 0;
  while (read < 1024 * 1024) read += (await reader.read()).value.length;
  await reader.cancel();
  assert.equal(mock.lastHugeBodyCancelled, true);
  assert.ok(mock.lastHugeBodyBytesSent >= read && mock.lastHugeBodyBytesSent < read + 256 * 1024, `${mock.lastHugeBodyBytesSent} produced for ${read} read`);

  const server = await mock.listen();
  try {
    for (const chunked of [true, false]) {
      mock.script({ hugeBodyBytes: total, chunked });
      const r = await fetch(`${server.url}/v1/inboxes`);
      assert.equal(r.status, 200);
      assert.equal(r.headers.get("content-length"), chunked ? null : String(total));
      assert.equal(r.headers.get("transfer-encoding"), chunked ? "chunked" : null);
      const rd = r.body.getReader();
      let got = 0;
      while (got < 1024 * 1024) got += (await rd.read()).value.length;
      await rd.cancel();
      for (let i = 0; i < 100 && !mock.lastHugeBodyCancelled; i++) await new Promise((ok) => setTimeout(ok, 20));
      assert.equal(mock.lastHugeBodyCancelled, true, "the server stopped producing");
      assert.ok(mock.lastHugeBodyBytesSent < total / 2, `${mock.lastHugeBodyBytesSent} of ${total} produced`);
    }
  } finally {
    await server.close();
  }
});

test("reset({ store: true }) re-seeds; reset() keeps the store", async () => {
  const mock = createMockHeymarket();
  await ok(mock, "POST", "/v1/tag", { tag: "Temp" });
  mock.reset();
  assert.equal(mock.store.tags.at(-1).tag, "Temp");
  mock.reset({ store: true });
  assert.deepEqual(mock.store.tags, createFixtures().tags);
  assert.equal(mock.requests.length, 0);
});
