// The `heymarket` command, as installed from the tarball
// (node_modules/.bin/heymarket), spawned against the mock: in-process
// (--mock), over HTTP from a mock this test serves, or its own `mock` server.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync, realpathSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Heymarket, endpointTable } from "heymarket-wasm";
import { createMockHeymarket, FIXTURE_CREDENTIALS, CONVERSATIONS } from "heymarket-wasm/mock";

const PROJECT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(PROJECT, "node_modules", ".bin", "heymarket");
const PKG_DIR = join(PROJECT, "node_modules", "heymarket-wasm");
const { secretId, secretKey } = FIXTURE_CREDENTIALS;
const FIXTURE_ENV = { HEYMARKET_SECRET_ID: secretId, HEYMARKET_SECRET_KEY: secretKey };
const ENV_KEY = "env-secret-key-9c1e44aa07";
const conv = CONVERSATIONS[0];

/** Every stderr the CLI wrote, checked for secrets and JWTs at the end. */
const stderrs = [];

/** The environment without any HEYMARKET_* variable, plus `extra`. */
function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("HEYMARKET_")));
  return { ...env, ...extra };
}

/** Start the CLI; `.done` resolves to `{ code, signal, stdout, stderr }`. */
function start(args, { env = {}, input, direct = false } = {}) {
  const [cmd, argv] = direct ? [BIN, args] : [process.execPath, [BIN, ...args]];
  const child = spawn(cmd, argv, { cwd: PROJECT, env: cleanEnv(env), stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
  child.stdin.end(input);
  child.done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => (child.kill("SIGKILL"), reject(new Error(`heymarket ${args.join(" ")}: timed out`))), 30_000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      stderrs.push(stderr);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return child;
}

const cli = (args, options) => start(args, options).done;

/** Assert one error line `heymarket: <code>: …` and the exit code, with nothing on stdout. */
function failed(r, exit, code) {
  assert.equal(r.code, exit, `exit code (stderr: ${r.stderr})`);
  assert.match(r.stderr, new RegExp(`^heymarket: ${code}: [^\\n]+\\n$`), "one error line");
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack");
  assert.equal(r.stdout, "");
}

/** A mock served over HTTP by this process, for checking what the CLI sent. */
async function served() {
  const mock = createMockHeymarket();
  const server = await mock.listen();
  return { mock, server, env: { ...FIXTURE_ENV, HEYMARKET_BASE_URL: server.url } };
}

const client = () => new Heymarket({ secretId, secretKey, fetch: createMockHeymarket().fetch });

/** Run `fn` over `items`, `n` at a time. */
async function pool(items, n, fn) {
  const queue = [...items];
  await Promise.all(Array.from({ length: n }, async () => {
    while (queue.length) await fn(queue.shift());
  }));
}

describe("the installed command", () => {
  test("is node_modules/.bin/heymarket, and heymarket-wasm/cli is the same file", async () => {
    assert.ok(existsSync(BIN), "the bin link exists");
    const pkg = JSON.parse(readFileSync(join(PKG_DIR, "package.json"), "utf8"));
    assert.deepEqual(pkg.bin, { heymarket: "./bin/heymarket.mjs" });
    assert.equal(pkg.exports["./cli"], "./bin/heymarket.mjs");
    assert.equal(realpathSync(BIN), realpathSync(join(PKG_DIR, "bin", "heymarket.mjs")));
    assert.equal(realpathSync(fileURLToPath(import.meta.resolve("heymarket-wasm/cli"))), realpathSync(BIN));
    const r = await cli(["conversations", "get", String(conv.id), "--mock", "--json"], { direct: true });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), conv);
  });
});

