// `heymarket-wasm/rate-limit/durable-object`: one rate-limit budget for every isolate of a Worker.
import type { RateLimitStore } from "./index.js";

/**
 * The Durable Object that keeps the shared budget. Export it from the
 * Worker's main module and bind it in `wrangler.toml`:
 *
 * ```
 * [[durable_objects.bindings]]
 * name = "HEYMARKET_RATE_LIMIT"
 * class_name = "HeymarketRateLimiter"
 *
 * [[migrations]]
 * tag = "v1"
 * new_classes = ["HeymarketRateLimiter"]
 * ```
 *
 * @example
 * ```ts
 * export { HeymarketRateLimiter } from "heymarket-wasm/rate-limit/durable-object";
 * ```
 */
export declare class HeymarketRateLimiter {
  /**
   * Made by the Workers runtime, once per object (per key).
   *
   * @example
   * ```ts
   * import { HeymarketRateLimiter } from "heymarket-wasm/rate-limit/durable-object";
   * const limiter = new HeymarketRateLimiter({}, {}); // what the runtime does; tests may too
   * ```
   */
  constructor(state: unknown, env: unknown);
  /**
   * `POST { key, limit, windowMs }` → the milliseconds to wait (0: go, counted);
   * 400 for another body. `durableObjectStore` sends these.
   *
   * @example
   * ```ts
   * import { HeymarketRateLimiter } from "heymarket-wasm/rate-limit/durable-object";
   * const limiter = new HeymarketRateLimiter({}, {});
   * const wait = Number(await (await limiter.fetch(new Request("https://do/take", { method: "POST", body: JSON.stringify({ key: "k", limit: 5, windowMs: 1000 }) }))).text());
   * ```
   */
  fetch(request: Request): Promise<Response>;
}

/** What the store needs of the namespace binding (`env.HEYMARKET_RATE_LIMIT`). */
export interface RateLimitNamespace {
  /** The object for a key. */
  idFromName: (name: string) => unknown;
  /** Its stub. */
  get: (id: never) => { fetch: (input: string, init?: RequestInit) => Promise<Response> };
}

/**
 * A store that routes every isolate's requests for one key (a hash of the
 * credentials) to one `HeymarketRateLimiter` object.
 *
 * @example
 * ```ts
 * import { Heymarket } from "heymarket-wasm";
 * import { durableObjectStore } from "heymarket-wasm/rate-limit/durable-object";
 * declare const env: { HEYMARKET_SECRET_ID: string; HEYMARKET_SECRET_KEY: string; HEYMARKET_RATE_LIMIT: import("heymarket-wasm/rate-limit/durable-object").RateLimitNamespace };
 * const hm = Heymarket.fromEnv(env, { rateLimit: { limit: 500, windowMs: 60_000, store: durableObjectStore(env.HEYMARKET_RATE_LIMIT) } });
 * ```
 */
export declare function durableObjectStore(namespace: RateLimitNamespace): RateLimitStore;
