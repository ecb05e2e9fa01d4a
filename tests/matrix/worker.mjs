// Runs the scenarios inside a Cloudflare Worker (workerd). The client below is
// created at module scope, as Workers code often does: construction must use
// no timers, randomness or I/O, which workerd forbids outside a request.
import * as api from "heymarket-wasm";
import { runScenarios } from "./scenarios.mjs";
import config from "./config.mjs";

const moduleScopeClient = new api.Heymarket({ ...config.credentials, baseUrl: config.mockUrl });

export default {
  async fetch(request, env) {
    const fromEnv = { HEYMARKET_SECRET_ID: env.HEYMARKET_SECRET_ID, HEYMARKET_SECRET_KEY: env.HEYMARKET_SECRET_KEY, HEYMARKET_BASE_URL: env.HEYMARKET_BASE_URL };
    const results = await runScenarios({ api, ...config, env: fromEnv, moduleScopeClient });
    return Response.json({ version: api.VERSION, results });
  },
};
