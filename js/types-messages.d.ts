// Messages and conversations (re-exported by index.d.ts).
//
// Phone fields take any common format ("+1 (415) 555-0123", "14155550123";
// ten digits need the client's `defaultCountryCode`) and are sent as E.164
// digits without "+", the API's format; see `normalizePhone`.
import type { APIPromise, ExactlyOne, Paginator, RequestOptions } from "./types-common.js";
import type { Conversation, Message, SendResult } from "./types-objects.js";
import type { HeymarketError } from "./index.js";

// ---- messages -------------------------------------------------------------

/** The fields of `messages.send` besides its target. */
export interface MessageSendBase {
  /** The sending inbox. */
  inbox_id: number;
  /** Sender: a member id of the sending inbox (`inboxes.list` → `members`, or `team.get`). */
  creator_id: number;
  /** Body text; templates and broadcasts support merge tokens like `{{first_name}}`. */
  text?: string;
  /** A saved template, merged server-side. */
  template_id?: number;
  /** A public media URL; makes it an MMS. */
  media_url?: string;
  /** Send a survey: its opening question becomes the text. */
  survey_id?: number;
  /** Client id and de-duplication key. Generated (UUID v4) when absent. */
  local_id?: string;
  /** An internal note, visible only to the team, never sent. */
  private?: boolean;
  /** Display name on the message. */
  author?: string;
  /** Listed in the schema; purpose undocumented. */
  activity_id?: string;
}

/** The target families of `messages.send`: give exactly one. */
export interface MessageSendTarget {
  /** One-to-one SMS/MMS to this phone (any common format; sent as E.164 digits). */
  phone_number: string;
  /** Reply in an existing conversation. */
  chat_id: number;
  /** Broadcast: a separate one-to-one copy to each member of the list. */
  list_id: number;
  /** Group MMS to these phones (any common format; sent as E.164 digits). Not from toll-free numbers. */
  targets: readonly string[];
}

/** `messages.send` params: the base fields and exactly one target. */
export type MessageSendParams = MessageSendBase & ExactlyOne<MessageSendTarget>;

/** `messages.sendEmail` params. */
export interface MessageSendEmailParams {
  /** Sender member id. */
  creator_id: number;
  /** The e-mail inbox (`inbox`, not `inbox_id`). */
  inbox: number;
  /** Body; HTML allowed. */
  text: string;
  /** Plain-text fallback. */
  raw_text?: string;
  /** De-duplication key. Generated (UUID v4) when absent. */
  local_id?: string;
  /** Title of a new conversation. */
  conv_title?: string;
  /** New thread: entries prefixed `to:` or `cc:`, each with comma-separated addresses (`["to:a@x.com,b@x.com", "cc:c@x.com"]`). */
  targets?: readonly string[];
  /** Reply in this thread (a previous send's `convo_id`). */
  convo_id?: number;
}

/** `messages.history` params (sent in the query string). */
export interface MessageHistoryParams {
  /** The conversation's phone (any common format; sent as E.164 digits, as `phoneNumber`). */
  phone_number: string;
  /** The inbox (sent as `inboxID`). */
  inbox_id: number;
  /** Unix seconds: only messages before it. */
  timestamp?: number;
}

/** How `messages.list` and `messages.count` order messages. */
export type MessageOrder = "created_at" | "updated_at";

/** `messages.count` params. */
export interface MessageCountParams {
  /** RFC 3339 cursor. */
  created_at?: string;
  /** Default `"created_at"`. */
  order?: MessageOrder;
  /** Default `false` (newest first). */
  ascending?: boolean;
}

/** `messages.list` params. */
export interface MessageListParams extends MessageCountParams {
  /** Page size; default 30. */
  limit?: number;
}

/** Options of `messages.sendMany`. */
export interface SendManyOptions {
  /** Sends in flight at once (1–1000); default 8. The client's `rateLimit` still paces them. */
  concurrency?: number;
  /** Stops starting items; the items not sent resolve as `aborted`, and sends in flight are aborted. */
  signal?: AbortSignal;
  /** Called after each item settles. `total` is known for arrays. A throwing callback is ignored. */
  onProgress?: (progress: SendManyProgress) => void;
  /**
   * Mixed into every derived `local_id`. The same items with the same key derive the
   * same ids (the API de-duplicates them); give a new key to send the same content again
   * as a new broadcast. Default: `""`.
   */
  batchKey?: string;
  /** Per item, as in {@link RequestOptions}. */
  timeoutMs?: number;
  /** Per item, as in {@link RequestOptions}. */
  maxRetries?: number;
}

/** What `onProgress` is told. */
export interface SendManyProgress {
  done: number;
  failed: number;
  total?: number;
}

/** One item's outcome, in the input's place. */
export type SendManyResult = { ok: true; value: SendResult } | { ok: false; error: HeymarketError };

