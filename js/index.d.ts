// Public types of heymarket-wasm. The namespaces' params and the objects the
// API answers with live in the ./types-*.d.ts files re-exported here.
/**
 * A client for the Heymarket business-texting REST API, for server-side
 * JavaScript (Node, Deno, Cloudflare Workers, Bun), written in Rust and
 * compiled to WebAssembly.
 *
 * Every endpoint is a method of a namespace of {@link Heymarket} (`messages`,
 * `conversations`, `contacts`, `contactsV2`, `lists`, `templates`, `tags`,
 * `schedules`, `surveys`, `inboxes`, `team`, `users`). A method takes its path
 * parameters first, then one params object with the API's own (snake_case)
 * field names, then per-call {@link RequestOptions}. Each method's
 * documentation names its endpoint (e.g. `POST /v1/message/send`), its retry
 * rule and, for lists, its paging cursor. Every failure is a
 * {@link HeymarketError}. Webhook deliveries are checked by
 * {@link verifyWebhook}; tests use the local mock, `heymarket-wasm/mock`.
 *
 * @example
 * ```ts
 * import { Heymarket, HeymarketError } from "heymarket-wasm";
 *
 * const hm = new Heymarket({ secretId: "sid_…", secretKey: "…", defaultCountryCode: "1" });
 * try {
 *   const sent = await hm.messages.send({ inbox_id: 101, creator_id: 55, phone_number: "(415) 555-1234", text: "Your order has shipped" });
 *   console.log(sent.id, sent.local_id);
 * } catch (err) {
 *   if (err instanceof HeymarketError) console.log(err.code, err.message, err.requestId);
 *   else throw err;
 * }
 * ```
 *
 * @module heymarket-wasm
 */
import type { ConversationsApi, MessagesApi } from "./types-messages.js";
import type { ContactsApi } from "./types-contacts.js";
import type { ContactsV2Api } from "./types-contacts-v2.js";
import type { ListsApi } from "./types-lists.js";
import type { InboxesApi, SchedulesApi, SurveysApi, TagsApi, TeamApi, TemplatesApi, UsersApi } from "./types-resources.js";
import type { UnknownWebhookEvent, VerifyWebhookOptions, WebhookEvent } from "./types-webhooks.js";
import type { Logger, LogLevel, RateLimit } from "./types-observe.js";

export * from "./types-common.js";
export * from "./types-objects.js";
export * from "./types-messages.js";
export * from "./types-contacts.js";
export * from "./types-contacts-v2.js";
export * from "./types-lists.js";
export * from "./types-resources.js";
export * from "./types-webhooks.js";
export * from "./types-observe.js";

/** Every `HeymarketError#code`. Stable: match on these, not on messages. */
export type HeymarketErrorCode =
  | "invalid_argument"
  | "browser_not_allowed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "rate_limited"
  | "server_error"
  | "api_error"
  | "invalid_response"
  | "timeout"
  | "network"
  | "aborted"
  /** `verifyWebhook`: the token is missing or wrong. Answer 401. */
  | "webhook_unauthorized"
  /** `verifyWebhook`: the body is not a JSON object with a string `type`. Answer 400. */
  | "webhook_invalid";

