// The `heymarket` CLI's help, at every level, generated from the endpoint
// table: the namespaces, a namespace's methods with their endpoints, and a
// method's arguments and fields (type, required, query or body, enum values,
// one-of group), paging and retry rule, with a usage line.
import { methodsUnder, methodOptions } from "./cli-args.mjs";

const pad = (rows, gap = "  ") => {
  const widths = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => `  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join(gap)}`.trimEnd()).join("\n");
};

const GLOBALS = [
  ["--json", "print the API's JSON: one document, or NDJSON (one item a line) for lists"],
  ["--mock", "run against the built-in mock, in-process (no credentials needed)"],
  ["--base-url <url>", "the API origin (default: HEYMARKET_BASE_URL, else https://api.heymarket.com)"],
  ["-h, --help", "help for any command: heymarket help <namespace> [method]"],
];

const ENVIRONMENT = `Credentials come from the environment only: HEYMARKET_SECRET_ID and HEYMARKET_SECRET_KEY
(or a legacy HEYMARKET_API_KEY); HEYMARKET_BASE_URL sets the API origin.`;

const EXITS = "Exit codes: 0 success; 2 usage or invalid argument (nothing sent); 3 the API answered an error; 4 could not complete (network, timeout, rate limit, server error).";

/** The top-level help: namespaces, commands, flags. */
export function topHelp(tree, version) {
  const namespaces = [...tree.children.values()].map((ns) => [ns.path[0], methodsUnder(ns).map((m) => m.path.slice(1).join(" ")).join(", ")]);
  return `heymarket ${version}: the Heymarket REST API from the command line

Usage:
  heymarket <namespace> <method> [arguments…] [--<field> <value>…] [--params '<json>'] [--json]
  heymarket help <namespace> [method]

Namespaces (and their methods):
${pad(namespaces)}

Commands:
${pad([
  ["token [--mock]", "print a fresh JWT signed with the environment's credentials"],
  ["mock [--port N]", "serve the built-in mock on 127.0.0.1 until interrupted; prints its URL and credentials first"],
  ["webhook verify --token T", "verify a webhook delivery read on stdin; prints the event as JSON"],
  ["help [namespace] [method]", "this help, or a namespace's or a method's"],
])}

Flags of every method:
${pad(GLOBALS)}

Examples:
  heymarket conversations get 123
  heymarket messages send --inbox_id 9 --creator_id 42 --phone_number "+1 415 555 1234" --text hi
  heymarket tags list --limit 10 --json
  heymarket conversations get 123 --mock

${ENVIRONMENT}
${EXITS}
`;
}

/** A namespace's help: its methods (and sub-namespaces' methods) with their endpoints. */
export function namespaceHelp(ns) {
  const prefix = ns.path.join(" ");
  const rows = methodsUnder(ns).map((m) => [m.path.slice(ns.path.length).join(" "), m.row.method, m.row.path, m.row.paging ? "list" : "", m.row.stability === "stable" ? "" : m.row.stability]);
  return `heymarket ${prefix}: ${rows.length} methods

Usage: heymarket ${prefix} <method> [arguments…] [--<field> <value>…] [--json]
       heymarket help ${prefix} <method>   (its fields)

Methods:
${pad(rows)}
`;
}

const ARG_TYPE = { id: "a positive integer", uuid: "a UUID", enum: "one of" };

const FLAG_VALUE = { id: "<id>", integer: "<n>", string: "<text>", phone: "<phone>", boolean: "[true|false]", json: "<json>", enum: "<value>" };
const flagValue = (type) => (type.endsWith("[]") ? `${FLAG_VALUE[type.slice(0, -2)]}…` : FLAG_VALUE[type]);

const NOTES = {
  id: "",
  phone: "as typed, e.g. \"+1 415 555 1234\" (sent as E.164 digits)",
  boolean: "a bare flag is true",
  json: "a JSON value",
};

function fieldNote(f, row, globals) {
  const notes = [];
  if (f.type === "enum") notes.push(f.values.join(" | "));
  else if (f.type.endsWith("[]")) notes.push("repeat the flag, or give a JSON array");
  else if (NOTES[f.type]) notes.push(NOTES[f.type]);
  if (row.oneOf.includes(f.name)) notes.push(`one of ${row.oneOf.join(" | ")}`);
  if (globals.has(f.name)) notes.push(`give it in --params: --${f.name} is the CLI's own flag`);
  return notes.join("; ");
}

const RETRY = {
  idempotent: "idempotent: retried like a GET",
  local_id: "local_id: a local_id (UUID v4) is generated when absent, then retried like a GET",
  unsafe: "unsafe: retried only on HTTP 429 or a connection refused before sending",
};

