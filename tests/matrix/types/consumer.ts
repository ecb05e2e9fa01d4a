// Type-checked with tsc --strict against the installed tarball: every public
// type in use, as a TypeScript user would write it.
import {
  Heymarket,
  HeymarketError,
  normalizePhone,
  signJwt,
  verifyWebhook,
  VERSION,
  type Contact,
  type ContactV2,
  type Conversation,
  type CreateResult,
  type HeymarketErrorCode,
  type HeymarketOptions,
  type Message,
  type MessageSendParams,
  type Paginator,
  type RequestOptions,
  type SendManyResult,
  type SendResult,
  type Template,
  type WebhookEvent,
} from "heymarket-wasm";
import { createMockHeymarket, FIXTURE_CREDENTIALS, type MockHeymarket, type MockStep } from "heymarket-wasm/mock";

const mock: MockHeymarket = createMockHeymarket();
const step: MockStep = { status: 429, headers: { "retry-after": "0" }, times: 1 };
mock.script(step);

const options: HeymarketOptions = { ...FIXTURE_CREDENTIALS, fetch: mock.fetch, timeoutMs: 5_000, maxRetries: 1 };
const hm = new Heymarket(options);
const fromEnv: Heymarket = Heymarket.fromEnv({ HEYMARKET_SECRET_ID: "id", HEYMARKET_SECRET_KEY: "key" }, { maxRetries: 0 });
// The legacy team API key instead of an API Secret, and 10-digit numbers completed with +1.
export const legacy = new Heymarket({ apiKey: "hm_key", defaultCountryCode: "1", fetch: mock.fetch });
// A Worker's `env` as `wrangler types` declares it: an interface, without an index signature.
interface Env {
  HEYMARKET_SECRET_ID: string;
  HEYMARKET_SECRET_KEY: string;
}
export const fromWorkerEnv = (env: Env): Heymarket => Heymarket.fromEnv(env);
const perCall: RequestOptions = { signal: new AbortController().signal, timeoutMs: 1_000 };

function describe(code: HeymarketErrorCode): string {
  switch (code) {
    case "not_found":
      return "missing";
    case "rate_limited":
    case "server_error":
      return "try later";
    case "webhook_unauthorized":
      return "401";
    default:
      return code;
  }
}

export async function main(): Promise<string> {
  const conversation: Conversation = await hm.conversations.get(123, perCall);
  const id: number = conversation.id;
  const target: string | null | undefined = conversation.target;
  const members = conversation.members ?? [];
  const firstMember: number | undefined = members[0]?.id;
  const extra: unknown = conversation["some_future_field"];
  try {
    await fromEnv.conversations.get(1);
  } catch (err) {
    if (err instanceof HeymarketError) {
      const code: HeymarketErrorCode = err.code;
      const status: number | undefined = err.status;
      const requestId: string | undefined = err.requestId;
      const retryAfterMs: number | undefined = err.retryAfterMs;
      return `${describe(code)} ${status} ${requestId} ${retryAfterMs} ${err.toJSON().message}`;
    }
  }
  const token: string = signJwt({ secretId: "id", secretKey: "key", iat: 1 });
  return `${VERSION} ${id} ${target} ${firstMember} ${String(extra)} ${token} ${hm.baseUrl}`;
}

