// JWT mint: one process (Node 20 or 22) measures every signer, interleaved
// round by round, after checking each token is byte-identical to the baseline.
import { createHmac, webcrypto } from "node:crypto";
import { createRequire } from "node:module";
import { signJwt } from "../dist/node.mjs";
import { interleave } from "./lib.mjs";

const require = createRequire(import.meta.url);
const jose = await import("jose");
const { createSigner } = require("fast-jwt");
const jsonwebtoken = require("jsonwebtoken");

const smoke = process.argv.includes("--smoke");
const secretId = "74f80a77-1c2b-4e1a-9a3b-2c5d6e7f8a9b";
const secretKey = "cPQku7xYzAbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnop"; // 82-byte signing key, like real ones
const key = `${secretId}||${secretKey}`;
const keyBytes = new TextEncoder().encode(key);
const HEADER = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url");

// The baseline: a careful hand-written node:crypto signer.
const baseline = (iat) => {
  const data = `${HEADER}.${Buffer.from(JSON.stringify({ iss: secretId, iat })).toString("base64url")}`;
  return `${data}.${createHmac("sha256", key).update(data).digest("base64url")}`;
};
const fast = createSigner({ key, algorithm: "HS256" }); // keeps the payload's own iat
const joseKey = keyBytes;
const subtleKey = await webcrypto.subtle.importKey("raw", keyBytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);

const sync = {
  "node:crypto (baseline)": baseline,
  "heymarket-wasm signJwt": (iat) => signJwt({ secretId, secretKey, iat }),
  "fast-jwt": (iat) => fast({ iss: secretId, iat }),
  jsonwebtoken: (iat) => jsonwebtoken.sign({ iss: secretId, iat }, key, { algorithm: "HS256" }),
};
const async = {
  "jose SignJWT": (iat) => new jose.SignJWT({ iss: secretId, iat }).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(joseKey),
  "WebCrypto subtle.sign": async (iat) => {
    const data = `${HEADER}.${Buffer.from(JSON.stringify({ iss: secretId, iat })).toString("base64url")}`;
    const sig = await webcrypto.subtle.sign("HMAC", subtleKey, new TextEncoder().encode(data));
    return `${data}.${Buffer.from(sig).toString("base64url")}`;
  },
};

// Correctness: byte-identical tokens for varied iats.
const identical = {};
for (const [name, f] of Object.entries({ ...sync, ...async })) {
  let same = true;
  for (const iat of [2, 1, 1700000000, 1732492800, 9007199254740991]) same &&= (await f(iat)) === baseline(iat);
  identical[name] = same;
}

let iat = 1_700_000_000; // varied per call so nothing can cache a token
const opsPerSec = async (name) => {
  const f = sync[name] ?? async[name];
  const isAsync = name in async;
  const budgetMs = smoke ? 20 : 300;
  let n = 0;
  const t0 = performance.now();
  let t;
  do {
    if (isAsync) for (let i = 0; i < 200; i++) await f(iat++);
    else for (let i = 0; i < 2000; i++) f(iat++);
    n += isAsync ? 200 : 2000;
    t = performance.now() - t0;
  } while (t < budgetMs);
  return (n / t) * 1000;
};
// warm up
for (const name of [...Object.keys(sync), ...Object.keys(async)]) await opsPerSec(name);
const results = await interleave([...Object.keys(sync), ...Object.keys(async)], {
  rounds: smoke ? 2 : 7,
  baseline: "node:crypto (baseline)",
  measure: opsPerSec,
});
console.log(JSON.stringify({ node: process.version, identical, results }));
