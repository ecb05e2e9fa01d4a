// npm run bench: every benchmark, each comparing candidates in the same run,
// interleaved round by round, reporting medians of per-round ratios.
//   node bench/run.mjs           full run; writes BENCHMARKS.md
//   node bench/run.mjs --smoke   quick run for CI: checks correctness only
// Ends with "bench: N passed, M failed" (correctness checks).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { BENCH, NODE22, ROOT, check, checks, child, ensureDeps, fmt, median, table, x } from "./lib.mjs";
import { sizes } from "./size.mjs";

const smoke = process.argv.includes("--smoke");
const flag = smoke ? ["--smoke"] : [];
// --before DIR: a built checkout of an earlier commit, measured in the same
// run as extra candidates ("heymarket-wasm (before)") and a size column.
const beforeAt = process.argv.indexOf("--before");
const before = beforeAt > 0 ? process.argv[beforeAt + 1] : undefined;
if (before) process.env.HM_BENCH_BEFORE = before;
const md = [];
const out = (s = "") => {
  console.log(s);
  md.push(s);
};

ensureDeps();
if (!existsSync(join(ROOT, "pkg/heymarket_wasm_bg.wasm"))) throw new Error("run `npm run build` first");

out("# Benchmarks");
out();
out(`${smoke ? "Smoke run (tiny samples: numbers are not meaningful)" : "Full run"} on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}. Every ratio is the median of per-round ratios, candidates interleaved round by round, in one process per runtime. Reproduce with \`npm run bench\`.`);

// 1. JWT mint
out();
out("## 1. JWT mint (ops/s)");
const TARGETS = { "node:crypto (baseline)": 1.5, "jose SignJWT": 40, "fast-jwt": 2 };
for (const [label, node] of [["Node 20", process.execPath], ["Node 22", NODE22]]) {
  const r = await child(node, [join(BENCH, "jwt-worker.mjs"), ...flag]);
  for (const [name, same] of Object.entries(r.identical)) check(same, `${label}: ${name} token is byte-identical to the baseline`);
  const ours = r.results["heymarket-wasm signJwt"];
  out();
  out(`${label} (${r.node}):`);
  out();
  out(
    table(
      ["signer", "ops/s", "vs node:crypto", "signJwt is", "target"],
      Object.entries(r.results).map(([name, v]) => [
        name,
        fmt(v.score),
        x(v.ratio),
        name.startsWith("heymarket") ? "—" : x(ours.ratio / v.ratio),
        TARGETS[name] ? `≥ ${TARGETS[name]}× ${ours.ratio / v.ratio >= TARGETS[name] ? "✅" : "❌"}` : "",
      ]),
    ),
  );
}

