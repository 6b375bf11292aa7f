// GET /static/*: the NL Design System stylesheets (Utrecht components, voorbeeld theme) from
// node_modules and the site's own stylesheet. A fixed list: nothing else on disk is reachable.

import { readFile } from "node:fs/promises";
import type { Hono } from "hono";
import { STYLESHEET_FILES as STATIC_FILES } from "../render/stylesheets.ts";

export function registerStatic(app: Hono): void {
  const cache = new Map<string, string>();
  app.get("/static/:name", async (c, next) => {
    const name = c.req.param("name");
    const path = Object.hasOwn(STATIC_FILES, name) ? STATIC_FILES[name] : undefined;
    if (!path) return next();
    let body = cache.get(name);
    if (body === undefined) {
      body = await readFile(path, "utf8");
      cache.set(name, body);
    }
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(body);
  });
}
