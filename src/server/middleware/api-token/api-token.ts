// Middleware: API requests (/api/…) identify with a short-lived bearer token instead of a session.
// A valid token sets the requester and the purpose it was issued for; anything else gets 401 as
// application/problem+json (RFC 9457). CSRF does not apply: no cookies are involved.

import type { MiddlewareHandler } from "hono";
import type { Requester } from "../../../disclosure/disclosure-gate.ts";
import { verifyApiToken } from "../../auth/api-token.ts";

export type ApiVariables = { requester: Requester; apiPurpose: string | undefined };

export interface ApiTokenOptions {
  key: Uint8Array | undefined;
  loadRequester: (userId: string) => Promise<Requester | null>;
  now: () => Date;
}

export function problem(status: number, title: string, detail?: string): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, ...(detail ? { detail } : {}) }), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
  });
}

export function apiToken(opts: ApiTokenOptions): MiddlewareHandler<{ Variables: ApiVariables }> {
  return async (c, next) => {
    const header = c.req.header("Authorization") ?? "";
    const m = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    if (!m || !opts.key) {
      return problem(401, "Niet ingelogd", "Stuur een geldig token mee: Authorization: Bearer TOKEN.");
    }
    const claims = await verifyApiToken(opts.key, m[1] as string, opts.now());
    const requester = claims ? await opts.loadRequester(claims.user) : null;
    if (!claims || !requester)
      return problem(
        401,
        "Token ongeldig",
        "Het token is verlopen, vervalst of de gebruiker is geblokkeerd.",
      );
    // Tokens are made by the server's operator (driehoek token), not by a password alone.
    c.set("requester", { ...requester, strongAuth: true });
    c.set("apiPurpose", claims.purpose);
    return next();
  };
}
