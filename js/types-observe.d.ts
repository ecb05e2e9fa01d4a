// Logging records, the rate limit and the endpoint table as data (re-exported by index.d.ts).
import type { HeymarketErrorCode } from "./index.js";

/** Log levels, from nothing to one record per attempt. */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/**
 * A log record. It names the request by method and path and the query by
 * its keys only; it never holds a secret, a key, a JWT, a body or a phone number.
 */
export interface LogRecord {
  method: string;
  path: string;
  /** The query's keys, comma-separated (never its values). */
  queryKeys?: string;
  /** debug: the attempt's status, duration, number and request id. */
  status?: number;
  durationMs?: number;
  attempt?: number;
  requestId?: string;
  /** warn: why the attempt is retried, and after how long. */
  reason?: HeymarketErrorCode;
  delayMs?: number;
  /** error: the final failure's code. */
  code?: HeymarketErrorCode;
}

/** Any object with (some of) these methods, such as `console`. */
export interface Logger {
  /**
   * One record per attempt: method, path, query keys, status, duration, attempt, request id.
   *
   * @example
   * ```ts
   * const logger: import("heymarket-wasm").Logger = { debug: (message, record) => console.log(message, record.path) };
   * ```
   */
  debug?(message: string, record: LogRecord): void;
  /**
   * Reserved for informational records (none are written today).
   *
   * @example
   * ```ts
   * const logger: import("heymarket-wasm").Logger = { info: (message, record) => console.log(message, record.path) };
   * ```
   */
  info?(message: string, record: LogRecord): void;
  /**
   * Each retry, with its reason and delay.
   *
   * @example
   * ```ts
   * const logger: import("heymarket-wasm").Logger = { warn: (message, record) => console.log(message, record.path) };
   * ```
   */
  warn?(message: string, record: LogRecord): void;
  /**
   * The final failure of a call, with its code.
   *
   * @example
   * ```ts
   * const logger: import("heymarket-wasm").Logger = { error: (message, record) => console.log(message, record.path) };
   * ```
   */
  error?(message: string, record: LogRecord): void;
}

/** One row of the endpoint table the client is built from. */
export interface EndpointDescription {
  /** The method's name under the client, e.g. `"messages.send"`. */
  name: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** The path template, e.g. `"/v1/contact/{id}"`. */
  path: string;
  /** The path parameters, in order. */
  params: readonly { name: string; type: "id" | "uuid" | "enum"; values?: readonly string[] }[];
  /** A positional array argument (the body, or inside it). */
  items: { name: string; item: "object" | "uuid" } | null;
  /** The params fields, with the API's own names. */
  fields: readonly {
    name: string;
    type: "integer" | "id" | "string" | "boolean" | "phone" | "string[]" | "integer[]" | "phone[]" | "json" | "enum";
    values?: readonly string[];
    required: boolean;
    in: "body" | "query";
  }[];
  /** Exactly one of these fields must be given. */
  oneOf: readonly string[];
  answers: "object" | "array" | "string" | "any";
  paging: { cursor: string; from: string } | { page: number } | null;
  retry: "idempotent" | "local_id" | "unsafe";
  stability: "stable" | "experimental" | "deprecated" | "deprecated experimental";
}

/**
 * The endpoint table the client, its command line and these docs are built
 * from: every method with its HTTP method, path, fields, paging and retry
 * rule. Frozen; parsed on first use.
 *
 * @example
 * ```ts
 * import { endpointTable } from "heymarket-wasm";
 * const send = endpointTable().find((e) => e.name === "messages.send");
 * console.log(send?.method, send?.path, send?.fields.filter((f) => f.required).map((f) => f.name));
 * ```
 */
export declare function endpointTable(): readonly EndpointDescription[];

/**
 * A budget shared beyond one client: `take` answers 0 to start now (the
 * start is counted), else the milliseconds to wait before asking again.
 * `key` is derived from the credentials (a hash, never the secret). The
 * client asks for its `windowMs` plus a travel margin (1 %, 50 ms–1 s: a
 * request reaches the server later than it starts), and the store keeps that
 * window exactly. Shipped: `memoryStore()`, `redisStore(client)` from
 * `heymarket-wasm/rate-limit/redis`, `durableObjectStore(namespace)` from
 * `heymarket-wasm/rate-limit/durable-object`.
 */
export interface RateLimitStore {
  /**
   * Ask to start one request under `limit` starts per `windowMs`.
   *
   * @example
   * ```ts
   * const store: import("heymarket-wasm").RateLimitStore = { take: async (key, limit, windowMs) => 0 };
   * ```
   */
  take(key: string, limit: number, windowMs: number): Promise<number>;
}

/** The `rateLimit` option: at most `limit` requests start in any `windowMs` window (a sliding window). */
export interface RateLimit {
  limit: number;
  windowMs: number;
  /** Share the budget (default: this client's own window). */
  store?: RateLimitStore;
}

/**
 * A store shared by the clients of one process.
 *
 * @example
 * ```ts
 * import { Heymarket, memoryStore } from "heymarket-wasm";
 * const store = memoryStore();
 * const a = new Heymarket({ secretId: "id", secretKey: "key", rateLimit: { limit: 500, windowMs: 60_000, store } });
 * const b = new Heymarket({ secretId: "id", secretKey: "key", rateLimit: { limit: 500, windowMs: 60_000, store } });
 * ```
 */
export declare function memoryStore(): RateLimitStore;
