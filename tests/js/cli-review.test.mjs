// Review findings for the command line, each a test that failed before its
// fix: log records never reach stdout, API text cannot break the `key: value`
// format, and an environment that cannot be read is treated as unset.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CONVERSATIONS } from "heymarket-wasm/mock";

const PROJECT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(PROJECT, "node_modules", ".bin", "heymarket");
const PKG_DIR = join(PROJECT, "node_modules", "heymarket-wasm");
const cleanEnv = (extra) => ({ ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("HEYMARKET_"))), ...extra });
const run = (args, env = {}) => spawnSync(process.execPath, [BIN, ...args], { cwd: PROJECT, env: cleanEnv(env), encoding: "utf8", timeout: 30_000 });

test("HEYMARKET_LOG=debug: stdout is exactly the JSON; each record is one stderr line", () => {
  const r = run(["conversations", "get", String(CONVERSATIONS[0].id), "--mock", "--json"], { HEYMARKET_LOG: "debug" });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), CONVERSATIONS[0]);
  const lines = r.stderr.trim().split("\n");
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /GET \/v1\/conversations\/\d+ → 200/);
});

test("a failing call under HEYMARKET_LOG=error still prints one error line of its own after the record line", () => {
  const r = run(["conversations", "get", "999999", "--mock"], { HEYMARKET_LOG: "error" });
  assert.equal(r.status, 3);
  const lines = r.stderr.trim().split("\n");
  assert.equal(lines.length, 2, r.stderr);
  assert.match(lines[1], /^heymarket: not_found: /);
  assert.equal(r.stdout, "");
});

test("key: value output escapes control characters from API data", async () => {
  const { human } = await import(pathToFileURL(join(PKG_DIR, "js", "cli-output.mjs")).href);
  const text = human({ a: "x\ny", c: "\u001b[31mred" });
  assert.equal(text, "a: x\\ny\nc: \\u001b[31mred\n");
});

test("an environment that throws on read (Deno without --allow-env) is unset, not a crash", async () => {
  const { main } = await import(pathToFileURL(join(PKG_DIR, "js", "cli-main.mjs")).href);
  const env = new Proxy({}, { get() { throw new Error('NotCapable: Requires env access to "HEYMARKET_SECRET_KEY"'); } });
  let out = "";
  let err = "";
  const sink = (add) => ({ write: (s, cb) => (add(s), cb?.(), true), isTTY: false });
  const code = await main(["--help"], { env, stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) });
  assert.equal(code, 0, err);
  assert.match(out, /heymarket/);
  const code2 = await main(["conversations", "get", "123"], { env, stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) });
  assert.equal(code2, 2, "no credentials: invalid_argument");
  assert.match(err, /^heymarket: invalid_argument: /m);
});
