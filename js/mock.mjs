// A local, Heymarket-compatible mock for tests and demos.
//
// - `mock.fetch` is a WHATWG fetch to hand to a client in-process;
// - `mock.listen()` serves the same logic over HTTP on 127.0.0.1.
// Every request's JWT is verified with WebCrypto (independently of the
// client's Rust signer), and `mock.script(...)` makes the next requests
// answer with errors, rate limits, slow, huge or malformed bodies, or drop
// the connection. Every endpoint of the API is served (mock-routes.mjs) from
// an in-memory store per mock (mock-store.mjs), seeded with fixtures.
//
// Runtime-neutral at import time (Node, Deno, Bun, workerd): only web APIs,
// no timers or randomness; `node:http` is imported lazily by `listen()`.

import { CONVERSATIONS, createFixtures } from "./fixtures.mjs";
import { createStore } from "./mock-store.mjs";
import { ROUTES, MOCK_ENDPOINTS } from "./mock-routes.mjs";
import { toHandlers } from "./mock-handlers.mjs";

export { CONVERSATIONS, MOCK_ENDPOINTS, createFixtures };

/** Test-only credentials the mock accepts by default. Not a real secret. */
export const FIXTURE_CREDENTIALS = Object.freeze({
  secretId: "mock-secret-id",
  secretKey: "mock-secret-key-not-a-real-secret",
});

const JSON_TYPE = "application/json; charset=utf-8";
const encoder = new TextEncoder();
const never = () => new Promise(() => {});

function abortError(signal) {
  return signal?.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

/** Resolve after `ms`, or reject when `signal` aborts (unless `ignoreAbort`). */
function delay(ms, signal, ignoreAbort) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    if (!signal || ignoreAbort) return;
    if (signal.aborted) {
      clearTimeout(timer);
      reject(abortError(signal));
      return;
    }
    signal.addEventListener("abort", () => (clearTimeout(timer), reject(abortError(signal))), { once: true });
  });
}

function b64urlDecode(part) {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new Error("not base64url");
  const b64 = part.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((part.length + 3) % 4);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** Compile `/v1/conversations/:id` (or `/v1/conversations/{id}`) into a matcher. */
function compile(pattern) {
  const names = [];
  const source = pattern
    .split(/(:\w+|\{\w+\})/)
    .map((part, i) => (i % 2 ? (names.push(part.replace(/^:|[{}]/g, "")), "([^/]+)") : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  const re = new RegExp(`^${source}$`);
  return (path) => {
    const m = re.exec(path);
    return m && Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
  };
}

/** A TypeError shaped like undici's `fetch failed`, its `cause` carrying a socket error `code`. */
function connectionError(code, message) {
  const cause = Object.assign(new Error(message), { code, errno: code === "ECONNRESET" ? -104 : -111, syscall: code === "ECONNRESET" ? "read" : "connect" });
  return new TypeError("fetch failed", { cause });
}

/**
 * A JSON array of exactly `total` bytes (`[0,0,…]`, whitespace-padded),
 * produced on demand in `chunkBytes` chunks; `progress(sent, cancelled)` is
 * told of every chunk produced and of a cancel.
 */
function hugeJsonArray(total, chunkBytes, progress) {
  total = Math.max(2, Math.floor(total));
  const size = Math.max(2, Math.floor(chunkBytes / 2) * 2);
  const fill = encoder.encode(",0".repeat(size / 2));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      const n = Math.min(size, total - sent);
      const chunk = fill.slice(0, n);
      if (sent === 0) chunk[0] = 0x5b; // "["
      if (sent + n === total) {
        chunk[n - 1] = 0x5d; // "]"
        if (n >= 2 && chunk[n - 2] === 0x2c && sent + n - 2 > 0) chunk[n - 2] = 0x20; // no trailing ","
      }
      sent += n;
      controller.enqueue(chunk);
      progress(sent, false);
      if (sent >= total) controller.close();
    },
    cancel() {
      progress(sent, true);
    },
  });
}

/**
 * @param {{ secretId?: string, secretKey?: string, conversations?: object[], now?: () => number }} [options]
 */
