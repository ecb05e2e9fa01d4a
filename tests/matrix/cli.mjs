// The `heymarket` CLI, as installed from the packed tarball, under each
// runtime that can run it: Node 20 (node_modules/.bin/heymarket), Bun (the
// same bin) and Deno (the package's `./cli` export, `npm:heymarket-wasm/cli`).
// Against the in-process mock (--mock): one answer (the fixture conversation
// as the API's JSON, exit 0) and one failure (not_found: one stderr line,
// exit 3) per runtime. The runs are independent, so they go in parallel.
//
// Deno: the consumer project has a package.json and a node_modules, so Deno
// runs with "nodeModules": "manual" (BYONM) and resolves `npm:heymarket-wasm`
// from node_modules, i.e. from the installed tarball, without the registry.
// The registry is pointed at a closed port and DENO_DIR is a fresh directory,
// so that a resolution through the registry or a cached copy fails instead of
// silently testing something other than the tarball.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CONVERSATIONS } from "../../js/mock.mjs";

const fixture = CONVERSATIONS.find((c) => c.id === 123);

/** Run with exactly `env` (no HEYMARKET_* from this process: --mock needs none). */
function exec(cmd, args, { cwd, env, timeoutMs = 30_000 }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

const brief = (r) => `exit ${r.code ?? r.signal}; stdout ${JSON.stringify(r.stdout.slice(0, 300))}; stderr ${JSON.stringify(r.stderr.slice(0, 600))}`;

export async function checkCli({ dir, bin, NODE }) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("HEYMARKET_") && !k.startsWith("NPM_CONFIG_") && !k.startsWith("npm_config_")));
  const denoDir = mkdtempSync(join(dir, "deno-dir-"));
  const denoEnv = { ...base, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: denoDir, NPM_CONFIG_REGISTRY: "http://127.0.0.1:9/" };
  const runtimes = [
    ["node 20", (args) => exec(NODE["node 20"], ["node_modules/.bin/heymarket", ...args], { cwd: dir, env: base })],
    ["bun", (args) => exec(bin("bun"), ["node_modules/.bin/heymarket", ...args], { cwd: dir, env: base })],
    ["deno", (args) => exec(bin("deno"), ["run", "-A", "npm:heymarket-wasm/cli", ...args], { cwd: dir, env: denoEnv })],
  ];
  const checks = runtimes.flatMap(([label, cli]) => [
    {
      name: `cli under ${label}: conversations get 123 --mock --json prints the fixture, exit 0`,
      run: async () => {
        const t0 = Date.now();
        const r = await cli(["conversations", "get", "123", "--mock", "--json"]);
        if (r.code !== 0 || r.stderr !== "") throw new Error(brief(r));
        if (!/^[^\n]+\n$/.test(r.stdout)) throw new Error(`not one line of JSON: ${brief(r)}`);
        if (JSON.stringify(JSON.parse(r.stdout)) !== JSON.stringify(fixture)) throw new Error(`not the fixture conversation: ${brief(r)}`);
        return `${Date.now() - t0} ms`;
      },
    },
    {
      name: `cli under ${label}: conversations get 999999 --mock: one "heymarket: not_found:" line, exit 3`,
      run: async () => {
        const r = await cli(["conversations", "get", "999999", "--mock"]);
        if (r.code !== 3 || r.stdout !== "" || !/^heymarket: not_found: [^\n]+\n$/.test(r.stderr)) throw new Error(brief(r));
      },
    },
  ]);
  try {
    return await Promise.all(
      checks.map(async ({ name, run }) => {
        try {
          return { name, ok: true, note: await run() };
        } catch (e) {
          return { name, ok: false, error: e.message };
        }
      }),
    );
  } finally {
    rmSync(denoDir, { recursive: true, force: true });
  }
}
