// The Content-Security-Policy: strict by default (no inline scripts or styles, workers and fetches
// only from the site itself), and a route can add only a plain https origin for map tiles.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Hono } from "hono";
import {
  allowInCsp,
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  HSTS,
  securityHeaders,
} from "./security-headers.ts";

const directive = (csp: string, name: string) =>
  csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe("security headers", () => {
  it("is strict by default: self only, no inline code, workers and fetches from the site itself", () => {
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|blob:|\*/);
    assert.equal(directive(CONTENT_SECURITY_POLICY, "script-src"), "script-src 'self'");
    assert.equal(directive(CONTENT_SECURITY_POLICY, "style-src"), "style-src 'self'");
    assert.equal(directive(CONTENT_SECURITY_POLICY, "worker-src"), "worker-src 'self'");
    assert.equal(directive(CONTENT_SECURITY_POLICY, "connect-src"), "connect-src 'self'");
    assert.equal(directive(CONTENT_SECURITY_POLICY, "img-src"), "img-src 'self' data:");
    assert.equal(directive(CONTENT_SECURITY_POLICY, "frame-ancestors"), "frame-ancestors 'none'");
  });

  it("adds a tile origin to img-src and connect-src only, and refuses anything but an https origin", () => {
    const csp = contentSecurityPolicy({ tiles: ["https://service.pdok.nl"] });
    assert.equal(directive(csp, "img-src"), "img-src 'self' data: https://service.pdok.nl");
    assert.equal(directive(csp, "connect-src"), "connect-src 'self' https://service.pdok.nl");
    assert.equal(directive(csp, "script-src"), "script-src 'self'");
    for (const bad of [
      "http://tiles.example.nl",
      "https://*.example.nl",
      "https://a.nl/pad",
      "https://a.nl; script-src *",
    ])
      assert.throws(() => contentSecurityPolicy({ tiles: [bad] }), RangeError, bad);
  });

  it("sets the default policy on every response, and a route's addition only on its own", async () => {
    const app = new Hono();
    app.use("*", securityHeaders());
    app.get("/gewoon", (c) => c.text("ok"));
    app.get("/kaart", (c) => {
      allowInCsp(c, { tiles: ["https://service.pdok.nl"] });
      return c.text("kaart");
    });
    const plain = await app.request("/gewoon");
    assert.equal(plain.headers.get("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
    assert.equal(plain.headers.get("X-Content-Type-Options"), "nosniff");
    const map = await app.request("/kaart");
    assert.equal(
      map.headers.get("Content-Security-Policy"),
      contentSecurityPolicy({ tiles: ["https://service.pdok.nl"] }),
    );
  });

  it("sends HSTS only when the site is served over TLS", async () => {
    for (const tls of [true, false]) {
      const app = new Hono();
      app.use("*", securityHeaders({ tls }));
      app.get("/", (c) => c.text("ok"));
      const res = await app.request("/");
      assert.equal(res.headers.get("Strict-Transport-Security"), tls ? HSTS : null, `tls ${tls}`);
      assert.equal(res.headers.get("X-Frame-Options"), "DENY");
    }
    assert.match(HSTS, /max-age=\d{8,}/, "at least a year");
  });
});
