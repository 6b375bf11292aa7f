// The web bench's load client, in a process of its own so its work does not compete with the
// server's event loop: TOTAL requests for URL, CONCURRENCY at a time over kept-alive connections,
// each with the session cookie (from the environment: BENCH_COOKIE), every response read to the
// end. Usage: node --import tsx bench/web-load-client.ts URL TOTAL CONCURRENCY
// -> one JSON line: { requests, ms, perSecond, bytes, notOk: { status: count } }.

import { Agent, request } from "node:http";

const [url, totalArg, concurrencyArg] = process.argv.slice(2);
if (!url || !totalArg || !concurrencyArg) throw new Error("usage: web-load-client URL TOTAL CONCURRENCY");
const total = Number(totalArg);
const concurrency = Number(concurrencyArg);
const cookie = process.env.BENCH_COOKIE ?? "";
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

/** One GET, read to the end: its status and body size. */
const get = () =>
  new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    const req = request(url, { agent, headers: cookie ? { Cookie: cookie } : {} }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });

let started = 0;
let done = 0;
let bytes = 0;
const notOk: Record<string, number> = {};
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (started < total) {
      started++;
      const res = await get();
      done++;
      bytes += res.bytes;
      if (res.status !== 200) notOk[res.status] = (notOk[res.status] ?? 0) + 1;
    }
  }),
);
const ms = performance.now() - t0;
agent.destroy();
process.stdout.write(
  `${JSON.stringify({ requests: done, ms, perSecond: done / (ms / 1000), bytes, notOk })}\n`,
);
