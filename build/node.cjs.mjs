// Source of dist/node.cjs (bundled to CommonJS by scripts/build.sh).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { initSync, Client, MemoryStore, describe, endpoints, jwt_set_key, jwt_sign, normalize_phone, set_error_class, verify_webhook, version } from "../pkg/heymarket_wasm.js";
import { createApi } from "../js/api.mjs";

// In the CommonJS bundle, __dirname is dist/, a sibling of pkg/.
initSync({ module: readFileSync(join(__dirname, "..", "pkg", "heymarket_wasm_bg.wasm")) });

export const { Heymarket, HeymarketError, signJwt, verifyWebhook, normalizePhone, endpointTable, memoryStore, VERSION } = createApi({ Client, MemoryStore, describe, endpoints, jwt_set_key, jwt_sign, normalize_phone, set_error_class, verify_webhook, version });
