// One scenario suite, run unchanged in every runtime (Node 20/22/24, Deno,
// Bun, workerd). Plain ESM with no imports: the harness passes in the package
// (as the runtime resolved it), the mock's URL, and a control URL through
// which a scenario scripts the mock (which runs in the harness's process).

class Check extends Error {}
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
 * @param {object} ctx.api the package: { Heymarket, HeymarketError, signJwt, VERSION }
 * @param {string} ctx.mockUrl base URL of the mock Heymarket
 * @param {string} ctx.controlUrl base URL of the mock's control server
 * @param {{ secretId: string, secretKey: string }} ctx.credentials
 * @param {{ secretId: string, secretKey: string, iat: number, token: string }} ctx.vector
 * @param {object} [ctx.env] bindings for Heymarket.fromEnv (a Worker's env)
 * @param {object} [ctx.moduleScopeClient] a client created at module scope
 */
export async function runScenarios(ctx) {
  const { Heymarket, HeymarketError, signJwt } = ctx.api;
  const { secretId, secretKey } = ctx.credentials;
  const control = async (path, body) => {
    const res = await fetch(`${ctx.controlUrl}${path}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status}`);
    return res.json();
  };
  const requests = () => control("/requests");
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
