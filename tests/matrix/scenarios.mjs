// One scenario suite, run unchanged in every runtime (Node 20/22/24, Deno,
// Bun, workerd). Plain ESM with no imports: the harness passes in the package
// (as the runtime resolved it), the mock's URL, and a control URL through
// which a scenario scripts the mock (which runs in the harness's process).

class Check extends Error {}
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const byNumber = (a, b) => a - b;
function ok(cond, message) {
  if (!cond) throw new Check(message);
}
function eq(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  ok(a === e, `${message}: expected ${e}, got ${a}`);
}
async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Check("expected a rejection");
}

/**
 * @param {object} ctx
 * @param {object} ctx.api the package: { Heymarket, HeymarketError, signJwt, verifyWebhook, VERSION }
 * @param {string} ctx.mockUrl base URL of the mock Heymarket
 * @param {string} ctx.controlUrl base URL of the mock's control server
 * @param {{ secretId: string, secretKey: string }} ctx.credentials
 * @param {{ secretId: string, secretKey: string, iat: number, token: string }} ctx.vector
 * @param {object} [ctx.env] bindings for Heymarket.fromEnv (a Worker's env)
 * @param {object} [ctx.moduleScopeClient] a client created at module scope
 */
export async function runScenarios(ctx) {
  const { Heymarket, HeymarketError, signJwt, verifyWebhook } = ctx.api;
  const { secretId, secretKey } = ctx.credentials;
  const control = async (path, body) => {
    const res = await fetch(`${ctx.controlUrl}${path}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status}`);
    return res.json();
  };
  const requests = () => control("/requests");
  /** A collection of the mock's store: `{ count, items }` (the store is re-seeded before every scenario). */
  const store = (kind) => control(`/store/${kind}`);
  const client = (options = {}) => new Heymarket({ secretId, secretKey, baseUrl: ctx.mockUrl, ...options });
  const fixture = (await control("/fixtures")).conversations[0];

  const scenarios = {
    "happy path: conversations.get, JWT verified by the mock": async () => {
      const conv = await client().conversations.get(fixture.id);
      eq(conv, fixture, "conversation");
      const [req] = await requests();
      eq(req.path, `/v1/conversations/${fixture.id}`, "path");
      eq(req.auth.valid, true, `auth (${req.auth.reason})`);
      ok(req.headers["user-agent"].startsWith("heymarket-wasm/"), "user-agent");
    },
    "a client created at module scope works in a request": async () => {
      if (!ctx.moduleScopeClient) return "skipped: not a Worker";
      eq((await ctx.moduleScopeClient.conversations.get(fixture.id)).id, fixture.id, "id");
      // Its first local_id is generated inside a request, where randomness is allowed.
      const sent = await ctx.moduleScopeClient.messages.send({ inbox_id: 101, creator_id: 55, chat_id: fixture.id, text: "from module scope" });
      ok(UUID_V4.test(sent.local_id), `local_id ${JSON.stringify(sent.local_id)}`);
      const pages = [];
      for await (const page of ctx.moduleScopeClient.tags.list().pages()) pages.push(page.length);
      ok(pages.length > 1 && pages.every((n) => n > 0), `tags pages ${JSON.stringify(pages)}`);
    },
    "not_found with status and request id": async () => {
      const err = await rejection(client().conversations.get(987654));
      ok(err instanceof HeymarketError, "instanceof HeymarketError");
      ok(err instanceof Error, "instanceof Error");
      eq([err.name, err.code, err.status], ["HeymarketError", "not_found", 404], "fields");
      ok(typeof err.requestId === "string" && err.requestId.length > 0, "requestId");
    },
    "invalid_argument for bad ids, and nothing is sent": async () => {
      const hm = client();
      for (const id of [-1, 0, 1.5, "12", null, undefined, NaN]) {
        const err = await rejection(hm.conversations.get(id));
        eq(err.code, "invalid_argument", `id ${String(id)}`);
      }
      eq((await requests()).length, 0, "requests sent");
    },
    "429 then 200: retried once": async () => {
      await control("/script", [{ status: 429, headers: { "retry-after": "0" }, json: { error: "slow down" } }]);
      eq((await client().conversations.get(fixture.id)).id, fixture.id, "id");
      eq((await requests()).length, 2, "requests");
    },
    "timeout when the server hangs": async () => {
      await control("/script", [{ hang: true }]);
      const t0 = Date.now();
      const err = await rejection(client({ timeoutMs: 200, maxRetries: 0 }).conversations.get(fixture.id));
      eq(err.code, "timeout", "code");
      ok(Date.now() - t0 < 5000, "took too long");
    },
    "signJwt matches an independent vector": async () => {
      const v = ctx.vector;
      eq(signJwt({ secretId: v.secretId, secretKey: v.secretKey, iat: v.iat }), v.token, "token");
    },
    "secrets never appear in errors or the client": async () => {
      const key = "matrix-secret-key-must-not-leak-4242";
      const hm = new Heymarket({ secretId, secretKey: key, baseUrl: ctx.mockUrl, maxRetries: 0 });
      const errors = [await rejection(hm.conversations.get(fixture.id)), await rejection(hm.conversations.get(-5))];
      try {
        new Heymarket({ secretId, secretKey: key, baseUrl: "http://example.com" });
      } catch (e) {
        errors.push(e);
      }
      eq(errors.map((e) => e.code), ["unauthorized", "invalid_argument", "invalid_argument"], "codes");
      for (const e of errors) {
        for (const text of [e.message, String(e.stack), JSON.stringify(e), String(e)]) ok(!text.includes(key), `leak in ${e.code}`);
      }
      for (const text of [JSON.stringify(hm), String(hm)]) ok(!text.includes(key), "leak in client");
    },
    "32 concurrent calls on one client": async () => {
      const hm = client();
      const got = await Promise.all(Array.from({ length: 32 }, () => hm.conversations.get(fixture.id)));
      ok(got.every((c) => c.id === fixture.id), "all answered");
      eq((await requests()).length, 32, "requests");
    },
    "messages.send: a typed phone number goes out as E.164 digits, with a generated UUID local_id": async () => {
      const before = (await store("messages")).count;
      const hm = client();
      const params = { inbox_id: 101, creator_id: 55, phone_number: "+1 (415) 555-1234", text: "Matrix says hi" };
      const sent = await hm.messages.send(params);
      ok(Number.isInteger(sent.id) && sent.queued === true, `answer ${JSON.stringify(sent)}`);
      ok(UUID_V4.test(sent.local_id), `local_id ${JSON.stringify(sent.local_id)} is not a UUID v4`);
      eq(params.phone_number, "+1 (415) 555-1234", "params left untouched");
      const reqs = await requests();
      eq(reqs.map((r) => `${r.method} ${r.path}`), ["POST /v1/message/send"], "requests");
      eq(reqs[0].auth.valid, true, `auth (${reqs[0].auth.reason})`);
      eq(JSON.parse(reqs[0].body), { inbox_id: 101, creator_id: 55, phone_number: "14155551234", text: "Matrix says hi", local_id: sent.local_id }, "body");
      const after = await store("messages");
      eq(after.count, before + 1, "messages stored");
      const m = after.items.find((x) => x.id === sent.id);
      ok(m, `message ${sent.id} stored`);
      eq([m.target, m.conversation.target, m.text, m.local_id, m.user], ["14155551234", "14155551234", "Matrix says hi", sent.local_id, 55], "stored message");
      const again = await hm.messages.send(params);
      ok(UUID_V4.test(again.local_id) && again.local_id !== sent.local_id, "a fresh local_id per call");
    },
    "messages.send: a connection dropped after sending is retried with the same local_id, one message stored": async () => {
      const before = (await store("messages")).count;
      await control("/script", [{ dropAfterProcessing: true }]);
      const hm = client({ defaultCountryCode: "1" });
      const sent = await hm.messages.send({ inbox_id: 101, creator_id: 55, phone_number: "415.555.1234", text: "once" }).catch((e) => {
        throw new Check(`rejected: ${e.code}: ${e.message}`);
      });
      const reqs = await requests();
      const attempts = reqs.map((r) => [r.path, Boolean(r.dropped), JSON.parse(r.body).phone_number, JSON.parse(r.body).local_id]);
      eq(attempts, [["/v1/message/send", true, "14155551234", sent.local_id], ["/v1/message/send", false, "14155551234", sent.local_id]], "attempts");
      eq((await store("messages")).count, before + 1, "messages stored");
    },
    "conversations.list: for await walks more than three pages, every item once": async () => {
      const inbox = 101;
      const expected = (await store("conversations")).items.filter((c) => c.inbox === inbox).map((c) => c.id);
      const seen = [];
      for await (const c of client().conversations.list({ id: 55, filters: { inboxes: [inbox] } })) {
        ok(c.inbox === inbox, `conversation ${c.id} is in inbox ${c.inbox}`);
        seen.push(c.id);
      }
      eq(seen.length, new Set(seen).size, "no conversation twice");
      eq([...seen].sort(byNumber), [...expected].sort(byNumber), "every conversation of the inbox");
      const reqs = await requests();
      const pages = reqs.length - 1; // the last answer is the empty page
      ok(pages > 3, `only ${pages} pages for ${seen.length} conversations`);
      const bodies = reqs.map((r) => JSON.parse(r.body));
      ok(reqs.every((r) => r.method === "POST" && r.path === "/v1/conversations"), "paths");
      ok(bodies.every((b) => b.id === 55 && JSON.stringify(b.filters) === JSON.stringify({ inboxes: [inbox] })), `bodies ${JSON.stringify(bodies[0])}`);
      eq(bodies[0].date, undefined, "first page without a cursor");
      const dates = bodies.slice(1).map((b) => Date.parse(b.date));
      ok(dates.every((d, i) => Number.isFinite(d) && (i === 0 || d < dates[i - 1])), `cursors ${JSON.stringify(bodies.map((b) => b.date))}`);
    },
    "contacts.list: .pages() follows the date cursor; .toArray({ limit }) stops early": async () => {
      const total = (await store("contacts")).count;
      const hm = client();
      const pages = [];
      for await (const page of hm.contacts.list().pages()) pages.push(page);
      ok(pages.length > 3, `${pages.length} pages`);
      const all = pages.flat();
      eq([all.length, new Set(all.map((c) => c.id)).size], [total, total], "items and distinct ids");
      const bodies = (await requests()).map((r) => JSON.parse(r.body || "{}"));
      eq(bodies.length, pages.length + 1, "one request per page, then the empty one");
      for (let i = 1; i < bodies.length; i++) eq(bodies[i].date, pages[i - 1].at(-1).updated, `cursor of request ${i + 1}`);
      await control("/reset", {});
      const first = await hm.contacts.list().toArray({ limit: 45 });
      eq(first.map((c) => c.id), all.slice(0, 45).map((c) => c.id), "toArray({ limit: 45 })");
      eq((await requests()).length, 2, "requests for 45 items");
      eq((await rejection(hm.contacts.list().toArray())).code, "invalid_argument", "toArray() without a limit");
    },
    "verifyWebhook: a string, bytes and a Request; a wrong token is webhook_unauthorized": async () => {
      const token = "matrix-webhook-token-3b9e61";
      const delivery = {
        type: "message_recieved",
        id: 321,
        token,
        event_data: { id: 9980041, text: "What are your hours?", target: "14155551234", conversation: { id: fixture.id, inbox: 101 } },
      };
      const raw = JSON.stringify(delivery);
      const request = (body) => new Request("https://hooks.example/heymarket", { method: "POST", headers: { "content-type": "application/json" }, body });
      eq(await verifyWebhook(raw, { token }), delivery, "from a string");
      eq(await verifyWebhook(new TextEncoder().encode(raw), { token }), delivery, "from bytes");
      eq(await verifyWebhook(request(raw), { token }), delivery, "from a Request");
      const unknown = { type: "brand_new_event", id: 321, token, extra: [1] };
      eq(await verifyWebhook(JSON.stringify(unknown), { token }), unknown, "an unknown type passes through");
      for (const [what, verify] of [
        ["string", () => verifyWebhook(raw, { token: "not-the-token" })],
        ["Request", () => verifyWebhook(request(raw), { token: "not-the-token" })],
        ["no token", () => verifyWebhook(JSON.stringify({ ...delivery, token: undefined }), { token })],
      ]) {
        const err = await rejection(verify());
        ok(err instanceof HeymarketError, `${what}: instanceof HeymarketError`);
        eq([err.code, err.status], ["webhook_unauthorized", 401], `${what}: wrong token`);
        for (const text of [err.message, String(err.stack), JSON.stringify(err)]) ok(!text.includes(token) && !text.includes("not-the-token"), `${what}: a token in the error`);
      }
      for (const [what, verify] of [
        ["string", () => verifyWebhook("not json {", { token })],
        ["Request", () => verifyWebhook(request("not json {"), { token })],
      ]) {
        const err = await rejection(verify());
        eq([err instanceof HeymarketError, err.code, err.status], [true, "webhook_invalid", 400], `${what}: not JSON`);
      }
      eq((await requests()).length, 0, "requests sent");
    },
    "withResponse(): the data with status, Headers and request id of the same request": async () => {
      const { data, status, headers, requestId } = await client().conversations.get(fixture.id).withResponse();
      eq(data.id, fixture.id, "data");
      eq(status, 200, "status");
      ok(typeof headers.get === "function" && headers.get("x-request-id") === requestId, "headers");
      ok(typeof requestId === "string" && requestId.length > 0, "request id");
      eq((await requests()).length, 1, "one request");
    },
    "logger + logLevel: a debug record per attempt, a warn per retry, an error at the end; no secret, JWT or phone": async () => {
      const lines = [];
      const logger = { debug: (m, r) => lines.push(["debug", m, r]), warn: (m, r) => lines.push(["warn", m, r]), error: (m, r) => lines.push(["error", m, r]), info() {} };
      const hm = client({ logger, logLevel: "debug", maxRetries: 1 });
      await hm.messages.history({ phone_number: "+1 415 555 1234", inbox_id: 101 });
      eq(lines.map((l) => [l[0], l[2].path, l[2].queryKeys, l[2].status]), [["debug", "/v1/messages", "phoneNumber,inboxID", 200]], "one debug record");
      await control("/script", [{ status: 500, json: { message: "down" }, headers: { "retry-after": "0" }, times: 2 }]);
      const err = await rejection(hm.team.get());
      eq(err.code, "server_error", "code");
      eq(lines.slice(1).map((l) => l[0]), ["debug", "warn", "debug", "error"], "levels");
      const text = JSON.stringify(lines);
      for (const s of [secretKey, "eyJ", "4155551234", "down"]) ok(!text.includes(s), `leaked ${s}`);
    },
    "Heymarket.fromEnv": async () => {
      const env = ctx.env ?? { HEYMARKET_SECRET_ID: secretId, HEYMARKET_SECRET_KEY: secretKey, HEYMARKET_BASE_URL: ctx.mockUrl };
      eq((await Heymarket.fromEnv(env).conversations.get(fixture.id)).id, fixture.id, "id");
    },
  };

  const results = [];
  for (const [name, run] of Object.entries(scenarios)) {
    await control("/reset", {});
    try {
      const note = await run();
      results.push({ name, ok: true, note: typeof note === "string" ? note : undefined });
    } catch (e) {
      results.push({ name, ok: false, error: e instanceof Check ? e.message : `${e?.name}: ${e?.message}` });
    }
  }
  return results;
}
