// A separate process for rate-redis.test.mjs: sends `count` messages through
// sendMany to the mock at `url`, sharing the budget through Redis with the
// client library named (node-redis or ioredis). Prints a JSON summary.
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { Heymarket } from "heymarket-wasm";
import { redisStore } from "heymarket-wasm/rate-limit/redis";

const [url, redisPort, library, count, limit, windowMs, secretId, secretKey] = process.argv.slice(2);
const repo = createRequire(`${process.env.HM_REPO}/package.json`);
let client;
let close;
if (library === "ioredis") {
  const Redis = repo("ioredis");
  client = new Redis({ host: "127.0.0.1", port: Number(redisPort), lazyConnect: true });
  await client.connect();
  close = () => client.quit();
} else {
  const { createClient } = repo("redis");
  client = await createClient({ url: `redis://127.0.0.1:${redisPort}` }).connect();
  close = () => client.quit();
}
// Warm up (Node loads undici on the first fetch, V8 compiles the module's
// paths) against a local server that is not the mock, so nothing counts twice.
const warm = createServer((req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
await new Promise((r) => warm.listen(0, "127.0.0.1", r));
const warmUrl = `http://127.0.0.1:${warm.address().port}`;
const cold = new Heymarket({ secretId, secretKey, baseUrl: warmUrl, rateLimit: false });
for (let i = 0; i < 20; i++) await cold.messages.send({ inbox_id: 1, creator_id: 1, phone_number: "14155550100", text: "warm" });
warm.close();
// Each start the store granted, as this process received the grant.
const starts = [];
const shared = redisStore(client);
const store = { take: async (...args) => { const wait = await shared.take(...args); if (wait === 0) starts.push(Date.now()); return wait; } };
const hm = new Heymarket({ secretId, secretKey, baseUrl: url, rateLimit: { limit: Number(limit), windowMs: Number(windowMs), store } });
const items = Array.from({ length: Number(count) }, (_, i) => ({ inbox_id: 101, creator_id: 55, phone_number: `1415556${String(1000 + i)}`, text: `${library} ${i}` }));
const results = await hm.messages.sendMany(items, { concurrency: 10 });
await close();
console.log(JSON.stringify({ starts, ok: results.filter((r) => r.ok).length, errors: results.filter((r) => !r.ok).map((r) => r.error.code) }));
