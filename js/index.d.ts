// Public types of heymarket-wasm. The namespaces' params and the objects the
// API answers with live in the ./types-*.d.ts files re-exported here.
import type { ConversationsApi, MessagesApi } from "./types-messages.js";
import type { ContactsApi, ContactsV2Api } from "./types-contacts.js";
import type {
  InboxesApi,
  ListsApi,
  SchedulesApi,
  SurveysApi,
  TagsApi,
  TeamApi,
  TemplatesApi,
  UsersApi,
} from "./types-resources.js";
import type { UnknownWebhookEvent, VerifyWebhookOptions, WebhookEvent } from "./types-webhooks.js";

export * from "./types-common.js";
export * from "./types-objects.js";
export * from "./types-messages.js";
export * from "./types-contacts.js";
export * from "./types-resources.js";
export * from "./types-webhooks.js";

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

/** The one error class: every failure of the client is a `HeymarketError`. */
export declare class HeymarketError extends Error {
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

export declare class Heymarket {
  constructor(options: HeymarketOptions);
  /**
   * A client from `HEYMARKET_SECRET_ID` and `HEYMARKET_SECRET_KEY` (or, when
   * neither is set, a legacy `HEYMARKET_API_KEY`) and optionally
   * `HEYMARKET_BASE_URL`, read from `env`, else `Deno.env` (needs
   * `--allow-env`), else `process.env`.
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
  toJSON(): { baseUrl: string };
}

export interface SignJwtOptions {
  secretId: string;
  secretKey: string;
  /** Issued-at, unix seconds. Default: now. */
  iat?: number;
}

/** Sign a Heymarket HS256 JWT: `{"iss": secretId, "iat": iat}` under `secretId||secretKey`. */
export declare function signJwt(options: SignJwtOptions): string;

/**
 * Check a webhook delivery and parse it. `body` is the raw body (or the
 * `Request` itself); its `token` field must equal `options.token`.
 *
 * Rejects with a `HeymarketError`: `webhook_unauthorized` when the token is
 * missing or wrong (answer 401), `webhook_invalid` when the body is not a
 * JSON object with a string `type` (answer 400). Events of unknown types
 * resolve as they came (see {@link UnknownWebhookEvent}).
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
 */
export declare function normalizePhone(input: string, options?: { defaultCountryCode?: string }): string;

/** The package version. */
export declare const VERSION: string;
