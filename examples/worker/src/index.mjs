// A Cloudflare Worker that serves GET /conversations/:id from Heymarket.
// Secrets are Worker bindings: `wrangler secret put HEYMARKET_SECRET_ID` and
// `wrangler secret put HEYMARKET_SECRET_KEY`.
import { Heymarket, HeymarketError } from "heymarket-wasm";

// One client per isolate, shared by all concurrent requests. (Constructing it
// does no I/O, timers or randomness, so module scope would be fine too; the
// bindings, though, arrive with the first request.)
let client;

export default {
  async fetch(request, env) {
    client ??= Heymarket.fromEnv(env);
    const match = /^\/conversations\/(\d+)$/.exec(new URL(request.url).pathname);
    if (request.method !== "GET" || !match) return new Response("Not found\n", { status: 404 });
    try {
      return Response.json(await client.conversations.get(Number(match[1])));
    } catch (err) {
      if (!(err instanceof HeymarketError)) throw err;
      const status = err.code === "not_found" ? 404 : err.code === "invalid_argument" ? 400 : 502;
      return Response.json({ error: err.code, requestId: err.requestId }, { status });
    }
  },
};
