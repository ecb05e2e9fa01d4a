// `heymarket-wasm/rate-limit/redis` against a real redis-server (Debian's
// package; scripts/setup.sh installs it in CI) on a free 127.0.0.1 port:
// the store with node-redis and with ioredis, and two Node processes that
// share one budget through it — their combined starts never exceed the limit
// in any window, as the mock (which enforces the window with 429s) sees them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Heymarket, HeymarketError } from "heymarket-wasm";
import { redisStore, TAKE_SCRIPT } from "heymarket-wasm/rate-limit/redis";
import { createMockHeymarket, FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";

const repo = createRequire(`${process.env.HM_REPO}/package.json`);
const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;
if (!hasRedis && process.env.CI) throw new Error("redis-server is missing: scripts/setup.sh installs it in CI");
const skip = hasRedis ? false : "redis-server is not installed (scripts/setup.sh installs it in CI)";

let server;
let port;
const clients = [];

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer().once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

before(async () => {
  if (skip) return;
  port = await freePort();
  server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const { createClient } = repo("redis");
  for (let i = 0; ; i++) {
    try {
      const c = await createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: false } }).on("error", () => {}).connect();
      clients.push(c);
      break;
    } catch (e) {
      if (i > 100) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
});

after(async () => {
  for (const c of clients) await c.quit().catch(() => {});
  server?.kill();
});

async function ioredis() {
  const Redis = repo("ioredis");
  const c = new Redis({ host: "127.0.0.1", port, lazyConnect: true, maxRetriesPerRequest: 0 });
  await c.connect();
  clients.push(c);
  return c;
}

for (const library of ["node-redis", "ioredis"]) {
  test(`${library}: take admits limit starts per window, then answers the wait until the oldest expires`, { skip }, async () => {
    const client = library === "ioredis" ? await ioredis() : clients[0];
    const store = redisStore(client, { prefix: `${library}:` });
    const key = `heymarket:test-${Date.now()}`;
    const t0 = Date.now();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await store.take(key, 3, 400));
    assert.deepEqual(answers.slice(0, 3), [0, 0, 0]);
    for (const wait of answers.slice(3)) assert.ok(wait > 0 && wait <= 400, `wait ${wait}`);
    await new Promise((r) => setTimeout(r, answers[3] + 5));
    assert.equal(await store.take(key, 3, 400), 0, "a slot opened when the oldest start expired");
    assert.ok(Date.now() - t0 >= 390);
    // Another key has its own budget; the prefix is applied.
    assert.equal(await store.take(`${key}-other`, 3, 400), 0);
    const raw = library === "ioredis" ? await client.zcard(`${library}:${key}`) : await client.zCard(`${library}:${key}`);
    assert.equal(raw, 1, "the first three expired from the set; one start counts");
  });
}

test("the script is reloaded after SCRIPT FLUSH (NOSCRIPT), and a bad client is refused", { skip }, async () => {
  const store = redisStore(clients[0]);
  const key = `heymarket:flush-${Date.now()}`;
  assert.equal(await store.take(key, 10, 1000), 0);
  await new Promise((r) => setTimeout(r, 20)); // the background SCRIPT LOAD
  await clients[0].sendCommand(["SCRIPT", "FLUSH"]);
  assert.equal(await store.take(key, 10, 1000), 0);
  assert.equal(await store.take(key, 10, 1000), 0);
  assert.match(TAKE_SCRIPT, /ZREMRANGEBYSCORE/);
  const invalid = (re) => (e) => e instanceof HeymarketError && e.code === "invalid_argument" && re.test(e.message);
  assert.throws(() => redisStore({}), invalid(/neither call\(\) \(ioredis\) nor sendCommand\(\)/));
  assert.throws(() => redisStore(null), invalid(/pass a connected Redis client/));
  assert.throws(() => redisStore(clients[0], { prefix: 1 }), invalid(/prefix must be a string/));
});

test("a client whose Redis is gone fails its calls with a typed network error", { skip }, async () => {
  const { createClient } = repo("redis");
  const dead = createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: false } }).on("error", () => {});
  await dead.connect();
  await dead.quit();
  const mock = createMockHeymarket();
  const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: "http://127.0.0.1:1", fetch: mock.fetch, rateLimit: { limit: 5, windowMs: 1000, store: redisStore(dead) } });
  await assert.rejects(hm.team.get(), (e) => e.code === "network" && /rate-limit store failed/.test(e.message));
  assert.equal(mock.requests.length, 0);
});

test("two Node processes (node-redis and ioredis) share one budget: combined starts never exceed the limit in any window, each message sent once", { skip, timeout: 60_000 }, async () => {
  const window = { limit: 20, windowMs: 1000 };
  const mock = createMockHeymarket({ rateLimit: window });
  const stored = mock.store.messages.length;
  const http = await mock.listen();
  try {
    const sender = fileURLToPath(new URL("./redis-sender.mjs", import.meta.url));
    const run = (library) =>
      new Promise((resolve, reject) => {
        const args = [sender, http.url, String(port), library, "60", String(window.limit), String(window.windowMs), FIXTURE_CREDENTIALS.secretId, FIXTURE_CREDENTIALS.secretKey];
        const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"], env: process.env });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.on("error", reject);
        child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${library} sender exited ${code}: ${out}`))));
      });
    const t0 = Date.now();
    const [a, b] = await Promise.all([run("node-redis"), run("ioredis")]);
    const elapsed = Date.now() - t0;
    assert.deepEqual([a.ok, b.ok], [60, 60], JSON.stringify({ errors: [a.errors, b.errors] }));
    // Every start the store granted, in both processes (one machine, one clock;
    // the store keeps windowMs plus the 50 ms travel margin, checked here without it).
    const starts = [...a.starts, ...b.starts].sort((x, y) => x - y);
    assert.ok(starts.length >= 120);
    for (let i = 0; i + window.limit < starts.length; i++) {
      assert.ok(starts[i + window.limit] - starts[i] >= window.windowMs, `${window.limit + 1} starts within ${starts[i + window.limit] - starts[i]} ms`);
    }
    // Each message once at the mock, whatever it answered.
    const sent = mock.requests.filter((r) => r.path === "/v1/message/send").map((r) => JSON.parse(r.body));
    assert.equal(new Set(sent.map((m) => m.text)).size, 120);
    assert.equal(mock.store.messages.length - stored, 120, "no duplicates");
    // The mock counts arrivals, which trail the grants by the travel time.
    // Cold connections reach it 100–200 ms after they start, beyond a 1 s
    // window's 50 ms margin, so the first window meets some 429s (about one
    // per connection opened); after it, a loaded 2-core machine delays a
    // request past the margin now and then. Two processes each on a budget
    // of their own would send 40 a window and meet dozens (45 in a trial run).
    const refused = mock.requests.filter((r) => r.rateLimited);
    const later = refused.filter((r) => r.at - mock.requests[0].at > window.windowMs * 1.5);
    assert.ok(refused.length <= 15 && later.length <= 3, `${refused.length} 429s at the mock, ${later.length} after the first window`);
    // 120 starts at 20 a window: 5 full windows after the first, plus the two processes' start-up.
    assert.ok(elapsed >= 5000, `took ${elapsed} ms`);
  } finally {
    await http.close();
  }
});
