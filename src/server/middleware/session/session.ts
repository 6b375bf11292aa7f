// Middleware: finds the browser's session from its cookie (HttpOnly, SameSite=Lax, Secure
// behind TLS) and puts it on the context; `startSession` gives a browser without one a new one.

import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Session, SessionStore } from "./session-store.ts";

export interface SessionOptions {
  store: SessionStore;
  /** Cookie name; default "driehoek-sessie". */
  cookie?: string;
  /** Mark the cookie Secure (send it over HTTPS only); true in production behind TLS. */
  secure: boolean;
}

export type SessionVariables = { session: Session | undefined; sessions: SessionHandle };

/** What handlers do with sessions: start one, switch to a fresh one, end it. */
export interface SessionHandle {
  start(c: Context): Session;
  rotate(c: Context, from: Session, userId: string | null, strong?: boolean): Session;
  end(c: Context, session: Session): void;
}

export function session(opts: SessionOptions): MiddlewareHandler<{ Variables: SessionVariables }> {
  const name = opts.cookie ?? "driehoek-sessie";
  const write = (c: Context, s: Session) =>
    // Lax, not Strict: the identity provider sends the browser back with a cross-site GET, which
    // must carry the session. Forms are protected by their token and the Origin check.
    setCookie(c, name, s.id, { httpOnly: true, sameSite: "Lax", secure: opts.secure, path: "/" });
  const handle: SessionHandle = {
    start(c) {
      const s = opts.store.create();
      write(c, s);
      c.set("session", s);
      return s;
    },
    rotate(c, from, userId, strong) {
      const s = opts.store.rotate(from, userId, strong);
      write(c, s);
      c.set("session", s);
      return s;
    },
    end(c, s) {
      opts.store.destroy(s.id);
      deleteCookie(c, name, { path: "/", secure: opts.secure });
      c.set("session", undefined);
    },
  };
  return async (c, next) => {
    c.set("sessions", handle);
    c.set("session", opts.store.get(getCookie(c, name)));
    await next();
  };
}
