// How params become requests: names verbatim, phone numbers, unknown and
// absent fields, path params, enums, one-of groups, query-string fields,
// positional array bodies, and hostile values. Every rejection is
// invalid_argument before anything is sent.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { normalizePhone } from "heymarket-wasm";
import { setup, rejects, throws, seen, Heymarket, FIXTURE_CREDENTIALS } from "./helpers.mjs";

const U1 = "0000c0c0-0000-4000-8000-000000000001";
const SEND = { inbox_id: 101, creator_id: 55 };
const invalid = (re) => ({ code: "invalid_argument", status: undefined, message: re });

/** Reject with invalid_argument matching `re`, nothing sent, and the client still works afterwards. */
async function refused(call, re) {
  const { mock, hm } = setup();
  await rejects(call(hm), invalid(re));
  assert.equal(mock.requests.length, 0, "nothing sent");
  assert.equal((await hm.team.get()).id, 7, "the client still works");
}

describe("names and values", () => {
  test("snake_case names are sent verbatim; camelCase is an unknown param", async () => {
    const { mock, hm } = setup();
    await hm.messages.send({ ...SEND, chat_id: 123, text: "x", local_id: "l-1", media_url: "https://example.com/a.png" });
    assert.deepEqual(Object.keys(seen(mock.requests[0]).body).sort(), ["chat_id", "creator_id", "inbox_id", "local_id", "media_url", "text"]);
    await refused((c) => c.messages.send({ inboxId: 101, creator_id: 55, chat_id: 123 }), /^messages\.send: unknown param "inboxId"; expected one of inbox_id, /);
  });

  test("an unknown param is refused, naming it and the known ones", async () => {
    await refused((c) => c.contacts.create({ phone: "14155551234", nickname: "P" }), /^contacts\.create: unknown param "nickname".*\bfirst\b/);
    await refused((c) => c.tags.create({ tag: "x", colour: "red" }), /^tags\.create: unknown param "colour"/);
  });

  test("null and undefined mean 'not given'", async () => {
    const { mock, hm } = setup();
    await hm.messages.send({ ...SEND, phone_number: null, chat_id: 123, text: undefined, media_url: null, local_id: "l-2" });
    assert.deepEqual(seen(mock.requests[0]).body, { ...SEND, chat_id: 123, local_id: "l-2" });
    await hm.contacts.update(90001, { phone: "16505551000", overwrite: null, first: undefined });
    assert.deepEqual([seen(mock.requests[1]).query, seen(mock.requests[1]).body], ["", { phone: "16505551000" }]);
    await refused((c) => c.messages.send({ ...SEND, inbox_id: null, chat_id: 123 }), /^messages\.send: inbox_id is required$/);
  });

  test("a params object of the wrong kind is refused", async () => {
    for (const bad of [[], "x", 5, () => ({})]) await refused((c) => c.contacts.create(bad), /^contacts\.create: params must be an object/);
    await refused((c) => c.contacts.create(), /^contacts\.create: phone is required/);
  });

  test("types: int, bool, str, lists", async () => {
    await refused((c) => c.messages.send({ ...SEND, chat_id: 1.5 }), /^messages\.send: chat_id must be a positive safe integer/);
    await refused((c) => c.messages.send({ ...SEND, chat_id: 2 ** 53 }), /^messages\.send: chat_id/);
    await refused((c) => c.messages.send({ ...SEND, chat_id: 123, private: "true" }), /^messages\.send: private must be a boolean/);
    await refused((c) => c.messages.send({ ...SEND, chat_id: 123, text: 5 }), /^messages\.send: text must be a string/);
    await refused((c) => c.lists.update(5001, { add_contacts: [1, "2"] }), /^lists\.update: add_contacts/);
  });

  test("a wrong-typed integer is described as a number, not as 'a number with a fraction'", async () => {
    const { hm } = setup();
    const err = await rejects(hm.tags.create({ tag: 5 }), invalid(/^tags\.create: tag must be a string, got /));
    assert.doesNotMatch(err.message, /fraction/, err.message);
    const err2 = await rejects(hm.contacts.batchCreate([1]), invalid(/^contacts\.batchCreate: contacts\[0\] must be an object/));
    assert.doesNotMatch(err2.message, /fraction/, err2.message);
  });
});

