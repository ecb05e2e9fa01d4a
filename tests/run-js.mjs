// The JS test tier: pack the package, install the tarball into a temporary
// consumer project, copy the suites there and run them with node's test
// runner, so every test exercises exactly what users install.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { pack, installProject, ROOT } from "./pack.mjs";

const packed = pack();
process.env.HM_TARBALL = packed.tarball;
process.env.HM_TARBALL_FILES = JSON.stringify(packed.files);
process.env.HM_REPO = ROOT;
const dir = installProject({ tarball: packed.tarball, copy: [[join(ROOT, "tests", "js"), "test"], [join(ROOT, "tests", "vectors"), "test/vectors"]] });

// The client suites once more through the CommonJS entry (dist/node.cjs).
for (const suite of ["client.test.mjs", "client-errors.test.mjs", "client-resilience.test.mjs"]) {
  const esm = readFileSync(join(dir, "test", suite), "utf8");
  const viaRequire = esm
    .replace(/^import \{([^}]+)\} from "heymarket-wasm";$/m, (_, names) =>
      [
        'import { createRequire } from "node:module";',
        "const require = createRequire(import.meta.url);",
        'if (!require.resolve("heymarket-wasm").endsWith("node.cjs")) throw new Error("not the CommonJS entry");',
        `const {${names}} = require("heymarket-wasm");`,
      ].join("\n"))
    .replace(/^import \{([^}]+)\} from "heymarket-wasm\/mock";$/m, (_, names) => `const {${names}} = require("heymarket-wasm/mock");`);
  if (!viaRequire.includes('require("heymarket-wasm")') || !viaRequire.includes('require("heymarket-wasm/mock")')) {
    throw new Error(`tests/run-js.mjs: could not rewrite ${suite}'s imports for the CommonJS run`);
  }
  writeFileSync(join(dir, "test", suite.replace(/\.test\.mjs$/, ".require.test.mjs")), `// Generated: ${suite} through require().\n${viaRequire}`);
}

const node = process.env.HM_NODE || process.execPath;
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(join(dir, "test")).filter((f) => /\.test\.(mjs|cjs)$/.test(f)).sort().map((f) => join("test", f));
const args = ["--test", "--test-reporter=spec", ...files];
const r = spawnSync(node, args, { cwd: dir, stdio: "inherit", env: process.env });
rmSync(dir, { recursive: true, force: true });
rmSync(dirname(packed.tarball), { recursive: true, force: true });
process.exit(r.status ?? 1);
