// The public classes, as thin JS over the flat wasm exports. Shared by every
// entry file; each entry loads the .wasm its own way and passes the glue in.

import { batchSender } from "./batch.mjs";

const BRAND = Symbol.for("heymarket-wasm.HeymarketError");
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * @param {typeof import("../pkg/heymarket_wasm.js")} wasm initialised wasm-bindgen glue
 */
export function createApi(wasm) {
  class HeymarketError extends Error {
    constructor(message, details = {}) {
      super(message, details.cause === undefined ? undefined : { cause: details.cause });
      this.code = details.code ?? "api_error";
      if (details.status !== undefined) this.status = details.status;
      if (details.requestId !== undefined) this.requestId = details.requestId;
      if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    }

    // `instanceof` holds across the ESM and CommonJS entries, which each
    // instantiate their own module (and so their own class).
    static [Symbol.hasInstance](value) {
      if (this !== HeymarketError) return Function.prototype[Symbol.hasInstance].call(this, value);
      return value !== null && typeof value === "object" && value[BRAND] === true;
    }

    toJSON() {
      const { name, code, message, status, requestId, retryAfterMs } = this;
      return { name, code, message, status, requestId, retryAfterMs };
    }
  }
  Object.defineProperty(HeymarketError.prototype, "name", { value: "HeymarketError", writable: true, configurable: true });
  Object.defineProperty(HeymarketError.prototype, BRAND, { value: true });
  wasm.set_error_class(HeymarketError);

  // signJwt keeps the keyed HMAC state of the last credentials in wasm and
  // only crosses the strings into wasm when they change.
  let lastId;
  let lastKey;
  function signJwt(options) {
    if (options === null || typeof options !== "object") {
      throw new HeymarketError("signJwt expects an object like { secretId, secretKey, iat? }", { code: "invalid_argument" });
    }
    let secretId, secretKey, iat;
    try {
      ({ secretId, secretKey, iat } = options);
    } catch (cause) {
      // A revoked Proxy, a throwing getter.
      throw new HeymarketError(`signJwt: the options could not be read: ${cause?.message ?? cause}`, { code: "invalid_argument", cause });
    }
    if (secretId !== lastId || secretKey !== lastKey || lastId === undefined) {
      lastId = lastKey = undefined;
      wasm.jwt_set_key(secretId, secretKey);
      lastId = secretId;
      lastKey = secretKey;
    }
    return wasm.jwt_sign(iat === undefined ? Math.floor(Date.now() / 1000) : typeof iat === "number" ? iat : NaN);
  }

  // The endpoint table, as `[name, positional, takesParams, paged]` rows:
  // every method of every namespace is one row, served by one generic call.
  const TABLE = wasm.endpoints();
  const SEND = TABLE.findIndex(([name]) => name === "messages.send");
  const sendMany = batchSender((message, details) => new HeymarketError(message, details));

  /**
   * A list endpoint's items across pages. Each walk (`for await`, `pages()`,
   * `toArray()`) starts from the first page and sends one request per page;
   * the cursor rule, the page cap and the errors are the Rust side's.
   */
  class Paginator {
    #open;

    constructor(open) {
      this.#open = open;
    }

    /** Pages as arrays, one request each. */
    async *pages() {
      yield* walk(this.#open());
    }

    async *[Symbol.asyncIterator]() {
      for await (const page of walk(this.#open())) yield* page;
    }

    /** At most `limit` items (required), across pages. */
    async toArray(options) {
      const pages = this.#open();
      const items = [];
      try {
        pages.limit(options);
        for await (const page of walk(pages, false)) items.push(...page);
      } finally {
        pages.free();
      }
      return items;
    }

    get [Symbol.toStringTag]() {
      return "Paginator";
    }
  }

  async function* walk(pages, free = true) {
    try {
      for (;;) {
        const page = await pages.next();
        if (page.length === 0) return;
        yield page;
      }
    } finally {
      if (free) pages.free();
    }
  }

  /** `{ data, status, headers, requestId }` of a call's final response. */
  function raw(data, res) {
    const h = res?.headers;
    const headers = typeof h?.get === "function" ? h : new Headers(h ?? undefined);
    return { data, status: res?.status, headers, requestId: headers.get("x-request-id") ?? undefined };
  }

  /** `HEYMARKET_LOG` from `process.env`, or `Deno.env` when permitted (asked without prompting). */
  function envLogLevel() {
    try {
      const deno = globalThis.Deno;
      if (deno?.env?.get) {
        const state = deno.permissions?.querySync?.({ name: "env", variable: "HEYMARKET_LOG" })?.state;
        return state === undefined || state === "granted" ? deno.env.get("HEYMARKET_LOG") : undefined;
      }
      return globalThis.process?.env?.HEYMARKET_LOG;
    } catch {
      return undefined; // not permitted
    }
  }

  const deepFreeze = (o) => (Object.values(o).forEach((v) => v !== null && typeof v === "object" && deepFreeze(v)), Object.freeze(o));

  /** The namespaces of one client, built from the table. */
  function namespaces(client) {
    const root = {};
    TABLE.forEach(([name, , , paged], index) => {
      const path = name.split(".");
      const method = path.pop();
      let node = root;
      for (const key of path) node = node[key] ??= {};
      node[method] = paged
        ? (...args) => new Paginator(() => client.pages(index, args))
        : (...args) => {
            // The call keeps its response on `meta` for `withResponse()`.
            const meta = {};
            const promise = client.call(index, args, meta);
            promise.withResponse = () => promise.then((data) => raw(data, meta.response));
            return promise;
          };
    });
    // Batch helpers over the table's rows.
    root.messages.sendMany = (items, options) => sendMany(client, SEND, items, options);
    return deepFreeze(root);
  }

  class Heymarket {
    #client;
    #api;

    constructor(options) {
      this.#client = new wasm.Client(options, envLogLevel());
    }

    get #namespaces() {
      return (this.#api ??= namespaces(this.#client));
    }

    /**
     * A client from environment variables: `HEYMARKET_SECRET_ID` and
     * `HEYMARKET_SECRET_KEY` (or a legacy `HEYMARKET_API_KEY`), and
     * optionally `HEYMARKET_BASE_URL`, read from
     * `env` (a Worker's bindings, or any object), else `Deno.env`, else
     * `process.env`. Other options may be passed as the second argument.
     */
    static fromEnv(env, options = {}) {
      const reader = envReader(env);
      // Reading can throw: Deno without --allow-env, a getter in the bindings.
      const read = (k) => {
        try {
          return reader(k);
        } catch (cause) {
          const hint = globalThis.Deno ? " (Deno needs --allow-env, or pass the values in an object)" : "";
          throw new HeymarketError(`reading ${k} from the environment failed${hint}: ${cause?.message ?? cause}`, { code: "invalid_argument", cause });
        }
      };
      // Optional variables that cannot be read (a narrower --allow-env) are unset.
      const optional = (k) => {
        try {
          return reader(k);
        } catch {
          return undefined;
        }
      };
      const secretId = read("HEYMARKET_SECRET_ID");
      const secretKey = read("HEYMARKET_SECRET_KEY");
      const apiKey = secretId || secretKey ? undefined : optional("HEYMARKET_API_KEY");
      const missing = apiKey ? [] : ["HEYMARKET_SECRET_ID", "HEYMARKET_SECRET_KEY"].filter((k, i) => ![secretId, secretKey][i]);
      if (missing.length) {
        throw new HeymarketError(`${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set in the environment (or set HEYMARKET_API_KEY)`, {
          code: "invalid_argument",
        });
      }
      const baseUrl = read("HEYMARKET_BASE_URL");
      const logLevel = env !== undefined && env !== null ? optional("HEYMARKET_LOG") : undefined;
      return new Heymarket({
        ...(apiKey ? { apiKey } : { secretId, secretKey }),
        ...(baseUrl ? { baseUrl } : {}),
        ...(logLevel ? { logLevel } : {}),
        ...options,
      });
    }

    // The API's namespaces, built from the endpoint table on first use.
    get messages() {
      return this.#namespaces.messages;
    }
    get conversations() {
      return this.#namespaces.conversations;
    }
    get contacts() {
      return this.#namespaces.contacts;
    }
    get contactsV2() {
      return this.#namespaces.contactsV2;
    }
    get lists() {
      return this.#namespaces.lists;
    }
    get templates() {
      return this.#namespaces.templates;
    }
    get tags() {
      return this.#namespaces.tags;
    }
    get schedules() {
      return this.#namespaces.schedules;
    }
    get surveys() {
      return this.#namespaces.surveys;
    }
    get inboxes() {
      return this.#namespaces.inboxes;
    }
    get team() {
      return this.#namespaces.team;
    }
    get users() {
      return this.#namespaces.users;
    }

    /** The API origin this client talks to. */
    get baseUrl() {
      return this.#client.baseUrl;
    }

    get [Symbol.toStringTag]() {
      return "Heymarket";
    }

    toJSON() {
      return { baseUrl: this.baseUrl };
    }

    [INSPECT]() {
      return `Heymarket { baseUrl: ${JSON.stringify(this.baseUrl)} }`;
    }
  }

  /** `(name) => value` over an env object, `Deno.env` or `process.env`. */
  function envReader(env) {
    if (env !== undefined && env !== null) {
      if (typeof env !== "object") {
        throw new HeymarketError("fromEnv expects an object of environment bindings", { code: "invalid_argument" });
      }
      return (k) => (typeof env[k] === "string" ? env[k] : undefined);
    }
    const deno = globalThis.Deno;
    if (deno?.env?.get) return (k) => deno.env.get(k);
    const proc = globalThis.process;
    if (proc?.env) return (k) => proc.env[k];
    throw new HeymarketError("no environment found: pass the bindings object, e.g. Heymarket.fromEnv(env) in a Worker", {
      code: "invalid_argument",
    });
  }

  /** Verify a webhook delivery's token and parse its event. */
  const verifyWebhook = (body, options) => wasm.verify_webhook(body, options);
  /** A phone number as people type it, in the API's format (E.164 digits). */
  const normalizePhone = (input, options) => wasm.normalize_phone(input, options);

  /**
   * The endpoint table the client is built from: for each method its HTTP
   * method and path, path params, fields (type, required, query or body),
   * one-of group, answer shape, paging and retry rule. Parsed on first use.
   */
  let table;
  const endpointTable = () => (table ??= deepFreeze(JSON.parse(wasm.describe())));

  /** A rate-limit store shared by the clients of one process (`rateLimit: { limit, windowMs, store: memoryStore() }`). */
  const memoryStore = () => new wasm.MemoryStore();

  return { Heymarket, HeymarketError, signJwt, verifyWebhook, normalizePhone, endpointTable, memoryStore, VERSION: wasm.version() };
}
