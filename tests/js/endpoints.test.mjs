// Every endpoint of the spec, driven from one table: a valid call against the
// in-process mock (the exact request the mock saw, the decoded result, and a
// read-back of what it changed), and one bad input (invalid_argument naming
// the method and the field, nothing sent).
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { MOCK_ENDPOINTS, CONVERSATIONS } from "heymarket-wasm/mock";
import { setup, rejects, method, seen, firstPage, drain, clientMethods, NAMESPACES } from "./helpers.mjs";

const U1 = "0000c0c0-0000-4000-8000-000000000001"; // contact 90001, phone 16505551000
const U2 = "0000c0c0-0000-4000-8000-000000000002";
const U3 = "0000c0c0-0000-4000-8000-000000000003";
const LID1 = "0b9e1f6c-6a47-4c8e-9d1e-5c2f0a3b4d01";
const LID2 = "0b9e1f6c-6a47-4c8e-9d1e-5c2f0a3b4d02";
const LID3 = "0b9e1f6c-6a47-4c8e-9d1e-5c2f0a3b4d03";
const find = (mock, kind, id, key = "id") => mock.store[kind].find((r) => r[key] === id);
const CHAT = { inbox_id: 101, user_id: 55 };
const SCHEDULE = { inbox_id: 101, execute_at: "2026-02-01T10:00:00Z", content: { text: "Reminder" } };