/** `hm.messages`: send messages and e-mails; read message history. */
export interface MessagesApi {
  /**
   * Send an SMS/MMS, group MMS, list broadcast, template, survey or private
   * note. Success means accepted (queued), not delivered.
   *
   * `POST /v1/message/send`. Retry: a `local_id` (UUID v4) is generated when
   * absent (and set on the result if the answer lacks it); then retried like a GET.
   *
   * @example
   * ```ts
   * const sent = await hm.messages.send({ inbox_id: 101, creator_id: 55, phone_number: "+1 415 555 1234", text: "hi" });
   * console.log(sent.id, sent.local_id); // local_id: the de-duplication key
   * ```
   */
  send(params: MessageSendParams, options?: RequestOptions): APIPromise<SendResult>;
  /**
   * Send a batch: `messages.send` for each item, `concurrency` at a time, paced by the
   * client's `rateLimit`. Resolves (never rejects for an item) to one result per item,
   * in input order; a bad item fails alone with `invalid_argument`.
   *
   * Each item without a `local_id` gets one derived from its content, the `batchKey`
   * and the credentials (a keyed hash; identical items are told apart by how many came
   * before), so running the same batch again after a crash sends nothing twice: the API
   * de-duplicates on `local_id`. Rejects only for bad arguments or an iterable that throws.
   *
   * @example
   * ```ts
   * const customers = [{ phone: "14155550100", name: "Ada" }, { phone: "14155550101", name: "Grace" }];
   * const results = await hm.messages.sendMany(
   *   customers.map((c) => ({ inbox_id: 101, creator_id: 55, phone_number: c.phone, text: `Hi ${c.name}, we open at 9.` })),
   *   { concurrency: 8, onProgress: ({ done, total }) => console.log(`${done}/${total}`) },
   * );
   * for (const r of results) if (!r.ok) console.error(r.error.code, r.error.message);
   * ```
   */
  sendMany(
    items: Iterable<MessageSendParams> | AsyncIterable<MessageSendParams>,
    options?: SendManyOptions,
  ): Promise<SendManyResult[]>;
  /**
   * Send an e-mail, or reply in an e-mail thread.
   *
   * `POST /v1/email/send`. Retry: a `local_id` (UUID v4) is generated when
   * absent (and set on the result if the answer lacks it); then retried like a GET.
   *
   * @example
   * ```ts
   * const sent = await hm.messages.sendEmail({ creator_id: 55, inbox: 202, text: "<p>Your order shipped.</p>", conv_title: "Order 1234", targets: ["to:ada@example.com"] });
   * await hm.messages.sendEmail({ creator_id: 55, inbox: 202, text: "Tracking: 1Z999", convo_id: sent.convo_id });
   * ```
   */
  sendEmail(params: MessageSendEmailParams, options?: RequestOptions): APIPromise<SendResult>;
  /**
   * The last 50 (at most) messages of one phone's conversation in one inbox;
   * older ones with `timestamp`. One request, no paging.
   *
   * `GET /v1/messages` (query `?phoneNumber=&inboxID=&timestamp=`). Retry: idempotent.
   *
   * @example
   * ```ts
   * const history = await hm.messages.history({ phone_number: "+1 415 555 1234", inbox_id: 101 });
   * const older = await hm.messages.history({ phone_number: "+1 415 555 1234", inbox_id: 101, timestamp: 1717200000 });
   * ```
   */
  history(params: MessageHistoryParams, options?: RequestOptions): APIPromise<Message[]>;
  /**
   * Every message of the team.
   *
   * `POST /v1/messages/all`. Retry: idempotent. Paging: each next page sends
   * `created_at` = the last message's `date`; stops at an empty page.
   *
   * @example
   * ```ts
   * const recent = await hm.messages.list({ order: "created_at" }).toArray({ limit: 50 });
   * for await (const message of hm.messages.list({ created_at: "2024-06-01T00:00:00Z" })) console.log(message.id, message.text);
   * ```
   */
  list(params?: MessageListParams, options?: RequestOptions): Paginator<Message>;
  /**
   * Count the team's messages; the API answers a string.
   *
   * `POST /v1/messages/all/count`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const count = await hm.messages.count({ created_at: "2024-06-01T00:00:00Z" }); // e.g. "1234"
   * ```
   */
  count(params?: MessageCountParams, options?: RequestOptions): APIPromise<string>;
}

// ---- conversations ----------------------------------------------------------

/** `conversations.list` filters. */
export interface ConversationFilters {
  /** Inbox ids (required). */
  inboxes: readonly number[];
  closed?: boolean;
  /** Unread for the user `id`. */
  unread?: boolean;
}

/** `conversations.list` params. */
export interface ConversationListParams {
  /** User id of an inbox member (scopes the list and checks membership). */
  id: number;
  filters: ConversationFilters;
  /** RFC 3339: conversations updated before it. The paging cursor. */
  date?: string;
}

