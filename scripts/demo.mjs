// `npm run demo`: fetch a conversation through the package.
//   - by default against the built-in local Heymarket mock on 127.0.0.1;
//   - against the real API when HEYMARKET_SECRET_ID and HEYMARKET_SECRET_KEY
//     are set (and --mock is not given). Pass the conversation id as the first
//     argument or in HEYMARKET_CONVERSATION_ID.
import { Heymarket, HeymarketError, VERSION } from "../js/node.mjs";
import { createMockHeymarket, FIXTURE_CREDENTIALS, CONVERSATIONS } from "../js/mock.mjs";

const args = process.argv.slice(2);
const forceMock = args.includes("--mock");
const idArg = args.find((a) => !a.startsWith("--")) ?? process.env.HEYMARKET_CONVERSATION_ID;
const { HEYMARKET_SECRET_ID: secretId, HEYMARKET_SECRET_KEY: secretKey } = process.env;
const live = Boolean(secretId && secretKey) && !forceMock;

async function main() {
  console.log(`heymarket-wasm ${VERSION} demo (${live ? "live API" : "local mock"})`);
  if (live) {
    if (!idArg) {
      console.error("Set HEYMARKET_CONVERSATION_ID (or pass an id) to fetch a conversation from the real API.");
      process.exitCode = 2;
      return;
    }
    const hm = new Heymarket({ secretId, secretKey });
    show(await hm.conversations.get(Number(idArg)));
    return;
  }

  const mock = createMockHeymarket();
  const server = await mock.listen();
  try {
    console.log(`mock Heymarket listening on ${server.url}`);
    const hm = new Heymarket({ ...FIXTURE_CREDENTIALS, baseUrl: server.url });
    const id = idArg ? Number(idArg) : CONVERSATIONS[0].id;
    show(await hm.conversations.get(id));
    const [req] = mock.requests;
    console.log(`\n${req.method} ${req.path}: JWT ${req.auth.valid ? "verified" : "REJECTED"} by the mock (iss ${req.auth.payload?.iss}), user-agent ${req.headers["user-agent"]}`);
    const err = await hm.conversations.get(999999).catch((e) => e);
    console.log(`and a missing one: ${err.name} code=${err.code} status=${err.status} requestId=${err.requestId}`);
  } finally {
    await server.close();
  }
}

function show(conversation) {
  console.log(`\nconversation ${conversation.id}:`);
  console.log(JSON.stringify(conversation, null, 2));
}

main().catch((e) => {
  if (e instanceof HeymarketError) console.error(`${e.name} [${e.code}${e.status ? ` ${e.status}` : ""}] ${e.message}${e.requestId ? ` (request ${e.requestId})` : ""}`);
  else console.error(e);
  process.exitCode = 1;
});