// [name, args, [HTTP method, path, query, body, shape], check(result, ctx), [bad args, field], paged?]
const ROWS = [
  ["messages.send", [{ inbox_id: 101, creator_id: 55, phone_number: "+1 (415) 555-0123", text: "hello", local_id: LID1 }],
    ["POST", "/v1/message/send", "", { inbox_id: 101, creator_id: 55, phone_number: "14155550123", text: "hello", local_id: LID1 }, "obj"],
    (r, { mock }) => { assert.equal(r.local_id, LID1); assert.equal(r.convo_id, 123); assert.equal(find(mock, "messages", r.id).text, "hello"); },
    [[{ creator_id: 55, phone_number: "14155550123" }], "inbox_id"]],
  ["messages.sendEmail", [{ creator_id: 55, inbox: 103, text: "<p>Hi</p>", raw_text: "Hi", targets: ["to:pat@example.com"], local_id: LID2 }],
    ["POST", "/v1/email/send", "", { creator_id: 55, inbox: 103, text: "<p>Hi</p>", raw_text: "Hi", targets: ["to:pat@example.com"], local_id: LID2 }, "obj"],
    (r, { mock }) => { assert.equal(r.local_id, LID2); assert.equal(r.queued, true); assert.equal(find(mock, "messages", r.id).type, "email"); },
    [[{ creator_id: 55, inbox: "103", text: "x" }], "inbox"]],
  ["messages.history", [{ phone_number: "14155550123", inbox_id: 101 }],
    ["GET", "/v1/messages", "?phoneNumber=14155550123&inboxID=101", undefined, "arr"],
    (r) => { assert.equal(r.length, 50); assert.equal(r[0].id, 50001); assert.ok(r.every((m) => m.target === "14155550123")); },
    [[{ inbox_id: 101 }], "phone_number"]],
  ["messages.list", [{ order: "created_at", limit: 5 }],
    ["POST", "/v1/messages/all", "", { order: "created_at", limit: 5 }, "arr"],
    (r) => assert.deepEqual(r.map((m) => m.id), [50001, 50002, 50003, 50004, 50005]),
    [[{ order: "newest" }], "order"], true],
  ["messages.count", [{ created_at: "2026-01-05T11:00:00Z" }],
    ["POST", "/v1/messages/all/count", "", { created_at: "2026-01-05T11:00:00Z" }, "str"],
    (r) => assert.equal(r, "80"),
    [[{ ascending: "yes" }], "ascending"]],
  ["conversations.list", [{ id: 55, filters: { inboxes: [101] } }],
    ["POST", "/v1/conversations", "", { id: 55, filters: { inboxes: [101] } }, "arr"],
    (r) => { assert.equal(r.length, 30); assert.equal(r[0].id, 123); assert.ok(r.every((c) => c.inbox === 101)); },
    [[{ filters: { inboxes: [101] } }], "id"], true],
  ["conversations.count", [{ filters: { inboxes: [102] } }],
    ["POST", "/v1/conversations/count", "", { filters: { inboxes: [102] } }, "any"],
    (r) => assert.equal(r, 25),
    [[{ id: 1.5 }], "id"]],
  ["conversations.get", [123], ["GET", "/v1/conversations/123", "", undefined, "obj"],
    (r) => assert.deepEqual(r, CONVERSATIONS[0]),
    [[-1], "id"]],
  ["conversations.open", [{ inbox_id: 102, user_id: 56, chat_id: 9920 }],
    ["POST", "/v1/conversations/open", "", { inbox_id: 102, user_id: 56, chat_id: 9920 }, "str"],
    (r, { mock }) => { assert.equal(r, "ok"); assert.equal(find(mock, "conversations", 9920).status, "open"); },
    [[{ ...CHAT }], "chat_id"]],
  ["conversations.close", [{ ...CHAT, target: "+1 415 555 0123" }],
    ["POST", "/v1/conversations/close", "", { ...CHAT, target: "14155550123" }, "str"],
    (r, { mock }) => { assert.equal(r, "ok"); assert.equal(find(mock, "conversations", 123).status, "closed"); },
    [[{ ...CHAT, chat_id: 123, target: "14155550123" }], "target"]],
  ["conversations.markRead", [{ inbox_id: 101, user_id: 56, chat_id: 123 }],
    ["POST", "/v1/conversations/read", "", { inbox_id: 101, user_id: 56, chat_id: 123 }, "str"],
    (r, { mock }) => { assert.equal(r, "ok"); assert.deepEqual(find(mock, "conversations", 123).unread_users, []); },
    [[{ inbox_id: 101, user_id: 56, targets: "14155550123" }], "targets"]],
  ["conversations.markUnread", [{ ...CHAT, targets: ["14155552001"] }],
    ["POST", "/v1/conversations/unread", "", { ...CHAT, targets: ["14155552001"] }, "str"],
    (r, { mock }) => { assert.equal(r, "ok"); assert.equal(find(mock, "conversations", 1002).unread, true); },
    [[{ ...CHAT, chat_id: 123, color: "x" }], "color"]],
  ["conversations.reassign", [{ ...CHAT, reassign_id: 57, chat_id: 123 }],
    ["POST", "/v1/conversations/reassign", "", { ...CHAT, reassign_id: 57, chat_id: 123 }, "str"],
    (r, { mock }) => { assert.equal(r, "ok"); assert.equal(find(mock, "conversations", 123).assigned, 57); },
    [[{ ...CHAT, chat_id: 123 }], "reassign_id"]],
  ["conversations.transfer", [{ conversation_id: 4242, transfer_inbox_id: 103 }],
    ["POST", "/v1/conversations/transfer", "", { conversation_id: 4242, transfer_inbox_id: 103 }, "str"],
    (r, { mock }) => { assert.equal(r, "ok"); assert.equal(find(mock, "conversations", 4242).inbox, 103); },
    [[{ conversation_id: 4242 }], "transfer_inbox_id"]],
  ["contacts.create", [{ phone: "1-415-555-7777", first: "Pat", last: "Lee", custom: { 1: "Gold" } }],
    ["POST", "/v1/contact", "", { phone: "14155557777", first: "Pat", last: "Lee", custom: { 1: "Gold" } }, "obj"],
    async (r, { hm }) => {
      assert.ok(Number.isInteger(r.id));
      const back = await hm.contacts.get(r.id);
      assert.deepEqual([back.phone, back.first, back.uuid, back.custom], ["14155557777", "Pat", r.uuid, { 1: "Gold" }]);
    },
    [[{ first: "Pat" }], "phone"]],
  ["contacts.get", [90001], ["GET", "/v1/contact/90001", "", undefined, "obj"],
    (r) => { assert.equal(r.phone, "16505551000"); assert.equal(r.uuid, U1); assert.ok(!("contact_channels" in r)); },
    [[0], "id"]],
  ["contacts.update", [90001, { phone: "16505551000", first: "Renamed", overwrite: true }],
    ["PUT", "/v1/contact/90001", "?overwrite=true", { phone: "16505551000", first: "Renamed" }, "obj"],
    (r, { mock }) => { assert.deepEqual(r, { id: 90001, rev: 2, uuid: U1 }); assert.equal(find(mock, "contacts", 90001).first, "Renamed"); },
    [[90001, { first: "x" }], "phone"]],
  ["contacts.delete", [90002], ["DELETE", "/v1/contact/90002", "", undefined, "str"],
    async (r, { hm }) => { assert.equal(r, "ok"); await rejects(hm.contacts.get(90002), { code: "not_found", status: 404 }); },
    [["90002x"], "id"]],
  ["contacts.lookup", [{ phone: "+1 650 555 1000" }], ["POST", "/v1/contact/get", "", { phone: "16505551000" }, "obj"],
    (r) => assert.equal(r.id, 90001),
    [[{ id: true }], "id"]],
  ["contacts.list", [{ assigned: 55 }], ["POST", "/v1/contacts", "", { assigned: 55 }, "arr"],
    (r) => { assert.equal(r.length, 30); assert.ok(r.every((c) => c.assigned_user_id === 55)); },
    [[{ limit: "10" }], "limit"], true],
  ["contacts.count", [{ assigned: 56 }], ["POST", "/v1/contacts/count", "", { assigned: 56 }, "any"],
    (r) => assert.equal(r, 40),
    [[{ archived: 1 }], "archived"]],
  ["contacts.status", [{ id: 90017 }], ["POST", "/v1/contact/status", "", { id: 90017 }, "obj"],
    (r) => { assert.equal(r.id, 90017); assert.equal(r.unsubscribed, true); },
    [[{}], "id"]],
  ["contacts.setStatus", [{ phone: "16505551001", status: "blocked" }],
    ["POST", "/v1/contact/set_status", "", { phone: "16505551001", status: "blocked" }, "str"],
    async (r, { hm }) => { assert.equal(r, "success"); assert.equal((await hm.contacts.status({ id: 90002 })).blocked, true); },
    [[{ id: 90001, status: "deleted" }], "status"]],
  ["contacts.batchCreate", [[{ phone: "14155558001", first: "A" }, { phone: "14155558002" }], { overwrite: false }],
    ["POST", "/v1/batch/contacts", "?overwrite=false", [{ phone: "14155558001", first: "A" }, { phone: "14155558002" }], "any"],
    (r, { mock }) => { assert.equal(r, "ok"); assert.equal(find(mock, "contacts", "14155558001", "phone").first, "A"); },
    [["nope"], "contacts"]],
  ["contacts.fields.list", [], ["POST", "/v1/contact-fields", "", {}, "any"],
    (r) => assert.deepEqual(r.map((f) => f.title), ["Plan", "Company", "Birthday"]),
    [[{ title: "x" }], "title"]],
  ["contacts.fields.create", [[{ title: "Region" }, { title: "plan" }]],
    ["POST", "/v1/contacts/fields", "", [{ title: "Region" }, { title: "plan" }], "arr"],
    (r) => assert.deepEqual(r, [{ id: 4, title: "Region", duplicate: false }, { id: 1, title: "Plan", duplicate: true }]),
    [[[{ title: "x" }, "nope"]], "fields"]],
  ["contactsV2.create", [{ contact_channels: [{ channel_type: "phone", channel_id: "14155556000" }], first: "Vee" }],
    ["POST", "/v2/contact", "", { contact_channels: [{ channel_type: "phone", channel_id: "14155556000" }], first: "Vee" }, "obj"],
    async (r, { hm }) => { const back = await hm.contactsV2.get(r.uuid); assert.deepEqual([back.id, back.first, back.phone], [r.id, "Vee", "14155556000"]); },
    [[{ first: "Vee" }], "contact_channels"]],
  ["contactsV2.get", [U1], ["GET", `/v2/contact/${U1}`, "", undefined, "obj"],
    (r) => { assert.equal(r.id, 90001); assert.equal(r.contact_channels.length, 2); },
    [["not-a-uuid"], "contactID"]],
  ["contactsV2.update", [U1, { first: "Updated", phone: "+1 650-555-1000" }],
    ["PUT", `/v2/contact/${U1}`, "", { first: "Updated", phone: "16505551000" }, "obj"],
    (r) => { assert.equal(r.uuid, U1); assert.equal(r.first, "Updated"); },
    [[U1, { is_opted_out: "no" }], "is_opted_out"]],
  ["contactsV2.delete", [U2], ["DELETE", `/v2/contact/${U2}`, "", undefined, "str"],
    (r, { mock }) => { assert.equal(r, "ok"); assert.equal(find(mock, "contacts", U2, "uuid"), undefined); },
    [[""], "contactID"]],
  ["contactsV2.bulkUpsert", [[{ contact_id: U1, first: "Bulk" }, { phone: "14155556001", first: "New" }]],
    ["POST", "/v2/contacts", "", { contacts: [{ contact_id: U1, first: "Bulk" }, { phone: "14155556001", first: "New" }] }, "obj"],
    (r) => { assert.deepEqual(r.contacts.map((c) => c.first), ["Bulk", "New"]); assert.deepEqual(r.failed_contacts, []); },
    [[{ contacts: [] }], "contacts"]],
  ["contactsV2.bulkDelete", [[U3]],
    ["DELETE", "/v2/contacts", "", { contact_channels: [{ channel_type: "id", channel_ids: [U3] }] }, "str"],
    (r, { mock }) => { assert.equal(r, "ok"); assert.equal(mock.count("contacts"), 119); },
    [[["not-a-uuid"]], "uuids"]],
  ["contactsV2.list", [{ limit: 10 }], ["POST", "/v2/contacts/list", "", { limit: 10, page: 0 }, "arr"],
    (r) => { assert.equal(r.length, 10); assert.equal(r[0].uuid, U1); },
    [[{ sort: "x" }], "sort"], true],
  ["contactsV2.search", [{ contact_channels: [{ channel_type: "phone", channel_ids: ["16505551000"] }] }],
    ["POST", "/v2/contacts/search", "", { contact_channels: [{ channel_type: "phone", channel_ids: ["16505551000"] }] }, "arr"],
    (r) => assert.deepEqual(r.map((c) => c.uuid), [U1]),
    [[{}], "contact_channels"]],
  ["contactsV2.channels.add", [U1, { channel_type: "whatsapp", channel_id: "16505551000" }],
    ["POST", `/v2/contact/${U1}/channel`, "", { channel_type: "whatsapp", channel_id: "16505551000" }, "arr"],
    (r) => assert.deepEqual(r.map((c) => c.channel_type), ["phone", "email", "whatsapp"]),
    [[U1, { channel_type: "sms", channel_id: "x" }], "channel_type"]],
  ["contactsV2.channels.update", [U1, { channel_type: "email", channel_id: "new@example.com" }],
    ["PUT", `/v2/contact/${U1}/channel`, "", { channel_type: "email", channel_id: "new@example.com" }, "any"],
    (r, { mock }) => { assert.equal(r.channel_id, "new@example.com"); assert.equal(find(mock, "contacts", 90001).email, "new@example.com"); },
    [[U1, { channel_type: "email" }], "channel_id"]],
  ["contactsV2.channels.get", [U1, "email"], ["GET", `/v2/contact/${U1}/channel/email`, "", undefined, "obj"],
    (r) => assert.equal(r.channel_id, "ada.example.1@example.com"),
    [[U1, "sms"], "channelType"]],
  ["lists.create", [{ title: "VIPs", local_id: LID3, phones: ["+1 650 555 1000"], contacts: [90002] }],
    ["POST", "/v2/lists", "", { title: "VIPs", local_id: LID3, phones: ["16505551000"], contacts: [90002] }, "obj"],
    (r, { mock }) => {
      assert.equal(r.local_id, LID3);
      const list = find(mock, "lists", r.id);
      assert.equal(list.name, "VIPs");
      assert.deepEqual(Object.keys(list.targets).sort(), ["16505551000", "16505551001"]);
    },
    [[{ title: "a", phones: ["x"] }], "phones"]],
  ["lists.update", [5001, { title: "Renamed", add_phones: ["16505551050"] }],
    ["PUT", "/v2/lists/5001", "", { title: "Renamed", add_phones: ["16505551050"] }, "obj"],
    (r, { mock }) => { assert.deepEqual(r, { id: 5001, rev: 2 }); assert.ok("16505551050" in find(mock, "lists", 5001).targets); },
    [[5001, { add_contacts: [1.5] }], "add_contacts"]],
  ["lists.delete", [5002, { contact_ids: [90003] }], ["DELETE", "/v2/lists/5002", "", { contact_ids: [90003] }, "obj"],
    (r) => assert.deepEqual(r, { deleted: true, id: 5002 }),
    [[5002, { contact_ids: "90003" }], "contact_ids"]],
  ["lists.v1.create", [{ title: "Old list", targets: { 16505551000: { f: "Ada", l: "Example" } } }],
    ["POST", "/v1/list", "", { title: "Old list", targets: { 16505551000: { f: "Ada", l: "Example" } } }, "obj"],
    (r) => { assert.equal(r.name, "Old list"); assert.deepEqual(r.targets, { 16505551000: { f: "Ada", l: "Example" } }); },
    [[{}], "title"]],
  ["lists.v1.get", [5003], ["GET", "/v1/list/5003", "", undefined, "obj"],
    (r) => assert.equal(r.name, "List 3"),
    [[1.5], "id"]],
  ["lists.v1.update", [5003, { add_phone: ["+1 650 555 1001"] }], ["PUT", "/v1/list/5003", "", { add_phone: ["16505551001"] }, "any"],
    (r) => assert.deepEqual(Object.keys(r.targets).sort(), ["16505551001", "16505551002", "16505551003", "16505551004"]),
    [[5003, { add_phone: "16505551001" }], "add_phone"]],
  ["lists.v1.delete", [5004], ["DELETE", "/v1/list/5004", "", undefined, "any"],
    async (r, { hm }) => { assert.equal(r, "ok"); await rejects(hm.lists.v1.get(5004), { code: "not_found" }); },
    [[null], "id"]],
  ["lists.v1.list", [], ["POST", "/v1/lists", "", {}, "arr"],
    (r) => { assert.equal(r.length, 30); assert.equal(r[0].id, 5001); },
    [[{ date: 5 }], "date"], true],
  ["templates.create", [{ title: "Greeting", content: { text: "Hi {{first_name}}" } }],
    ["POST", "/v1/template", "", { title: "Greeting", content: { text: "Hi {{first_name}}" } }, "obj"],
    async (r, { hm }) => { const back = await hm.templates.get(r.id); assert.deepEqual([back.name, back.content.text], ["Greeting", "Hi {{first_name}}"]); },
    [[{ title: "Greeting" }], "content"]],
  ["templates.get", [3001], ["GET", "/v1/template/3001", "", undefined, "obj"], (r) => assert.equal(r.name, "Template 1"), [["abc"], "id"]],
  ["templates.update", [3001, { title: "T1", content: { text: "new" } }],
    ["PUT", "/v1/template/3001", "", { title: "T1", content: { text: "new" } }, "any"],
    (r, { mock }) => { assert.deepEqual(r, { id: 3001, rev: 2 }); assert.equal(find(mock, "templates", 3001).name, "T1"); },
    [[3001, { title: "T1" }], "content"]],
  ["templates.delete", [3002], ["DELETE", "/v1/template/3002", "", undefined, "any"],
    (r, { mock }) => { assert.equal(r, "ok"); assert.equal(find(mock, "templates", 3002), undefined); },
    [[-5], "id"]],
  ["templates.list", [], ["POST", "/v1/templates", "", {}, "arr"], (r) => assert.equal(r[0].id, 3001), [[{ cursor: "x" }], "cursor"], true],
  ["tags.create", [{ tag: "VIP", color: "#ff0000" }], ["POST", "/v1/tag", "", { tag: "VIP", color: "#ff0000" }, "obj"],
    async (r, { hm }) => assert.equal((await hm.tags.get(r.id)).tag, "VIP"),
    [[{ tag: 5 }], "tag"]],
  ["tags.get", [4001], ["GET", "/v1/tag/4001", "", undefined, "obj"], (r) => assert.equal(r.tag, "Tag 1"), [[4001.5], "id"]],
  ["tags.delete", [4002], ["DELETE", "/v1/tag/4002", "", undefined, "any"],
    (r, { mock }) => { assert.equal(r, "ok"); assert.equal(mock.count("tags"), 99); },
    [[true], "id"]],
  ["tags.list", [], ["POST", "/v1/tags", "", {}, "arr"], (r) => assert.equal(r.length, 30), [[{ limit: 10 }], "limit"], true],
  ["schedules.create", [{ ...SCHEDULE, phone_number: "+1 650 555 1000" }],
    ["POST", "/v1/schedule", "", { ...SCHEDULE, phone_number: "16505551000" }, "obj"],
    async (r, { hm }) => { const back = await hm.schedules.get(r.id); assert.deepEqual([back.execute, back.meta.phone_number], [SCHEDULE.execute_at, "16505551000"]); },
    [[{ ...SCHEDULE }], "phone_number"]],
  ["schedules.get", [6001], ["GET", "/v1/schedule/6001", "", undefined, "obj"], (r) => assert.equal(r.inbox_id, 101), [[{}], "id"]],
  ["schedules.update", [6001, { execute_at: "2026-03-01T09:00:00Z" }], ["PUT", "/v1/schedule/6001", "", { execute_at: "2026-03-01T09:00:00Z" }, "obj"],
    (r, { mock }) => { assert.deepEqual(r, { id: 6001 }); assert.equal(find(mock, "schedules", 6001).execute, "2026-03-01T09:00:00Z"); },
    [[6001, { user_id: "55" }], "user_id"]],
  ["surveys.get", [7001], ["GET", "/v1/survey/7001", "", undefined, "obj"], (r) => assert.equal(r.name, "Survey 1"), [[NaN], "id"]],
  ["surveys.list", [{ limit: 10 }], ["POST", "/v1/surveys", "", { limit: 10, page: 1 }, "arr"],
    (r) => assert.deepEqual(r.map((s) => s.id), [7001, 7002, 7003, 7004, 7005, 7006, 7007, 7008, 7009, 7010]),
    [[{ limit: 2.5 }], "limit"], true],
  ["inboxes.list", [], ["GET", "/v1/inboxes", "", undefined, "any"], (r) => assert.deepEqual(r.map((i) => i.id), [101, 102, 103]), [[{ foo: 1 }], "foo"]],
  ["team.get", [], ["GET", "/v1/team", "", undefined, "obj"], (r) => assert.equal(r.id, 7), [[{ timeoutMs: "5" }], "timeoutMs"]],
  ["users.lookup", [{ phone: ["+1 510 555 0055"], email: ["grace@example.com"] }],
    ["GET", "/v1/users/get", "?phone=15105550055&email=grace%40example.com", undefined, "obj"],
    (r) => assert.deepEqual(r.memberships.map((u) => u.id), [55, 56]),
    [[{ phone: "15105550055" }], "phone"]],
  ["users.update", [[{ id: 56, first_name: "Gracie" }]], ["POST", "/v1/users/update", "", { users: [{ id: 56, first_name: "Gracie" }] }, "obj"],
    (r, { mock }) => { assert.equal(r.memberships[0].first_name, "Gracie"); assert.equal(find(mock, "users", 56).first_name, "Gracie"); },
    [[[5]], "users"]],
];

