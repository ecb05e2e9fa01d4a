// Shared by the mock's suites: tokens built with node:crypto, independently
// of both the client and the mock.
import { createHmac } from "node:crypto";
import { FIXTURE_CREDENTIALS } from "heymarket-wasm/mock";

export const { secretId, secretKey } = FIXTURE_CREDENTIALS;
export const b64 = (v) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");

/** An HS256 token as Heymarket expects it (or as told: another header, payload or key). */
export function jwt({ header = { alg: "HS256", typ: "JWT" }, payload, key = `${secretId}||${secretKey}` } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const h = b64(header);
  const p = b64(payload ?? { iss: secretId, iat: now });
  return `${h}.${p}.${createHmac("sha256", key).update(`${h}.${p}`).digest("base64url")}`;
}
