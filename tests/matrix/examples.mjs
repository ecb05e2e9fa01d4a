// Runs every example in examples/ against the mock, from the consumer project
// where the packed tarball is installed.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "../pack.mjs";
import { FIXTURE_CREDENTIALS, CONVERSATIONS } from "../../js/mock.mjs";
import { bundleWorker, serveWorker, serveWorkers } from "./workerd.mjs";

const fixture = CONVERSATIONS[0];
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll (the mock lives in this process) until `cond()` holds. */
async function until(cond, what, timeoutMs = 5000) {
  for (const end = Date.now() + timeoutMs; !cond(); await sleep(10)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}

/**
 * Count the mock's requests in flight, so that a check can wait for the
 * Worker's sends (made after its response, in ctx.waitUntil) to be answered
 * before the next check re-seeds the store. The mock's HTTP server answers
 * through `mock.handle`.
 */
function trackInFlight(mock) {
  const handle = mock.handle;
  const t = { inFlight: 0, seen: 0 };
  mock.handle = (request) => {
    t.inFlight++;
    t.seen++;
    return Promise.resolve(handle.call(mock, request)).finally(() => t.inFlight--);
  };
  t.restore = () => (mock.handle = handle);
  t.idle = () => until(() => t.inFlight === 0, "the mock's requests to be answered");
  return t;
}

// The Worker example's webhook settings (bindings, as `wrangler secret put` / [vars] would give them).
const WEBHOOK = { HEYMARKET_WEBHOOK_TOKEN: "example-webhook-token-7d41c2", HEYMARKET_CREATOR_ID: "55", HEYMARKET_INBOX_ID: "101", HEYMARKET_REPLY_TEXT: "Thanks! We'll text you back shortly." };

/** A delivery as Heymarket POSTs it: an inbound message in `conversation` (or to a bare number). */
function inbound({ type = "message_recieved", token = WEBHOOK.HEYMARKET_WEBHOOK_TOKEN, messageId = 9980041, conversation = fixture, target = conversation?.target } = {}) {
  return {
    type,
    id: 4242,
    token,
    event_data: {
      id: messageId,
      date: "2026-12-01T10:00:00Z",
      type: "sms",
      status: "received",
      user: 0,
      phone: "14155550101",
      target,
      text: "What are your hours?",
      ...(conversation ? { conversation: { id: conversation.id, inbox: conversation.inbox, target: conversation.target } } : {}),
    },
  };
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
function freePort() {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Resolve when the child prints a line matching `re`. */
function waitFor(child, re, timeoutMs) {
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (d) => {
      out += d;
      if (re.test(out)) resolve(out);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${out.slice(-1500)}`)));
    // Unref'd: a pending timer would keep the matrix alive for timeoutMs after it is done.
    setTimeout(() => reject(new Error(`timed out: ${out.slice(-1500)}`)), timeoutMs).unref();
  });
}

export async function checkExamples({ dir, mock, mockUrl, run, bin, NODE, MODULES }) {
  const env = { HEYMARKET_SECRET_ID: FIXTURE_CREDENTIALS.secretId, HEYMARKET_SECRET_KEY: FIXTURE_CREDENTIALS.secretKey, HEYMARKET_BASE_URL: mockUrl };
  const results = [];
  const check = async (name, fn) => {
    try {
      const note = await fn();
      results.push({ name, ok: true, note });
    } catch (e) {
      results.push({ name, ok: false, error: e.message });
    }
  };

  const work = join(dir, "example-worker");
  let mf;
  await check("examples/worker: wrangler bundles it, Miniflare serves it", async () => {
    cpSync(join(ROOT, "examples/worker"), work, { recursive: true });
    const { files, bytes } = await bundleWorker({ run, node: NODE["node 22"], modules: MODULES, cwd: work, outdir: "out" });
    const raw = bytes.reduce((n, b) => n + b.length, 0);
    const gz = bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    mf = await serveWorker({ modules: MODULES, root: join(work, "out"), main: files.find((f) => f.endsWith(".js")), bindings: { ...env, ...WEBHOOK } });
    const good = await mf.dispatchFetch(`http://worker.local/conversations/${fixture.id}`);
    if (good.status !== 200 || !same(await good.json(), fixture)) throw new Error(`GET /conversations/${fixture.id}: ${good.status}`);
    const missing = await mf.dispatchFetch("http://worker.local/conversations/999999");
    const body = await missing.json();
    if (missing.status !== 404 || body.error !== "not_found" || !body.requestId) throw new Error(`missing: ${missing.status} ${JSON.stringify(body)}`);
    return `bundle ${(raw / 1024).toFixed(1)} KiB, ${(gz / 1024).toFixed(1)} KiB gzip`;
  });

  if (mf) {
    const post = (body) => mf.dispatchFetch("http://worker.local/webhook", { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
    const sends = () => mock.requests.filter((r) => r.path === "/v1/message/send");
    const tracker = trackInFlight(mock);
    try {
      await check("examples/worker: POST /webhook, an inbound message: 200 at once, then one reply in its conversation", async () => {
        await tracker.idle();
        mock.reset({ store: true });
        const before = mock.count("messages");
        // The reply's send is slow: the Worker must answer Heymarket first (ctx.waitUntil).
        mock.script({ delayMs: 1500, passthrough: true });
        const t0 = Date.now();
        const res = await post(inbound());
        const answeredMs = Date.now() - t0;
        if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
        if (answeredMs > 1000) throw new Error(`answered after ${answeredMs} ms, waiting for the reply's send`);
        await until(() => mock.count("messages") === before + 1, "the reply to be stored");
        await sleep(100);
        if (!tracker.seen) throw new Error("mock.handle does not see the HTTP requests: the checks cannot wait for them");
        await tracker.idle();
        const [req, ...more] = sends();
        if (more.length || mock.count("messages") !== before + 1) throw new Error(`${sends().length} sends, ${mock.count("messages") - before} messages stored`);
        const expected = { inbox_id: fixture.inbox, creator_id: 55, chat_id: fixture.id, text: WEBHOOK.HEYMARKET_REPLY_TEXT, local_id: "auto-reply-9980041" };
        if (!same(JSON.parse(req.body), expected) || !req.auth.valid) throw new Error(`sent ${req.body} (auth ${req.auth.reason ?? "ok"})`);
        const m = mock.store.messages.at(-1);
        const got = [m.text, m.target, m.conversation.id, m.user, m.local_id];
        if (!same(got, [WEBHOOK.HEYMARKET_REPLY_TEXT, fixture.target, fixture.id, 55, "auto-reply-9980041"])) throw new Error(`stored ${JSON.stringify(m)}`);
        // Heymarket may deliver again: the same inbound message gets no second reply.
        const again = await post(inbound());
        if (again.status !== 200) throw new Error(`redelivery: status ${again.status}`);
        await until(() => sends().length === 2, "the redelivery's send");
        await tracker.idle();
        if (mock.count("messages") !== before + 1) throw new Error(`redelivery stored a second reply`);
        return `answered in ${answeredMs} ms`;
      });

      await check("examples/worker: POST /webhook, `message_received` to a bare number: replied from HEYMARKET_INBOX_ID", async () => {
        await tracker.idle();
        mock.reset({ store: true });
        const before = mock.count("messages");
        const res = await post(inbound({ type: "message_received", messageId: 9980042, conversation: null, target: "14155557777" }));
        if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
        await until(() => mock.count("messages") === before + 1, "the reply to be stored");
        await tracker.idle();
        if (sends().length !== 1) throw new Error(`${sends().length} sends`);
        const body = JSON.parse(sends()[0].body);
        const expected = { inbox_id: 101, creator_id: 55, phone_number: "14155557777", text: WEBHOOK.HEYMARKET_REPLY_TEXT, local_id: "auto-reply-9980042" };
        if (!same(body, expected)) throw new Error(`sent ${JSON.stringify(body)}`);
        const m = mock.store.messages.at(-1);
        if (m.target !== "14155557777" || m.text !== WEBHOOK.HEYMARKET_REPLY_TEXT) throw new Error(`stored ${JSON.stringify(m)}`);
      });

      await check("examples/worker: POST /webhook, a wrong or missing token: 401, nothing sent", async () => {
        await tracker.idle();
        mock.reset({ store: true });
        const before = mock.count("messages");
        const { token, ...tokenless } = inbound();
        for (const [what, delivery] of [["wrong token", inbound({ token: "not-the-token" })], ["no token", tokenless]]) {
          const res = await post(delivery);
          const body = await res.text();
          if (res.status !== 401 || !same(JSON.parse(body), { error: "webhook_unauthorized" })) throw new Error(`${what}: ${res.status} ${body}`);
          if (body.includes(token)) throw new Error(`${what}: the token in the answer`);
        }
        await sleep(300); // a reply, if any, would be sent after the response
        await tracker.idle();
        if (sends().length || mock.count("messages") !== before) throw new Error(`${sends().length} sends`);
      });

      await check("examples/worker: POST /webhook, a body that is not JSON: 400; other events: 200, nothing sent", async () => {
        await tracker.idle();
        mock.reset({ store: true });
        const before = mock.count("messages");
        for (const body of ["not json {", "[1, 2]", ""]) {
          const res = await post(body);
          const text = await res.text();
          if (res.status !== 400 || !same(JSON.parse(text), { error: "webhook_invalid" })) throw new Error(`${JSON.stringify(body)}: ${res.status} ${text}`);
        }
        for (const type of ["message_sent", "chat_closed", "brand_new_event"]) {
          const res = await post(inbound({ type }));
          if (res.status !== 200) throw new Error(`${type}: ${res.status} ${await res.text()}`);
        }
        const get = await mf.dispatchFetch("http://worker.local/webhook");
        if (get.status !== 405) throw new Error(`GET /webhook: ${get.status}`);
        await sleep(300);
        await tracker.idle();
        if (sends().length || mock.count("messages") !== before) throw new Error(`${sends().length} sends`);
      });
    } finally {
      await tracker.idle().catch(() => {});
      tracker.restore();
      mock.reset({ store: true }); // the examples below expect the fixtures
      await mf.dispose();
    }
  }

  if (mf) {
    await check("examples/worker: POST /broadcast from three isolates sharing the HeymarketRateLimiter Durable Object stays under one budget", async () => {
      const window = { limit: 20, windowMs: 2000 };
      const names = ["isolate-a", "isolate-b", "isolate-c"];
      const shared = await serveWorkers({
        modules: MODULES,
        root: join(work, "out"),
        main: readdirSync(join(work, "out")).find((f) => f.endsWith(".js")),
        bindings: { ...env, BROADCAST_TOKEN: "broadcast-token-1", HEYMARKET_RATE_LIMIT_WINDOW: `${window.limit}/${window.windowMs}` },
        names,
        binding: "HEYMARKET_RATE_LIMIT",
        className: "HeymarketRateLimiter",
      });
      mock.reset({ store: true });
      mock.setRateLimit(window);
      try {
        const before = mock.count("messages");
        const t0 = Date.now();
        const answers = await Promise.all(
          names.map(async (name, i) => {
            const worker = await shared.getWorker(name);
            const res = await worker.fetch("http://worker.local/broadcast", {
              method: "POST",
              headers: { authorization: "Bearer broadcast-token-1" },
              body: JSON.stringify({ inbox_id: 101, creator_id: 55, text: `from ${name}`, phone_numbers: Array.from({ length: 20 }, (_, j) => `1415557${String(1000 + i * 100 + j)}`) }),
            });
            return [res.status, await res.json()];
          }),
        );
        const elapsed = Date.now() - t0;
        for (const [status, body] of answers) if (status !== 200 || body.sent !== 20) throw new Error(`broadcast: ${status} ${JSON.stringify(body)}`);
        if (mock.count("messages") - before !== 60) throw new Error(`${mock.count("messages") - before} messages stored, not 60`);
        // Three isolates each on a budget of its own would send 60 in the first
        // window and meet dozens of 429s; one shared budget meets none, but for a
        // request now and then that a loaded machine delays past the 50 ms margin.
        if (mock.rateLimited > 3) throw new Error(`${mock.rateLimited} 429s at the mock`);
        const arrivals = mock.requests.filter((r) => r.path === "/v1/message/send").length;
        if (arrivals !== 60 + mock.rateLimited) throw new Error(`${arrivals} sends arrived, not 60 (+ ${mock.rateLimited} refused)`);
        // 60 sends at 20 a window: two full windows after the first.
        if (elapsed < 2 * window.windowMs) throw new Error(`took ${elapsed} ms: the isolates did not share one budget`);
        const unauthorized = await (await shared.getWorker(names[1])).fetch("http://worker.local/broadcast", { method: "POST", body: "{}" });
        if (unauthorized.status !== 401) throw new Error(`without the token: ${unauthorized.status}`);
        return `60 sends from 3 isolates in ${elapsed} ms, ${mock.rateLimited} 429s`;
      } finally {
        mock.setRateLimit(undefined);
        mock.reset({ store: true });
        await shared.dispose();
      }
    });
  }

  await check("examples/worker: `wrangler dev` serves it", async () => {
    const port = await freePort();
    const vars = Object.entries({ ...env, ...WEBHOOK }).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
    const child = spawn(NODE["node 22"], [join(MODULES, "wrangler/bin/wrangler.js"), "dev", "--ip", "127.0.0.1", "--port", String(port), ...vars], {
      cwd: work,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    try {
      await waitFor(child, /Ready on/, 60_000);
      const res = await fetch(`http://127.0.0.1:${port}/conversations/${fixture.id}`);
      const body = await res.text();
      if (res.status !== 200 || !same(JSON.parse(body), fixture)) throw new Error(`GET: ${res.status} ${body.slice(0, 300)}`);
      const hook = await fetch(`http://127.0.0.1:${port}/webhook`, { method: "POST", body: JSON.stringify(inbound({ token: "not-the-token" })) });
      if (hook.status !== 401) throw new Error(`POST /webhook with a wrong token: ${hook.status} ${(await hook.text()).slice(0, 300)}`);
    } finally {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }
  });

  await check("examples/deno.mjs with --allow-net and --allow-env only", async () => {
    cpSync(join(ROOT, "examples/deno.mjs"), join(dir, "example-deno.mjs"));
    const port = new URL(mockUrl).port;
    const out = await run(bin("deno"), ["run", "--no-prompt", `--allow-net=127.0.0.1:${port}`, "--allow-env=HEYMARKET_SECRET_ID,HEYMARKET_SECRET_KEY,HEYMARKET_BASE_URL", "example-deno.mjs", String(fixture.id)], {
      cwd: dir,
      env: { ...env, DENO_NO_UPDATE_CHECK: "1" },
    });
    if (out.code !== 0 || !same(JSON.parse(out.stdout.trim()), fixture)) throw new Error(`exit ${out.code}: ${out.stderr}${out.stdout}`);
  });

  await check("examples/node-server.mjs answers a route", async () => {
    cpSync(join(ROOT, "examples/node-server.mjs"), join(dir, "example-node-server.mjs"));
    const child = spawn(process.execPath, ["example-node-server.mjs"], { cwd: dir, env: { ...process.env, ...env, PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
    try {
      const url = await new Promise((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d) => {
          out += d;
          const m = /listening on (\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on("exit", (code) => reject(new Error(`exited ${code}`)));
        setTimeout(() => reject(new Error("did not start")), 10_000).unref();
      });
      const res = await fetch(`${url}/conversations/${fixture.id}`);
      if (res.status !== 200 || !same(await res.json(), fixture)) throw new Error(`status ${res.status}`);
      const missing = await fetch(`${url}/conversations/424242`);
      if (missing.status !== 404) throw new Error(`missing: ${missing.status}`);
    } finally {
      child.kill();
    }
  });
  return results;
}