const SHAPES = {
  obj: (v) => typeof v === "object" && v !== null && !Array.isArray(v),
  arr: Array.isArray,
  str: (v) => typeof v === "string",
  any: (v) => v !== undefined,
};
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("the table covers the 63 endpoints of the mock, one row each", () => {
  assert.equal(ROWS.length, 63);
  assert.deepEqual(ROWS.map((r) => r[0]).sort(), MOCK_ENDPOINTS.map(([n]) => n).sort());
  for (const [name, , [http, path]] of ROWS) {
    const [, m, p] = MOCK_ENDPOINTS.find(([n]) => n === name);
    assert.equal(http, m, name);
    // The mock's path template, filled in, is the path the row expects.
    assert.match(path, new RegExp(`^${esc(p).replace(/\\\{\w+\\\}/g, "[^/]+")}$`), name);
  }
});

test("the client's methods are exactly MOCK_ENDPOINTS' names, and the batch helper over messages.send", () => {
  const { hm } = setup();
  for (const ns of NAMESPACES) assert.equal(typeof hm[ns], "object", `hm.${ns}`);
  assert.deepEqual(clientMethods(hm), [...MOCK_ENDPOINTS.map(([n]) => n), "messages.sendMany"].sort());
  assert.equal(hm.contacts, hm.contacts, "a namespace is the same object on every access");
});