describe("phone numbers", () => {
  const FORMS = ["+1 (415) 555-1234", "1-415-555-1234", "14155551234", "+1.415.555.1234"];

  test("every typed form is sent as E.164 digits, in body, list and query fields", async () => {
    const { mock, hm } = setup();
    for (const phone of FORMS) await hm.contacts.create({ phone });
    assert.deepEqual(mock.requests.map((r) => seen(r).body.phone), FORMS.map(() => "14155551234"));
    await hm.conversations.markUnread({ inbox_id: 101, user_id: 55, targets: ["+1 (415) 555-2001", "1-415-555-2002"] });
    assert.deepEqual(seen(mock.requests.at(-1)).body.targets, ["14155552001", "14155552002"]);
    await hm.users.lookup({ phone: ["+1 (510) 555-0055"] });
    assert.equal(seen(mock.requests.at(-1)).query, "?phone=15105550055");
  });

  test("10 digits need the defaultCountryCode option", async () => {
    await refused((c) => c.contacts.create({ phone: "(415) 555-1234" }), /^contacts\.create: phone must be a phone number.*10 digits.*defaultCountryCode/);
    await refused((c) => c.users.lookup({ phone: ["4155551234"] }), /^users\.lookup: phone/);
    const { mock, hm } = setup({ defaultCountryCode: "1" });
    await hm.contacts.create({ phone: "(415) 555-1234" });
    await hm.contacts.create({ phone: "+44 20 7946 0958" });
    assert.deepEqual(mock.requests.map((r) => seen(r).body.phone), ["14155551234", "442079460958"]);
  });

  test("a phone that is not one is refused", async () => {
    for (const phone of ["", "abc", "+1 415 555 12x4", "12", "+1234567890123456789", 14155551234]) {
      await refused((c) => c.contacts.create({ phone }), /^contacts\.create: phone must be a phone number/);
    }
  });

  test("bad defaultCountryCode options are refused at construction", async () => {
    for (const defaultCountryCode of ["1234", "", "+", "0", "a", 1, null]) {
      await throws(() => new Heymarket({ ...FIXTURE_CREDENTIALS, defaultCountryCode }), invalid(/defaultCountryCode/));
    }
    const { mock, hm } = setup({ defaultCountryCode: "+44" });
    await hm.contacts.create({ phone: "2079460958" });
    assert.equal(seen(mock.requests[0]).body.phone, "442079460958", "a leading + on the code is allowed");
  });

  test("normalizePhone, with and without { defaultCountryCode }", async () => {
    for (const form of FORMS) assert.equal(normalizePhone(form), "14155551234", form);
    assert.equal(normalizePhone("+44 20 7946 0958"), "442079460958");
    await throws(() => normalizePhone("4155551234"), invalid(/^normalizePhone: .*10 digits/));
    await throws(() => normalizePhone("(415) 555-1234", {}), invalid(/10 digits/));
    assert.equal(normalizePhone("(415) 555-1234", { defaultCountryCode: "1" }), "14155551234");
    assert.equal(normalizePhone("4155551234", { defaultCountryCode: "44" }), "444155551234");
    assert.equal(normalizePhone("+1 415 555 1234", { defaultCountryCode: "44" }), "14155551234", "a + number keeps its own code");
    for (const bad of ["", "phone", "555-12", null, 14155551234]) await throws(() => normalizePhone(bad), invalid(/./));
    await throws(() => normalizePhone("4155551234", { defaultCountryCode: "1234" }), invalid(/defaultCountryCode/));
  });
});

describe("path params", () => {
  test("a UUID path param is validated, never a path fragment", async () => {
    for (const id of ["../../v1/team", `${U1}/channel`, ` ${U1}`, `${U1}?x=1`, "%2e%2e", "", 42, undefined]) {
      await refused((c) => c.contactsV2.get(id), /^contactsV2\.get: contactID must be a UUID/);
    }
    const { mock, hm } = setup();
    await hm.contactsV2.get(U1.toUpperCase());
    assert.equal(seen(mock.requests[0]).path, `/v2/contact/${U1.toUpperCase()}`);
  });

  test("an integer path param is a positive safe integer", async () => {
    for (const id of [0, -1, 1.5, 2 ** 53, NaN, Infinity, "123", "123/../1", null, {}, 1n]) {
      await refused((c) => c.conversations.get(id), /^conversations\.get: id must be a positive safe integer/);
    }
  });

  test("the channel type is one of the enum", async () => {
    const { mock, hm } = setup();
    assert.equal((await hm.contactsV2.channels.get(U1, "phone")).channel_id, "16505551000");
    assert.equal(seen(mock.requests[0]).path, `/v2/contact/${U1}/channel/phone`);
    for (const type of ["sms", "Email", "email/../phone", "", undefined]) {
      await refused((c) => c.contactsV2.channels.get(U1, type), /^contactsV2\.channels\.get: channelType must be one of phone, email, facebook, instagram, whatsapp/);
    }
    await refused((c) => c.contactsV2.channels.add(U1, { channel_type: "sms", channel_id: "x" }), /channel_type must be one of phone, email/);
  });
});

