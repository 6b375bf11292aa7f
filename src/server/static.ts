// GET /static/*: the NL Design System stylesheets (Utrecht components, voorbeeld theme) from
// node_modules, the site's own stylesheet, and the browser scripts the pages enhance themselves
// with (htmx, maplibre-gl and the site's own, from src/server/static/). A fixed list: nothing
// else on disk is reachable.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { STYLESHEET_FILES } from "../render/stylesheets.ts";

const require = createRequire(import.meta.url);
const own = (name: string) => fileURLToPath(new URL(`./static/${name}`, import.meta.url));

/** URL name under /static/ -> absolute file path, for everything besides the stylesheets. */
export const SCRIPT_FILES: Readonly<Record<string, string>> = {
  "htmx.min.js": require.resolve("htmx.org/dist/htmx.min.js"),
  // The CSP build: its worker is a file of its own, so no blob: workers are needed.
  "maplibre-gl.js": require.resolve("maplibre-gl/dist/maplibre-gl-csp.js"),
  "maplibre-gl-worker.js": require.resolve("maplibre-gl/dist/maplibre-gl-csp-worker.js"),
  "maplibre-gl.css": require.resolve("maplibre-gl/dist/maplibre-gl.css"),
};

/** Scripts and stylesheets of the site's own in src/server/static/, added with `ownStatic`. */
const OWN_FILES: Record<string, string> = {};

/** Makes a file in src/server/static/ reachable as /static/NAME (call at module load). */
export function ownStatic(name: string): string {
  OWN_FILES[name] = own(name);
  return `/static/${name}`;
}

const TYPES: Record<string, string> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
};

function fileFor(name: string): string | undefined {
  for (const files of [STYLESHEET_FILES, SCRIPT_FILES, OWN_FILES]) {
    if (Object.hasOwn(files, name)) return files[name];
  }
  return undefined;
}

export function registerStatic(app: Hono): void {
  const cache = new Map<string, string>();
  app.get("/static/:name", async (c, next) => {
    const name = c.req.param("name");
    const path = fileFor(name);
    const type = TYPES[name.slice(name.lastIndexOf(".") + 1)];
    if (!path || !type) return next();
    let body = cache.get(name);
    if (body === undefined) {
      body = await readFile(path, "utf8");
      cache.set(name, body);
    }
    c.header("Content-Type", type);
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(body);
  });
}
