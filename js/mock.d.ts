// Types of heymarket-wasm/mock: a local Heymarket for tests and demos.
//
// Every endpoint of the API is served from an in-memory store per mock,
// seeded with deterministic fixtures (more than three pages of 30 in every
// paged collection). Rules the mock applies, as the API documents them:
// - `date` cursor lists (conversations, contacts, templates, tags, v1 lists):
//   items `updated` strictly before `date`, newest first, at most `limit` or
//   30 (`ascending: true`: strictly after, oldest first);
// - `POST /v1/messages/all`: the same with `created_at` against each
//   message's `date` (`order: "updated_at"`: against `updated`);
// - `POST /v2/contacts/list`: `page` from 0; `POST /v1/surveys`: `page` from 1;
//   a page past the end is `[]`;
// - `local_id` de-duplication on messages.send, messages.sendEmail and
//   lists.create: a repeat stores nothing and answers the first answer;
// - 400 `{"error":"bad_data","message":"<field> is required"}` (or "... must
//   be ...") for a missing or mistyped field or one-of group, 404
//   `{"error":"not_found","message":"<Thing> not found"}` for unknown ids,
//   bare strings (`"ok"`, `"success"`) where the API answers them;
// - every response carries `X-Request-Id`.
import type { Conversation } from "./index.js";

export declare const FIXTURE_CREDENTIALS: Readonly<{ secretId: string; secretKey: string }>;
/** The seeded conversations: three hand-written ones (every documented field, extras, nulls), then generated ones. */
export declare const CONVERSATIONS: readonly Conversation[];

/** `[method name, HTTP method, path]` of every built-in route, paths as `/v1/contact/{id}`. */
export declare const MOCK_ENDPOINTS: readonly (readonly [name: string, method: "GET" | "POST" | "PUT" | "DELETE", path: string])[];

/** A stored record: the API's fields for its kind (ids are integers; contacts also carry `uuid`). */
export interface MockRecord {
  id: number;
  [field: string]: unknown;
}

export type MockCollection = "conversations" | "messages" | "contacts" | "templates" | "tags" | "lists" | "schedules" | "surveys" | "inboxes" | "users" | "fields";

/** The fixture data a mock is seeded with (fresh, mutable copies on every call). */
export type MockFixtures = { [K in MockCollection]: MockRecord[] } & { team: { id: number; name: string; list_size: number; members: { id: number; name: string; role: string }[] } };

/**
 * Fresh fixture data, as a new mock is seeded. v1 and v2 contacts are one
 * collection (each has an integer `id`, a `uuid` and `contact_channels`); v1
 * and v2 lists too.
 */
export declare function createFixtures(options?: { conversations?: readonly Conversation[] }): MockFixtures;

/** A mock's in-memory store: the collections as arrays (read them, or mutate them to set up a test). */
export type MockStore = MockFixtures;

export interface MockAnswer {
  status?: number;
  json?: unknown;
  /** A raw body, sent as-is (for malformed bodies). */
  body?: string;
  headers?: Record<string, string>;
}

export interface MockStep extends MockAnswer {
  /** Wait before answering (aborted by the request's signal unless `ignoreAbort`). */
  delayMs?: number;
  /** Send the head at once but stall the body this long. */
  bodyDelayMs?: number;
  /** Never answer (until aborted, or ever with `ignoreAbort`). */
  hang?: boolean;
  ignoreAbort?: boolean;
  /**
   * Fail like a refused connection, before routing: a `TypeError("fetch
   * failed")` whose `cause.code` is `"ECONNREFUSED"`; over HTTP the socket is
   * destroyed.
   */
  networkError?: boolean;
  /**
   * Route the request normally (the store changes; the request is recorded
   * with `dropped: true`), then drop the connection instead of answering:
   * in-process the fetch rejects with a `TypeError("fetch failed")` whose
   * `cause.code` is `"ECONNRESET"`; over HTTP the socket is destroyed.
   */
  dropAfterProcessing?: boolean;
  /**
   * Answer (status `status`, default 200) with a JSON array of exactly this
   * many bytes, produced on demand as the reader pulls (no routing).
   * `mock.lastHugeBodyBytesSent` counts the bytes produced so far and
   * `mock.lastHugeBodyCancelled` tells whether the reader cancelled.
   */
  hugeBodyBytes?: number;
  /** With `hugeBodyBytes`: no Content-Length (chunked over HTTP). Default: Content-Length is set. */
  chunked?: boolean;
  /** With `hugeBodyBytes`: bytes per chunk. Default 65536. */
  chunkBytes?: number;
  /** Route normally after the step's delays and headers. */
  passthrough?: boolean;
  /** How many requests this step answers. Default 1; `Infinity` allowed. */
  times?: number;
}

export interface MockRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
  /** Set when a `dropAfterProcessing` step dropped this request's connection. */
  dropped?: boolean;
  auth: { valid: boolean; reason?: string; header?: unknown; payload?: { iss?: unknown; iat?: unknown; [k: string]: unknown } };
}

export interface MockServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface MockHeymarket {
  /** A WHATWG `fetch` answered in-process; works unbound. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  handle(request: Request): Promise<Response>;
  readonly requests: MockRequest[];
  /** The in-memory collections, e.g. `mock.store.messages.length`. */
  readonly store: MockStore;
  /** How many records a collection holds, e.g. `mock.count("messages")`. */
  count(kind: MockCollection): number;
  /** Bytes produced so far by the last `hugeBodyBytes` answer. */
  readonly lastHugeBodyBytesSent: number;
  /** Whether the reader of the last `hugeBodyBytes` answer cancelled it. */
  readonly lastHugeBodyCancelled: boolean;
  script(...steps: MockStep[]): MockHeymarket;
  /** Forget recorded requests and pending steps; `{ store: true }` also re-seeds the store. */
  reset(options?: { store?: boolean }): MockHeymarket;
  /** Add a route (`/v1/thing/:id` or `/v1/thing/{id}`), taking priority over the built-in ones. */
  route(method: string, pattern: string, handler: (params: Record<string, string>, request: Request, body: string | null) => MockAnswer | Promise<MockAnswer>): void;
  listen(options?: { port?: number; host?: string }): Promise<MockServer>;
}

export declare function createMockHeymarket(options?: {
  secretId?: string;
  secretKey?: string;
  /** Seed these conversations instead of `CONVERSATIONS`. */
  conversations?: readonly Conversation[];
  /** The clock for JWT `iat` checks and new records' timestamps. Default `Date.now`. */
  now?: () => number;
}): MockHeymarket;