describe("enums and one-of groups", () => {
  test("contacts.setStatus status: every documented value, nothing else", async () => {
    const { mock, hm } = setup();
    for (const status of ["active", "blocked", "unblocked", "subscribed", "unsubscribed"]) {
      assert.equal(await hm.contacts.setStatus({ id: 90001, status }), "success");
      assert.equal(seen(mock.requests.at(-1)).body.status, status);
    }
    for (const status of ["Blocked", "deleted", "", 1]) {
      await refused((c) => c.contacts.setStatus({ id: 90001, status }), /^contacts\.setStatus: status must be/);
    }
    await refused((c) => c.contacts.setStatus({ id: 90001 }), /^contacts\.setStatus: status is required/);
  });

  test("messages.send: two targets or none is refused", async () => {
    await refused((c) => c.messages.send({ ...SEND, phone_number: "14155550123", chat_id: 123 }), /^messages\.send: give only one of phone_number, chat_id, list_id, targets$/);
    await refused((c) => c.messages.send({ ...SEND, chat_id: 123, list_id: 5001, targets: ["14155550123"] }), /give only one of/);
    await refused((c) => c.messages.send({ ...SEND, text: "x" }), /^messages\.send: one of phone_number, chat_id, list_id, targets is required$/);
    await refused((c) => c.messages.send({ ...SEND, phone_number: null, chat_id: undefined }), /one of phone_number, chat_id, list_id, targets is required/);
  });
});

describe("query strings and positional bodies", () => {
  test("messages.history sends ?phoneNumber=…&inboxID=… (and timestamp), no body", async () => {
    const { mock, hm } = setup();
    const r = await hm.messages.history({ phone_number: "+1 415 555 0123", inbox_id: 101, timestamp: 1767610000 });
    const req = seen(mock.requests[0]);
    assert.equal(req.query, "?phoneNumber=14155550123&inboxID=101&timestamp=1767610000");
    assert.equal(req.body, undefined);
    assert.ok(r.length > 0 && r.every((m) => Date.parse(m.date) < 1767610000 * 1000));
    await refused((c) => c.messages.history({ phoneNumber: "14155550123", inbox_id: 101 }), /unknown param "phoneNumber"/);
  });

  test("users.lookup sends one query param per value", async () => {
    const { mock, hm } = setup();
    const r = await hm.users.lookup({ phone: ["15105550055", "+1 510 555 0056"], email: ["alan@example.com", "a+b@example.com"] });
    const req = seen(mock.requests[0]);
    assert.equal(req.query, "?phone=15105550055&phone=15105550056&email=alan%40example.com&email=a%2Bb%40example.com");
    const q = new URL(mock.requests[0].url).searchParams;
    assert.deepEqual([q.getAll("phone"), q.getAll("email")], [["15105550055", "15105550056"], ["alan@example.com", "a+b@example.com"]]);
    assert.deepEqual(r.memberships.map((u) => u.id), [55, 56, 57]);
    assert.equal(req.body, undefined);
  });

  test("query values are percent-encoded", async () => {
    const { mock, hm } = setup();
    const emails = ["a&b=c@example.com", "sp ace@x.y", "ü@x.y", "a#b?c/d%e+f@x"];
    await hm.users.lookup({ email: emails });
    assert.equal(seen(mock.requests[0]).query, "?email=a%26b%3Dc%40example.com&email=sp%20ace%40x.y&email=%C3%BC%40x.y&email=a%23b%3Fc%2Fd%25e%2Bf%40x");
    assert.deepEqual(new URL(mock.requests[0].url).searchParams.getAll("email"), emails);
    assert.equal(seen(mock.requests[0]).path, "/v1/users/get");
  });

  test("contacts.update: overwrite goes in the query string, not the body", async () => {
    const { mock, hm } = setup();
    await hm.contacts.update(90001, { phone: "+1 650 555 1000", overwrite: true });
    await hm.contacts.update(90001, { overwrite: false, phone: "16505551000", custom: { 2: "x" } });
    assert.deepEqual(mock.requests.map((r) => [seen(r).query, seen(r).body]), [
      ["?overwrite=true", { phone: "16505551000" }],
      ["?overwrite=false", { phone: "16505551000", custom: { 2: "x" } }],
    ]);
    assert.deepEqual(mock.store.contacts.find((c) => c.id === 90001).custom, { 1: "Premium", 2: "x" }, "overwrite=false merged");
    await refused((c) => c.contacts.update(90001, { phone: "16505551000", overwrite: "yes" }), /^contacts\.update: overwrite must be a boolean/);
  });

  test("contacts.batchCreate: the body is the JSON array", async () => {
    const { mock, hm } = setup();
    const contacts = [{ phone: "14155558001", first: "A", custom: { 1: "x" } }, { phone: "14155558002" }];
    assert.equal(await hm.contacts.batchCreate(contacts, { overwrite: false }), "ok");
    assert.equal(mock.requests[0].body, JSON.stringify(contacts));
    assert.equal(seen(mock.requests[0]).query, "?overwrite=false");
    await refused((c) => c.contacts.batchCreate([]), /^contacts\.batchCreate: contacts must not be empty/);
  });

  test("contactsV2.bulkDelete: the body wraps the UUIDs in one id channel", async () => {
    const { mock, hm } = setup();
    const U2 = U1.replace(/1$/, "2");
    assert.equal(await hm.contactsV2.bulkDelete([U1, U2]), "ok");
    assert.equal(mock.requests[0].body, `{"contact_channels":[{"channel_type":"id","channel_ids":["${U1}","${U2}"]}]}`);
    assert.equal(mock.count("contacts"), 118);
    await refused((c) => c.contactsV2.bulkDelete([U1, "nope"]), /^contactsV2\.bulkDelete: uuids\[1\] must be a UUID/);
  });
});