export interface HeymarketErrorDetails {
  code: HeymarketErrorCode;
  status?: number;
  requestId?: string;
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * The one error class: every failure of the client is a `HeymarketError`.
 * Match on {@link HeymarketError.code}, not on messages.
 *
 * @example
 * ```ts
 * import { HeymarketError } from "heymarket-wasm";
 *
 * try {
 *   await hm.conversations.get(123);
 * } catch (err) {
 *   if (!(err instanceof HeymarketError)) throw err;
 *   if (err.code === "rate_limited") console.log("retry in", err.retryAfterMs, "ms");
 *   else console.log(err.code, err.status, err.requestId, err.message);
 * }
 * ```
 */
export declare class HeymarketError extends Error {
  /**
   * The client makes these; construct one to fake a failure in a test.
   *
   * @example
   * ```ts
   * import { HeymarketError } from "heymarket-wasm";
   *
   * const err = new HeymarketError("Too many requests", { code: "rate_limited", status: 429, retryAfterMs: 1000 });
   * ```
   */
  constructor(message: string, details: HeymarketErrorDetails);
  readonly name: "HeymarketError";
  /** Stable code; see {@link HeymarketErrorCode}. */
  readonly code: HeymarketErrorCode;
  /** HTTP status of the last attempt, when a response arrived. */
  readonly status?: number;
  /** The `X-Request-Id` of the last response, when present. */
  readonly requestId?: string;
  /** The server's `Retry-After`, in milliseconds, when it sent one. */
  readonly retryAfterMs?: number;
  /**
   * The fields worth logging (`cause` left out), for `JSON.stringify`.
   *
   * @example
   * ```ts
   * import { HeymarketError } from "heymarket-wasm";
   *
   * try {
   *   await hm.contacts.get(4242);
   * } catch (err) {
   *   if (err instanceof HeymarketError) console.log(JSON.stringify(err)); // {"name":"HeymarketError","code":"not_found",...}
   * }
   * ```
   */
  toJSON(): {
    name: "HeymarketError";
    code: HeymarketErrorCode;
    message: string;
    status?: number;
    requestId?: string;
    retryAfterMs?: number;
  };
}

/** A `fetch`-compatible function (the global one by default). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** The client options other than the credentials. */
export interface HeymarketClientOptions {
  /** Default `https://api.heymarket.com`. Must be `https://` except for loopback hosts. */
  baseUrl?: string;
  /** A fetch implementation to use instead of the global `fetch`. Called unbound. */
  fetch?: FetchLike;
  /** Per-attempt timeout in ms, reading the body included. Default 30000. */
  timeoutMs?: number;
  /** Retries for idempotent requests on 408/429/5xx, timeouts and network errors. Default 2, at most 10. */
  maxRetries?: number;
  /** Clock in ms since the epoch (default `Date.now`); for tests. */
  now?: () => number;
  /** Allow construction in a browser. Exposes your secret to every visitor: do not. */
  dangerouslyAllowBrowser?: boolean;
  /**
   * Country code (1 to 3 digits, e.g. `"1"`) that completes 10-digit national
   * phone numbers in params. Without it, a 10-digit number is refused.
   */
  defaultCountryCode?: string;
  /**
   * Where log records go (any object with `debug`/`info`/`warn`/`error`,
   * such as `console`, the default once a level is set).
   */
  logger?: Logger;
  /** How much is logged. Default: `HEYMARKET_LOG` from the environment, else `"off"`. */
  logLevel?: LogLevel;
  /**
   * Keep under a request budget: at most `limit` requests start in any
   * `windowMs` (retries included); a request that would exceed it waits,
   * honouring its signal and timeout. Default `{ limit: 500, windowMs: 60_000 }`
   * for Heymarket's own base URL, none for any other; `false` turns it off.
   */
  rateLimit?: RateLimit | false;
}


/** Credentials: an API Secret (recommended). */
export interface HeymarketSecretCredentials {
  /** The API Secret ID (Settings > Integrations > API). */
  secretId: string;
  /** The API Secret Key. Never appears in errors, logs or inspection. */
  secretKey: string;
  apiKey?: never;
}

/** Credentials: the legacy team API key. */
export interface HeymarketApiKeyCredentials {
  /**
   * The legacy team API key, sent as the bearer token.
   * @deprecated Heymarket plans to retire team API keys: use an API Secret (`secretId` and `secretKey`).
   */
  apiKey: string;
  secretId?: never;
  secretKey?: never;
}

/** Client options: exactly one kind of credentials, `secretId` + `secretKey` or `apiKey`. */
export type HeymarketOptions = HeymarketClientOptions & (HeymarketSecretCredentials | HeymarketApiKeyCredentials);

/**
 * Environment bindings: a Worker's `env` (including an `interface Env` from
 * `wrangler types`), `process.env`, or any such object. Only string values of
 * the `HEYMARKET_*` names are read.
 */
export type HeymarketEnv = object;

/**
 * The client: one namespace per resource, one method per endpoint. Cheap to
 * construct; holds no connection. Refuses to run in a browser unless
 * `dangerouslyAllowBrowser` (the secret would reach every visitor).
 *
 * @example
 * ```ts
 * import { Heymarket } from "heymarket-wasm";
 *
 * const hm = new Heymarket({ secretId: "sid_…", secretKey: "…", timeoutMs: 10_000, maxRetries: 3 });
 * const convo = await hm.conversations.get(123, { signal: AbortSignal.timeout(5_000) });
 * ```
 */
export declare class Heymarket {
  /**
   * A client from options: exactly one kind of credentials (`secretId` +
   * `secretKey`, or a legacy `apiKey`), plus {@link HeymarketClientOptions}.
   * Throws a `HeymarketError` (`invalid_argument`) on bad options.
   *
   * @example
   * ```ts
   * import { Heymarket } from "heymarket-wasm";
   *
   * const hm = new Heymarket({ secretId: "sid_…", secretKey: "…", defaultCountryCode: "1" });
   * ```
   */
  constructor(options: HeymarketOptions);
  /**
   * A client from `HEYMARKET_SECRET_ID` and `HEYMARKET_SECRET_KEY` (or, when
   * neither is set, a legacy `HEYMARKET_API_KEY`) and optionally
   * `HEYMARKET_BASE_URL`, read from `env`, else `Deno.env` (needs
   * `--allow-env`), else `process.env`.
   *
   * @example
   * ```ts
   * import { Heymarket } from "heymarket-wasm";
   *
   * const hm = Heymarket.fromEnv(); // process.env (Node, Bun) or Deno.env
   * export default {
   *   async fetch(request: Request, env: object) {
   *     const team = await Heymarket.fromEnv(env, { timeoutMs: 10_000 }).team.get(); // a Worker's env
   *     return Response.json(team);
   *   },
   * };
   * ```
   */
  static fromEnv(env?: HeymarketEnv, options?: HeymarketClientOptions): Heymarket;
  /** Send messages and e-mails; read message history. */
  readonly messages: MessagesApi;
  readonly conversations: ConversationsApi;
  /** Contacts by integer id, and custom fields (`contacts.fields`). */
  readonly contacts: ContactsApi;
  /** Contacts by UUID, and their channels (`contactsV2.channels`). */
  readonly contactsV2: ContactsV2Api;
  /** Lists (v2); the deprecated v1 family as `lists.v1`. */
  readonly lists: ListsApi;
  readonly templates: TemplatesApi;
  readonly tags: TagsApi;
  /** Scheduled messages. */
  readonly schedules: SchedulesApi;
  readonly surveys: SurveysApi;
  readonly inboxes: InboxesApi;
  readonly team: TeamApi;
  /** Team members (memberships). */
  readonly users: UsersApi;
  /** The API origin this client talks to. */
  readonly baseUrl: string;
  /**
   * What `JSON.stringify` and logs show of a client: the origin only, never
   * the credentials.
   *
   * @example
   * ```ts
   * console.log(JSON.stringify(hm)); // {"baseUrl":"https://api.heymarket.com"}
   * ```
   */
  toJSON(): { baseUrl: string };
}

export interface SignJwtOptions {
  secretId: string;
  secretKey: string;
  /** Issued-at, unix seconds. Default: now. */
  iat?: number;
}

/**
 * Sign a Heymarket HS256 JWT: `{"iss": secretId, "iat": iat}` under
 * `secretId||secretKey`, the bearer token of every request (the client signs
 * its own; this is for calling the API some other way).
 *
 * @example
 * ```ts
 * import { signJwt } from "heymarket-wasm";
 *
 * const token = signJwt({ secretId: "sid_…", secretKey: "…" });
 * const res = await fetch("https://api.heymarket.com/v1/team", { headers: { authorization: `Bearer ${token}` } });
 * ```
 */
export declare function signJwt(options: SignJwtOptions): string;

/**
 * Check a webhook delivery and parse it. `body` is the raw body (or the
 * `Request` itself); its `token` field must equal `options.token`.
 *
 * Rejects with a `HeymarketError`: `webhook_unauthorized` when the token is
 * missing or wrong (answer 401), `webhook_invalid` when the body is not a
 * JSON object with a string `type` (answer 400). Events of unknown types
 * resolve as they came (see {@link UnknownWebhookEvent}).
 *
 * @example
 * ```ts
 * import { HeymarketError, verifyWebhook } from "heymarket-wasm";
 *
 * export default {
 *   async fetch(request: Request, env: { HEYMARKET_WEBHOOK_TOKEN: string }) {
 *     try {
 *       const event = await verifyWebhook(request, { token: env.HEYMARKET_WEBHOOK_TOKEN });
 *       if (event.type === "message_recieved") console.log(event.event_data.phone, event.event_data.text);
 *       return new Response("ok");
 *     } catch (err) {
 *       if (err instanceof HeymarketError && err.status) return new Response(err.code, { status: err.status });
 *       throw err;
 *     }
 *   },
 * };
 * ```
 */
export declare function verifyWebhook(
  body: string | Uint8Array | ArrayBuffer | Request,
  options: VerifyWebhookOptions,
): Promise<WebhookEvent>;

/**
 * A phone number in the API's format: E.164 digits without `+`
 * (`"+1 (415) 555-0123"` → `"14155550123"`), as every phone param is sent.
 * Accepts a leading `+`, digits, spaces, `-`, `.`, `(` and `)`. Ten digits
 * without `+` are a national number, completed by `defaultCountryCode`
 * (e.g. `"1"`) or refused. Throws a `HeymarketError` (`invalid_argument`)
 * rather than guess.
 *
 * @example
 * ```ts
 * import { normalizePhone } from "heymarket-wasm";
 *
 * normalizePhone("+1 (415) 555-0123"); // "14155550123"
 * normalizePhone("415.555.0123", { defaultCountryCode: "1" }); // "14155550123"
 * ```
 */
export declare function normalizePhone(input: string, options?: { defaultCountryCode?: string }): string;

/** The package version. */
export declare const VERSION: string;