// 2. Request overhead
out();
out("## 2. Request overhead");
const server = spawn(process.execPath, [join(BENCH, "server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const port = await new Promise((resolve) => server.stdout.once("data", (d) => resolve(JSON.parse(d).port)));
try {
  for (const [label, node] of smoke ? [["Node 20", process.execPath]] : [["Node 20", process.execPath], ["Node 22", NODE22]]) {
    const r = await child(node, [join(BENCH, "request-worker.mjs"), String(port), ...flag]);
    for (const [name, ok] of Object.entries(r.correct)) check(ok, `${label}: ${name} returns the conversation`);
    out();
    out(`${label} (${r.node}), \`conversations.get\` over HTTP to a server process on 127.0.0.1 (ratios: req/s vs the DIY baseline; target ≥ 1.05×, p50 no worse):`);
    out();
    const rows = [];
    for (const [c, byName] of Object.entries(r.http)) {
      for (const [name, v] of Object.entries(byName)) rows.push([`c=${c}`, name, fmt(v.score), x(v.ratio), `${v.p50.toFixed(2)} ms`, `${v.p99.toFixed(2)} ms`]);
    }
    out(table(["concurrency", "candidate", "req/s", "ratio", "p50", "p99"], rows));
    out();
    out(`${label}, per-call cost through an in-process fetch (no network; lower is better):`);
    out();
    out(table(["candidate", "µs per call", "speed vs DIY"], Object.entries(r.inproc).map(([name, v]) => [name, v.us.toFixed(2), x(v.ratio)])));
  }
} finally {
  server.kill("SIGTERM");
}

// 3. Cold start
out();
out("## 3. Cold start (fresh process: from just before `import()` to the first token; median of samples)");
const samples = smoke ? 2 : 9;
const coldRows = [];
for (const [label, node] of [["Node 20", process.execPath], ["Node 22", NODE22]]) {
  const cold = {};
  for (let i = 0; i < samples; i++) {
    for (const which of ["heymarket-wasm", ...(before ? ["heymarket-wasm (before)"] : []), "jose", "fast-jwt"]) {
      const r = await child(node, [join(BENCH, "cold.mjs"), which]);
      check(typeof r.token === "string" && r.token.split(".").length === 3, `${label}: cold start ${which} produced a token`);
      (cold[which] ??= []).push(r);
    }
  }
  for (const [name, rs] of Object.entries(cold)) {
    const tokenMs = median(rs.map((r) => r.tokenMs));
    coldRows.push([
      label,
      name,
      `${tokenMs.toFixed(1)} ms`,
      rs[0].requestMs === undefined ? "—" : `${median(rs.map((r) => r.requestMs)).toFixed(1)} ms`,
      name === "heymarket-wasm" ? `≤ 10 ms ${tokenMs <= 10 ? "✅" : "❌"}` : "",
    ]);
  }
}
out();
out(table(["runtime", "library", "first token", "first request result", "target"], coldRows));

// 4. Size
out();
out("## 4. Size (bytes)");
out();
const sz = sizes();
const szBefore = before ? sizes(before) : undefined;
check(sz[".wasm"].raw > 0, "the .wasm exists");
const sizeRow = ([name, s]) => {
  const b = szBefore?.[name];
  return [name, fmt(s.raw), fmt(s.gzip), fmt(s.brotli), ...(szBefore ? [b ? `${fmt(b.raw)} / ${fmt(b.gzip)}` : "—"] : [])];
};
out(table(["artifact", "raw", "gzip", "brotli", ...(szBefore ? ["before: raw / gzip"] : [])], Object.entries(sz).map(sizeRow)));
out();
const js = sz["all JS Node loads: glue + snippets + classes + entry (dist/node.mjs, minified)"];
// The size target is stated in `gzip -9` bytes (GNU gzip compresses this
// module about 1.3 % smaller than Node's zlib at level 9, used in the table).
const gnuGzip = (root) => {
  try {
    return execFileSync("gzip", ["-9c", join(root, "pkg/heymarket_wasm_bg.wasm")], { maxBuffer: 1 << 26 }).length;
  } catch {
    return undefined;
  }
};
const gz9 = gnuGzip(ROOT);
const gz9Before = before ? gnuGzip(before) : undefined;
out(`.wasm by \`gzip -9\`: ${gz9 === undefined ? "gzip not found" : `${fmt(gz9)} B`}${gz9Before ? ` (before: ${fmt(gz9Before)} B)` : ""}.`);
out();
out(`Targets: .wasm with every endpoint ≤ 70 KB by \`gzip -9\` ${gz9 !== undefined && gz9 <= 70_000 ? "✅" : "❌"}; all the JS a Node user loads, as shipped, ≤ 6 KB gzip ${js.gzip <= 6_000 ? "✅" : "❌"}.`);

// 5. Memory soak
out();
out("## 5. Memory soak (after forced GC; growth over the last quarter of each phase, % of its peak; target < 1 %)");
const soak = await child(process.execPath, ["--expose-gc", join(BENCH, "soak.mjs"), ...flag]);
check(soak.results.length === 3, "the soak ran its three phases");
out();
out(
  table(
    ["phase", "count", "wasm memory peak", "wasm growth", "JS heap peak", "JS heap growth"],
    soak.results.map((p) => [p.name, fmt(p.total), fmt(p.wasm.peak), `${p.wasm.growthPct.toFixed(2)} %`, fmt(p.heap.peak), `${p.heap.growthPct.toFixed(2)} %`]),
  ),
);

// 6. Sending at scale
out();
const scale = await child(process.execPath, [join(BENCH, "scale-worker.mjs"), ...flag]);
out(`## 6. Sending at scale (${fmt(scale.N)} sends through the mock, which enforces ${scale.window.limit} per ${fmt(scale.window.windowMs)} ms with 429s; ideal ${fmt(scale.idealMs)} ms: the last window starts ${fmt(scale.idealMs - scale.burstMs)} ms after the first, and ${scale.window.limit} sends with no limit take ${fmt(scale.burstMs)} ms)`);
out();
const ours = scale.results[0];
check(ours.stored === scale.N && ours.failed === 0, "sendMany: every message sent");
check(ours.duplicates === 0 && scale.results.every((r) => r.duplicates === 0), "no sender stored a message twice");
out(
  table(
    ["sender", "time", "of the ideal", "429s seen", "requests", "failed", "duplicates", "target"],
    scale.results.map((r, i) => [
      r.name,
      `${fmt(r.ms)} ms`,
      // A sender that gave up on some sends is not comparable with the ideal.
      r.failed ? `— (${fmt(r.failed)} not sent)` : `${r.idealPct.toFixed(1)} %`,
      fmt(r.rateLimited),
      fmt(r.requests),
      fmt(r.failed),
      fmt(r.duplicates),
      i === 0 ? `≥ 97 %, 0 429s, 0 duplicates ${r.idealPct >= 97 && r.rateLimited === 0 && r.duplicates === 0 ? "✅" : "❌"}` : "",
    ]),
  ),
);
out();
const cost = scale.limiter.costUs;
out(`The limiter's own cost per request (\`team.get\` through an instant in-process fetch, with the in-memory window vs \`rateLimit: false\`, median of the differences of 300-call blocks in alternating order): ${cost.toFixed(2)} µs (${scale.limiter.withUs.toFixed(2)} vs ${scale.limiter.withoutUs.toFixed(2)} µs a call; the same method between two clients without it: ${scale.limiter.noiseUs.toFixed(2)} µs); target ≤ 1 µs ${cost <= 1 ? "✅" : "❌"}.`);

if (!smoke) {
  md.push("", readFileSync(join(BENCH, "notes.md"), "utf8").trim());
  writeFileSync(join(ROOT, "BENCHMARKS.md"), `${md.join("\n")}\n`);
  console.log("\nwrote BENCHMARKS.md");
}
if (checks.failed) console.log(`failed checks:\n  ${checks.failures.join("\n  ")}`);
console.log(`bench: ${checks.passed} passed, ${checks.failed} failed`);
process.exitCode = checks.failed ? 1 : 0;