describe("hostile values", () => {
  test("a BigInt inside a json field is refused, naming the field", async () => {
    await refused((c) => c.contacts.create({ phone: "14155551234", custom: { 1: 10n } }), /^contacts\.create: custom could not be serialised as JSON/);
    await refused((c) => c.conversations.list({ id: 55, filters: { inboxes: [101n] } })[Symbol.asyncIterator]().next(), /^conversations\.list: filters/);
    await refused((c) => c.contacts.batchCreate([{ phone: "14155551234", n: 1n }]), /^contacts\.batchCreate: contacts/);
    await refused((c) => c.messages.send({ ...SEND, chat_id: 123n }), /^messages\.send: chat_id/);
  });

  test("a cycle or a throwing toJSON in a json field is refused, naming the field", async () => {
    const cyclic = {};
    cyclic.self = cyclic;
    await refused((c) => c.templates.create({ title: "t", content: cyclic }), /^templates\.create: content could not be serialised/);
    const evil = { toJSON() { throw new Error("nope"); } };
    await refused((c) => c.templates.create({ title: "t", content: evil }), /^templates\.create: content/);
  });

  test("a revoked Proxy or a throwing getter as params is refused", async () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    await refused((c) => c.messages.send(proxy), /^messages\.send: the params could not be read/);
    const getter = Object.defineProperty({}, "inbox_id", { enumerable: true, get() { throw new Error("boom"); } });
    await refused((c) => c.messages.send(getter), /^messages\.send: /);
    await refused((c) => c.contacts.batchCreate(proxy), /^contacts\.batchCreate: /);
  });

  test("too many arguments are refused", async () => {
    await refused((c) => c.conversations.get(123, {}, {}), /^conversations\.get takes at most 2 arguments, got 3$/);
    await refused((c) => c.messages.send({ ...SEND, chat_id: 123 }, {}, {}), /^messages\.send takes at most 2 arguments, got 3$/);
    await refused((c) => c.team.get({}, {}), /^team\.get takes at most 1 arguments?, got 2$/);
    await refused((c) => c.contacts.update(90001, { phone: "16505551000" }, {}, 4), /^contacts\.update takes at most 3 arguments, got 4$/);
  });

  test("a bad request option is refused, naming the method and the option", async () => {
    await refused((c) => c.conversations.get(123, { timeout: 5 }), /^conversations\.get: .*"timeout"/);
    await refused((c) => c.contacts.create({ phone: "14155551234" }, { maxRetries: -1 }), /^contacts\.create: .*maxRetries/);
  });
});
