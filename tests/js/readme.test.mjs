// Every ```js block of the shipped README runs, against the mock standing in
// for the global fetch, with the mock's credentials in the environment.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMockHeymarket, FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve("heymarket-wasm/package.json"));
const readme = readFileSync(join(pkgDir, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

test("the README has usage examples", () => {
  assert.ok(blocks.length >= 3, `found ${blocks.length}`);
  assert.match(blocks[0], /new Heymarket\(/);
});

blocks.forEach((code, i) => {
  test(`README example ${i + 1} runs`, async () => {
    const mock = createMockHeymarket();
    const original = globalThis.fetch;
    const logs = [];
    const log = console.log;
    globalThis.fetch = mock.fetch;
    console.log = (...a) => logs.push(a.join(" "));
    process.env.HEYMARKET_SECRET_ID = FIXTURE_CREDENTIALS.secretId;
    process.env.HEYMARKET_SECRET_KEY = FIXTURE_CREDENTIALS.secretKey;
    const dir = mkdtempSync(join(process.cwd(), "readme-"));
    const file = join(dir, `example-${i + 1}.mjs`);
    writeFileSync(file, code);
    try {
      await import(pathToFileURL(file).href);
    } finally {
      globalThis.fetch = original;
      console.log = log;
    }
    assert.ok(logs.length > 0, "the example printed something");
    assert.ok(!logs.some((l) => /undefined/.test(l)), logs.join("\n"));
  });
});
