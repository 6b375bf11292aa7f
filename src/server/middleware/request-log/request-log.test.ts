// The request log through a real pino logger into a stream: one line per request with method, path
// (no query), status, time and user; failures logged as errors; the answer itself unchanged.

import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { describe, it } from "node:test";
import { Hono } from "hono";
import pino from "pino";
import { requestLog } from "./request-log.ts";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n")) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, logger: pino({ base: null }, stream) };
}

describe("request log", () => {
  it("logs method, path without query, status, time and user; errors as errors", async () => {
    const { lines, logger } = capture();
    let t = 0;
    const app = new Hono<{ Variables: { session: { userId: string | null } } }>();
    app.use("*", requestLog({ logger, clock: () => (t += 12.5) }));
    app.use("*", async (c, next) => {
      c.set("session", { userId: c.req.header("X-User") ?? null });
      await next();
    });
    app.get("/ok", (c) => c.text("hallo"));
    app.get("/kapot", () => {
      throw new Error("stuk");
    });
    app.onError((_err, c) => c.text("fout", 500));

    const res = await app.request("/ok?adres=Dorpsstraat%201", { headers: { "X-User": "burgemeester.a" } });
    assert.equal(await res.text(), "hallo");
    assert.equal((await app.request("/nergens")).status, 404);
    assert.equal((await app.request("/kapot")).status, 500);
    await new Promise((r) => setImmediate(r));

    assert.equal(lines.length, 3);
    assert.deepEqual(
      lines.map((l) => [l.level, l.method, l.path, l.status, l.ms, l.user]),
      [
        [30, "GET", "/ok", 200, 12.5, "burgemeester.a"],
        [40, "GET", "/nergens", 404, 12.5, undefined],
        [50, "GET", "/kapot", 500, 12.5, undefined],
      ],
    );
    assert.ok(!JSON.stringify(lines).includes("Dorpsstraat"), "no query in the log");
  });
});
