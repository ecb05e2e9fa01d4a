// A minimal Heymarket stand-in for the request benchmark, run in its own
// process so that it does not share the client's event loop. It answers the
// fixture conversation without verifying tokens, to stay out of the way.
import { createServer } from "node:http";
import { CONVERSATIONS } from "../js/fixtures.mjs";

const body = JSON.stringify(CONVERSATIONS[0]);
let n = 0;
const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "x-request-id": `req_${++n}`, "content-length": Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
