// `messages.sendMany`: a batch of sends through one client, a few at a time.
// Rust validates, derives each item's `local_id` and sends (callItem); this
// is only the pool that pulls items in order and keeps their results in place.

const OPTIONS = new Set(["concurrency", "signal", "onProgress", "batchKey", "timeoutMs", "maxRetries"]);

/**
 * @param {(message: string, details: object) => Error} error makes a HeymarketError
 * @returns the `sendMany(client, index, items, options)` function
 */
export function batchSender(error) {
  const invalid = (message) => error(`messages.sendMany: ${message}`, { code: "invalid_argument" });

  function check(items, options) {
    if (options === null || typeof options !== "object" || Array.isArray(options)) {
      throw invalid("options must be an object like { concurrency, signal, onProgress }");
    }
    for (const k of Object.keys(options)) if (!OPTIONS.has(k)) throw invalid(`unknown option ${JSON.stringify(k)} (known: ${[...OPTIONS].join(", ")})`);
    const { concurrency = 8, signal, onProgress, batchKey = "" } = options;
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1000) throw invalid("concurrency must be a whole number from 1 to 1000");
    if (signal !== undefined && (typeof signal?.aborted !== "boolean" || typeof signal.addEventListener !== "function")) throw invalid("signal must be an AbortSignal");
    if (onProgress !== undefined && typeof onProgress !== "function") throw invalid("onProgress must be a function");
    if (typeof batchKey !== "string") throw invalid("batchKey must be a string");
    const iterable = items !== null && typeof items === "object";
    const iterator = iterable ? (items[Symbol.asyncIterator] ?? items[Symbol.iterator])?.call(items) : undefined;
    if (typeof iterator?.next !== "function") throw invalid("items must be an array or an (async) iterable of messages.send params");
    return { concurrency, signal, onProgress, batchKey, iterator };
  }

  function read(items, options) {
    try {
      return { ...check(items, options), timeoutMs: options.timeoutMs, maxRetries: options.maxRetries };
    } catch (e) {
      if (e?.code === "invalid_argument") throw e;
      // A revoked Proxy, a throwing getter or iterator method.
      throw error(`messages.sendMany: the items or options could not be read: ${e?.message ?? e}`, { code: "invalid_argument", cause: e });
    }
  }

  return async function sendMany(client, index, items, options = {}) {
    const { concurrency, signal, onProgress, batchKey, iterator, timeoutMs, maxRetries } = read(items, options);
    const callOptions = Object.fromEntries(Object.entries({ signal, timeoutMs, maxRetries }).filter(([, v]) => v !== undefined));
    const total = Array.isArray(items) ? items.length : undefined;
    const aborted = () => error("messages.sendMany: not sent, the batch was aborted by the caller's signal", { code: "aborted" });
    const results = [];
    const seen = new Map(); // identical requests so far, by their first derived local_id
    let next = 0;
    let done = 0;
    let failed = 0;
    let ended = false;
    let broken; // the iterable threw

    async function worker() {
      while (!ended && !signal?.aborted) {
        const at = next++; // claimed before awaiting, so results keep the input order
        let step;
        try {
          step = await iterator.next();
        } catch (cause) {
          broken ??= error(`messages.sendMany: reading the items failed: ${cause?.message ?? cause}`, { code: "invalid_argument", cause });
          ended = true;
          return;
        }
        if (step.done) {
          ended = true;
          return;
        }
        try {
          results[at] = { ok: true, value: await client.callItem(index, [step.value, callOptions], batchKey, seen) };
        } catch (e) {
          results[at] = { ok: false, error: e };
          failed++;
        }
        done++;
        if (onProgress) {
          try {
            onProgress({ done, failed, total });
          } catch {
            // A throwing progress callback does not stop the batch.
          }
        }
      }
    }

    await Promise.all(Array.from({ length: concurrency }, worker));
    if (!ended) {
      try {
        await iterator.return?.();
      } catch {
        // The iterable's cleanup failing does not change the results.
      }
    }
    if (broken) throw broken;
    for (let i = 0; i < results.length; i++) results[i] ??= { ok: false, error: aborted() };
    if (total !== undefined) for (let i = results.length; i < total; i++) results[i] = { ok: false, error: aborted() };
    return results;
  };
}
