import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Hono } from "hono";
import { startServer } from "./serve.ts";

describe("startServer", () => {
  it("serves on a free port and closes", async () => {
    const app = new Hono().get("/health", (c) => c.json({ status: "ok" }));
    const server = await startServer(app, { port: 0 });
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/health`);
    assert.deepEqual(await res.json(), { status: "ok" });
    await server.close();
    await assert.rejects(fetch(`${server.url}/health`));
  });

  it("rejects when the port is taken", async () => {
    const app = new Hono();
    const first = await startServer(app, { port: 0 });
    const port = Number(new URL(first.url).port);
    await assert.rejects(startServer(app, { port }), /EADDRINUSE/);
    await first.close();
  });
});
