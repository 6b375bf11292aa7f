// Middleware: doelbinding. Pages that show data need a purpose chosen for this session; without
// one the user is sent to choose it first (and comes back to the page asked).

import type { MiddlewareHandler } from "hono";
import { isPublic } from "../authentication/authentication.ts";
import type { SessionVariables } from "../session/session.ts";

export interface PurposeOptions {
  /** Paths (exact) or prefixes ending in "/" that show no data and need no purpose. */
  exempt: string[];
  /** Where the purpose is chosen; default "/doel". */
  choosePath?: string;
}

export function requirePurpose(opts: PurposeOptions): MiddlewareHandler<{ Variables: SessionVariables }> {
  const choosePath = opts.choosePath ?? "/doel";
  return async (c, next) => {
    const path = c.req.path;
    if (path === choosePath || isPublic(path, opts.exempt)) {
      return next();
    }
    if (c.get("session")?.purpose) return next();
    const back =
      c.req.method === "GET" ? `?terug=${encodeURIComponent(path + (new URL(c.req.url).search || ""))}` : "";
    return c.redirect(`${choosePath}${back}`, 303);
  };
}
