// A Node backend route: GET /conversations/:id answers the conversation as JSON.
//
//   HEYMARKET_SECRET_ID=… HEYMARKET_SECRET_KEY=… PORT=3000 node examples/node-server.mjs
import { createServer } from "node:http";
import { Heymarket, HeymarketError } from "heymarket-wasm";

const hm = Heymarket.fromEnv(); // one client for the whole process

const server = createServer(async (req, res) => {
  const match = /^\/conversations\/(\d+)$/.exec(req.url ?? "");
  if (req.method !== "GET" || !match) {
    res.writeHead(404).end();
    return;
  }
  try {
    const conversation = await hm.conversations.get(Number(match[1]));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(conversation));
  } catch (err) {
    if (!(err instanceof HeymarketError)) throw err;
    const status = err.code === "not_found" ? 404 : err.code === "invalid_argument" ? 400 : 502;
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ error: err.code, requestId: err.requestId }));
  }
});

server.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
