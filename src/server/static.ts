// GET /static/*: the NL Design System stylesheets (Utrecht components, voorbeeld theme) from
// node_modules and the site's own stylesheet. A fixed list: nothing else on disk is reachable.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";

const require = createRequire(import.meta.url);

/** URL name under /static/ -> absolute file path. */
export const STATIC_FILES: Readonly<Record<string, string>> = {
  "utrecht.css": require.resolve("@utrecht/component-library-css/dist/index.css"),
  "voorbeeld-theme.css": require.resolve("@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css"),
  "driehoek.css": fileURLToPath(new URL("./static/driehoek.css", import.meta.url)),
};

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
