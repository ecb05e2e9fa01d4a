// Runs every example in examples/ against the mock, from the consumer project
// where the packed tarball is installed.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "../pack.mjs";
import { FIXTURE_CREDENTIALS, CONVERSATIONS } from "../../js/mock.mjs";
import { bundleWorker, serveWorker } from "./workerd.mjs";

const fixture = CONVERSATIONS[0];
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

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
    setTimeout(() => reject(new Error(`timed out: ${out.slice(-1500)}`)), timeoutMs);
  });
}

export async function checkExamples({ dir, mockUrl, run, bin, NODE, MODULES }) {
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

  await check("examples/worker: wrangler bundles it, Miniflare serves it", async () => {
    const work = join(dir, "example-worker");
    cpSync(join(ROOT, "examples/worker"), work, { recursive: true });
    const { files, bytes } = await bundleWorker({ run, node: NODE["node 22"], modules: MODULES, cwd: work, outdir: "out" });
    const raw = bytes.reduce((n, b) => n + b.length, 0);
    const gz = bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    const mf = await serveWorker({ modules: MODULES, root: join(work, "out"), main: files.find((f) => f.endsWith(".js")), bindings: env });
    try {
      const good = await mf.dispatchFetch(`http://worker.local/conversations/${fixture.id}`);
      if (good.status !== 200 || !same(await good.json(), fixture)) throw new Error(`GET /conversations/${fixture.id}: ${good.status}`);
      const missing = await mf.dispatchFetch("http://worker.local/conversations/999999");
      const body = await missing.json();
      if (missing.status !== 404 || body.error !== "not_found" || !body.requestId) throw new Error(`missing: ${missing.status} ${JSON.stringify(body)}`);
    } finally {
      await mf.dispose();
    }
    return `bundle ${(raw / 1024).toFixed(1)} KiB, ${(gz / 1024).toFixed(1)} KiB gzip`;
  });

  await check("examples/worker: `wrangler dev` serves it", async () => {
    const work = join(dir, "example-worker");
    const port = await freePort();
    const vars = Object.entries(env).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
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
        setTimeout(() => reject(new Error("did not start")), 10_000);
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
