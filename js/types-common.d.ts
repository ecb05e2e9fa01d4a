// Types shared by every namespace of heymarket-wasm (re-exported by index.d.ts).

/** Per-call options; they override the client's. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
}

/** The `date` cursor params of the v1 list endpoints (templates, tags, v1 lists). */
export interface DateCursorParams {
  /** RFC 3339: items updated before it. The paging cursor. */
  date?: string;
}

/**
 * What a list method returns (not a promise): nothing is requested until it
 * is walked. `for await (const item of paginator)` walks every item, one
 * request per page; each list method's doc names its cursor rule. Every walk
 * (`for await`, `pages()`, `toArray()`) starts again from the first page.
 *
 * @example
 * ```ts
 * const contacts = hm.contacts.list({ archived: false }); // no request yet
 * for await (const contact of contacts) console.log(contact.id, contact.display_name);
 * ```
 */
export interface Paginator<T> extends AsyncIterable<T> {
  /**
   * Pages as arrays, one request each.
   *
   * @example
   * ```ts
   * for await (const page of hm.contactsV2.list({ limit: 30 }).pages()) {
   *   console.log("a page of", page.length, "contacts");
   * }
   * ```
   */
  pages(): AsyncIterableIterator<T[]>;
  /**
   * At most `limit` items (required, a positive integer), across pages.
   *
   * @example
   * ```ts
   * const recent = await hm.messages.list({ order: "created_at" }).toArray({ limit: 50 });
   * ```
   */
  toArray(options: { limit: number }): Promise<T[]>;
  /**
   * Every item, across pages: what `for await` calls.
   *
   * @example
   * ```ts
   * const walk = hm.tags.list()[Symbol.asyncIterator]();
   * const first = await walk.next(); // one request, for the first page
   * if (!first.done) console.log(first.value.tag);
   * ```
   */
  [Symbol.asyncIterator](): AsyncIterableIterator<T>;
}

/**
 * Exactly one of the fields of `T`, the others absent: the one-of groups of
 * the params (a send's target, a contact's `id` or `phone`). Giving two, or
 * none, does not compile, and the client refuses it at run time too.
 */
export type ExactlyOne<T> = {
  [K in keyof T]-?: Pick<T, K> & { [O in Exclude<keyof T, K>]?: never };
}[keyof T];

/**
 * A JSON object the API sent; fields this package does not list are kept.
 * Base of every response object.
 */
export interface ApiObject {
  [key: string]: unknown;
}

/** `{id, rev, uuid}`: what most creates (and some updates) answer. */
export interface CreateResult {
  id: number;
  /** Revision; increments on each write. */
  rev: number;
  /** Present on most creates (contacts, lists, templates, tags). */
  uuid?: string;
  [key: string]: unknown;
}

/** What `withResponse()` resolves to: the data and the final response's metadata. */
export interface RawResponse<T> {
  /** The decoded answer, as awaiting the call gives it. */
  data: T;
  /** The HTTP status of the final attempt. */
  status: number;
  /** The final attempt's response headers. */
  headers: Headers;
  /** Heymarket's `X-Request-Id`, when present. */
  requestId?: string;
}

/**
 * The promise every non-list method returns: awaiting it gives the API's
 * answer; `withResponse()` gives the same answer with the response's status,
 * headers and request id (no second request is sent).
 */
export interface APIPromise<T> extends Promise<T> {
  /**
   * The data with its response's metadata.
   *
   * @example
   * ```ts
   * const { data, status, requestId } = await hm.conversations.get(123).withResponse();
   * ```
   */
  withResponse(): Promise<RawResponse<T>>;
}