/** `conversations.count` params. */
export interface ConversationCountParams {
  /** RFC 3339: conversations updated before it. */
  date?: string;
  id?: number;
  filters?: Partial<ConversationFilters>;
}

/** The conversation targets of the actions: give exactly one. */
export interface ConversationTarget {
  /** The conversation id. */
  chat_id: number;
  /** The other party's phone (any common format; sent as E.164 digits). */
  target: string;
  /** A group MMS conversation's phones (any common format; sent as E.164 digits). */
  targets: readonly string[];
}

/** The fields of the conversation actions besides the target. */
export interface ConversationActionBase {
  inbox_id: number;
  /** The acting user. */
  user_id: number;
}

/** `conversations.open` params. */
export type ConversationOpenParams = ConversationActionBase & ExactlyOne<ConversationTarget>;
/** `conversations.close` params. */
export type ConversationCloseParams = ConversationOpenParams;
/** `conversations.markRead` params. */
export type ConversationMarkReadParams = ConversationOpenParams;
/** `conversations.markUnread` params. */
export type ConversationMarkUnreadParams = ConversationOpenParams;

/** `conversations.reassign` params (`user_id` is the current owner). */
export type ConversationReassignParams = ConversationActionBase & {
  /** The new owner, a member of the same inbox. */
  reassign_id: number;
} & ExactlyOne<ConversationTarget>;

/** `conversations.transfer` params. Only SMS conversations, and not into an inbox that has this conversation already. */
export interface ConversationTransferParams {
  conversation_id: number;
  transfer_inbox_id: number;
}

/** `hm.conversations`: list, count, read and act on conversations. */
export interface ConversationsApi {
  /**
   * Conversations of the given inboxes, newest update first.
   *
   * `POST /v1/conversations`. Retry: idempotent. Paging: each next page sends
   * `date` = the last conversation's `updated`; stops at an empty page.
   *
   * @example
   * ```ts
   * for await (const convo of hm.conversations.list({ id: 55, filters: { inboxes: [101], closed: false } })) {
   *   console.log(convo.id, convo.target, convo.updated);
   * }
   * ```
   */
  list(params: ConversationListParams, options?: RequestOptions): Paginator<Conversation>;
  /**
   * Count conversations. The answer's shape is undocumented.
   *
   * `POST /v1/conversations/count`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const counts = await hm.conversations.count({ id: 55, filters: { inboxes: [101], unread: true } });
   * ```
   */
  count(params?: ConversationCountParams, options?: RequestOptions): APIPromise<unknown>;
  /**
   * One conversation. `id` must be a positive safe integer.
   *
   * `GET /v1/conversations/{id}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const convo = await hm.conversations.get(123);
   * console.log(convo.target, convo.status);
   * ```
   */
  get(id: number, options?: RequestOptions): APIPromise<Conversation>;
  /**
   * Mark a conversation open. Answers a string (`"ok"`).
   *
   * `POST /v1/conversations/open`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * await hm.conversations.open({ inbox_id: 101, user_id: 55, chat_id: 123 });
   * ```
   */
  open(params: ConversationOpenParams, options?: RequestOptions): APIPromise<string>;
  /**
   * Mark a conversation closed (archived). Answers a string (`"ok"`).
   *
   * `POST /v1/conversations/close`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * await hm.conversations.close({ inbox_id: 101, user_id: 55, target: "+1 415 555 1234" });
   * ```
   */
  close(params: ConversationCloseParams, options?: RequestOptions): APIPromise<string>;
  /**
   * Mark a conversation read. Answers a string.
   *
   * `POST /v1/conversations/read`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * await hm.conversations.markRead({ inbox_id: 101, user_id: 55, chat_id: 123 });
   * ```
   */
  markRead(params: ConversationMarkReadParams, options?: RequestOptions): APIPromise<string>;
  /**
   * Mark a conversation unread. Answers a string.
   *
   * `POST /v1/conversations/unread`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * await hm.conversations.markUnread({ inbox_id: 101, user_id: 55, chat_id: 123 });
   * ```
   */
  markUnread(params: ConversationMarkUnreadParams, options?: RequestOptions): APIPromise<string>;
  /**
   * Reassign a conversation to another member of the same inbox. Answers a string (`"ok"`).
   *
   * `POST /v1/conversations/reassign`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * await hm.conversations.reassign({ inbox_id: 101, user_id: 55, reassign_id: 56, chat_id: 123 });
   * ```
   */
  reassign(params: ConversationReassignParams, options?: RequestOptions): APIPromise<string>;
  /**
   * Move a conversation to another inbox. Answers a string (`"ok"`).
   *
   * `POST /v1/conversations/transfer`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * await hm.conversations.transfer({ conversation_id: 123, transfer_inbox_id: 102 });
   * ```
   */
  transfer(params: ConversationTransferParams, options?: RequestOptions): APIPromise<string>;
}

/** @deprecated Renamed {@link ConversationsApi}. */
export type Conversations = ConversationsApi;
