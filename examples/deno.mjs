// Fetch one conversation from Deno.
//
//   deno run --allow-net=api.heymarket.com \
//     --allow-env=HEYMARKET_SECRET_ID,HEYMARKET_SECRET_KEY,HEYMARKET_BASE_URL \
//     examples/deno.mjs 123
//
// --allow-env is needed only because Heymarket.fromEnv() reads Deno.env; the
// .wasm loads without --allow-read. Outside a project with node_modules,
// import from "npm:heymarket-wasm" instead.
import { Heymarket, HeymarketError } from "heymarket-wasm";

const id = Number(Deno.args[0] ?? 123);
const hm = Heymarket.fromEnv();
try {
  const conversation = await hm.conversations.get(id);
  console.log(JSON.stringify(conversation));
} catch (err) {
  if (!(err instanceof HeymarketError)) throw err;
  console.error(`${err.code} (${err.status ?? "no status"}): ${err.message}`);
  Deno.exit(1);
}
