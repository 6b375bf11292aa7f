// A product as one self-contained HTML file (the downloadable HTML and the page Chromium prints
// to PDF): the product markup with the site's stylesheets inlined, nothing fetched from anywhere.

import { raw } from "hono/html";
import type { ProductDocument } from "../../products/product-document.ts";
import { classesInHtml, pruneCss } from "../css/prune-css.ts";
import { readStylesheets } from "../stylesheets.ts";
import { ProductView } from "./product-view.tsx";

/** Extra rules for paper: no scrolling boxes, tables not split inside a row, A4 margins. */
const PRINT_CSS = `
body { margin: 0; }
.dh-product-page { max-width: 60rem; margin: 0 auto; padding: 1rem; }
@page { size: A4 landscape; }
@media print {
  html { font-size: 10pt; }
  .dh-product-page { max-width: none; padding: 0; }
  .dh-table-scroll { overflow: visible !important; margin-block: 0.5rem 1rem; }
  .dh-product-table { font-size: 8.5pt; width: 100%; }
  .dh-product-table th, .dh-product-table td { padding: 0.15rem 0.3rem; }
  .dh-product-table thead th { vertical-align: bottom; hyphens: auto; overflow-wrap: normal; word-break: normal; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  h2 { break-after: avoid; }
  .dh-chart svg { max-height: 120mm; width: auto; }
  a { color: inherit; text-decoration: none; }
}
`;

/** Stylesheets pruned for a set of classes; products of one kind use the same set. */
const pruned = new Map<string, string>();

/**
 * The product as one self-contained HTML file. Only the CSS rules that can apply to its classes
 * are inlined (`allCss`: the whole site's stylesheets, to compare with in tests).
 */
export async function renderProductHtml(
  doc: ProductDocument,
  opts: { allCss?: boolean } = {},
): Promise<string> {
  const css = (await readStylesheets()) + PRINT_CSS;
  const body = (
    <body class={BODY_CLASS}>
      <main class="dh-product-page">
        <ProductView doc={doc} />
      </main>
    </body>
  ).toString();
  let style = css;
  if (!opts.allCss) {
    const classes = classesInHtml(body);
    for (const c of HTML_CLASS.split(" ")) classes.add(c);
    // Inline styles (charts, maps) may read design tokens too.
    const vars = [...new Set([...body.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => `var(${m[1]})`))].sort();
    const key = `${[...classes].sort().join(" ")}|${vars.join(" ")}`;
    style = pruned.get(key) ?? pruneCss(css, classes, vars.join(" "));
    if (pruned.size > 100) pruned.clear();
    pruned.set(key, style);
  }
  const head = (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{doc.title}</title>
      <meta name="generator" content="driehoek" />
      {/* Our own stylesheets (trusted files), unescaped: CSS has quotes and ">" in selectors. */}
      <style>{raw(style.replace(/<\/style/gi, "<\\/style"))}</style>
    </head>
  ).toString();
  return `<!DOCTYPE html><html lang="nl" class="${HTML_CLASS}">${head}${body}</html>`;
}

const HTML_CLASS = "utrecht-root";
const BODY_CLASS = "voorbeeld-theme utrecht-document utrecht-body";
