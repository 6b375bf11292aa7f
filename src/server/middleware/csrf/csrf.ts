// Middleware: every form that changes something carries the session's anti-forgery token, and the
// browser's Origin (when it sends one) is this site. A request without both is refused (403).

import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { SessionVariables } from "../session/session.ts";

export const CSRF_FIELD = "_csrf";

/**
 * `publicOrigin`: the site's own origin as browsers see it (e.g. https://driehoek.gemeente.nl
 * behind a TLS proxy); default: the origin of the request as it reaches the server.
 */
export function csrfProtection(
  opts: { publicOrigin?: string } = {},
): MiddlewareHandler<{ Variables: SessionVariables }> {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const origin = c.req.header("Origin");
    if (origin !== undefined && origin !== (opts.publicOrigin ?? new URL(c.req.url).origin)) return refuse();
    const s = c.get("session");
    const type = c.req.header("Content-Type") ?? "";
    if (
      !s ||
      !(type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))
    ) {
      return refuse();
    }
    // `all: true`: forms with repeated fields (several roles) keep every value; Hono caches this
    // first parse for the handlers.
    const body = await c.req.parseBody({ all: true });
    if (typeof body[CSRF_FIELD] !== "string" || !sameToken(body[CSRF_FIELD], s.csrf)) return refuse();
    return next();

    function refuse() {
      c.header("Cache-Control", "no-store");
      return c.text(
        "Dit formulier is verlopen of komt niet van deze website. Ga terug en probeer het opnieuw.",
        403,
      );
    }
  };
}

/** Compares in time independent of where the strings differ. */
function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
