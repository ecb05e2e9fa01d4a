// Cold start, measured inside a fresh process: from just before the dynamic
// import until the first signed token (and, for the client, until the first
// request's result through an in-process fetch).
const which = process.argv[2];
const secretId = "cold-id";
const secretKey = "cold-key-0123456789";
const iat = 1_700_000_000;
const body = JSON.stringify({ id: 123 });
const t0 = performance.now();
let token;
let firstResult;
if (which.startsWith("heymarket-wasm")) {
  // "heymarket-wasm (before)": the build in HM_BENCH_BEFORE (see run.mjs --before).
  const entry = which === "heymarket-wasm" ? "../dist/node.mjs" : `${process.env.HM_BENCH_BEFORE}/dist/node.mjs`;
  const { signJwt, Heymarket } = await import(entry);
  token = signJwt({ secretId, secretKey, iat });
  firstResult = performance.now();
  // A minimal response object: a real `Response` would make Node load its
  // fetch implementation (undici, ~25 ms) on first use, which is Node's cost,
  // not the client's. It carries a Content-Length, as a server's answer does
  // (without one the client streams the body under its size cap).
  const headers = { "content-length": String(body.length) };
  const response = { status: 200, headers: { get: (name) => headers[name] ?? null }, json: async () => JSON.parse(body) };
  const hm = new Heymarket({ secretId, secretKey, fetch: async () => response });
  if ((await hm.conversations.get(123)).id !== 123) throw new Error("bad result");
} else if (which === "jose") {
  const { SignJWT } = await import("jose");
  token = await new SignJWT({ iss: secretId, iat }).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(new TextEncoder().encode(`${secretId}||${secretKey}`));
} else if (which === "fast-jwt") {
  const { createSigner } = await import("fast-jwt");
  token = createSigner({ key: `${secretId}||${secretKey}`, algorithm: "HS256" })({ iss: secretId, iat });
} else throw new Error(`unknown candidate ${which}`);
const tokenMs = (firstResult ?? performance.now()) - t0;
const requestMs = firstResult ? performance.now() - t0 : undefined;
console.log(JSON.stringify({ token, tokenMs, requestMs }));
