// Memory soak (run with --expose-gc): WebAssembly memory and the JS heap must
// plateau across 1,000,000 signJwt calls, 100,000 requests and 20,000 clients
// created and dropped. Samples are taken after forced GC; growth is measured
// over the last quarter of each phase, as a share of the phase's peak.
import { readFileSync } from "node:fs";
import { setImmediate as tick } from "node:timers/promises";
import * as glue from "../pkg/heymarket_wasm.js";
import { createApi } from "../js/api.mjs";

const exports = glue.initSync({ module: readFileSync(new URL("../pkg/heymarket_wasm_bg.wasm", import.meta.url)) });
const { Heymarket, signJwt } = createApi(glue);
const scale = process.argv.includes("--smoke") ? 0.02 : 1;
const body = JSON.stringify({ id: 123, name: "soak" });
const fetch = async () => new Response(body, { status: 200 });

async function settle() {
  for (let i = 0; i < 4; i++) {
    globalThis.gc();
    await tick(); // let FinalizationRegistry callbacks free dropped wasm objects
  }
}

async function phase(name, total, step) {
  const samples = [];
  const every = Math.max(1, Math.floor(total / 40));
  for (let i = 0; i < total; i += every) {
    await step(i, Math.min(every, total - i));
    await settle();
    samples.push({ wasm: exports.memory.buffer.byteLength, heap: process.memoryUsage().heapUsed });
  }
  // Growth: the mean of the last quarter's samples against the mean of the
  // quarter before it (means, because a heap sampled after GC still jitters
  // by a few per cent with no trend), as a share of the phase's peak.
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const q = Math.floor(samples.length / 4);
  const growth = (k) => {
    const values = samples.map((s) => s[k]);
    const peak = Math.max(...values);
    const last = mean(values.slice(-q));
    const before = mean(values.slice(-2 * q, -q));
    return { peak, growthPct: (100 * (last - before)) / peak };
  };
  return { name, total, wasm: growth("wasm"), heap: growth("heap") };
}

const results = [];
results.push(
  await phase("signJwt", Math.round(1_000_000 * scale), (i, n) => {
    for (let k = 0; k < n; k++) signJwt({ secretId: "soak-id", secretKey: "soak-key", iat: i + k });
  }),
);
const hm = new Heymarket({ secretId: "soak-id", secretKey: "soak-key", fetch, rateLimit: false });
results.push(
  await phase("requests", Math.round(100_000 * scale), async (_, n) => {
    for (let k = 0; k < n; k += 50) await Promise.all(Array.from({ length: Math.min(50, n - k) }, () => hm.conversations.get(123)));
  }),
);
results.push(
  await phase("clients created and dropped", Math.round(20_000 * scale), async (_, n) => {
    for (let k = 0; k < n; k++) {
      const c = new Heymarket({ secretId: `soak-${k}`, secretKey: "soak-key", fetch, rateLimit: false });
      await c.conversations.get(1);
    }
  }),
);
console.log(JSON.stringify({ node: process.version, results }));
