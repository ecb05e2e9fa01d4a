// The public classes, as thin JS over the flat wasm exports. Shared by every
// entry file; each entry loads the .wasm its own way and passes the glue in.

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
    const { secretId, secretKey, iat } = options;
    if (secretId !== lastId || secretKey !== lastKey || lastId === undefined) {
      lastId = lastKey = undefined;
      wasm.jwt_set_key(secretId, secretKey);
      lastId = secretId;
      lastKey = secretKey;
    }
    return wasm.jwt_sign(iat === undefined ? Math.floor(Date.now() / 1000) : typeof iat === "number" ? iat : NaN);
  }

  class Heymarket {
    #client;
    #conversations;

    constructor(options) {
      const client = new wasm.Client(options);
      this.#client = client;
      this.#conversations = Object.freeze({
        get: (id, requestOptions) => client.conversations_get(id, requestOptions),
      });
    }

    /** Conversations: `get(id)`. */
    get conversations() {
      return this.#conversations;
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

  return { Heymarket, HeymarketError, signJwt, VERSION: wasm.version() };
}
