// Public types of heymarket-wasm.

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
  | "aborted";

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

export interface HeymarketOptions {
  /** The API Secret ID (Settings > Integrations > API). */
  secretId: string;
  /** The API Secret Key. Never appears in errors, logs or inspection. */
  secretKey: string;
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
}

/** Per-call options; they override the client's. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
}

/** A conversation member. */
export interface ConversationMember {
  id: number;
  name: string | null;
  [field: string]: unknown;
}

/**
 * A conversation, as `GET /v1/conversations/{id}` returns it. Every field the
 * API reference documents is listed; fields the API adds later are kept too.
 * Any documented field may be `null` or absent.
 */
export interface Conversation {
  id: number;
  /** Member id the conversation is assigned to. */
  assigned?: number | null;
  blocked?: boolean | null;
  /** e.g. `"sms"`. */
  channel?: string | null;
  /** RFC 3339. */
  created?: string | null;
  creator?: number | null;
  email_noti?: boolean | null;
  /** Inbox id. */
  inbox?: number | null;
  /** Unix time of the last inbound message. */
  last_inbound?: number | null;
  local_id?: string | null;
  members?: ConversationMember[] | null;
  muted?: boolean | null;
  name?: string | null;
  noreply?: string | null;
  /** Last operation. */
  op?: string | null;
  read?: number | null;
  replied?: boolean | null;
  snooze_till?: string | null;
  status?: string | null;
  super?: number | null;
  support?: boolean | null;
  /** The other party: phone digits without `+`, e.g. `"14155550123"`. */
  target?: string | null;
  type?: string | null;
  /** RFC 3339. */
  updated?: string | null;
  /** Seen in third-party material. */
  unread?: boolean | null;
  unread_users?: number[] | null;
  last_msg?: string | null;
  [field: string]: unknown;
}

export interface Conversations {
  /** `GET /v1/conversations/{id}`. `id` must be a positive safe integer. */
  get(id: number, options?: RequestOptions): Promise<Conversation>;
}

/**
 * Environment bindings: a Worker's `env` (including an `interface Env` from
 * `wrangler types`), `process.env`, or any such object. Only string values of
 * the `HEYMARKET_*` names are read.
 */
export type HeymarketEnv = object;

export declare class Heymarket {
  constructor(options: HeymarketOptions);
  /**
   * A client from `HEYMARKET_SECRET_ID`, `HEYMARKET_SECRET_KEY` and optionally
   * `HEYMARKET_BASE_URL`, read from `env`, else `Deno.env` (needs
   * `--allow-env`), else `process.env`.
   */
  static fromEnv(env?: HeymarketEnv, options?: Omit<HeymarketOptions, "secretId" | "secretKey">): Heymarket;
  readonly conversations: Conversations;
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

/** The package version. */
export declare const VERSION: string;
