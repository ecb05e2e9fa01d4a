// `heymarket-wasm/rate-limit/redis`: share one rate-limit budget between processes through Redis.
import type { RateLimitStore } from "./index.js";

/**
 * A rate-limit store in Redis, shared by every process (and every client)
 * that uses the same Redis and credentials: at most `limit` requests start
 * in any window, across all of them. Atomic (one Lua script over a sorted
 * set, timed by the Redis server's clock). Bring your own connected client:
 * node-redis v4+ (`createClient()`) or ioredis (`new Redis()`).
 *
 * @example
 * ```ts
 * import { createClient } from "redis";
 * import { Heymarket } from "heymarket-wasm";
 * import { redisStore } from "heymarket-wasm/rate-limit/redis";
 *
 * const redis = await createClient({ url: "redis://127.0.0.1:6379" }).connect();
 * // Every process with these credentials and this Redis shares 500 a minute.
 * const hm = Heymarket.fromEnv(undefined, { rateLimit: { limit: 500, windowMs: 60_000, store: redisStore(redis) } });
 * ```
 */
export declare function redisStore(client: RedisLike, options?: { prefix?: string }): RateLimitStore;

/** What the store needs of a Redis client: ioredis's `call` or node-redis's `sendCommand`. */
export type RedisLike =
  | { call(command: string, ...args: string[]): Promise<unknown>; evalsha(...args: never[]): unknown }
  | { sendCommand(args: string[]): Promise<unknown> };

/** The Lua script the store runs (KEYS[1]; ARGV limit, windowMs, member). */
export declare const TAKE_SCRIPT: string;
