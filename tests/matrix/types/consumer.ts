// Type-checked with tsc --strict against the installed tarball: every public
// type in use, as a TypeScript user would write it.
import {
  Heymarket,
  HeymarketError,
  signJwt,
  VERSION,
  type Conversation,
  type HeymarketErrorCode,
  type HeymarketOptions,
  type RequestOptions,
} from "heymarket-wasm";
import { createMockHeymarket, FIXTURE_CREDENTIALS, type MockHeymarket, type MockStep } from "heymarket-wasm/mock";

const mock: MockHeymarket = createMockHeymarket();
const step: MockStep = { status: 429, headers: { "retry-after": "0" }, times: 1 };
mock.script(step);

const options: HeymarketOptions = { ...FIXTURE_CREDENTIALS, fetch: mock.fetch, timeoutMs: 5_000, maxRetries: 1 };
const hm = new Heymarket(options);
const fromEnv: Heymarket = Heymarket.fromEnv({ HEYMARKET_SECRET_ID: "id", HEYMARKET_SECRET_KEY: "key" }, { maxRetries: 0 });
// A Worker's `env` as `wrangler types` declares it: an interface, without an index signature.
interface Env {
  HEYMARKET_SECRET_ID: string;
  HEYMARKET_SECRET_KEY: string;
}
export const fromWorkerEnv = (env: Env): Heymarket => Heymarket.fromEnv(env);
const perCall: RequestOptions = { signal: new AbortController().signal, timeoutMs: 1_000 };

function describe(code: HeymarketErrorCode): string {
  switch (code) {
    case "not_found":
      return "missing";
    case "rate_limited":
    case "server_error":
      return "try later";
    default:
      return code;
  }
}

export async function main(): Promise<string> {
  const conversation: Conversation = await hm.conversations.get(123, perCall);
  const id: number = conversation.id;
  const target: string | null | undefined = conversation.target;
  const members = conversation.members ?? [];
  const firstMember: number | undefined = members[0]?.id;
  const extra: unknown = conversation["some_future_field"];
  try {
    await fromEnv.conversations.get(1);
  } catch (err) {
    if (err instanceof HeymarketError) {
      const code: HeymarketErrorCode = err.code;
      const status: number | undefined = err.status;
      const requestId: string | undefined = err.requestId;
      const retryAfterMs: number | undefined = err.retryAfterMs;
      return `${describe(code)} ${status} ${requestId} ${retryAfterMs} ${err.toJSON().message}`;
    }
  }
  const token: string = signJwt({ secretId: "id", secretKey: "key", iat: 1 });
  return `${VERSION} ${id} ${target} ${firstMember} ${String(extra)} ${token} ${hm.baseUrl}`;
}
