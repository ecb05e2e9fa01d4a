// Node.js (ESM) and Bun entry: read the .wasm next to the glue synchronously.
// (Published bundled as dist/node.mjs; named imports let the bundler drop the
// glue's unused async loader.)
import { initSync, Client, MemoryStore, describe, endpoints, jwt_set_key, jwt_sign, normalize_phone, set_error_class, verify_webhook, version } from "../pkg/heymarket_wasm.js";
import { createApi } from "./api.mjs";

// process.getBuiltinModule (Node >= 20.16, Bun) hands over node:fs without
// building its ESM facade, which costs about 2 ms of a cold start.
const { readFileSync } = globalThis.process?.getBuiltinModule?.("node:fs") ?? (await import("node:fs"));
initSync({ module: readFileSync(new URL("../pkg/heymarket_wasm_bg.wasm", import.meta.url)) });

export const { Heymarket, HeymarketError, signJwt, verifyWebhook, normalizePhone, endpointTable, memoryStore, VERSION } = createApi({ Client, MemoryStore, describe, endpoints, jwt_set_key, jwt_sign, normalize_phone, set_error_class, verify_webhook, version });
