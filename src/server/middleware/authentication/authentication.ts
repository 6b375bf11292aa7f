// Middleware: deny by default. Every request needs a logged-in session, except the paths given as
// public (login page, health check, stylesheets). Puts the requester (user, roles, organisation)
// on the context, re-read from the store at most every `refreshMs` so a blocked user is out soon.

import type { MiddlewareHandler } from "hono";
import type { Requester } from "../../../disclosure/disclosure-gate.ts";
import { problem } from "../api-token/api-token.ts";
import type { SessionVariables } from "../session/session.ts";

export interface AuthenticationOptions {
  /** Paths (exact) or prefixes ending in "/" that need no login. */
  publicPaths: string[];
  /** The requester for a user id, or null when the user no longer exists or is blocked. */
  loadRequester: (userId: string) => Promise<Requester | null>;
  now: () => Date;
  /** Default 60 s. */
  refreshMs?: number;
  /** Where the login page is; default "/inloggen". */
  loginPath?: string;
}

export type AuthVariables = SessionVariables & { requester: Requester };

/** Whether `path` is one of `paths` (exact) or under one ending in "/". */
export function isPublic(path: string, publicPaths: readonly string[]): boolean {
  return publicPaths.some((p) => (p.endsWith("/") ? path.startsWith(p) : path === p));
}

export function requireLogin(opts: AuthenticationOptions): MiddlewareHandler<{ Variables: AuthVariables }> {
  const refreshMs = opts.refreshMs ?? 60_000;
  const loginPath = opts.loginPath ?? "/inloggen";
  const cache = new Map<string, { requester: Requester; at: number }>();
  return async (c, next) => {
    if (isPublic(c.req.path, opts.publicPaths)) return next();
    const s = c.get("session");
    if (s?.userId) {
      const t = opts.now().getTime();
      let hit = cache.get(s.id);
      if (!hit || t - hit.at > refreshMs) {
        const requester = await opts.loadRequester(s.userId);
        if (requester) {
          hit = { requester, at: t };
          if (cache.size >= 10_000) cache.delete(cache.keys().next().value as string); // ended sessions
          cache.set(s.id, hit);
        } else {
          cache.delete(s.id);
          c.get("sessions").end(c, s);
          hit = undefined;
        }
      }
      if (hit) {
        c.set("requester", { ...hit.requester, strongAuth: s.strong });
        return next();
      }
    }
    if (c.req.path.startsWith("/api/")) return problem(401, "Niet ingelogd");
    const back =
      c.req.method === "GET"
        ? `?terug=${encodeURIComponent(c.req.path + (new URL(c.req.url).search || ""))}`
        : "";
    return c.redirect(`${loginPath}${back}`, 303);
  };
}
