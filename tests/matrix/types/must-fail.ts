// Every line marked with the expect-error tag below must fail to type-check.
import { Heymarket, type Contact, type HeymarketErrorCode } from "heymarket-wasm";

const hm = new Heymarket({ secretId: "id", secretKey: "key" });
export const a = hm.conversations.get("12"); // EXPECT-ERROR: ids are numbers
export const b: HeymarketErrorCode = "not_a_code"; // EXPECT-ERROR: unknown error code
export const c = new Heymarket({ secretId: "id" }); // EXPECT-ERROR: secretKey is required
export const d = new Heymarket({ secretId: "id", secretKey: "key", retries: 3 }); // EXPECT-ERROR: unknown option
export const e = new Heymarket({ apiKey: "k", secretId: "id", secretKey: "key" }); // EXPECT-ERROR: apiKey or an API Secret, not both
export const f = new Heymarket({ defaultCountryCode: "1" }); // EXPECT-ERROR: credentials are required
export const g = hm.messages.send({ creator_id: 1, phone_number: "14155550123", text: "hi" }); // EXPECT-ERROR: inbox_id is required
export const h = hm.messages.send({ inbox_id: 1, creator_id: 1, phone_number: "14155550123", chat_id: 2 }); // EXPECT-ERROR: two targets
export const i = hm.messages.send({ inbox_id: 1, creator_id: 1, text: "hi" }); // EXPECT-ERROR: no target
export const j = hm.messages.send({ inbox_id: 1, creator_id: 1, chat_id: 2, txt: "hi" }); // EXPECT-ERROR: unknown param key
export const k = hm.contacts.get("12"); // EXPECT-ERROR: v1 contact ids are numbers
export const l = hm.contactsV2.get(12); // EXPECT-ERROR: v2 contact ids are UUID strings
export const m = hm.contacts.list().toArray(); // EXPECT-ERROR: toArray needs a limit
export const n: Promise<Contact[]> = hm.contacts.list(); // EXPECT-ERROR: a list is a Paginator, not a promise
export const o = hm.contacts.setStatus({ phone: "14155550123", status: "deleted" }); // EXPECT-ERROR: status is an enum
export const p = hm.contacts.lookup({ phone: "14155550123", id: 1 }); // EXPECT-ERROR: phone or id, not both
export const q = hm.conversations.open({ inbox_id: 1, user_id: 2, chat_id: 3, target: "14155550123" }); // EXPECT-ERROR: one conversation target
export const r = hm.conversations.list({ id: 1, filters: { closed: true } }); // EXPECT-ERROR: filters.inboxes is required
export const s = hm.contactsV2.channels.get("a1b2c3d4-0000-4000-8000-000000000000", "fax"); // EXPECT-ERROR: unknown channel type
export const t = hm.inboxes.list({ timeoutMs: 1, page: 2 }); // EXPECT-ERROR: inboxes.list takes no params
export const u = hm.templates.create({ title: "t" }); // EXPECT-ERROR: content is required
export const logLevelTypo = new Heymarket({ secretId: "id", secretKey: "k", logLevel: "verbose" }); // EXPECT-ERROR: logLevel is one of off/error/warn/info/debug
export const rawOfAList = hm.tags.list().withResponse(); // EXPECT-ERROR: paginators have no withResponse
export const manyBadItem = hm.messages.sendMany([{ inbox_id: 1, creator_id: 1, text: "hi" }]); // EXPECT-ERROR: an item without a target
export const manyNoValue = hm.messages.sendMany([]).then((r) => r[0].value); // EXPECT-ERROR: value exists only once ok is narrowed
