// Browser entry. Heymarket secrets must never reach a browser: this entry
// exists so that a browser bundle fails with a clear `browser_not_allowed`
// error at construction (unless `dangerouslyAllowBrowser: true`) instead of
// an obscure bundling error. The .wasm is fetched next to this file.
import init, * as wasm from "../pkg/heymarket_wasm.js";
import { createApi } from "./api.mjs";

await init({ module_or_path: new URL("../pkg/heymarket_wasm_bg.wasm", import.meta.url) });

export const { Heymarket, HeymarketError, signJwt, verifyWebhook, normalizePhone, endpointTable, memoryStore, VERSION } = createApi(wasm);
