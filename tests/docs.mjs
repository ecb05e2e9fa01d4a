// The API reference covers the API. Runs typedoc (typedoc.json: warnings are
// errors) with --json into a temp dir and checks, on what it produced:
// - every endpoint of the mock's table (MOCK_ENDPOINTS, the same 63 as the
//   Rust table and the .d.ts) is a method reached from `Heymarket` by its JS
//   name (`contactsV2.channels.get`), whose comment names its HTTP method and
//   path (`GET /v2/contact/{contactID}/channel/{channelType}`) and whose
//   @example calls it (`hm.contactsV2.channels.get(`); and no namespace
//   method exists that the table does not list;
// - every other function, method and constructor of the reference (and
//   every class, and `Paginator`) has a description and an @example;
// - every @example compiles (tsc --strict against js/*.d.ts), each in a
//   module of its own where `hm` is a client and `mock` a mock unless the
//   example declares them.
// Plain node script: prints what is wrong and exits 1.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MOCK_ENDPOINTS } from "../js/mock.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(ROOT, "package.json"));
const failures = [];
const fail = (msg) => failures.push(msg);

// Kinds, as typedoc's ReflectionKind numbers them.
const KIND = { Module: 2, Function: 64, Class: 128, Interface: 256, Constructor: 512, Property: 1024, Method: 2048 };

