// Helpers for the client suites (client*.test.mjs), which tests/run-js.mjs
// also runs through the CommonJS entry: they take the package's classes from
// the suite, so each run exercises the entry its suite imported.
import assert from "node:assert/strict";
import { createServer } from "node:net";

/** `setup()` and `rejects()` over the given entry's classes. */
export function clientHelpers({ Heymarket, HeymarketError, createMockHeymarket, FIXTURE_CREDENTIALS }) {
  const { secretId, secretKey } = FIXTURE_CREDENTIALS;
  function setup(options = {}) {
    const mock = createMockHeymarket();
    const hm = new Heymarket({ secretId, secretKey, fetch: mock.fetch, ...options });
    return { mock, hm };
  }
  async function rejects(promise, fields) {
    const err = await promise.then(
      () => assert.fail("expected a rejection"),
      (e) => e,
    );
    assert.ok(err instanceof HeymarketError, `not a HeymarketError: ${err}`);
    assert.ok(err instanceof Error);
    assert.equal(err.name, "HeymarketError");
    for (const [k, v] of Object.entries(fields)) {
      if (v instanceof RegExp) assert.match(err[k], v, k);
      else assert.equal(err[k], v, k);
    }
    return err;
  }
  return { setup, rejects };
}

/** A port on 127.0.0.1 with nothing listening. */
export async function closedPort() {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}
