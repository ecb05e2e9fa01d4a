// Type checks on the installed tarball: a strict consumer compiles, the lines
// that must not compile do not, and publint + arethetypeswrong pass.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

export async function checkTypes({ dir, tarball, run, bin }) {
  const work = join(dir, "types");
  mkdirSync(work, { recursive: true });
  for (const f of ["consumer.ts", "consumer.cts", "must-fail.ts"]) copyFileSync(join(HERE, "types", f), join(work, f));
  const base = { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022", "dom"], skipLibCheck: false, types: [] };
  const tsconfig = (files) => JSON.stringify({ compilerOptions: base, files });
  const results = [];

  writeFileSync(join(work, "tsconfig.json"), tsconfig(["consumer.ts", "consumer.cts"]));
  const good = await run(bin("tsc"), ["-p", "tsconfig.json"], { cwd: work });
  results.push({ name: "tsc --strict: the consumer (ESM and CommonJS) compiles", ok: good.code === 0, error: good.stdout + good.stderr });

  writeFileSync(join(work, "tsconfig.json"), tsconfig(["must-fail.ts"]));
  const bad = await run(bin("tsc"), ["-p", "tsconfig.json"], { cwd: work });
  const expected = readFileSync(join(work, "must-fail.ts"), "utf8").split("\n").flatMap((l, i) => (l.includes("EXPECT-ERROR") ? [i + 1] : []));
  const reported = new Set([...bad.stdout.matchAll(/must-fail\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1])));
  const missing = expected.filter((line) => !reported.has(line));
  const unexpected = [...reported].filter((line) => !expected.includes(line));
  results.push({
    name: `tsc --strict: ${expected.length} misuses are rejected`,
    ok: bad.code !== 0 && expected.length >= 4 && missing.length === 0 && unexpected.length === 0,
    error: `missing errors on lines ${missing}, unexpected on ${unexpected}\n${bad.stdout}`,
  });

  const lint = await run(bin("publint"), [tarball, "--strict"], { cwd: dir });
  results.push({ name: "publint --strict", ok: lint.code === 0 && /All good/.test(lint.stdout), error: lint.stdout + lint.stderr });
  // heymarket-wasm/cli is the `heymarket` command (for `deno run -A npm:heymarket-wasm/cli`), not a module to import: no types.
  // heymarket-wasm/rate-limit/durable-object exists only in Workers, which load ES modules only (it imports the .wasm as workerd does).
  const attw = await run(bin("attw"), [tarball, "--format", "ascii", "--exclude-entrypoints", "cli", "rate-limit/durable-object"], { cwd: dir });
  results.push({ name: "arethetypeswrong", ok: attw.code === 0 && /No problems found/.test(attw.stdout), error: attw.stdout + attw.stderr });
  return results;
}
