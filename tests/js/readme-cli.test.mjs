// Every `heymarket` line of the shipped README's command-line section runs,
// through the installed bin, against the built-in mock, and exits 0 with
// output; the JSON-printing lines print JSON.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve("heymarket-wasm/package.json"));
const readme = readFileSync(join(pkgDir, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("### The `heymarket` command line"));
const block = section.match(/```sh\n([\s\S]*?)```/)?.[1] ?? "";
const lines = block.split("\n").filter((l) => l.startsWith("npx heymarket "));
const bin = join(process.cwd(), "node_modules", ".bin", "heymarket");

test("the README shows the CLI in five lines", () => {
  assert.equal(lines.length, 5, block);
});

for (const line of lines) {
  test(`README: ${line}`, () => {
    const env = { ...process.env };
    for (const k of ["HEYMARKET_SECRET_ID", "HEYMARKET_SECRET_KEY", "HEYMARKET_API_KEY", "HEYMARKET_BASE_URL", "HEYMARKET_LOG"]) delete env[k];
    const r = spawnSync("bash", ["-c", line.replace(/^npx heymarket/, JSON.stringify(bin))], { encoding: "utf8", env, timeout: 30_000 });
    assert.equal(r.status, 0, `${r.stderr}`);
    assert.ok(r.stdout.trim().length > 0, "it printed something");
    assert.equal(r.stderr.trim(), "", "nothing on stderr");
    if (line.includes("--json")) for (const l of r.stdout.trim().split("\n")) JSON.parse(l);
  });
}
