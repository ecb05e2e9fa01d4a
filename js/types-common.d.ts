// Types shared by every namespace of heymarket-wasm (re-exported by index.d.ts).

/** Per-call options; they override the client's. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
}

/**
 * What a list method returns (not a promise): nothing is requested until it
 * is walked. `for await (const item of paginator)` walks every item, one
 * request per page; each list method's doc names its cursor rule. Every walk
 * (`for await`, `pages()`, `toArray()`) starts again from the first page.
 */
export interface Paginator<T> extends AsyncIterable<T> {
  /** Pages as arrays, one request each. */
  pages(): AsyncIterableIterator<T[]>;
  /** At most `limit` items (required, a positive integer), across pages. */
  toArray(options: { limit: number }): Promise<T[]>;
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