// Every namespace, as written against the API.
export async function everyNamespace(): Promise<unknown[]> {
  const send: MessageSendParams = { inbox_id: 1, creator_id: 2, phone_number: "+1 (415) 555-0123", text: "Hi {{first_name}}" };
  const sent: SendResult = await hm.messages.send(send, perCall);
  const localId: string = sent.local_id;
  await hm.messages.send({ inbox_id: 1, creator_id: 2, list_id: 7, template_id: 3 });
  await hm.messages.send({ inbox_id: 1, creator_id: 2, targets: ["14155550123", "14155550124"], media_url: "https://x.test/a.png" });
  await hm.messages.sendEmail({ creator_id: 2, inbox: 1, text: "<p>Hi</p>", targets: ["to:a@x.test"] });
  async function* queued(): AsyncGenerator<MessageSendParams> {
    yield send;
  }
  const broadcast: SendManyResult[] = await hm.messages.sendMany(queued(), { concurrency: 4, signal: perCall.signal, batchKey: "k", onProgress: ({ done, total }) => void [done, total] });
  for (const r of broadcast) {
    const outcome: string = r.ok ? r.value.local_id : r.error.code;
    void outcome;
  }
  const history: Message[] = await hm.messages.history({ phone_number: "14155550123", inbox_id: 1 });
  const count: string = await hm.messages.count();

  const messages: Paginator<Message> = hm.messages.list({ order: "updated_at", limit: 50 });
  for await (const message of messages) {
    const text: string | null | undefined = message.text;
    if (text) break;
  }
  for await (const page of hm.conversations.list({ id: 9, filters: { inboxes: [1, 2], closed: false } }).pages()) {
    const first: Conversation | undefined = page[0];
    if (first) break;
  }
  const recent: Contact[] = await hm.contacts.list({ archived: false }).toArray({ limit: 100 });
  const ok: string = await hm.conversations.close({ inbox_id: 1, user_id: 2, chat_id: 3 });
  await hm.conversations.reassign({ inbox_id: 1, user_id: 2, reassign_id: 4, target: "14155550123" });
  await hm.conversations.transfer({ conversation_id: 3, transfer_inbox_id: 5 });

  const created: CreateResult = await hm.contacts.create({ phone: "4155550123", first: "Ada", custom: { "123": "Premium" }, tags: [{ tag_id: 55 }] });
  const contact: Contact = await hm.contacts.get(created.id);
  await hm.contacts.update(contact.id, { phone: "14155550123", overwrite: true });
  await hm.contacts.lookup({ phone: "14155550123" });
  await hm.contacts.setStatus({ id: 1, status: "unsubscribed" });
  const batch: string | Contact[] = await hm.contacts.batchCreate([{ phone: "14155550123" }], { overwrite: false });
  await hm.contacts.fields.create([{ title: "Plan" }]);
  const fields: unknown = await hm.contacts.fields.list();

  const v2: ContactV2 = await hm.contactsV2.get("a1b2c3d4-0000-4000-8000-000000000000");
  await hm.contactsV2.create({ contact_channels: [{ channel_type: "phone", channel_id: "14155550123" }] });
  await hm.contactsV2.channels.add("a1b2c3d4-0000-4000-8000-000000000000", { channel_type: "email", channel_id: "a@x.test" });
  await hm.contactsV2.bulkDelete(["a1b2c3d4-0000-4000-8000-000000000000"]);
  const v2Page: ContactV2[] = await hm.contactsV2.list({ limit: 30 }).toArray({ limit: 30 });

  const list = await hm.lists.create({ title: "VIPs", phones: ["14155550123"] });
  await hm.lists.update(list.id, { add_phones: ["14155550124"] });
  await hm.lists.v1.get(list.id);
  const template: Template = await hm.templates.get(101);
  await hm.templates.create({ title: "Hours", content: { text: "We open at 9" } });
  await hm.tags.create({ tag: "VIP", color: "#FFD700" });
  await hm.schedules.create({ inbox_id: 1, execute_at: "2030-01-01T09:00:00Z", content: { text: "Reminder" }, conversation_id: 3 });
  await hm.surveys.list({ page: 1 }).toArray({ limit: 10 });
  const inboxes = await hm.inboxes.list();
  const inboxList = Array.isArray(inboxes) ? inboxes : inboxes.inboxes;
  const team = await hm.team.get();
  const users = await hm.users.lookup({ email: ["help@heymarket.com"] });
  await hm.users.update([{ id: users.memberships[0]?.id ?? 1, first_name: "Jane" }]);
  return [localId, history, count, recent, ok, batch, fields, v2, v2Page, template, inboxList[0]?.members, team.members, normalizePhone("(415) 555-0123", { defaultCountryCode: "1" })];
}

// A webhook handler: the event narrows on its `type`.
export async function onWebhook(request: Request): Promise<Response> {
  let event: WebhookEvent;
  try {
    event = await verifyWebhook(request, { token: "WEBHOOK_VERIFICATION_TOKEN" });
  } catch (err) {
    const status = err instanceof HeymarketError && err.code === "webhook_unauthorized" ? 401 : 400;
    return new Response(null, { status });
  }
  if (event.type === "message_recieved" || event.type === "message_received") {
    const text: string | null | undefined = event.event_data.text;
    const messageId: number = event.event_data.id;
    return new Response(`${messageId} ${text}`);
  }
  switch (event.type) {
    case "chat_closed": {
      const conversationId: number = event.event_data.id;
      return new Response(String(conversationId));
    }
    case "target_opt_out": {
      const phone: string | null | undefined = event.event_data.phone;
      return new Response(phone ?? "");
    }
    case "incoming_call": {
      const data: Record<string, unknown> = event.event_data;
      return new Response(JSON.stringify(data));
    }
    default: {
      const type: string = event.type;
      const data: unknown = event.event_data;
      return new Response(`${type} ${JSON.stringify(data)} ${(event.type as string) === "a_new_type"}`);
    }
  }
}

// Logging, raw responses and the endpoint table.
import { endpointTable, memoryStore, type EndpointDescription, type LogRecord, type RawResponse, type RateLimitStore } from "heymarket-wasm";

const shared: RateLimitStore = memoryStore();
export const limited = new Heymarket({ ...FIXTURE_CREDENTIALS, rateLimit: { limit: 20, windowMs: 2_000, store: shared } });
export const unlimited = new Heymarket({ ...FIXTURE_CREDENTIALS, rateLimit: false });

export async function observe(): Promise<number> {
  const records: LogRecord[] = [];
  const logged = new Heymarket({ ...FIXTURE_CREDENTIALS, fetch: mock.fetch, logLevel: "debug", logger: { debug: (_m, r) => records.push(r) } });
  const raw: RawResponse<Conversation> = await logged.conversations.get(123).withResponse();
  const id: number = raw.data.id;
  const requestId: string | undefined = raw.requestId;
  const table: readonly EndpointDescription[] = endpointTable();
  return id + raw.status + records.length + table.length + (requestId?.length ?? 0) + raw.headers.keys.length;
}
