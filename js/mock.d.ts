// Types of heymarket-wasm/mock: a local Heymarket for tests and demos.
/**
 * `heymarket-wasm/mock`: a local Heymarket for tests and demos. It verifies
 * every request's JWT (with WebCrypto, independently of the client) and can
 * be scripted to answer with errors, rate limits, slow or malformed bodies.
 *
 * Every endpoint of the API is served from an in-memory store per mock,
 * seeded with deterministic fixtures (more than three pages of 30 in every
 * paged collection). Rules the mock applies, as the API documents them:
 * - `date` cursor lists (conversations, contacts, templates, tags, v1 lists):
 *   items `updated` strictly before `date`, newest first, at most `limit` or
 *   30 (`ascending: true`: strictly after, oldest first);
 * - `POST /v1/messages/all`: the same with `created_at` against each
 *   message's `date` (`order: "updated_at"`: against `updated`);
 * - `POST /v2/contacts/list`: `page` from 0; `POST /v1/surveys`: `page` from 1;
 *   a page past the end is `[]`;
 * - `local_id` de-duplication on messages.send, messages.sendEmail and
 *   lists.create: a repeat stores nothing and answers the first answer;
 * - 400 `{"error":"bad_data","message":"<field> is required"}` (or "... must
 *   be ...") for a missing or mistyped field or one-of group, 404
 *   `{"error":"not_found","message":"<Thing> not found"}` for unknown ids,
 *   bare strings (`"ok"`, `"success"`) where the API answers them;
 * - every response carries `X-Request-Id`.
 *
 * @example
 * ```ts
 * import { Heymarket } from "heymarket-wasm";
 * import { createMockHeymarket, FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";
 *
 * const mock = createMockHeymarket();
 * const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, fetch: mock.fetch, maxRetries: 1 });
 * mock.script({ status: 429, headers: { "retry-after": "0" } }); // the next request is rate-limited
 * const conversation = await hm.conversations.get(123); // retried, then served
 * console.log(conversation.id, mock.requests.length, mock.requests[0].auth.valid); // 123 2 true
 * ```
 *
 * @module heymarket-wasm/mock
 */
import type { Conversation } from "./index.js";

/**
 * The credentials a mock accepts unless given others: spread them into the
 * client's options.
 *
 * @example
 * ```ts
 * import { Heymarket } from "heymarket-wasm";
 * import { createMockHeymarket, FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";
 *
 * const mock = createMockHeymarket();
 * const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, fetch: mock.fetch });
 * ```
 */
export declare const FIXTURE_CREDENTIALS: Readonly<{ secretId: string; secretKey: string }>;
/** The seeded conversations: three hand-written ones (every documented field, extras, nulls), then generated ones. */
export declare const CONVERSATIONS: readonly Conversation[];

/**
 * `[method name, HTTP method, path]` of every built-in route, paths as `/v1/contact/{id}`.
 *
 * @example
 * ```ts
 * import { MOCK_ENDPOINTS } from "heymarket-wasm/mock";
 *
 * for (const [name, method, path] of MOCK_ENDPOINTS) console.log(name, method, path); // messages.send POST /v1/message/send, …
 * ```
 */
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
 *
 * @example
 * ```ts
 * import { createFixtures } from "heymarket-wasm/mock";
 *
 * const fixtures = createFixtures();
 * console.log(fixtures.conversations.length, fixtures.team.name);
 * ```
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
  /** When it arrived (`Date.now()`). */
  at: number;
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
  /** Set when a `dropAfterProcessing` step dropped this request's connection. */
  dropped?: boolean;
  auth: { valid: boolean; reason?: string; header?: unknown; payload?: { iss?: unknown; iat?: unknown; [k: string]: unknown } };
}

/** What `mock.listen()` resolves to: the mock served over HTTP. */
export interface MockServer {
  /** `http://127.0.0.1:<port>`: the client's `baseUrl`. */
  url: string;
  port: number;
  /**
   * Stop serving, closing open connections.
   *
   * @example
   * ```ts
   * const server = await mock.listen();
   * try {
   *   // … requests to server.url …
   * } finally {
   *   await server.close();
   * }
   * ```
   */
  close(): Promise<void>;
}

