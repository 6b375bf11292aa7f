// Middleware: one log line per request (pino): method, path without the query (a query may hold an
// address), status, time taken and the logged-in user, for operations and security. What was
// disclosed is in the verstrekkingenregister, not here.

import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";

export interface RequestLogOptions {
  logger: Pick<Logger, "info" | "warn" | "error">;
  /** Milliseconds for the time taken; default performance.now. */
  clock?: () => number;
}

export function requestLog(opts: RequestLogOptions): MiddlewareHandler {
  const clock = opts.clock ?? (() => performance.now());
  return async (c, next) => {
    const start = clock();
    let failed = false;
    try {
      await next();
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      const status = failed ? 500 : c.res.status;
      const session = c.get("session") as { userId?: string | null } | undefined;
      const line = {
        method: c.req.method,
        path: c.req.path,
        status,
        ms: Math.round((clock() - start) * 10) / 10,
        user: session?.userId ?? undefined,
      };
      if (status >= 500) opts.logger.error(line, "verzoek mislukt");
      else if (status >= 400) opts.logger.warn(line, "verzoek geweigerd of fout");
      else opts.logger.info(line, "verzoek");
    }
  };
}
