// Cloudflare Workers (workerd) entry: the bundler hands the .wasm over as a
// compiled WebAssembly.Module; no fetch of the .wasm, no `window`.
import wasmModule from "../pkg/heymarket_wasm_bg.wasm";
import * as wasm from "../pkg/heymarket_wasm.js";
import { createApi } from "./api.mjs";

wasm.initSync({ module: wasmModule });

export const { Heymarket, HeymarketError, signJwt, verifyWebhook, normalizePhone, endpointTable, memoryStore, VERSION } = createApi(wasm);
