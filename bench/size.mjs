// Sizes: the .wasm and the JS that loads it, raw / gzip / brotli; and the
// example Worker's bundle from `wrangler deploy --dry-run`, when the matrix's
// wrangler is installed (tests/matrix).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { ROOT } from "./lib.mjs";

const measure = (buffers) => ({
  raw: buffers.reduce((n, b) => n + b.length, 0),
  gzip: buffers.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
  brotli: buffers.reduce((n, b) => n + brotliCompressSync(b).length, 0),
});

export function sizes(root = ROOT) {
  const read = (p) => readFileSync(join(root, p));
  const dir = join(root, "pkg/snippets");
  const snippets = existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".js")).map((f) => `pkg/snippets/${f}`) : [];
  const out = {
    ".wasm": measure([read("pkg/heymarket_wasm_bg.wasm")]),
    "wasm-bindgen glue, as generated (pkg/*.js + snippets)": measure(["pkg/heymarket_wasm.js", ...snippets].map(read)),
    "all JS Node loads: glue + snippets + classes + entry (dist/node.mjs, minified)": measure([read("dist/node.mjs")]),
  };
  const matrix = join(ROOT, "tests/matrix/node_modules");
  if (existsSync(join(matrix, "wrangler")) && existsSync(join(matrix, "node22"))) {
    const dir = mkdtempSync(join(tmpdir(), "hm-bench-worker-"));
    try {
      mkdirSync(join(dir, "node_modules"));
      symlinkSync(root, join(dir, "node_modules/heymarket-wasm"), "dir");
      writeFileSync(join(dir, "package.json"), '{"private":true,"type":"module"}');
      // Each build with its own example (an older one may lack what the new example imports).
      cpSync(join(root, "examples/worker"), dir, { recursive: true });
      execFileSync(join(matrix, "node22/bin/node"), [join(matrix, "wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", "out"], {
        cwd: dir,
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
        stdio: "ignore",
      });
      const files = readdirSync(join(dir, "out")).filter((f) => f.endsWith(".js") || f.endsWith(".wasm"));
      out["Worker bundle (examples/worker, wrangler --dry-run)"] = measure(files.map((f) => readFileSync(join(dir, "out", f))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
