// The `heymarket` CLI's commands that are not API methods: `token`,
// `mock` and `webhook verify`.
import { UsageError, parseCommand, parseScalar, COMMANDS } from "./cli-args.mjs";
import { write } from "./cli-output.mjs";

const loadMock = () => import("./mock.mjs");

/** `heymarket token [--mock]`: a fresh JWT on stdout. */
export async function token(lib, argv, io) {
  const { values } = parseCommand(argv, COMMANDS.token.flags, { command: "token" });
  let credentials;
  if (values.mock) credentials = (await loadMock()).FIXTURE_CREDENTIALS;
  else {
    const secretId = io.env.HEYMARKET_SECRET_ID;
    const secretKey = io.env.HEYMARKET_SECRET_KEY;
    if (!secretId || !secretKey) {
      const missing = ["HEYMARKET_SECRET_ID", "HEYMARKET_SECRET_KEY"].filter((_, i) => ![secretId, secretKey][i]);
      throw new UsageError(`token: ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set in the environment (a legacy HEYMARKET_API_KEY is not a JWT key)`);
    }
    credentials = { secretId, secretKey };
  }
  await write(io.stdout, `${lib.signJwt(credentials)}\n`);
  return 0;
}

/** `heymarket mock [--port N]`: serve the mock until SIGINT/SIGTERM. */
export async function mock(lib, argv, io) {
  const { values } = parseCommand(argv, COMMANDS.mock.flags, { command: "mock" });
  const port = values.port === undefined ? 0 : parseScalar("integer", values.port, "--port");
  if (port < 0 || port > 65535) throw new UsageError(`--port expects 0 to 65535, got ${port}`);
  const { createMockHeymarket, FIXTURE_CREDENTIALS } = await loadMock();
  const m = createMockHeymarket();
  const handle = m.handle;
  m.handle = async (request) => {
    const response = await handle.call(m, request);
    const { pathname, search } = new URL(request.url);
    io.stderr.write(`${request.method} ${pathname}${search} ${response.status}\n`);
    return response;
  };
  let server;
  try {
    server = await m.listen({ port });
  } catch (cause) {
    throw Object.assign(new Error(`could not listen on 127.0.0.1:${port}: ${cause?.code ?? cause?.message ?? cause}`), { code: "network" });
  }
  const stopped = new Promise((resolve) => {
    io.process.once("SIGINT", resolve);
    io.process.once("SIGTERM", resolve);
  });
  await write(io.stdout, `${server.url} HEYMARKET_SECRET_ID=${FIXTURE_CREDENTIALS.secretId} HEYMARKET_SECRET_KEY=${FIXTURE_CREDENTIALS.secretKey}\n`);
  io.stderr.write(`mock Heymarket API on ${server.url}: set HEYMARKET_BASE_URL and the credentials above; Ctrl-C stops it\n`);
  await stopped;
  await server.close();
  return 0;
}

/** The whole of stdin as bytes. */
async function readAll(stdin) {
  const chunks = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    chunks.push(bytes);
    size += bytes.length;
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) all.set(c, (at += c.length) - c.length);
  return all;
}

/** `heymarket webhook verify --token T`: the verified event from the body on stdin. */
export async function webhook(lib, argv, io, words) {
  if (words[1] !== "verify") {
    throw new UsageError(words[1] === undefined ? "webhook needs a command: heymarket webhook verify --token T" : `unknown command "webhook ${words[1]}" (see heymarket help webhook)`);
  }
  const { values, positionals } = parseCommand(argv, COMMANDS.webhook.sub.verify.flags, { command: "webhook verify" });
  if (positionals.length > 2) throw new UsageError(`webhook verify takes no arguments (the body is read on stdin), got an extra ${JSON.stringify(positionals[2])}`);
  if (values.token === undefined) throw new UsageError("webhook verify needs --token T (the webhook's token)");
  io.secrets.push(values.token);
  if (io.stdin.isTTY) io.stderr.write("reading the webhook body on stdin (end with Ctrl-D)…\n");
  const body = await readAll(io.stdin);
  const event = await lib.verifyWebhook(body, { token: values.token });
  await write(io.stdout, `${values.json ? JSON.stringify(event) : JSON.stringify(event, null, 2)}\n`);
  return 0;
}
