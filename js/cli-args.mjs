// The `heymarket` CLI's argument parsing: the command tree built from the
// endpoint table, flags through node:util's parseArgs, and every value
// parsed by its field's type. Runtime-neutral (Node, Deno, Bun).
import { parseArgs } from "node:util";

/** A usage error: printed as `heymarket: invalid_argument: …`, exit 2. */
export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.code = "invalid_argument";
  }
}

/** Flags every API method takes (`params` only with fields, `limit` only for lists). */
export const GLOBAL_FLAGS = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  mock: { type: "boolean" },
  "base-url": { type: "string" },
};

/** The commands that are not API methods, with their own flags. */
export const COMMANDS = {
  help: { flags: {} },
  token: { flags: { mock: { type: "boolean" } } },
  mock: { flags: { port: { type: "string" } } },
  webhook: { sub: { verify: { flags: { token: { type: "string" }, json: { type: "boolean" } } } } },
};

/**
 * The command tree: `{ kind: "ns", path, children: Map }` nodes down to
 * `{ kind: "method", path, row }` leaves, one per row of the table.
 */
export function commandTree(table) {
  const root = { kind: "ns", path: [], children: new Map() };
  for (const row of table) {
    const path = row.name.split(".");
    let node = root;
    path.slice(0, -1).forEach((key, i) => {
      if (!node.children.has(key)) node.children.set(key, { kind: "ns", path: path.slice(0, i + 1), children: new Map() });
      node = node.children.get(key);
    });
    node.children.set(path.at(-1), { kind: "method", path, row });
  }
  return root;
}

/** Every method leaf under a node, depth first. */
export function methodsUnder(node) {
  return node.kind === "method" ? [node] : [...node.children.values()].flatMap(methodsUnder);
}

const CREDENTIAL_FLAG = /^--?(secret[\w-]*|api[-_]?key|apikey)(=|$)/i;

/** Refuse any credential flag, naming the flag but never its value. */
export function refuseCredentialFlags(argv) {
  for (const arg of argv) {
    if (arg === "--") return;
    const m = CREDENTIAL_FLAG.exec(arg);
    if (m) {
      throw new UsageError(
        `${arg.split("=")[0]}: credentials are never taken from flags; set HEYMARKET_SECRET_ID and HEYMARKET_SECRET_KEY (or HEYMARKET_API_KEY) in the environment`,
      );
    }
  }
}

/** The first pass: where the command words are, whether help is asked for. */
export function scan(argv) {
  const { tokens } = parseArgs({ args: argv, options: { ...GLOBAL_FLAGS, params: { type: "string" }, limit: { type: "string" }, port: { type: "string" }, token: { type: "string" } }, strict: false, allowPositionals: true, tokens: true });
  let help = false;
  let terminated = false;
  const words = [];
  for (const t of tokens) {
    if (t.kind === "option-terminator") terminated = true;
    else if (t.kind === "option" && t.name === "help" && !terminated) help = true;
    else if (t.kind === "positional") words.push(t.value);
  }
  return { words, help };
}

/**
 * The second pass for one command: `options` are its flags (parseArgs
 * configs). Returns `{ values, positionals }`; unknown flags, missing values
 * and repeats of a single-valued flag are usage errors. `booleans` names the
 * flags written `--f`, `--f true` or `--f false` (rewritten to `--f=…`).
 */
export function parseCommand(argv, options, { booleans = new Set(), command }) {
  const args = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      args.push(...argv.slice(i));
      break;
    }
    const name = arg.startsWith("--") ? arg.slice(2) : null;
    if (name !== null && booleans.has(name)) {
      const next = argv[i + 1];
      if (next === "true" || next === "false") {
        args.push(`${arg}=${next}`);
        i++;
      } else args.push(`${arg}=true`);
    } else args.push(arg);
  }
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const values = {};
  const positionals = [];
  const see = `see heymarket ${command} --help`;
  for (const t of tokens) {
    if (t.kind === "positional") positionals.push(t.value);
    if (t.kind !== "option") continue;
    const config = Object.hasOwn(options, t.name) ? options[t.name] : undefined;
    if (!config || (t.rawName.length === 2 && config.short !== t.rawName[1])) {
      throw new UsageError(`unknown flag ${t.rawName} for ${command} (${see})`);
    }
    if (config.type === "boolean") {
      if (t.value !== undefined) throw new UsageError(`${t.rawName} takes no value (${see})`);
      values[t.name] = true;
      continue;
    }
    if (t.value === undefined || (!t.inlineValue && /^--?[A-Za-z]/.test(t.value))) {
      throw new UsageError(`${t.rawName} needs a value (write ${t.rawName}=<value> for one that starts with -)`);
    }
    if (config.multiple) (values[t.name] ??= []).push(t.value);
    else if (Object.hasOwn(values, t.name)) throw new UsageError(`${t.rawName} given more than once`);
    else values[t.name] = t.value;
  }
  return { values, positionals };
}

const show = (raw) => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

/** What a value of `type` looks like, for messages and help. */
export function describeType(type, values) {
  if (type === "enum") return `one of ${values.join(", ")}`;
  if (type.endsWith("[]")) return `${describeType(type.slice(0, -2))}s: repeat the flag or give a JSON array`;
  return { id: "a positive integer", integer: "an integer", string: "a string", phone: "a phone number", boolean: "true or false", json: "JSON", uuid: "a UUID", object: "a JSON object" }[type] ?? type;
}