function pagingText(paging) {
  if (!paging) return "none (one answer)";
  const rule = paging.cursor ? `the next request sends ${paging.cursor} = the last item's ${paging.from}` : `page numbers from ${paging.page}`;
  return `${rule}; stops at an empty page. Items stream as they load; --limit N stops after N (default: all)`;
}

/** One method's help: usage line, arguments, fields, rules. */
export function methodHelp(node) {
  const { row, path } = node;
  const command = path.join(" ");
  const { fieldFlags } = methodOptions(row);
  const globals = new Set(row.fields.map((f) => f.name).filter((n) => !fieldFlags.has(n)));
  const positional = [...row.params.map((p) => `<${p.name}>`), ...(row.items ? [`'<${row.items.name} json>'`] : [])];
  const required = row.fields.filter((f) => f.required && fieldFlags.has(f.name)).map((f) => `--${f.name} ${flagValue(f.type)}`);
  const optional = row.fields.some((f) => !f.required);
  const usage = [
    `heymarket ${command}`,
    ...positional,
    ...required,
    ...(row.oneOf.length ? [`(${row.oneOf.map((n) => `--${n}`).join(" | ")})`] : []),
    ...(optional ? ["[--<field> <value>…]"] : []),
    ...(row.fields.length ? ["[--params '<json>']"] : []),
    ...(row.paging ? ["[--limit N]"] : []),
    "[--json]",
  ].join(" ");
  const parts = [`heymarket ${command}: ${row.method} ${row.path}`, "", `Usage: ${usage}`];
  const args = [
    ...row.params.map((p) => [`<${p.name}>`, p.type === "enum" ? `${ARG_TYPE.enum} ${p.values.join(" | ")}` : ARG_TYPE[p.type] ?? p.type, "path"]),
    ...(row.items ? [[`<${row.items.name} json>`, `a JSON array of ${row.items.item === "uuid" ? "UUID strings" : "objects"}`, "body"]] : []),
  ];
  if (args.length) parts.push("", "Arguments:", pad(args));
  if (row.fields.length) {
    parts.push(
      "",
      "Fields (flags, or keys of --params '<json>'; flags win):",
      pad(row.fields.map((f) => [`--${f.name} ${flagValue(f.type)}`, f.type, f.required ? "required" : "optional", f.in, fieldNote(f, row, globals)])),
    );
    if (row.oneOf.length) parts.push(`One of: ${row.oneOf.join(", ")} (give one of them)`);
  } else parts.push("", "Fields: none (this method takes no params)");
  parts.push(
    "",
    `Answers: ${row.answers}`,
    `Paging: ${pagingText(row.paging)}`,
    `Retry: ${RETRY[row.retry] ?? row.retry}`,
    `Stability: ${row.stability}`,
    "",
    "Flags:",
    pad([
      ...(row.paging ? [["--limit N", "stop after N items (default: all); the table/NDJSON streams as pages load"]] : []),
      ...(row.fields.length ? [["--params '<json>'", "the params as a JSON object, merged under the field flags"]] : []),
      ...GLOBALS,
    ]),
  );
  return `${parts.join("\n")}\n`;
}

/** The help of the non-API commands. */
export const COMMAND_HELP = {
  token: `heymarket token: print a fresh JWT (HS256, iat = now), signed with HEYMARKET_SECRET_ID and HEYMARKET_SECRET_KEY

Usage: heymarket token [--mock]

Flags:
${pad([["--mock", "sign with the built-in mock's fixture credentials instead"]])}
`,
  mock: `heymarket mock: serve the built-in mock API on 127.0.0.1 until interrupted (SIGINT or SIGTERM)

Usage: heymarket mock [--port N]

Its first line of output is the URL and the credentials it accepts:
  http://127.0.0.1:PORT HEYMARKET_SECRET_ID=… HEYMARKET_SECRET_KEY=…
then one line per request on stderr.

Flags:
${pad([["--port N", "the port (default 0: any free port)"]])}
`,
  webhook: `heymarket webhook verify: verify a webhook delivery's token and print its event

Usage: heymarket webhook verify --token T < body.json

Reads the request body on stdin; prints the verified event as JSON (exit 0), or
heymarket: webhook_unauthorized: … (wrong or missing token) / webhook_invalid: … (exit 3).

Flags:
${pad([["--token T", "the token set for the webhook in Heymarket"], ["--json", "print the event on one line"]])}
`,
};
COMMAND_HELP.help = "Usage: heymarket help [namespace] [method]\n";
