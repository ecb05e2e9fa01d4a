// Webhook events, as `verifyWebhook` resolves them. Re-exported by index.d.ts.
import type { Conversation, Message } from "./types-objects.js";

/** What every event carries. */
export interface WebhookEventBase {
  /** The webhook configuration's id (not an event id). */
  id?: number;
  /** The verification token (checked by `verifyWebhook`). */
  token: string;
  [key: string]: unknown;
}

/** Message events. Both spellings of the inbound one are known: the API sends `message_recieved`. */
export type MessageWebhookType = "message_sent" | "message_recieved" | "message_received";

/** Conversation events. */
export type ChatWebhookType = "chat_reassigned" | "chat_closed" | "chat_opened" | "chat_pending" | "chat_transferred";

/** Opt-in and opt-out events. */
export type OptWebhookType = "target_opt_out" | "target_opt_in" | "target_double_opt_in" | "target_double_opt_restricted";

/** Every event type this version knows. */
export type KnownWebhookType = MessageWebhookType | ChatWebhookType | OptWebhookType | "incoming_call";

export interface MessageWebhookEvent extends WebhookEventBase {
  type: MessageWebhookType;
  event_data: Message;
}

export interface ChatWebhookEvent extends WebhookEventBase {
  type: ChatWebhookType;
  event_data: Conversation;
}

/** The data of opt events. Its schema is undocumented; this is the contact status's shape, a plausible guess. */
export interface OptEventData {
  id?: number | null;
  phone?: string | null;
  blocked?: boolean | null;
  unsubscribed?: boolean | null;
  unsubscribed_admin?: boolean | null;
  unsubscribed_contact?: boolean | null;
  [key: string]: unknown;
}

export interface OptWebhookEvent extends WebhookEventBase {
  type: OptWebhookType;
  event_data: OptEventData;
}

export interface IncomingCallWebhookEvent extends WebhookEventBase {
  type: "incoming_call";
  /** Schema undocumented. */
  event_data: Record<string, unknown>;
}

/**
 * The `type` of an event this version does not know. At run time it is any
 * string. It is typed as a pattern that no known type matches because
 * TypeScript cannot drop a plain-`string` member from a union on
 * `event.type === "message_recieved"`: with `string` here, no known event
 * would narrow. To test for a type newer than this package, compare it as a
 * string: `(event.type as string) === "new_type"`.
 */
export type UnknownWebhookType = `${string} (unknown to heymarket-wasm)`;

/** An event of a type this version does not know: passed through as it came. */
export interface UnknownWebhookEvent extends WebhookEventBase {
  type: UnknownWebhookType;
  event_data?: unknown;
}

/**
 * What `verifyWebhook` resolves to: switch on `type`.
 *
 * ```ts
 * const event = await verifyWebhook(request, { token });
 * if (event.type === "message_recieved") console.log(event.event_data.text);
 * ```
 */
export type WebhookEvent = MessageWebhookEvent | ChatWebhookEvent | OptWebhookEvent | IncomingCallWebhookEvent | UnknownWebhookEvent;

/** `verifyWebhook` options. */
export interface VerifyWebhookOptions {
  /** The verification token of your webhook configuration. */
  token: string;
}