/** One scalar from the command line, by type; `what` names it in errors. */
export function parseScalar(type, raw, what, values) {
  const bad = () => new UsageError(`${what} expects ${describeType(type, values)}, got ${show(raw)}`);
  switch (type) {
    case "id":
    case "integer": {
      if (!(type === "id" ? /^\+?\d+$/ : /^[-+]?\d+$/).test(raw.trim())) throw bad();
      const n = Number(raw);
      if (!Number.isSafeInteger(n) || (type === "id" && n <= 0)) throw bad();
      return n;
    }
    case "boolean":
      if (raw === "true") return true;
      if (raw === "false") return false;
      throw bad();
    case "enum":
      if (!values?.includes(raw)) throw bad();
      return raw;
    case "json":
      try {
        return JSON.parse(raw);
      } catch (e) {
        throw new UsageError(`${what} expects JSON: ${e.message.split("\n")[0]}`);
      }
    default:
      return raw;
  }
}

/** An element of a JSON array given for an array field. */
function checkElement(type, v, what) {
  const ok = type === "id" ? Number.isSafeInteger(v) && v > 0 : type === "integer" ? Number.isSafeInteger(v) : typeof v === "string";
  if (!ok) throw new UsageError(`${what} expects ${describeType(type)} in its array, got ${show(JSON.stringify(v) ?? String(v))}`);
  return v;
}

/** A field's value from its flag's raw string(s). */
export function parseField(field, raw) {
  const what = `--${field.name}`;
  if (!field.type.endsWith("[]")) return parseScalar(field.type, raw, what, field.values);
  const base = field.type.slice(0, -2);
  return raw.flatMap((one) => {
    if (!one.trimStart().startsWith("[")) return [parseScalar(base, one, what)];
    const list = parseScalar("json", one, what);
    if (!Array.isArray(list)) throw new UsageError(`${what} expects a JSON array, got ${show(one)}`);
    return list.map((v) => checkElement(base, v, what));
  });
}

/** A JSON argument that must be an array (`items`) or an object (`--params`). */
export function parseJsonArg(raw, what, kind) {
  const v = parseScalar("json", raw, what);
  const ok = kind === "array" ? Array.isArray(v) : v !== null && typeof v === "object" && !Array.isArray(v);
  if (!ok) throw new UsageError(`${what} expects a JSON ${kind}, got ${show(raw)}`);
  return v;
}

/** The parseArgs options of one API method. */
export function methodOptions(row) {
  const options = { ...GLOBAL_FLAGS };
  const booleans = new Set();
  const fieldFlags = new Set();
  if (row.paging) options.limit = { type: "string" };
  if (row.fields.length) options.params = { type: "string" };
  for (const f of row.fields) {
    if (Object.hasOwn(options, f.name)) continue; // a global wins (a paged `limit`): set it through --params
    options[f.name] = { type: "string", multiple: f.type.endsWith("[]") };
    fieldFlags.add(f.name);
    if (f.type === "boolean") booleans.add(f.name);
  }
  return { options, booleans, fieldFlags };
}

/**
 * One API method's call from its arguments: `{ args, limit, json, mock,
 * baseUrl }`, `args` being the client method's positional arguments (path
 * params, the items array, then the params object when it has fields).
 */
export function methodCall(node, argv) {
  const { row, path } = node;
  const command = path.join(" ");
  const { options, booleans, fieldFlags } = methodOptions(row);
  const { values, positionals } = parseCommand(argv, options, { booleans, command });
  const words = positionals.slice(0, path.length);
  if (words.join(" ") !== command) throw new UsageError(`put the flags after the command: heymarket ${command} [arguments…] [--flags…]`);
  const rest = positionals.slice(path.length);
  const expected = [...row.params.map((p) => p.name), ...(row.items ? [row.items.name] : [])];
  if (rest.length < expected.length) {
    throw new UsageError(`${command} needs ${expected.map((n) => `<${n}>`).join(" ")}: missing <${expected[rest.length]}> (see heymarket ${command} --help)`);
  }
  if (rest.length > expected.length) throw new UsageError(`${command} takes ${expected.length ? expected.map((n) => `<${n}>`).join(" ") : "no arguments"}, got an extra ${show(rest[expected.length])}`);
  const args = row.params.map((p, i) => (p.type === "uuid" ? rest[i] : parseScalar(p.type, rest[i], `<${p.name}>`, p.values)));
  if (row.items) args.push(parseJsonArg(rest[row.params.length], `<${row.items.name}>`, "array"));
  if (row.fields.length) {
    const params = values.params === undefined ? {} : parseJsonArg(values.params, "--params", "object");
    for (const f of row.fields) {
      if (fieldFlags.has(f.name) && Object.hasOwn(values, f.name)) {
        params[f.name] = parseField(f, values[f.name]);
      }
    }
    const missing = row.fields.filter((f) => f.required && params[f.name] === undefined);
    if (missing.length) throw new UsageError(`${command}: ${missing.map((f) => `--${f.name}`).join(", ")} ${missing.length > 1 ? "are" : "is"} required (see heymarket ${command} --help)`);
    if (Object.keys(params).length || row.fields.some((f) => f.required)) args.push(params);
  }
  let limit;
  if (values.limit !== undefined) limit = parseScalar("id", values.limit, "--limit");
  return { args, limit, json: !!values.json, mock: !!values.mock, baseUrl: values["base-url"] };
}
