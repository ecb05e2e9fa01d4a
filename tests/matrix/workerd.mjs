// A Worker as Cloudflare would get it: bundled by `wrangler deploy --dry-run`,
// then run in workerd through Miniflare with 127.0.0.1 reachable (workerd
// blocks local addresses by default). Shared by the matrix and the examples.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const COMPATIBILITY_DATE = "2026-05-01";

/**
 * Bundle the Worker in `cwd` (its wrangler.toml) into `cwd/outdir`. Throws
 * with wrangler's output when it fails. Returns the bundle's file names (no
 * source maps) and their contents.
 */
export async function bundleWorker({ run, node, modules, cwd, outdir }) {
  const built = await run(node, [join(modules, "wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outdir], {
    cwd,
    env: { WRANGLER_SEND_METRICS: "false", CI: "true" },
  });
  if (built.code !== 0) throw new Error(`wrangler deploy --dry-run: ${built.stderr || built.stdout}`);
  const files = readdirSync(join(cwd, outdir)).filter((f) => !f.endsWith(".map") && !f.endsWith(".md"));
  return { files, bytes: files.map((f) => readFileSync(join(cwd, outdir, f))) };
}

/**
 * Serve a bundle in workerd; the caller ends it with `await mf.dispose()`.
 * `main` is the bundle's entry file name inside `root`.
 */
export async function serveWorker({ modules, root, main, bindings }) {
  const { Miniflare } = await import(join(modules, "miniflare/dist/src/index.js"));
  return new Miniflare({ ...workerOptions(root, main), bindings });
}

function workerOptions(root, main) {
  return {
    modules: true,
    scriptPath: join(root, main),
    modulesRoot: root,
    modulesRules: [
      { type: "ESModule", include: ["**/*.js"] },
      { type: "CompiledWasm", include: ["**/*.wasm"] },
    ],
    compatibilityDate: COMPATIBILITY_DATE,
    outboundService: { network: { allow: ["public", "local"] } },
  };
}

/**
 * The same bundle as several Workers (`names`, each its own isolate) that
 * share the Durable Object class `className` of the first, bound as
 * `binding` in all. `mf.getWorker(name)` reaches each.
 */
export async function serveWorkers({ modules, root, main, bindings, names, binding, className }) {
  const { Miniflare } = await import(join(modules, "miniflare/dist/src/index.js"));
  return new Miniflare({
    workers: names.map((name, i) => ({
      name,
      ...workerOptions(root, main),
      bindings,
      durableObjects: { [binding]: i === 0 ? className : { className, scriptName: names[0] } },
    })),
  });
}
