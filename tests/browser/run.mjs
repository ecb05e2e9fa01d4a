// The browser guard in a real browser: headless Chromium loads the package's
// browser entry from the packed tarball (served on 127.0.0.1) and constructs a
// client. It must throw browser_not_allowed, unless dangerouslyAllowBrowser.
// Needs Chromium (Debian's `chromium`; scripts/setup.sh installs it in CI).
// Ends with "browser: N passed, M failed".
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { installProject, pack } from "../pack.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const chromium = ["chromium", "chromium-browser", "google-chrome"].map((b) => {
  try {
    return execFileSync("sh", ["-c", `command -v ${b}`], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}).find(Boolean);

if (!chromium) {
  if (process.env.CI) {
    console.error("browser: Chromium is required in CI (scripts/setup.sh installs it)");
    console.log("browser: 0 passed, 1 failed");
    process.exit(1);
  }
  console.log("browser: skipped (no Chromium on this machine; `apt-get install chromium` to run it)");
  process.exit(0);
}

const packed = pack();
const dir = installProject({ tarball: packed.tarball });
copyFileSync(join(HERE, "page.html"), join(dir, "page.html"));
const TYPES = { ".html": "text/html", ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm" };
const server = createServer((req, res) => {
  const path = normalize(join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname)));
  if (!path.startsWith(dir) || !existsSync(path)) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(readFileSync(path));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const profile = mkdtempSync(join(tmpdir(), "hm-chromium-"));

const dom = await new Promise((resolve, reject) => {
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${profile}`, "--virtual-time-budget=10000", "--dump-dom", `http://127.0.0.1:${server.address().port}/page.html`];
  const child = spawn(chromium, args, { stdio: ["ignore", "pipe", "ignore"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  child.on("close", () => (clearTimeout(timer), resolve(out)));
  child.on("error", reject);
});
server.close();
rmSync(profile, { recursive: true, force: true });
rmSync(dir, { recursive: true, force: true });

const raw = /<pre id="out">([^<]*)<\/pre>/.exec(dom)?.[1]?.replaceAll("&quot;", '"').replaceAll("&amp;", "&") ?? "";
let result = {};
try {
  result = JSON.parse(raw);
} catch {
  result = { loadError: `no result in the page: ${dom.slice(0, 500)}` };
}
const checks = [
  ["the package loads in the browser", !result.loadError && result.hasWindow === true],
  ["construction throws browser_not_allowed", result.refused === true && result.code === "browser_not_allowed"],
  ["the error is a HeymarketError that explains why", result.isHeymarketError === true && result.name === "HeymarketError" && result.explains === true],
  ["the secret is not in the error", result.leaks === false],
  ["dangerouslyAllowBrowser: true opts in", result.optIn === "https://api.heymarket.com"],
];
let failed = 0;
for (const [name, ok] of checks) {
  if (!ok) failed++;
  console.log(`${ok ? "ok  " : "FAIL"} chromium ${name}`);
}
if (failed) console.log(`page result: ${JSON.stringify(result)}`);
console.log(`browser: ${checks.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
