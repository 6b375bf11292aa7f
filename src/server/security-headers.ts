// Security headers on every response: a Content-Security-Policy without inline scripts or inline
// styles, no framing, no MIME sniffing, no referrer to other sites, and HSTS behind TLS. A route may add one named
// origin for images and fetches (the Kaart's configured background map, `allowInCsp`); nothing else
// can widen the policy.

import type { Context, MiddlewareHandler } from "hono";

/** Origins a response adds to the policy (only https origins, no paths or wildcards). */
export interface CspAdditions {
  /** Extra origins for fetch/XHR (connect-src) and images (img-src), e.g. map tiles. */
  tiles?: readonly string[];
}

const ORIGIN = /^https:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

/** The policy, with the additions (each checked to be a plain https origin). */
export function contentSecurityPolicy(add: CspAdditions = {}): string {
  const tiles = [...new Set(add.tiles ?? [])];
  for (const o of tiles)
    if (!ORIGIN.test(o)) throw new RangeError(`geen geldige https-origin voor de CSP: ${o}`);
  const extra = tiles.map((o) => ` ${o}`).join("");
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // The Utrecht CSS draws a few icons as data: SVG images.
    `img-src 'self' data:${extra}`,
    "font-src 'self'",
    // The map's data (/kaart/gegevens) and, when configured, the background map's tiles.
    `connect-src 'self'${extra}`,
    // maplibre-gl's worker is a file of its own (/static/maplibre-gl-worker.js), no blob: workers.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  // Not "no-referrer": with it, browsers send `Origin: null` on this site's own forms, and the
  // anti-forgery check needs the real origin. "same-origin" still tells other sites nothing.
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

const ADDITIONS = "cspAdditions";

/** Lets this response's policy allow `add` as well (checked when the headers are set). */
export function allowInCsp(c: Context, add: CspAdditions): void {
  c.set(ADDITIONS as never, add as never);
}

/** Browsers that saw the site over TLS use only TLS for it for a year (HSTS). */
export const HSTS = "max-age=31536000; includeSubDomains";

/** `tls`: the site is served over TLS (behind a proxy, DRIEHOEK_HTTPS=1): add HSTS. */
export function securityHeaders(opts: { tls?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    // Never over plain http: a browser would remember it for a site that cannot give TLS.
    if (opts.tls) c.res.headers.set("Strict-Transport-Security", HSTS);
    const add = c.get(ADDITIONS as never) as CspAdditions | undefined;
    if (add) c.res.headers.set("Content-Security-Policy", contentSecurityPolicy(add));
  };
}
