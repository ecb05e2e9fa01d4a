// Deno entry: a source-phase import compiles the .wasm as part of the module
// graph, so neither --allow-read nor --allow-net is needed to load it.
import source wasmModule from "../pkg/heymarket_wasm_bg.wasm";
import * as wasm from "../pkg/heymarket_wasm.js";
import { createApi } from "./api.mjs";

wasm.initSync({ module: wasmModule });

export const { Heymarket, HeymarketError, signJwt, verifyWebhook, normalizePhone, endpointTable, memoryStore, VERSION } = createApi(wasm);
