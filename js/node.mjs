// Node.js (ESM) and Bun entry: read the .wasm next to the glue synchronously.
import { readFileSync } from "node:fs";
import * as wasm from "../pkg/heymarket_wasm.js";
import { createApi } from "./api.mjs";

wasm.initSync({ module: readFileSync(new URL("../pkg/heymarket_wasm_bg.wasm", import.meta.url)) });

export const { Heymarket, HeymarketError, signJwt, VERSION } = createApi(wasm);
