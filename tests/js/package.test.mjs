// The packed tarball: its file list, metadata and exports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const files = JSON.parse(process.env.HM_TARBALL_FILES ?? "[]");
const require = createRequire(import.meta.url);
const pkg = require("heymarket-wasm/package.json");

test("the tarball contains the .wasm, the glue and every entry", () => {
  assert.ok(files.length > 0, "run through tests/run-js.mjs");
  for (const f of ["package.json", "README.md", "pkg/heymarket_wasm_bg.wasm", "pkg/heymarket_wasm.js", "js/api.mjs", "js/index.d.ts", "js/mock.mjs", "js/mock.d.ts", "dist/node.mjs", "dist/node.cjs", "dist/mock.cjs", "dist/index.d.cts", "dist/mock.d.cts", "js/node.mjs", "js/deno.mjs", "js/workerd.mjs", "js/browser.mjs"]) {
    assert.ok(files.includes(f), `missing ${f}`);
  }
  const snippets = files.filter((f) => f.startsWith("pkg/snippets/"));
  // No inline JS in the crate: every import is a web-sys/js-sys binding or a global.
  assert.deepEqual(snippets, [], "no wasm-bindgen snippets");
  const glue = readFileSync(require.resolve("heymarket-wasm/package.json").replace("package.json", "pkg/heymarket_wasm.js"), "utf8");
  for (const m of glue.matchAll(/from ['"]\.\/(snippets\/[^'"]+)['"]/g)) {
    assert.ok(files.includes(`pkg/${m[1]}`), `glue imports pkg/${m[1]}, not shipped`);
  }
});

test("every file the exports map names is shipped", () => {
  const targets = [];
  const walk = (v) => (typeof v === "string" ? targets.push(v.replace(/^\.\//, "")) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const t of targets) assert.ok(files.includes(t), `exports points at missing ${t}`);
});

test("nothing generated or private is shipped", () => {
  for (const f of files) {
    assert.ok(!/^(src|target|tests|scripts|bench|build|node_modules)\//.test(f), `should not ship ${f}`);
    assert.ok(!f.endsWith(".rs") && !f.endsWith(".tgz") && !f.endsWith(".map"), `should not ship ${f}`);
  }
});

test("zero runtime dependencies, an engines field, a version the wasm agrees with", async () => {
  assert.equal(pkg.name, "heymarket-wasm");
  assert.deepEqual(pkg.dependencies ?? {}, {});
  assert.deepEqual(pkg.peerDependencies ?? {}, {});
  assert.ok(pkg.engines?.node, "engines.node");
  const { VERSION } = await import("heymarket-wasm");
  assert.equal(VERSION, pkg.version);
});

test("no absolute build-machine paths inside the .wasm", () => {
  const wasm = readFileSync(require.resolve("heymarket-wasm/package.json").replace("package.json", "pkg/heymarket_wasm_bg.wasm"));
  const text = wasm.toString("latin1");
  for (const p of ["/root/", "/home/", "/work/", "/Users/", "/tmp/"]) {
    assert.ok(!text.includes(p), `.wasm contains ${p}`);
  }
});

test("the ESM entry also loads where process.getBuiltinModule is missing (Node < 20.16)", async () => {
  const { execFileSync } = await import("node:child_process");
  const script = `
    delete process.getBuiltinModule;
    const { signJwt, Heymarket } = await import("heymarket-wasm");
    const token = signJwt({ secretId: "id", secretKey: "key", iat: 0 });
    const hm = new Heymarket({ secretId: "id", secretKey: "key", fetch: async () => ({ status: 200, headers: { get: () => null }, json: async () => ({ id: 7 }) }) });
    console.log(JSON.stringify({ token, id: (await hm.conversations.get(7)).id, fallback: typeof process.getBuiltinModule }));`;
  const out = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
  assert.equal(out.fallback, "undefined");
  assert.equal(out.token, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJpZCIsImlhdCI6MH0.Qtc-GywWRf73Z1xRJqmriqlWgJEn9P4uXhCKuW6P33k");
  assert.equal(out.id, 7);
});