describe("API methods", () => {
  test("a get: human key: value lines, and --json exactly what the client returns", async () => {
    const expected = await client().conversations.get(conv.id);
    const json = await cli(["conversations", "get", String(conv.id), "--mock", "--json"]);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(json.stderr, "");
    assert.equal(json.stdout.trimEnd().split("\n").length, 1, "one JSON document");
    assert.deepEqual(JSON.parse(json.stdout), expected);

    const human = await cli(["conversations", "get", String(conv.id), "--mock"]);
    assert.equal(human.code, 0, human.stderr);
    const lines = Object.entries(expected).map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
    assert.equal(human.stdout, `${lines.join("\n")}\n`);
    assert.match(human.stdout, /^members: \[\{"id":55,/m, "nested values as JSON");
  });

  test("a send with flags: typed values, the phone normalised, stored by the mock", async () => {
    const { mock, server, env } = await served();
    try {
      const r = await cli(["messages", "send", "--inbox_id", "9", "--creator_id", "42", "--phone_number", "+1 415 555 1234", "--text", "hi", "--private", "--json"], { env });
      assert.equal(r.code, 0, r.stderr);
      const answer = JSON.parse(r.stdout);
      assert.equal(mock.requests.length, 1);
      const body = JSON.parse(mock.requests[0].body);
      assert.equal(mock.requests[0].path, "/v1/message/send");
      assert.equal(mock.requests[0].auth.valid, true);
      assert.deepEqual({ ...body, local_id: undefined }, { inbox_id: 9, creator_id: 42, phone_number: "14155551234", text: "hi", private: true, local_id: undefined });
      const stored = mock.store.messages.find((m) => m.id === answer.id);
      assert.ok(stored, "the mock stored the message");
      assert.equal(stored.target, "14155551234");
      assert.equal(stored.text, "hi");
      assert.equal(stored.conversation.inbox, 9);
      assert.equal(answer.local_id, body.local_id, "the generated local_id is on the answer");
    } finally {
      await server.close();
    }
  });

  test("--params merges with the flags, the flags winning; booleans take true/false", async () => {
    const { mock, server, env } = await served();
    try {
      const params = JSON.stringify({ inbox_id: 1, creator_id: 42, text: "from params", targets: ["+1 415 555 0000"] });
      const r = await cli(["messages", "send", "--params", params, "--inbox_id", "9", "--private", "false", "--targets", "+1 415 555 1111", "--targets", '["+1 415 555 2222"]'], { env });
      assert.equal(r.code, 0, r.stderr);
      const body = JSON.parse(mock.requests[0].body);
      assert.equal(body.inbox_id, 9, "the flag wins");
      assert.equal(body.creator_id, 42);
      assert.equal(body.text, "from params");
      assert.equal(body.private, false);
      assert.deepEqual(body.targets, ["14155551111", "14155552222"], "repeated flags and a JSON array, the flags winning over --params");
      assert.match(r.stdout, /^id: \d+$/m, "human output");
    } finally {
      await server.close();
    }
  });

  test("a list with --limit: an aligned table, or NDJSON; without it, every item", async () => {
    const table = await cli(["tags", "list", "--mock", "--limit", "5"]);
    assert.equal(table.code, 0, table.stderr);
    assert.equal(table.stderr, "", "no progress line when stderr is not a TTY");
    const lines = table.stdout.trimEnd().split("\n");
    assert.equal(lines.length, 6, "a header and 5 rows");
    assert.match(lines[0], /^id\s+tag\s+color\s+updated$/);
    const col = lines[0].indexOf("tag");
    for (const line of lines.slice(1)) assert.match(line.slice(col), /^Tag \d+ /, `aligned: ${line}`);

    const expected = await client().tags.list().toArray({ limit: 35 });
    const nd = await cli(["tags", "list", "--mock", "--limit", "35", "--json"]);
    assert.equal(nd.code, 0, nd.stderr);
    const items = nd.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    assert.equal(items.length, 35, "across two pages");
    assert.deepEqual(items, expected);

    const all = await cli(["tags", "list", "--mock", "--json"]);
    assert.equal(all.stdout.trimEnd().split("\n").length, createMockHeymarket().count("tags"));
  });

  test("nested namespaces, path params by type, the positional items array", async () => {
    const contact = (await client().contactsV2.list().toArray({ limit: 1 }))[0];
    const channel = await cli(["contactsV2", "channels", "get", contact.uuid, "phone", "--mock", "--json"]);
    assert.equal(channel.code, 0, channel.stderr);
    assert.deepEqual(JSON.parse(channel.stdout), await client().contactsV2.channels.get(contact.uuid, "phone"));

    const v1 = await cli(["lists", "v1", "list", "--mock", "--limit", "3", "--json"]);
    assert.equal(v1.stdout.trimEnd().split("\n").length, 3);

    const { mock, server, env } = await served();
    try {
      const batch = await cli(["contacts", "batchCreate", '[{"phone":"14155559876","first":"Ann"}]', "--overwrite", "--json"], { env });
      assert.equal(batch.code, 0, batch.stderr);
      assert.equal(JSON.parse(batch.stdout), "ok");
      assert.equal(mock.requests[0].url.endsWith("?overwrite=true"), true, mock.requests[0].url);
      assert.deepEqual(JSON.parse(mock.requests[0].body), [{ phone: "14155559876", first: "Ann" }]);
      const count = await cli(["messages", "count"], { env });
      assert.match(count.stdout, /^\d+\n$/, "a bare string as is");
    } finally {
      await server.close();
    }
  });
});

describe("exit codes and errors", () => {
  let mock, server, env;
  before(async () => ({ mock, server, env } = await served()));
  after(() => server.close());

  for (const [label, args, pattern] of [
    ["an unknown command", ["frobnicate"], /unknown command "frobnicate"/],
    ["an unknown method", ["conversations", "frob"], /unknown method "frob"/],
    ["an unknown flag", ["conversations", "get", "123", "--bogus", "1"], /unknown flag --bogus/],
    ["a bad integer", ["messages", "send", "--inbox_id", "nine", "--creator_id", "42", "--phone_number", "14155551234"], /--inbox_id expects a positive integer, got "nine"/],
    ["a bad path id", ["conversations", "get", "12x"], /<id> expects a positive integer/],
    ["a missing required field", ["messages", "send", "--inbox_id", "9", "--phone_number", "14155551234"], /--creator_id is required/],
    ["a missing path param", ["conversations", "get"], /missing <id>/],
    ["a bad enum", ["contactsV2", "channels", "get", "0000c0c0-0000-4000-8000-000000000001", "fax"], /one of phone, email/],
    ["bad --params JSON", ["tags", "create", "--params", "{nope"], /--params expects JSON/],
    ["a bad --limit", ["tags", "list", "--limit", "0"], /--limit expects a positive integer/],
    ["a flag missing its value", ["tags", "create", "--tag"], /--tag needs a value/],
    ["no command", [], /needs a command/],
    ["a namespace without a method", ["contacts"], /needs a method/],
    ["the client's own check (one-of group)", ["messages", "send", "--inbox_id", "9", "--creator_id", "42", "--text", "x"], /messages\.send/],
  ]) {
    test(`2 for ${label}, nothing sent`, async () => {
      const before = mock.requests.length;
      const r = await cli(args, { env });
      failed(r, 2, "invalid_argument");
      assert.match(r.stderr, pattern);
      assert.equal(mock.requests.length, before, "nothing sent");
    });
  }

  test("2 for a credential flag, whose value is never shown", async () => {
    for (const flag of ["--secret-key=hunter2-secret", "--secret_id", "--api-key"]) {
      const r = await cli(["conversations", "get", "123", flag, "hunter2-secret"], { env });
      failed(r, 2, "invalid_argument");
      assert.match(r.stderr, /never taken from flags/);
      assert.ok(!r.stderr.includes("hunter2"), r.stderr);
    }
  });

  test("2 when no credentials are set", async () => {
    const r = await cli(["conversations", "get", "123"]);
    failed(r, 2, "invalid_argument");
    assert.match(r.stderr, /HEYMARKET_SECRET_ID/);
  });

  test("3 for not_found, with the request id", async () => {
    const r = await cli(["conversations", "get", "999999", "--mock"]);
    failed(r, 3, "not_found");
    assert.match(r.stderr, /\(request id req_\w+\)\n$/);
  });

  test("3 for unauthorized (wrong key), the key never shown", async () => {
    const r = await cli(["conversations", "get", "123"], { env: { ...env, HEYMARKET_SECRET_KEY: ENV_KEY } });
    failed(r, 3, "unauthorized");
    assert.ok(!r.stderr.includes(ENV_KEY));
  });

  test("4 for a network failure", async () => {
    const r = await cli(["conversations", "get", "123", "--base-url", "http://127.0.0.1:1"], { env: { HEYMARKET_SECRET_ID: "id-1", HEYMARKET_SECRET_KEY: ENV_KEY } });
    failed(r, 4, "network");
  });

  test("4 for a server error", async () => {
    mock.script({ status: 503, json: { error: "down" }, times: Infinity });
    try {
      const r = await cli(["tags", "get", "4001"], { env });
      failed(r, 4, "server_error");
    } finally {
      mock.reset();
    }
  });
});

describe("help", () => {
  const table = endpointTable();

  test("--help and help name every namespace and command", async () => {
    const r = await cli(["--help"]);
    assert.equal(r.code, 0, r.stderr);
    for (const ns of new Set(table.map((row) => row.name.split(".")[0]))) assert.match(r.stdout, new RegExp(`^  ${ns}\\s`, "m"), ns);
    for (const cmd of ["token", "mock", "webhook verify", "help"]) assert.match(r.stdout, new RegExp(`^  ${cmd}`, "m"), cmd);
    assert.match(r.stdout, /HEYMARKET_SECRET_ID/);
    assert.equal((await cli(["help"])).stdout, r.stdout);
  });

  test("help <namespace> lists its methods with their endpoints", async () => {
    const r = await cli(["help", "contacts"]);
    assert.equal(r.code, 0);
    for (const row of table.filter((t) => t.name.startsWith("contacts."))) {
      assert.match(r.stdout, new RegExp(`^  ${row.name.split(".").slice(1).join(" ")}\\s+${row.method}\\s+${row.path.replace(/[{}]/g, "\\$&")}`, "m"), row.name);
    }
    assert.equal((await cli(["contacts", "--help"])).stdout, r.stdout);
  });

  test("help messages send: each field's type, required or not, body/query, the one-of group, retry", async () => {
    const r = await cli(["help", "messages", "send"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^heymarket messages send: POST \/v1\/message\/send$/m);
    assert.match(r.stdout, /^Usage: heymarket messages send --inbox_id <id> --creator_id <id> /m);
    assert.match(r.stdout, /^\s+--inbox_id <id>\s+id\s+required\s+body/m);
    assert.match(r.stdout, /^\s+--phone_number <phone>\s+phone\s+optional\s+body\s.*one of phone_number \| chat_id \| list_id \| targets/m);
    assert.match(r.stdout, /^\s+--private \[true\|false\]\s+boolean\s+optional\s+body/m);
    assert.match(r.stdout, /^Retry: local_id/m);
    const history = await cli(["help", "messages", "history"]);
    assert.match(history.stdout, /^\s+--phone_number <phone>\s+phone\s+required\s+query/m);
    const list = await cli(["help", "messages", "list"]);
    assert.match(list.stdout, /^\s+--order <value>\s+enum\s+optional\s+body\s+created_at \| updated_at/m);
    assert.match(list.stdout, /^Paging: the next request sends created_at = the last item's date/m);
  });

  test("every method of the table has a working --help (exit 0), the same as help <method>", async () => {
    assert.equal(table.length, 63);
    await pool(table, Math.max(4, availableParallelism()), async (row) => {
      const words = row.name.split(".");
      const r = await cli([...words, "--help"]);
      assert.equal(r.code, 0, `${row.name}: ${r.stderr}`);
      assert.equal(r.stderr, "");
      assert.ok(r.stdout.startsWith(`heymarket ${words.join(" ")}: ${row.method} ${row.path}\n`), row.name);
      assert.match(r.stdout, new RegExp(`^Usage: heymarket ${words.join(" ")}`, "m"));
      for (const p of row.params) assert.ok(r.stdout.includes(`<${p.name}>`), `${row.name} <${p.name}>`);
      for (const f of row.fields) assert.match(r.stdout, new RegExp(`--${f.name} .*\\s${f.type.replace(/[[\]]/g, "\\$&")}\\s+${f.required ? "required" : "optional"}\\s+${f.in}`), `${row.name} --${f.name}`);
      const again = await cli(["help", ...words]);
      assert.equal(again.stdout, r.stdout, `help ${words.join(" ")}`);
    });
  });
});

describe("token, mock, webhook", () => {
  test("token prints a JWT that verifies with HMAC-SHA256", async () => {
    const r = await cli(["token"], { env: { HEYMARKET_SECRET_ID: "id-7", HEYMARKET_SECRET_KEY: ENV_KEY } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, "");
    const jwt = r.stdout.trim();
    const [h, p, s] = jwt.split(".");
    assert.deepEqual(JSON.parse(Buffer.from(h, "base64url")), { alg: "HS256", typ: "JWT" });
    const payload = JSON.parse(Buffer.from(p, "base64url"));
    assert.equal(payload.iss, "id-7");
    assert.ok(Math.abs(payload.iat - Date.now() / 1000) < 60, "iat is now");
    // The API's key is "<secret id>||<secret key>" (as the mock checks it).
    assert.equal(createHmac("sha256", `id-7||${ENV_KEY}`).update(`${h}.${p}`).digest("base64url"), s, "the signature verifies");
    const none = await cli(["token"]);
    failed(none, 2, "invalid_argument");
  });

  test("mock --port 0: URL and credentials first, serves requests, SIGINT exits 0", async () => {
    const child = start(["mock", "--port", "0"]);
    let out = "";
    const first = await new Promise((resolve, reject) => {
      child.stdout.on("data", (d) => {
        out += d;
        if (out.includes("\n")) resolve(out.split("\n")[0]);
      });
      child.on("close", () => reject(new Error("mock exited early")));
    });
    const m = /^(http:\/\/127\.0\.0\.1:(\d+)) HEYMARKET_SECRET_ID=(\S+) HEYMARKET_SECRET_KEY=(\S+)$/.exec(first);
    assert.ok(m, first);
    assert.equal(m[3], secretId);
    assert.equal(m[4], secretKey);
    const hm = new Heymarket({ secretId: m[3], secretKey: m[4], baseUrl: m[1] });
    assert.deepEqual(await hm.conversations.get(conv.id), conv);
    const r = await cli(["tags", "get", "4001", "--json"], { env: { HEYMARKET_SECRET_ID: m[3], HEYMARKET_SECRET_KEY: m[4], HEYMARKET_BASE_URL: m[1] } });
    assert.equal(JSON.parse(r.stdout).id, 4001);
    child.kill("SIGINT");
    const done = await child.done;
    assert.equal(done.code, 0, done.stderr);
    assert.equal(done.signal, null);
  });

  const EVENT = { type: "message_sent", id: 987, token: "t", event_data: { id: 1, text: "héllo" } };

  test("webhook verify: a valid body prints the event (exit 0)", async () => {
    const r = await cli(["webhook", "verify", "--token", "t"], { input: JSON.stringify(EVENT) });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), EVENT);
    const compact = await cli(["webhook", "verify", "--token", "t", "--json"], { input: JSON.stringify(EVENT) });
    assert.equal(compact.stdout, `${JSON.stringify(EVENT)}\n`);
  });

  test("webhook verify: a wrong token is webhook_unauthorized (exit 3), a bad body webhook_invalid", async () => {
    const r = await cli(["webhook", "verify", "--token", "expected-token-abc"], { input: JSON.stringify(EVENT) });
    failed(r, 3, "webhook_unauthorized");
    assert.ok(!r.stderr.includes("expected-token-abc"));
    failed(await cli(["webhook", "verify", "--token", "t"], { input: "not json" }), 3, "webhook_invalid");
    failed(await cli(["webhook", "verify"], { input: "{}" }), 2, "invalid_argument");
  });
});

test("no stderr ever showed a secret or a JWT", () => {
  assert.ok(stderrs.length > 50);
  for (const s of stderrs) {
    for (const secret of [secretKey, ENV_KEY, "hunter2"]) assert.ok(!s.includes(secret), `stderr shows a secret: ${s}`);
    assert.doesNotMatch(s, /eyJ[\w-]+\.[\w-]+\./, "stderr shows a JWT");
  }
});
