// Serves a Hono app over HTTP with @hono/node-server. Port 0 picks a free port.

import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";

export interface RunningServer {
  /** Base URL without trailing slash, e.g. "http://127.0.0.1:43123". */
  url: string;
  close(): Promise<void>;
}

export function startServer(
  app: Pick<Hono, "fetch">,
  options: { port: number; hostname?: string },
): Promise<RunningServer> {
  const hostname = options.hostname ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname }, (info: AddressInfo) => {
      server.off("error", reject);
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            if ("closeAllConnections" in server) server.closeAllConnections();
            server.close((err?: Error) => (err ? fail(err) : done()));
          }),
      });
    });
    server.once("error", reject);
  });
}
