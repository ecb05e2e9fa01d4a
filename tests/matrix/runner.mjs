// Runs the scenarios in Node, Bun or Deno, importing the package the way a
// user of that runtime would. Prints one JSON line of results.
import * as api from "heymarket-wasm";
import { runScenarios } from "./scenarios.mjs";
import config from "./config.mjs";

const results = await runScenarios({ api, ...config });
console.log(JSON.stringify({ version: api.VERSION, results }));
