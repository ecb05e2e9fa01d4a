#!/usr/bin/env node
// The `heymarket` command: `npx heymarket …` where heymarket-wasm is
// installed, or `deno run -A npm:heymarket-wasm/cli …`. Everything is in
// js/cli-main.mjs; this file hands it the process.
import process from "node:process";
import { main } from "../js/cli-main.mjs";

// A closed pipe (`heymarket tags list | head -1`) ends the output quietly.
process.stdout.on("error", (err) => process.exit(err?.code === "EPIPE" ? 0 : 4));

const code = await main(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, process });
process.exit(code);
