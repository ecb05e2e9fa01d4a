// `heymarket-wasm/rate-limit/durable-object`: one rate-limit budget for every
// isolate of a Worker. Bind the class in wrangler.toml and pass the namespace
// to `durableObjectStore`; each key (a hash of the credentials) is routed to
// its own object, which keeps the sliding window in memory (the client's own
// window, `memoryStore()`). A Durable Object runs one request at a time, so
// its answers are atomic.
//
// Kept in memory, not storage (no storage write per request): an object
// evicted after a period of inactivity shorter than the window, or restarted
// by a deploy, starts with an empty window, and the client then meets the
// API's 429s, which it retries with their Retry-After, until the new window
// fills.
import { HeymarketError, memoryStore } from "./workerd.mjs";

const ORIGIN = "https://heymarket-rate-limit.internal";

/** The Durable Object: export it from your Worker's main module. */
export class HeymarketRateLimiter {
  #store = memoryStore();

  constructor(state, env) {
    void state;
    void env;
  }

  async fetch(request) {
    let asked;
    try {
      asked = await request.json();
    } catch {
      return new Response("expected a JSON body { key, limit, windowMs }", { status: 400 });
    }
    const { key, limit, windowMs } = asked ?? {};
    if (typeof key !== "string" || typeof limit !== "number" || typeof windowMs !== "number") {
      return new Response("expected a JSON body { key, limit, windowMs }", { status: 400 });
    }
    try {
      return new Response(String(await this.#store.take(key, limit, windowMs)));
    } catch (e) {
      return new Response(String(e?.message ?? e), { status: 400 });
    }
  }
}

/** A store for `rateLimit: { limit, windowMs, store: durableObjectStore(env.HEYMARKET_RATE_LIMIT) }`. */
export function durableObjectStore(namespace) {
  if (typeof namespace?.idFromName !== "function" || typeof namespace.get !== "function") {
    throw new HeymarketError("durableObjectStore: pass the Durable Object namespace binding (env.<NAME>) of the HeymarketRateLimiter class", { code: "invalid_argument" });
  }
  const ids = new Map(); // key → id (ids, unlike stubs, are not tied to one request)
  return {
    async take(key, limit, windowMs) {
      let id = ids.get(key);
      if (!id) ids.set(key, (id = namespace.idFromName(key)));
      const res = await namespace.get(id).fetch(`${ORIGIN}/take`, { method: "POST", body: JSON.stringify({ key, limit, windowMs }) });
      const text = await res.text();
      if (!res.ok) throw new Error(`the HeymarketRateLimiter Durable Object answered ${res.status}: ${text}`);
      return Number(text);
    },
  };
}