describe("every endpoint: a valid call", () => {
  for (const [name, args, [http, path, query, body, shape], check, , paged] of ROWS) {
    test(`${name} → ${http} ${path}${query}`, async () => {
      const { mock, hm } = setup();
      const ret = method(hm, name)(...structuredClone(args));
      if (paged) {
        assert.equal(Object.prototype.toString.call(ret), "[object Paginator]", "a list method returns a Paginator");
        assert.equal(typeof ret.then, "undefined", "a Paginator is not a promise");
      } else {
        assert.ok(ret instanceof Promise, "a method returns a Promise");
      }
      const result = paged ? await firstPage(ret) : await ret;
      assert.equal(mock.requests.length, 1, "one request");
      const req = seen(mock.requests[0]);
      assert.equal(mock.requests[0].auth.valid, true, mock.requests[0].auth.reason);
      assert.deepEqual({ method: req.method, path: req.path, query: req.query }, { method: http, path, query });
      assert.deepEqual(req.body, body, "the JSON body");
      assert.equal(req.contentType, body === undefined ? undefined : "application/json");
      assert.ok(SHAPES[shape](result), `result shape ${shape}: ${JSON.stringify(result)?.slice(0, 100)}`);
      await check(result, { hm, mock });
    });
  }
});

describe("every endpoint: a bad input is invalid_argument naming the method and the field, nothing sent", () => {
  for (const [name, , , , [badArgs, field], paged] of ROWS) {
    test(`${name}(${JSON.stringify(badArgs).slice(1, -1)}) names ${field}`, async () => {
      const { mock, hm } = setup();
      const ret = method(hm, name)(...badArgs);
      const settled = paged ? drain(ret).then(({ items, error }) => (assert.deepEqual(items, []), Promise.reject(error))) : ret;
      const err = await rejects(settled, { code: "invalid_argument", status: undefined });
      assert.ok(err.message.includes(name), `names the method: ${err.message}`);
      assert.match(err.message, new RegExp(`\\b${field}\\b`), "names the field");
      assert.equal(mock.requests.length, 0, "nothing sent");
    });
  }
});
