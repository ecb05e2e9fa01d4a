// A Cloudflare Worker that receives Heymarket webhooks and answers inbound
// texts through the client, and serves GET /conversations/:id.
//
//   POST /webhook            a Heymarket delivery: the `token` in its body is
//                            checked, then an inbound message gets a reply
//   GET  /conversations/:id  the conversation, as JSON
//   POST /broadcast          { inbox_id, creator_id, text, phone_numbers }: one
//                            text to many numbers (messages.sendMany), with
//                            `Authorization: Bearer <BROADCAST_TOKEN>`
//
// Every isolate of the Worker shares one rate-limit budget (Heymarket allows
// 500 requests a minute per team) through the HeymarketRateLimiter Durable
// Object bound as HEYMARKET_RATE_LIMIT in wrangler.toml.
//
// Secrets are Worker bindings:
//   wrangler secret put HEYMARKET_SECRET_ID
//   wrangler secret put HEYMARKET_SECRET_KEY
//   wrangler secret put HEYMARKET_WEBHOOK_TOKEN  (the webhook's verification token)
// Optional vars (wrangler.toml [vars] or --var): HEYMARKET_CREATOR_ID, the team
// member the replies are sent as (else the conversation's assignee);
// HEYMARKET_INBOX_ID, the inbox to reply from when the event names none;
// HEYMARKET_REPLY_TEXT, the reply; HEYMARKET_RATE_LIMIT_WINDOW, the budget as
// "<limit>/<windowMs>" (default "500/60000"). Secret: BROADCAST_TOKEN.
import { Heymarket, HeymarketError, verifyWebhook } from "heymarket-wasm";
import { durableObjectStore } from "heymarket-wasm/rate-limit/durable-object";

// The Durable Object class must be exported by the main module.
export { HeymarketRateLimiter } from "heymarket-wasm/rate-limit/durable-object";

const DEFAULT_REPLY = "Thanks for your message! We'll get back to you shortly.";

// One client per isolate, shared by all concurrent requests. (Constructing it
// does no I/O, timers or randomness, so module scope would be fine too; the
// bindings, though, arrive with the first request.)
let client;

export default {
  async fetch(request, env, ctx) {
    client ??= Heymarket.fromEnv(env, { rateLimit: rateLimit(env) });
    const { pathname } = new URL(request.url);
    if (pathname === "/broadcast") {
      if (request.method !== "POST") return new Response("Method not allowed\n", { status: 405, headers: { allow: "POST" } });
      return broadcast(request, env);
    }
    if (pathname === "/webhook") {
      if (request.method !== "POST") return new Response("Method not allowed\n", { status: 405, headers: { allow: "POST" } });
      return webhook(request, env, ctx);
    }
    const match = /^\/conversations\/(\d+)$/.exec(pathname);
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

/** The shared budget, when the Durable Object is bound (else the client's own window). */
function rateLimit(env) {
  if (!env.HEYMARKET_RATE_LIMIT) return undefined;
  const [limit, windowMs] = (env.HEYMARKET_RATE_LIMIT_WINDOW ?? "500/60000").split("/").map(Number);
  return { limit, windowMs, store: durableObjectStore(env.HEYMARKET_RATE_LIMIT) };
}

async function broadcast(request, env) {
  // Fail closed: without a configured token nobody may broadcast.
  if (!env.BROADCAST_TOKEN || request.headers.get("authorization") !== `Bearer ${env.BROADCAST_TOKEN}`) {
    return Response.json({ error: "unauthorized" }, { status: 401 });
  }
  let body;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: "expected a JSON body" }, { status: 400 });
  }
  const { inbox_id, creator_id, text, phone_numbers, batch } = body ?? {};
  if (!Array.isArray(phone_numbers)) return Response.json({ error: "phone_numbers must be an array" }, { status: 400 });
  const items = phone_numbers.map((phone_number) => ({ inbox_id, creator_id, text, phone_number }));
  // The same `batch` name sent again (a retried broadcast) sends nothing twice.
  const results = await client.messages.sendMany(items, { concurrency: 8, batchKey: typeof batch === "string" ? batch : "" });
  const failed = results.flatMap((r, i) => (r.ok ? [] : [{ phone_number: phone_numbers[i], error: r.error.code }]));
  return Response.json({ sent: results.length - failed.length, failed });
}

async function webhook(request, env, ctx) {
  // Fail closed: without a configured token no delivery is accepted.
  if (!env.HEYMARKET_WEBHOOK_TOKEN) return Response.json({ error: "HEYMARKET_WEBHOOK_TOKEN is not set" }, { status: 500 });
  let event;
  try {
    event = await verifyWebhook(request, { token: env.HEYMARKET_WEBHOOK_TOKEN });
  } catch (err) {
    // webhook_unauthorized → 401, webhook_invalid → 400 (err.status).
    if (err instanceof HeymarketError && (err.code === "webhook_unauthorized" || err.code === "webhook_invalid")) {
      return Response.json({ error: err.code }, { status: err.status });
    }
    throw err;
  }
  // `message_recieved` is the API's spelling; accept the corrected one too.
  // Only inbound messages are answered: our own replies arrive as
  // `message_sent` and must not be answered again.
  if (event.type === "message_recieved" || event.type === "message_received") {
    const reply = replyTo(event, env);
    // Answer Heymarket at once; the send finishes after the response.
    if (reply) ctx.waitUntil(send(reply));
    else console.warn("inbound message without a conversation, phone number or inbox: not answered");
  }
  return new Response(null, { status: 200 });
}

/** The `messages.send` params answering an inbound message, or null when the event lacks a target. */
function replyTo(event, env) {
  const message = event.event_data ?? {};
  const conversation = message.conversation ?? {};
  const inboxId = positive(conversation.inbox) ?? positive(env.HEYMARKET_INBOX_ID);
  const creatorId = positive(env.HEYMARKET_CREATOR_ID) ?? positive(conversation.assigned);
  // Reply in the same conversation; else to the sender's number (`target`:
  // the customer's side; `phone` is the inbox's own number).
  const target = positive(conversation.id) ? { chat_id: conversation.id } : message.target ? { phone_number: String(message.target) } : null;
  if (!inboxId || !creatorId || !target) return null;
  return {
    inbox_id: inboxId,
    creator_id: creatorId,
    ...target,
    text: env.HEYMARKET_REPLY_TEXT || DEFAULT_REPLY,
    // Heymarket may deliver an event more than once: one local_id per inbound
    // message makes a repeated delivery send no second reply.
    ...(message.id !== undefined && message.id !== null ? { local_id: `auto-reply-${message.id}` } : {}),
  };
}

async function send(params) {
  try {
    const sent = await client.messages.send(params);
    console.log(`replied: message ${sent.id}, local_id ${sent.local_id}`);
  } catch (err) {
    if (!(err instanceof HeymarketError)) throw err;
    console.error(`reply failed: ${err.code} (${err.status ?? "no status"}, request ${err.requestId ?? "-"}): ${err.message}`);
  }
}

/** A positive integer from a number or a string of digits (env vars are strings), else undefined. */
function positive(value) {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
