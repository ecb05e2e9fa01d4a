// Soak with the whole API (run with --expose-gc): 100,000 mixed calls —
// reads, sends, paginated walks, bad input — against the mock over HTTP (in
// its own process, so its bookkeeping is not measured). WebAssembly memory
// and the JS heap must plateau (< 1 % growth over the last quarter), and when
// the server is gone no timer or socket of the client may be left.
//   node --expose-gc tests/soak.mjs [--calls N]
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as glue from "../pkg/heymarket_wasm.js";
import { createApi } from "../js/api.mjs";
import { FIXTURE_CREDENTIALS } from "../js/mock.mjs";

// The package's classes over a module whose memory this script can see.
const exports = glue.initSync({ module: readFileSync(new URL("../pkg/heymarket_wasm_bg.wasm", import.meta.url)) });
const { Heymarket } = createApi(glue);

const at = process.argv.indexOf("--calls");
const CALLS = at > 0 ? Number(process.argv[at + 1]) : 100_000;
const CONCURRENCY = 32;
const SAMPLES = 40;

// The mock, in a child process that forgets its request log every second.
const server = spawn(process.execPath, ["--input-type=module", "-e", `
  import { createMockHeymarket } from ${JSON.stringify(fileURLToPath(new URL("../js/mock.mjs", import.meta.url)))};
  const mock = createMockHeymarket();
  const http = await mock.listen();
  setInterval(() => mock.reset(), 1000);
  console.log(http.url);
`], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve, reject) => {
  server.stdout.once("data", (d) => resolve(String(d).trim()));
  server.once("exit", (code) => reject(new Error(`the mock exited ${code}`)));
});

const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: url, timeoutMs: 10_000 });
let n = 0;
const counts = { read: 0, send: 0, walk: 0, invalid: 0, failed: 0 };
/** One call of the mix; returns how many requests it made. */
async function one(i) {
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
      counts.read++;
      await (i % 2 ? hm.conversations.get(123) : hm.team.get());
      return 1;
    case 3:
    case 4:
      counts.send++;
      // local_ids cycle, so the mock's store stays the same size.
      await hm.messages.send({ inbox_id: 101, creator_id: 55, phone_number: "14155550123", text: "soak", local_id: `soak-${i % 500}` });
      return 1;
    case 5:
      counts.walk++;
      return Math.ceil((await hm.tags.list().toArray({ limit: 45 })).length / 30);
    case 6:
      counts.invalid++;
      await hm.contacts.get(-1).then(
        () => { throw new Error("expected invalid_argument"); },
        (e) => { if (e.code !== "invalid_argument") throw e; },
      );
      return 0;
    case 7:
      counts.read++;
      await hm.inboxes.list();
      return 1;
    case 8:
      counts.read++;
      await hm.contacts.list().toArray({ limit: 10 });
      return 1;
    default:
      counts.read++;
      await hm.messages.count();
      return 1;
  }
}

const memory = () => {
  globalThis.gc();
  return { heap: process.memoryUsage().heapUsed, wasm: exports.memory.buffer.byteLength };
};

const samples = [];
const every = Math.floor(CALLS / SAMPLES);
let next = 0;
let requests = 0;
const t0 = Date.now();
async function worker() {
  while (n < CALLS) {
    const i = n++;
    try {
      const made = await one(i); // (not `requests += await …`: that reads `requests` before the await)
      requests += made;
    } catch (e) {
      counts.failed++;
      if (counts.failed < 5) console.error(`soak: call ${i}: ${e.code}: ${e.message}`);
    }
  }
}
const sampler = (async () => {
  while (n < CALLS) {
    if (n >= next) {
      next += every;
      await sleep(0);
      samples.push(memory());
    }
    await sleep(5);
  }
})();
await Promise.all([...Array.from({ length: CONCURRENCY }, worker), sampler]);
for (let i = 0; i < 3; i++) {
  await sleep(10);
  samples.push(memory());
}
const seconds = (Date.now() - t0) / 1000;

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const q = Math.floor(samples.length / 4);
const growth = (k) => {
  const values = samples.map((s) => s[k]);
  const peak = Math.max(...values);
  return { peak, growthPct: (100 * (mean(values.slice(-q)) - mean(values.slice(-2 * q, -q)))) / peak };
};
const heap = growth("heap");
const wasm = growth("wasm");

// The server goes away; then nothing of the client may be left running.
server.kill();
await new Promise((r) => server.once("exit", r));
await sleep(200);
const left = process.getActiveResourcesInfo().filter((r) => r !== "TTYWrap" && r !== "PipeWrap" && r !== "ProcessWrap");
const summary = { calls: CALLS, requests, seconds, counts, heap, wasm, left };
console.log(`soak: ${JSON.stringify(summary)}`);
const problems = [];
if (counts.failed) problems.push(`${counts.failed} calls failed`);
if (heap.growthPct >= 1) problems.push(`the JS heap grew ${heap.growthPct.toFixed(2)} % over the last quarter`);
if (wasm.growthPct >= 1) problems.push(`WebAssembly memory grew ${wasm.growthPct.toFixed(2)} % over the last quarter`);
if (left.length) problems.push(`left open: ${left.join(", ")}`);
if (problems.length) {
  console.error(`soak: FAILED: ${problems.join("; ")}`);
  process.exit(1);
}
console.log(`soak: ${CALLS} calls (${requests} requests) in ${seconds.toFixed(1)} s; heap ${heap.growthPct.toFixed(2)} %, wasm memory ${wasm.growthPct.toFixed(2)} % (peak ${wasm.peak} B) over the last quarter; no timer or socket left`);