const tmp = mkdtempSync(join(tmpdir(), "hm-docs-"));
try {
  const started = Date.now();
  const typedoc = join(dirname(require.resolve("typedoc/package.json")), "bin", "typedoc");
  try {
    execFileSync(process.execPath, [typedoc, "--json", join(tmp, "api.json"), "--logLevel", "Warn"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  } catch (e) {
    fail(`typedoc failed (exit ${e.status}); with treatWarningsAsErrors every warning above is an error`);
    throw new Error("stop");
  }
  const project = JSON.parse(readFileSync(join(tmp, "api.json"), "utf8"));
  console.log(`docs: typedoc --json in ${((Date.now() - started) / 1000).toFixed(1)} s, no warnings`);

  // ---- the reflection tree ----------------------------------------------------
  const byId = new Map();
  const parentOf = new Map();
  (function index(r, parent) {
    byId.set(r.id, r);
    if (parent) parentOf.set(r.id, parent);
    for (const c of r.children ?? []) index(c, r);
  })(project, null);
  const qualified = (r) => {
    const names = [];
    for (let x = r; x && x.kind !== KIND.Module && x !== project; x = parentOf.get(x.id)) names.unshift(x.name);
    return names.join(".");
  };
  const partsText = (parts = []) => parts.map((p) => (p.kind === "code" ? p.text.replace(/^`+|`+$/g, "") : p.text)).join("");
  const commentText = (c) => (c ? [partsText(c.summary), ...(c.blockTags ?? []).map((t) => partsText(t.content))].join("\n") : "");
  const examples = (c) => (c?.blockTags ?? []).filter((t) => t.tag === "@example").flatMap((t) => t.content.filter((p) => p.kind === "code" && p.text.startsWith("```")).map((p) => p.text));

  const modules = new Map((project.children ?? []).map((m) => [m.name, m]));
  for (const name of ["heymarket-wasm", "heymarket-wasm/mock"]) if (!modules.has(name)) fail(`no module "${name}" in the reference (got ${[...modules.keys()]})`);
  const main = modules.get("heymarket-wasm");
  const client = main?.children?.find((c) => c.name === "Heymarket" && c.kind === KIND.Class);
  if (!client) {
    fail("no class Heymarket in the reference");
    throw new Error("stop");
  }

  // ---- every endpoint is a documented method ------------------------------------
  /** The interface a namespace property (`messages`, `contacts.fields`) points at. */
  const namespaceOf = (owner, prop) => {
    const p = owner?.children?.find((c) => c.name === prop && c.kind === KIND.Property);
    const target = p?.type?.type === "reference" && typeof p.type.target === "number" ? byId.get(p.type.target) : undefined;
    return target?.kind === KIND.Interface ? target : undefined;
  };
  const seen = new Set();
  for (const [name, method, path] of MOCK_ENDPOINTS) {
    const segments = name.split(".");
    const last = segments.pop();
    let owner = client;
    for (const s of segments) owner = owner && namespaceOf(owner, s);
    const member = owner?.children?.find((c) => c.name === last && c.kind === KIND.Method);
    if (!member) {
      fail(`${name}: no method in the reference (${method} ${path})`);
      continue;
    }
    seen.add(member.id);
    for (const [i, sig] of (member.signatures ?? []).entries()) {
      const where = `${name} (${qualified(member)}${member.signatures.length > 1 ? `, signature ${i + 1}` : ""})`;
      const text = commentText(sig.comment);
      if (!text.trim()) {
        fail(`${where}: no doc comment`);
        continue;
      }
      const escaped = `${method} ${path}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const endpoint = new RegExp(`(?<![\\w/])${escaped}(?![\\w/{}-])`); // not a prefix of a longer path
      if (!endpoint.test(text)) fail(`${where}: the comment does not name its endpoint "${method} ${path}"`);
      const ex = examples(sig.comment);
      if (!ex.length) fail(`${where}: no @example with a code block`);
      else if (!ex.some((code) => code.includes(`hm.${name}(`))) fail(`${where}: no @example calls hm.${name}(…)`);
    }
  }
  // ...and no namespace method the endpoint table does not list, besides the
  // batch helpers over its rows (documented and type-checked below like any callable).
  const BATCH_HELPERS = new Set(["messages.sendMany"]);
  (function walk(owner, prefix) {
    for (const c of owner.children ?? []) {
      if (c.kind === KIND.Method && owner !== client && !seen.has(c.id) && !BATCH_HELPERS.has(`${prefix}${c.name}`)) fail(`${prefix}${c.name}: a namespace method that is no endpoint of MOCK_ENDPOINTS`);
      const ns = c.kind === KIND.Property ? namespaceOf(owner, c.name) : undefined;
      if (ns) walk(ns, `${prefix}${c.name}.`);
    }
  })(client, "");

  // ---- every other callable has a description and an example --------------------
  let callables = 0;
  for (const r of byId.values()) {
    if (r === project || r.inheritedFrom || r.flags?.isExternal || r.flags?.isPrivate) continue;
    if (r.kind === KIND.Class || (r.kind === KIND.Interface && r.name === "Paginator")) {
      if (!examples(r.comment).length) fail(`${qualified(r)}: the ${r.kind === KIND.Class ? "class" : "interface"} has no @example`);
    }
    if (![KIND.Function, KIND.Method, KIND.Constructor].includes(r.kind) || seen.has(r.id)) continue;
    for (const sig of r.signatures ?? []) {
      callables++;
      if (!partsText(sig.comment?.summary).trim()) fail(`${qualified(r)}: no description`);
      if (!examples(sig.comment).length) fail(`${qualified(r)}: no @example with a code block`);
    }
  }

  // ---- every example compiles ---------------------------------------------------
  const ts = require("typescript");
  const blocks = [];
  for (const r of byId.values()) {
    for (const c of [r.comment, ...(r.signatures ?? []).map((s) => s.comment)]) {
      for (const code of examples(c)) blocks.push({ owner: r === project ? "(project)" : qualified(r) || r.name, code });
    }
  }
  const files = blocks.map(({ owner, code }, i) => {
    const lang = /^```(\w*)/.exec(code)[1];
    if (lang !== "ts") fail(`${owner}: an @example fenced as "${lang}" (use \`\`\`ts, so it is type-checked)`);
    const body = code.replace(/^```\w*\n?/, "").replace(/\n?```$/, "");
    const declares = (v) => new RegExp(`\\b(const|let|var)\\s+${v}\\b`).test(body);
    const prelude = [
      declares("hm") ? "" : 'declare const hm: import("heymarket-wasm").Heymarket;',
      declares("mock") ? "" : 'declare const mock: import("heymarket-wasm/mock").MockHeymarket;',
    ].join("\n");
    const file = join(tmp, `example-${String(i).padStart(3, "0")}.mts`);
    // The prelude is on the example's first line, so errors keep the example's line numbers.
    writeFileSync(file, `${prelude.replace(/\n/g, " ")} ${body}\nexport {};\n`);
    return { file, owner };
  });
  const program = ts.createProgram(
    files.map((f) => f.file),
    {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: [],
      skipLibCheck: true,
      paths: {
        "heymarket-wasm": [join(ROOT, "js/index.d.ts")],
        "heymarket-wasm/mock": [join(ROOT, "js/mock.d.ts")],
        "heymarket-wasm/rate-limit/redis": [join(ROOT, "js/rate-limit-redis.d.ts")],
        "heymarket-wasm/rate-limit/durable-object": [join(ROOT, "js/rate-limit-durable-object.d.ts")],
        // The Redis client the redisStore example uses (a devDependency).
        redis: [join(ROOT, "node_modules/redis/dist/index.d.ts")],
      },
    },
  );
  const ownerOf = new Map(files.map((f) => [resolve(f.file), f.owner]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    const owner = d.file && ownerOf.get(resolve(d.file.fileName));
    if (!owner) {
      fail(`tsc: ${d.file ? `${d.file.fileName}: ` : ""}${message}`);
      continue;
    }
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    fail(`${owner}: @example line ${line + 1} does not compile: TS${d.code} ${message}`);
  }

  console.log(`docs: ${seen.size} endpoint methods (of ${MOCK_ENDPOINTS.length} endpoints), ${callables} other functions and methods, ${blocks.length} examples type-checked (TypeScript ${ts.version})`);
} catch (e) {
  if (e.message !== "stop") throw e;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`docs: ${failures.length} problem${failures.length > 1 ? "s" : ""} in the API reference:`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
console.log("docs: the API reference documents every endpoint with its method, path and an example");