export function createMockHeymarket(options = {}) {
  const secretId = options.secretId ?? FIXTURE_CREDENTIALS.secretId;
  const secretKey = options.secretKey ?? FIXTURE_CREDENTIALS.secretKey;
  const now = options.now ?? Date.now;
  const store = createStore({ now, conversations: options.conversations });
  const routes = toHandlers(ROUTES, store).map(({ method, pattern, handler }) => ({ method, match: compile(pattern), handler }));
  const queue = [];
  let counter = 0;
  let keyPromise;
  // Heymarket's budget, scaled for tests: at most `limit` requests in any
  // `windowMs` (a sliding window); beyond it, 429 with Retry-After.
  let limit = options.rateLimit;
  const starts = [];
  const admit = () => {
    if (!limit) return 0;
    const t = Date.now();
    while (starts.length && starts[0] + limit.windowMs <= t) starts.shift();
    if (starts.length < limit.limit) {
      starts.push(t);
      return 0;
    }
    return starts[0] + limit.windowMs - t;
  };

  const route = (method, pattern, handler) => {
    routes.unshift({ method: method.toUpperCase(), match: compile(pattern), handler });
  };

  async function verify(authorization) {
    const fail = (reason, extra) => ({ valid: false, reason, ...extra });
    if (!authorization) return fail("missing Authorization header");
    const m = /^Bearer ([^.\s]+)\.([^.\s]+)\.([^.\s]+)$/.exec(authorization);
    if (!m) return fail("Authorization is not 'Bearer <header.payload.signature>'");
    let header, payload, signature;
    try {
      header = JSON.parse(new TextDecoder().decode(b64urlDecode(m[1])));
      payload = JSON.parse(new TextDecoder().decode(b64urlDecode(m[2])));
      signature = b64urlDecode(m[3]);
    } catch {
      return fail("JWT parts are not base64url JSON");
    }
    if (header?.alg !== "HS256" || header?.typ !== "JWT" || Object.keys(header).length !== 2) {
      return fail('JWT header must be {"alg":"HS256","typ":"JWT"}', { header, payload });
    }
    keyPromise ??= crypto.subtle.importKey("raw", encoder.encode(`${secretId}||${secretKey}`), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
    const ok = await crypto.subtle.verify("HMAC", await keyPromise, signature, encoder.encode(`${m[1]}.${m[2]}`));
    if (!ok) return fail("bad signature", { header, payload });
    if (payload?.iss !== secretId) return fail("iss is not the Secret ID", { header, payload });
    const nowSec = Math.floor(now() / 1000);
    if (!Number.isInteger(payload.iat)) return fail("iat must be an integer", { header, payload });
    if (payload.iat <= nowSec - 300) return fail("token expired (iat older than 5 minutes)", { header, payload });
    if (payload.iat > nowSec + 5) return fail("iat is in the future", { header, payload });
    return { valid: true, header, payload };
  }

  function respond(answer, requestId, step) {
    const headers = new Headers({ "x-request-id": requestId });
    let body = null;
    if (answer.json !== undefined) {
      headers.set("content-type", JSON_TYPE);
      body = JSON.stringify(answer.json);
    } else if (answer.body !== undefined) {
      headers.set("content-type", "text/html; charset=utf-8");
      body = answer.body;
    }
    for (const [k, v] of Object.entries(answer.headers ?? {})) headers.set(k, String(v));
    const status = answer.status ?? 200;
    if (step?.bodyDelayMs && body !== null) {
      const bytes = encoder.encode(body);
      let timer;
      const stream = new ReadableStream({
        start(controller) {
          timer = setTimeout(() => {
            controller.enqueue(bytes);
            controller.close();
          }, step.bodyDelayMs);
        },
        cancel() {
          clearTimeout(timer);
        },
      });
      return new Response(stream, { status, headers });
    }
    const nullBody = status === 204 || status === 304 || (status >= 100 && status < 200);
    return new Response(nullBody ? null : body, { status, headers });
  }

  /** Route one request (scripted step first). Throws a TypeError for `networkError`. */
  async function handle(request) {
    // The window counts a request when it arrives, before any work on it.
    const wait = admit();
    const url = new URL(request.url);
    const signal = request.signal;
    const body = request.method === "GET" || request.method === "HEAD" ? null : await request.text();
    const record = {
      at: Date.now(),
      method: request.method,
      url: request.url,
      path: url.pathname,
      headers: Object.fromEntries([...request.headers].map(([k, v]) => [k.toLowerCase(), v])),
      body,
      auth: { valid: false, reason: "pending" },
    };
    mock.requests.push(record);
    record.auth = await verify(request.headers.get("authorization"));
    const requestId = `req_${(++counter).toString(16).padStart(6, "0")}`;
    if (wait > 0) {
      mock.rateLimited += 1;
      record.rateLimited = true;
      const retryAfter = String(Math.max(1, Math.ceil(wait / 1000)));
      return respond({ status: 429, json: { error: "rate_limited", message: "Rate limit exceeded" }, headers: { "retry-after": retryAfter } }, requestId, {});
    }

    let step = queue[0];
    if (step) {
      step.remaining = (step.remaining ?? step.times ?? 1) - 1;
      if (step.remaining <= 0) queue.shift();
    }
    if (step?.delayMs) await delay(step.delayMs, signal, step.ignoreAbort);
    if (step?.hang) {
      if (step.ignoreAbort || !signal) await never();
      await new Promise((_, reject) => {
        if (signal.aborted) reject(abortError(signal));
        signal.addEventListener("abort", () => reject(abortError(signal)), { once: true });
      });
    }
    if (step?.networkError) throw connectionError("ECONNREFUSED", "connect ECONNREFUSED");
    if (step?.hugeBodyBytes !== undefined) return respondHuge(step, requestId);
    const scripted = step && !step.passthrough && !step.dropAfterProcessing && (step.status !== undefined || step.json !== undefined || step.body !== undefined);
    if (scripted) return respond(step, requestId, step);

    let answer;
    if (!record.auth.valid) {
      answer = { status: 401, json: { error: "unauthorized", message: record.auth.reason } };
    } else {
      const matches = routes.map((r) => ({ r, params: r.match(url.pathname) })).filter((x) => x.params);
      const hit = matches.find((x) => x.r.method === request.method);
      answer = hit
        ? await hit.r.handler(hit.params, request, body)
        : matches.length
          ? { status: 405, json: { error: "method_not_allowed", message: `${request.method} not allowed` } }
          : { status: 404, json: { error: "not_found", message: "No route" } };
    }
    if (step?.dropAfterProcessing) {
      record.dropped = true;
      throw connectionError("ECONNRESET", "read ECONNRESET");
    }
    return respond({ ...answer, headers: { ...answer.headers, ...step?.headers } }, requestId, step);
  }

  function respondHuge(step, requestId) {
    const total = Math.max(2, Math.floor(step.hugeBodyBytes));
    const headers = new Headers({ "x-request-id": requestId, "content-type": JSON_TYPE });
    if (!step.chunked) headers.set("content-length", String(total));
    for (const [k, v] of Object.entries(step.headers ?? {})) headers.set(k, String(v));
    mock.lastHugeBodyBytesSent = 0;
    mock.lastHugeBodyCancelled = false;
    const body = hugeJsonArray(total, step.chunkBytes ?? 64 * 1024, (sent, cancelled) => {
      mock.lastHugeBodyBytesSent = sent;
      if (cancelled) mock.lastHugeBodyCancelled = true;
    });
    return new Response(body, { status: step.status ?? 200, headers });
  }

  const mock = {
    requests: [],
    /** 429s answered by the `rateLimit` option. */
    rateLimited: 0,
    /** Enforce another window from now on (`undefined`: none), as the `rateLimit` option does. */
    setRateLimit(window) {
      limit = window;
      starts.length = 0;
      mock.rateLimited = 0;
    },
    /** The in-memory collections (arrays), e.g. `mock.store.messages`. */
    store,
    /** Bytes of the last `hugeBodyBytes` answer produced so far, and whether its reader cancelled. */
    lastHugeBodyBytesSent: 0,
    lastHugeBodyCancelled: false,
    handle,
    route,
    /** How many records a collection holds, e.g. `mock.count("messages")`. */
    count: (kind) => store.count(kind),
    /** Queue scripted answers, consumed one step per request (`times` each). */
    script(...steps) {
      queue.push(...steps.map((s) => ({ ...s })));
      return mock;
    },
    /** Forget recorded requests and pending script steps; with `{ store: true }` also re-seed the store. */
    reset({ store: reseed = false } = {}) {
      mock.requests.length = 0;
      queue.length = 0;
      if (reseed) {
        store.seed();
        mock.lastHugeBodyBytesSent = 0;
        mock.lastHugeBodyCancelled = false;
      }
      return mock;
    },
    /** A WHATWG `fetch` answered by the mock; works unbound. */
    fetch(input, init) {
      let request;
      try {
        request = new Request(input, init);
      } catch (e) {
        return Promise.reject(e);
      }
      if (request.signal?.aborted) return Promise.reject(abortError(request.signal));
      return handle(request);
    },
    /** Serve the mock over HTTP on 127.0.0.1 (Node, Bun, Deno). */
    async listen({ port = 0, host = "127.0.0.1" } = {}) {
      const http = await import("node:http");
      const server = http.createServer((req, res) => serveNode(mock, req, res, host));
      await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, resolve);
      });
      const actual = server.address().port;
      const url = `http://${host}:${actual}`;
      return {
        url,
        port: actual,
        close: () =>
          new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections?.();
          }),
      };
    },
  };
  mock.fetch = mock.fetch.bind(mock);
  return mock;
}

/** Bridge a node:http request to `mock.handle`. */
async function serveNode(mock, req, res, host) {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const headers = Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]));
  const request = new Request(`http://${host}${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
    signal: controller.signal,
  });
  let response;
  try {
    response = await mock.handle(request);
  } catch (e) {
    if (e instanceof TypeError) req.socket.destroy();
    else if (!res.headersSent) res.destroy();
    return;
  }
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.flushHeaders();
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        if (res.destroyed) {
          await reader.cancel();
          break;
        }
        const { done, value } = await reader.read();
        if (done) break;
        if (!res.write(value)) await drained(res);
      }
    } catch {
      reader.cancel().catch(() => {}); // the client went away
    }
  }
  if (!res.destroyed) res.end();
}

/** Wait until `res` can take more (or is gone): backpressure for huge bodies. */
function drained(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
