// The CommonJS view of the same types (require condition → dist/index.d.cts).
import hm = require("heymarket-wasm");
import mock = require("heymarket-wasm/mock");

const client: hm.Heymarket = new hm.Heymarket({ ...mock.FIXTURE_CREDENTIALS, fetch: mock.createMockHeymarket().fetch });
export const pending: Promise<hm.Conversation> = client.conversations.get(1);
export const code: hm.HeymarketErrorCode = "webhook_invalid";
export const legacy: hm.Heymarket = new hm.Heymarket({ apiKey: "hm_key", defaultCountryCode: "1" });
export const phone: string = hm.normalizePhone("+1 415 555 0123");
export const sent: Promise<hm.SendResult> = client.messages.send({ inbox_id: 1, creator_id: 2, chat_id: 3, text: "Hi" });
export const contact: Promise<hm.ContactV2> = client.contactsV2.get("a1b2c3d4-0000-4000-8000-000000000000");

export async function walk(): Promise<hm.Template[]> {
  const templates: hm.Paginator<hm.Template> = client.templates.list({ date: "2030-01-01T00:00:00Z" });
  for await (const template of templates) if (template.archived) break;
  return client.tags.list().toArray({ limit: 5 }).then(() => templates.toArray({ limit: 5 }));
}

export async function onWebhook(body: string): Promise<string> {
  const event: hm.WebhookEvent = await hm.verifyWebhook(body, { token: "t" });
  if (event.type === "message_recieved") return event.event_data.text ?? "";
  if (event.type === "chat_opened") return String(event.event_data.inbox);
  return event.type;
}

export async function rawStatus(): Promise<number> {
  const client = new hm.Heymarket({ apiKey: "k", logLevel: "warn", logger: console });
  const { status } = await client.team.get().withResponse();
  return status + hm.endpointTable().length;
}
