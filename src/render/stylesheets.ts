// The site's stylesheets: NL Design System (Utrecht components, voorbeeld theme) from node_modules
// and driehoek's own. Served by the web app (src/server/static.ts) and inlined into downloadable
// HTML and PDF.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** URL name under /static/ -> absolute file path, in the order a page links them. */
export const STYLESHEET_FILES: Readonly<Record<string, string>> = {
  "utrecht.css": require.resolve("@utrecht/component-library-css/dist/index.css"),
  "voorbeeld-theme.css": require.resolve("@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css"),
  "driehoek.css": fileURLToPath(new URL("../server/static/driehoek.css", import.meta.url)),
};

let all: Promise<string> | undefined;

/** All stylesheets as one text (read once). */
export function readStylesheets(): Promise<string> {
  all ??= Promise.all(Object.values(STYLESHEET_FILES).map((p) => readFile(p, "utf8"))).then((xs) =>
    xs.join("\n"),
  );
  return all;
}
