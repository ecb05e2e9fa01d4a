// The CommonJS view of the same types (require condition → dist/index.d.cts).
import hm = require("heymarket-wasm");
import mock = require("heymarket-wasm/mock");

const client: hm.Heymarket = new hm.Heymarket({ ...mock.FIXTURE_CREDENTIALS, fetch: mock.createMockHeymarket().fetch });
export const pending: Promise<hm.Conversation> = client.conversations.get(1);
export const code: hm.HeymarketErrorCode = "timeout";
