// verifyWebhook: every body form and every documented event type; the
// token check (401), the body check (400), bad options, and the expected
// token never shown.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { verifyWebhook } from "heymarket-wasm";
import { rejects } from "./helpers.mjs";

const TOKEN = "whk_9f3b2c71a0d84e56b1c2";
const TYPES = [
  "message_sent", "message_recieved", "message_received", "chat_reassigned", "chat_closed", "chat_opened", "chat_pending",
  "chat_transferred", "target_opt_out", "target_opt_in", "target_double_opt_in", "target_double_opt_restricted", "incoming_call",
];
const event = (type = "message_sent", extra = {}) => ({
  type,
  id: 987654,
  token: TOKEN,
  event_data: { id: 50001, text: "héllo ✓", conversation: { id: 123, inbox: 101 }, unknown_inner: [1, null] },
  extra_top_level: { kept: true },
  ...extra,
});
const encoder = new TextEncoder();
const FORMS = {
  string: (s) => s,
  Uint8Array: (s) => encoder.encode(s),
  ArrayBuffer: (s) => encoder.encode(s).buffer,
  "Uint8Array view at an offset": (s) => {
    const bytes = encoder.encode(`xxxx${s}yyyy`);
    return bytes.subarray(4, bytes.length - 4);
  },
  Buffer: (s) => Buffer.from(s),
  Request: (s) => new Request("https://example.com/hooks/heymarket", { method: "POST", body: s, headers: { "content-type": "application/json" } }),
};

/** Reject with `code`; the expected token never appears in the message or stack. */
async function refused(body, code, ...options) {
  const err = await rejects(verifyWebhook(body, ...(options.length ? options : [{ token: TOKEN }])), { code, ...(code.startsWith("webhook") ? { status: code === "webhook_unauthorized" ? 401 : 400 } : {}) });
  assert.ok(!err.message.includes(TOKEN), `the message shows the token: ${err.message}`);
  assert.ok(!String(err.stack).includes(TOKEN), "the stack shows the token");
  return err;
}

describe("verifyWebhook", () => {
  for (const [label, make] of Object.entries(FORMS)) {
    test(`a ${label} body resolves to the parsed event, unknown fields kept`, async () => {
      const e = event("message_recieved");
      const got = await verifyWebhook(make(JSON.stringify(e)), { token: TOKEN });
      assert.deepEqual(got, e);
      await refused(make(JSON.stringify({ ...e, token: "wrong" })), "webhook_unauthorized");
      await refused(make("not json"), "webhook_invalid");
    });
  }

  test("every documented event type passes, and so does an unknown one", async () => {
    for (const type of [...TYPES, "brand_new_event", ""]) {
      const got = await verifyWebhook(JSON.stringify(event(type)), { token: TOKEN });
      assert.equal(got.type, type);
      assert.deepEqual(got.event_data, event(type).event_data);
    }
  });

  test("a missing or wrong token is webhook_unauthorized (401)", async () => {
    const { token, ...without } = event();
    assert.equal(token, TOKEN);
    for (const body of [
      without,
      { ...without, token: null },
      { ...without, token: 12345 },
      { ...without, token: "" },
      { ...without, token: "wrong" },
      { ...without, token: TOKEN.slice(0, -1) },
      { ...without, token: `${TOKEN}x` },
      { ...without, token: TOKEN.toUpperCase() },
      { ...without, token: `${TOKEN.slice(0, -1)}3` },
      { ...without, token: ` ${TOKEN}` },
      { ...without, token: [TOKEN] },
    ]) {
      const err = await refused(JSON.stringify(body), "webhook_unauthorized");
      assert.match(err.message, /token/);
    }
  });

  test("a body that is not a JSON object with a string type is webhook_invalid (400)", async () => {
    for (const body of ["not json", "", "{", "[]", JSON.stringify([event()]), "null", "42", '"message_sent"', "true", JSON.stringify({ ...event(), type: 5 }), JSON.stringify({ ...event(), type: null }), JSON.stringify({ token: TOKEN })]) {
      await refused(body, "webhook_invalid");
    }
    await refused(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), "webhook_invalid");
    // An object without a token is unauthenticated before it is anything else.
    await refused("{}", "webhook_unauthorized");
  });

  test("options without a token are invalid_argument", async () => {
    const body = JSON.stringify(event());
    for (const options of [undefined, null, {}, { token: "" }, { token: 5 }, { token: null }, "tok", { token: TOKEN, extra: 1 }]) {
      await refused(body, "invalid_argument", options);
    }
    await rejects(verifyWebhook(body), { code: "invalid_argument", message: /^verifyWebhook: options must be an object/ });
  });

  test("a body of another kind is refused, not parsed", async () => {
    for (const body of [undefined, null, 42, { type: "message_sent", token: TOKEN }]) {
      const err = await verifyWebhook(body, { token: TOKEN }).then(() => assert.fail("expected a rejection"), (e) => e);
      assert.ok(["invalid_argument", "webhook_invalid"].includes(err.code), `${JSON.stringify(body)}: ${err.code}`);
      assert.ok(!err.message.includes(TOKEN));
    }
  });

  test("a Request whose body was already read is webhook_invalid", async () => {
    const req = new Request("https://example.com/hook", { method: "POST", body: JSON.stringify(event()) });
    await req.text();
    await refused(req, "webhook_invalid");
  });

  test("verifying many deliveries concurrently keeps each its own", async () => {
    const bodies = TYPES.map((type, i) => JSON.stringify(event(type, { id: i })));
    const got = await Promise.all(bodies.map((b) => verifyWebhook(b, { token: TOKEN })));
    assert.deepEqual(got.map((e) => [e.type, e.id]), TYPES.map((t, i) => [t, i]));
  });
});
