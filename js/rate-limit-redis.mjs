// `heymarket-wasm/rate-limit/redis`: a rate-limit store shared by every
// process that reaches one Redis, for the client's `rateLimit.store`. It
// brings no Redis client of its own: pass yours (node-redis v4+ or ioredis).
//
// One Lua script keeps a sorted set of start times per key, atomically:
// expired starts are dropped, and a start is added only while fewer than
// `limit` remain in the window; otherwise it answers how long until the
// oldest that counts expires. Time is the Redis server's, so the processes'
// clocks need not agree.

/** The script: KEYS[1] the budget; ARGV limit, window (ms), a unique member. */
export const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
if n < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

const BRAND = Symbol.for("heymarket-wasm.HeymarketError");

/**
 * An `invalid_argument` error that is `instanceof HeymarketError` (the class
 * checks this brand, as it does across the ESM and CommonJS entries) without
 * this module loading the client.
 */
function invalid(message) {
  const e = new Error(message);
  e.name = "HeymarketError";
  e.code = "invalid_argument";
  Object.defineProperty(e, BRAND, { value: true });
  return e;
}

/** `(args: string[]) => Promise<unknown>` sending one command through either client. */
function commander(client) {
  if (client === null || typeof client !== "object") throw invalid("redisStore: pass a connected Redis client (node-redis v4+ or ioredis)");
  // ioredis: call(command, ...args). node-redis: sendCommand([command, ...args]).
  if (typeof client.call === "function" && typeof client.evalsha === "function") return (args) => client.call(...args);
  if (typeof client.sendCommand === "function") return (args) => client.sendCommand(args);
  throw invalid("redisStore: the client has neither call() (ioredis) nor sendCommand() (node-redis v4+)");
}

let sequence = 0;
const member = () => `${Date.now().toString(36)}.${(sequence = (sequence + 1) % 1e9).toString(36)}.${Math.random().toString(36).slice(2)}`;

/**
 * A store for `rateLimit: { limit, windowMs, store: redisStore(client) }`.
 * `options.prefix` is put before every key (default none: keys are
 * `heymarket:<hash of the credentials>`).
 */
export function redisStore(client, options = {}) {
  const send = commander(client);
  const prefix = options?.prefix ?? "";
  if (typeof prefix !== "string") throw invalid("redisStore: prefix must be a string");
  let sha; // the loaded script's SHA1, once known
  return {
    async take(key, limit, windowMs) {
      const args = ["1", prefix + key, String(limit), String(windowMs), member()];
      if (sha) {
        try {
          return Number(await send(["EVALSHA", sha, ...args]));
        } catch (e) {
          if (!/NOSCRIPT/.test(String(e?.message ?? e))) throw e;
          sha = undefined; // the server lost its scripts (restart, SCRIPT FLUSH)
        }
      }
      const answer = Number(await send(["EVAL", TAKE_SCRIPT, ...args]));
      // Later takes send only the script's hash.
      send(["SCRIPT", "LOAD", TAKE_SCRIPT]).then((s) => (sha = String(s)), () => {});
      return answer;
    },
  };
}
