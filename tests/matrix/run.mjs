// The runtime matrix: the packed tarball, installed into a temporary consumer
// project, runs the same scenario suite (scenarios.mjs) in Node 20, 22 and 24,
// Bun, Deno and workerd (a Worker bundled by wrangler, run by Miniflare), with
// the mock Heymarket served on 127.0.0.1 by this process. Then the examples,
// the `heymarket` CLI under Node 20, Bun and Deno (cli.mjs), the type checks
// (tsc --strict), publint and arethetypeswrong.
// Ends with "runtimes: N passed, M failed"; exits non-zero on any failure.
//
//   node tests/matrix/run.mjs                       # everything
//   node tests/matrix/run.mjs --only=node22,workerd # a subset while iterating: node20, node22,
//                                                   # node24, bun, deno, workerd, examples, types
import { spawn, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync, rmSync } from "node:fs";
import http from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { pack, installProject, ROOT } from "../pack.mjs";
import { createMockHeymarket, FIXTURE_CREDENTIALS, CONVERSATIONS } from "../../js/mock.mjs";
import { checkExamples } from "./examples.mjs";
import { checkCli } from "./cli.mjs";
import { checkTypes } from "./types.mjs";
import { bundleWorker, serveWorker, COMPATIBILITY_DATE } from "./workerd.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const MODULES = join(HERE, "node_modules");
const bin = (name) => join(MODULES, ".bin", name);
const NODE = { "node 20": process.execPath, "node 22": join(MODULES, "node22/bin/node"), "node 24": join(MODULES, "node24/bin/node") };
const ONLY = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
/** Whether a part of the matrix runs (all of them unless `--only=` names some). */
const wanted = (label) => !ONLY || ONLY.includes(label.replace(/\s+/g, ""));
const PARTS = ["node20", "node22", "node24", "bun", "deno", "workerd", "examples", "cli", "types"];
for (const part of ONLY ?? []) {
  if (!PARTS.includes(part)) {
    console.error(`matrix: --only=${part}: not one of ${PARTS.join(", ")}`);
    process.exit(2);
  }
}

/** Install the runtimes and tools (once; again when the lockfile changes). */
function ensureTools() {
  const stamp = join(MODULES, ".package-lock.json");
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(join(HERE, "package-lock.json")).mtimeMs) return;
  console.log("matrix: installing runtimes (Node 22/24, Deno, Bun, workerd, wrangler, tsc, publint, attw)");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: HERE, stdio: "inherit" });
}

/** Run a command without blocking this process's event loop (the mock lives here). */
function run(cmd, args, { cwd, env, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A control server through which scenarios in other processes script the mock. */
async function controlServer(mock) {
  const server = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const reply = (value) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(value));
    // Every scenario starts from freshly seeded fixtures.
    if (req.url === "/reset") return reply(mock.reset({ store: true }) && {});
    if (req.url === "/script") return reply(mock.script(...JSON.parse(body)) && {});
    if (req.url === "/requests") return reply(mock.requests);
    if (req.url === "/fixtures") return reply({ conversations: CONVERSATIONS });
    const kind = /^\/store\/(\w+)$/.exec(req.url)?.[1];
    if (kind && Object.hasOwn(mock.store, kind) && Array.isArray(mock.store[kind])) return reply({ count: mock.count(kind), items: mock.store[kind] });
    res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}`, port: server.address().port, close: () => new Promise((r) => server.close(r)) };
}

function parseResults(label, out) {
  const line = out.stdout.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  if (out.code !== 0 || !line) return [{ name: `${label} ran`, ok: false, error: `exit ${out.code}: ${(out.stderr || out.stdout).slice(-2000)}` }];
  return JSON.parse(line).results;
}

async function runWorker(dir, mockUrl) {
  writeFileSync(join(dir, "wrangler.toml"), `name = "matrix"\nmain = "worker.mjs"\ncompatibility_date = "${COMPATIBILITY_DATE}"\n`);
  try {
    await bundleWorker({ run, node: NODE["node 22"], modules: MODULES, cwd: dir, outdir: "dist" });
  } catch (e) {
    return [{ name: "wrangler bundles the Worker", ok: false, error: e.message }];
  }
  const mf = await serveWorker({
    modules: MODULES,
    root: join(dir, "dist"),
    main: "worker.js",
    bindings: { HEYMARKET_SECRET_ID: FIXTURE_CREDENTIALS.secretId, HEYMARKET_SECRET_KEY: FIXTURE_CREDENTIALS.secretKey, HEYMARKET_BASE_URL: mockUrl },
  });
  try {
    const res = await mf.dispatchFetch("http://matrix.local/");
    const text = await res.text();
    if (res.status !== 200) return [{ name: "workerd ran", ok: false, error: `HTTP ${res.status}: ${text.slice(0, 2000)}` }];
    return JSON.parse(text).results;
  } finally {
    await mf.dispose();
  }
}

async function main() {
  ensureTools();
  const packed = pack();
  const dir = installProject({ tarball: packed.tarball });
  for (const f of ["scenarios.mjs", "runner.mjs", "worker.mjs"]) copyFileSync(join(HERE, f), join(dir, f));

  const mock = createMockHeymarket();
  const server = await mock.listen();
  const control = await controlServer(mock);
  const vector = JSON.parse(readFileSync(join(ROOT, "tests/vectors/jwt.json"), "utf8"))[5];
  const config = { mockUrl: server.url, controlUrl: control.url, credentials: { ...FIXTURE_CREDENTIALS }, vector };
  writeFileSync(join(dir, "config.mjs"), `export default ${JSON.stringify(config, null, 2)};\n`);

  const net = `--allow-net=127.0.0.1:${server.port},127.0.0.1:${control.port}`;
  const runtimes = [
    ...Object.entries(NODE).map(([label, node]) => [label, () => run(node, ["runner.mjs"], { cwd: dir })]),
    ["bun", () => run(bin("bun"), ["runner.mjs"], { cwd: dir })],
    // Only network access to the mock: loading the .wasm needs no --allow-read.
    ["deno", () => run(bin("deno"), ["run", "--no-prompt", net, "runner.mjs"], { cwd: dir, env: { DENO_NO_UPDATE_CHECK: "1" } })],
  ];

  let passed = 0;
  let failed = 0;
  const report = (label, results) => {
    for (const r of results) {
      r.ok ? passed++ : failed++;
      console.log(`${r.ok ? "ok  " : "FAIL"} ${label.padEnd(8)} ${r.name}${r.note ? ` (${r.note})` : ""}${r.ok ? "" : `\n       ${r.error}`}`);
    }
  };
  try {
    for (const [label, start] of runtimes) if (wanted(label)) report(label, parseResults(label, await start()));
    if (wanted("workerd")) report("workerd", await runWorker(dir, server.url).catch((e) => [{ name: "workerd ran", ok: false, error: e.stack }]));
    if (wanted("examples")) report("examples", await checkExamples({ dir, mock, mockUrl: server.url, run, bin, NODE, MODULES }));
    if (wanted("cli")) report("cli", await checkCli({ dir, bin, NODE }));
  } finally {
    await control.close();
    await server.close();
  }
  if (wanted("types")) report("types", await checkTypes({ dir, tarball: packed.tarball, run, bin }));

  const tgz = readFileSync(packed.tarball);
  console.log(`tarball: ${packed.files.length} files, ${(tgz.length / 1024).toFixed(1)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KiB unpacked`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(dirname(packed.tarball), { recursive: true, force: true });
  console.log(`runtimes: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

await main();