/** A mock Heymarket, as {@link createMockHeymarket} makes it. */
export interface MockHeymarket {
  /**
   * A WHATWG `fetch` answered in-process; works unbound.
   *
   * @example
   * ```ts
   * import { Heymarket } from "heymarket-wasm";
   * import { FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";
   *
   * const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, fetch: mock.fetch });
   * const res = await mock.fetch("https://api.heymarket.com/v1/team"); // 401: no JWT
   * ```
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /**
   * Answer one `Request` (the scripted step first, else the routes): what
   * `fetch` and the HTTP server call. Rejects with a `TypeError` for
   * `networkError` and `dropAfterProcessing` steps.
   *
   * @example
   * ```ts
   * const res = await mock.handle(new Request("https://api.heymarket.com/v1/inboxes", { headers: { authorization: "Bearer …" } }));
   * console.log(res.status, res.headers.get("x-request-id"));
   * ```
   */
  handle(request: Request): Promise<Response>;
  /** Every request received, in order, with its JWT check (`auth`). */
  readonly requests: MockRequest[];
  /** How many requests the `rateLimit` option answered with 429. */
  readonly rateLimited: number;
  /**
   * Enforce another window from now on (`undefined`: none), as the
   * `rateLimit` option does; `rateLimited` starts again from 0.
   *
   * @example
   * ```ts
   * mock.setRateLimit({ limit: 20, windowMs: 2000 });
   * ```
   */
  setRateLimit(window: { limit: number; windowMs: number } | undefined): void;
  /** The in-memory collections, e.g. `mock.store.messages.length`. */
  readonly store: MockStore;
  /**
   * How many records a collection holds.
   *
   * @example
   * ```ts
   * const before = mock.count("messages");
   * await hm.messages.send({ inbox_id: 101, creator_id: 55, phone_number: "+1 415 555 1234", text: "hi" });
   * console.log(mock.count("messages") - before); // 1
   * ```
   */
  count(kind: MockCollection): number;
  /** Bytes produced so far by the last `hugeBodyBytes` answer. */
  readonly lastHugeBodyBytesSent: number;
  /** Whether the reader of the last `hugeBodyBytes` answer cancelled it. */
  readonly lastHugeBodyCancelled: boolean;
  /**
   * Queue scripted answers, consumed one step per request (`times` each),
   * before any routing. Returns the mock.
   *
   * @example
   * ```ts
   * mock.script(
   *   { status: 503, json: { error: "unavailable" }, times: 2 }, // the next two requests
   *   { delayMs: 50, passthrough: true }, // then a slow but normal answer
   * );
   * ```
   */
  script(...steps: MockStep[]): MockHeymarket;
  /**
   * Forget recorded requests and pending steps; `{ store: true }` also
   * re-seeds the store. Returns the mock.
   *
   * @example
   * ```ts
   * mock.reset({ store: true }); // between tests
   * ```
   */
  reset(options?: { store?: boolean }): MockHeymarket;
  /**
   * Add a route (`/v1/thing/:id` or `/v1/thing/{id}`), taking priority over
   * the built-in ones. The handler gets the path params, the `Request` and
   * its body text.
   *
   * @example
   * ```ts
   * mock.route("GET", "/v1/conversations/{id}", (params) => ({ status: 404, json: { error: "not_found", message: `Conversation ${params.id} not found` } }));
   * ```
   */
  route(method: string, pattern: string, handler: (params: Record<string, string>, request: Request, body: string | null) => MockAnswer | Promise<MockAnswer>): void;
  /**
   * Serve the mock over HTTP (Node, Bun, Deno); default `127.0.0.1` on a free port.
   *
   * @example
   * ```ts
   * import { Heymarket } from "heymarket-wasm";
   * import { FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";
   *
   * const server = await mock.listen();
   * const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: server.url });
   * console.log((await hm.conversations.get(123)).id);
   * await server.close();
   * ```
   */
  listen(options?: { port?: number; host?: string }): Promise<MockServer>;
}

/**
 * A new mock with a freshly seeded store, accepting `FIXTURE_CREDENTIALS`
 * (or the `secretId` and `secretKey` given).
 *
 * @example
 * ```ts
 * import { Heymarket } from "heymarket-wasm";
 * import { createMockHeymarket, FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";
 *
 * const mock = createMockHeymarket({ now: () => Date.parse("2030-01-01T00:00:00Z") });
 * const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, fetch: mock.fetch, now: () => Date.parse("2030-01-01T00:00:00Z") });
 * ```
 */

export declare function createMockHeymarket(options?: {
  secretId?: string;
  secretKey?: string;
  /** Seed these conversations instead of `CONVERSATIONS`. */
  conversations?: readonly Conversation[];
  /** The clock for JWT `iat` checks and new records' timestamps. Default `Date.now`. */
  now?: () => number;
  /** Enforce Heymarket's budget, scaled: at most `limit` requests arrive in any `windowMs`; beyond it, 429 with `Retry-After`. */
  rateLimit?: { limit: number; windowMs: number };
}): MockHeymarket;
