// Shared helpers: interleaved rounds, medians, tables, child processes.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(BENCH, "..");
export const NODE22 = join(BENCH, "node_modules/node22/bin/node");

/** Install the competitors (once; again when the lockfile changes). */
export function ensureDeps() {
  const stamp = join(BENCH, "node_modules/.package-lock.json");
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(join(BENCH, "package-lock.json")).mtimeMs) return;
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: BENCH, stdio: "inherit" });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/**
 * Interleave candidates round by round (the order rotates each round, so no
 * one always runs first); `measure(candidate)` returns a score where higher is
 * better. Returns, per candidate, the median score and the median of its
 * per-round ratio against `baseline`.
 */
export async function interleave(candidates, { rounds, baseline, measure }) {
  const scores = Object.fromEntries(candidates.map((c) => [c, []]));
  const ratios = Object.fromEntries(candidates.map((c) => [c, []]));
  for (let r = 0; r < rounds; r++) {
    const order = candidates.map((_, i) => candidates[(i + r) % candidates.length]);
    const round = {};
    for (const c of order) round[c] = await measure(c);
    for (const c of candidates) {
      scores[c].push(round[c]);
      ratios[c].push(round[c] / round[baseline]);
    }
  }
  return Object.fromEntries(candidates.map((c) => [c, { score: median(scores[c]), ratio: median(ratios[c]), ratios: ratios[c] }]));
}

/** Run a node script in a child process; its last stdout line is JSON. */
export function child(node, args, { env, timeoutMs = 600_000 } = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(node, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    const timer = setTimeout(() => p.kill("SIGKILL"), timeoutMs);
    p.on("close", (code) => {
      clearTimeout(timer);
      const line = out.trim().split("\n").pop();
      if (code !== 0) return reject(new Error(`${args.join(" ")} exited ${code}: ${out.slice(-1000)}`));
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`${args.join(" ")}: no JSON result: ${out.slice(-1000)}`));
      }
    });
  });
}

export function table(headers, rows) {
  const lines = [`| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`];
  for (const r of rows) lines.push(`| ${r.join(" | ")} |`);
  return lines.join("\n");
}

export const fmt = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const x = (ratio) => `${ratio.toFixed(2)}×`;

/** Correctness checks collected by every benchmark (smoke mode counts them). */
export const checks = { passed: 0, failed: 0, failures: [] };
export function check(cond, what) {
  if (cond) checks.passed++;
  else {
    checks.failed++;
    checks.failures.push(what);
    console.error(`CHECK FAILED: ${what}`);
  }
}
