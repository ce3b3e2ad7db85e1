// The static limit for scripts/bench.ts: a plain Node HTTP server that answers
// every request with one file (the definition page's HTML, saved from the app),
// keep-alive, no framework. Whatever the app does on top of this costs throughput.
//   node scripts/bench/static-server.mjs FILE PORT
import http from "node:http";
import { readFileSync } from "node:fs";

const [file, port] = process.argv.slice(2);
const html = readFileSync(file);
const server = http.createServer((request, response) => {
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": html.length });
  response.end(html);
});
server.listen(Number(port), "127.0.0.1", () => console.log(`static: ${html.length} bytes on 127.0.0.1:${port}`));
// Ends with the benchmark, even if it dies without cleaning up (this process is
// then adopted by another parent).
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 1000);
