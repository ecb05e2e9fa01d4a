// The `heymarket` CLI: one generic command per row of the endpoint table
// (`heymarket <namespace> <method> [arguments…] [--<field> <value>…]`), plus
// `token`, `mock`, `webhook verify` and `help`. Runtime-neutral (Node, Deno,
// Bun): the process, environment and streams come in through `io`.
import { UsageError, commandTree, refuseCredentialFlags, scan, methodCall } from "./cli-args.mjs";
import { errorLine, exitCode, human, streamList, write } from "./cli-output.mjs";
import { topHelp, namespaceHelp, methodHelp, COMMAND_HELP } from "./cli-help.mjs";
import * as tools from "./cli-tools.mjs";

/** The library for this runtime: Deno's entry under Deno, else the Node/Bun bundle. */
const loadLibrary = () => (globalThis.Deno ? import("./deno.mjs") : import("../dist/node.mjs"));

/** Walk the command words down the tree: `{ node, used }` (`node` null: unknown word). */
function resolve(tree, words) {
  let node = tree;
  let used = 0;
  while (node.kind === "ns" && used < words.length) {
    const next = node.children.get(words[used]);
    if (!next) return { node: null, parent: node, word: words[used], used };
    node = next;
    used++;
  }
  return { node, used };
}

const list = (ns) => [...ns.children.keys(), ...(ns.path.length ? [] : ["token", "mock", "webhook", "help"])].join(", ");

/** A usage error for an unknown or missing word under `parent`. */
function unknown(parent, word) {
  const where = parent.path.length ? `heymarket ${parent.path.join(" ")}` : "heymarket";
  const see = parent.path.length ? `heymarket help ${parent.path.join(" ")}` : "heymarket --help";
  if (word === undefined) return new UsageError(`${where} needs a ${parent.path.length ? "method" : "command"}: ${list(parent)} (see ${see})`);
  return new UsageError(`unknown ${parent.path.length ? "method" : "command"} ${JSON.stringify(word)} for ${where} (see ${see})`);
}

/** The help text for the words after `help` (or before `--help`). */
function helpFor(lib, tree, words) {
  if (!words.length) return topHelp(tree, lib.VERSION);
  if (Object.hasOwn(COMMAND_HELP, words[0])) {
    if (words[0] === "webhook" && words.length > 1 && words[1] !== "verify") throw new UsageError(`unknown command "webhook ${words[1]}" (see heymarket help webhook)`);
    return COMMAND_HELP[words[0]];
  }
  const { node, parent, word } = resolve(tree, words);
  if (!node) throw unknown(parent, word);
  if (node.kind === "ns") return namespaceHelp(node);
  return methodHelp(node);
}

/** The client for a call: the in-process mock, or the environment's credentials. */
async function client(lib, call, io) {
  // Log records go to stderr, one line each, never to stdout (which may be
  // piped to jq); the level comes from HEYMARKET_LOG as for the library.
  const line = (message) => io.stderr.write(`${message}\n`);
  const baseUrl = { logger: { debug: line, info: line, warn: line, error: line }, ...(call.baseUrl ? { baseUrl: call.baseUrl } : {}) };
  if (call.mock) {
    const { createMockHeymarket, FIXTURE_CREDENTIALS } = await import("./mock.mjs");
    const m = createMockHeymarket();
    return new lib.Heymarket({ ...FIXTURE_CREDENTIALS, fetch: m.fetch, ...baseUrl });
  }
  return lib.Heymarket.fromEnv(io.env, baseUrl);
}

/** Run one API method: print its answer, or stream its items. */
async function callMethod(lib, node, argv, io) {
  const call = methodCall(node, argv);
  const hm = await client(lib, call, io);
  let fn = hm;
  for (const key of node.path) fn = fn[key];
  const answer = fn(...call.args);
  if (node.row.paging) {
    await streamList(answer, { out: io.stdout, err: io.stderr, json: call.json, limit: call.limit });
    return 0;
  }
  const value = await answer;
  await write(io.stdout, call.json ? `${JSON.stringify(value)}\n` : human(value));
  return 0;
}

async function run(lib, argv, io) {
  refuseCredentialFlags(argv);
  const tree = commandTree(lib.endpointTable());
  const { words, help } = scan(argv);
  if (words[0] === "help") {
    await write(io.stdout, helpFor(lib, tree, words.slice(1)));
    return 0;
  }
  if (help) {
    await write(io.stdout, helpFor(lib, tree, words));
    return 0;
  }
  if (!words.length) throw unknown(tree, undefined);
  if (words[0] === "token") return tools.token(lib, argv, io);
  if (words[0] === "mock") return tools.mock(lib, argv, io);
  if (words[0] === "webhook") return tools.webhook(lib, argv, io, words);
  const { node, parent, word } = resolve(tree, words);
  if (!node) throw unknown(parent, word);
  if (node.kind === "ns") throw unknown(node, undefined);
  return callMethod(lib, node, argv, io);
}

/**
 * Run the CLI on `argv` (without the runtime and script) and return its
 * exit code. `io`: `{ env, stdout, stderr, stdin, process }`. Errors print
 * one line on stderr, `heymarket: <code>: <message>`, never a secret.
 */
export async function main(argv, io) {
  // Reading an environment variable can throw (Deno without --allow-env):
  // unreadable means unset, here and for the client.
  const source = io.env;
  const readable = (k) => {
    try {
      return source?.[k];
    } catch {
      return undefined;
    }
  };
  const env = new Proxy({}, { get: (_, k) => (typeof k === "string" ? readable(k) : undefined), has: (_, k) => readable(k) !== undefined });
  io = { ...io, env, secrets: [env.HEYMARKET_SECRET_KEY, env.HEYMARKET_API_KEY] };
  let lib;
  try {
    lib = await loadLibrary();
    return await run(lib, argv, io);
  } catch (err) {
    await write(io.stderr, errorLine(err, io.secrets));
    return exitCode(err);
  }
}
