// A product as one self-contained HTML file (the downloadable HTML and the page Chromium prints
// to PDF): the product markup with the site's stylesheets inlined, nothing fetched from anywhere.

import { raw } from "hono/html";
import type { ProductDocument } from "../../products/product-document.ts";
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

export async function renderProductHtml(doc: ProductDocument): Promise<string> {
  const css = await readStylesheets();
  const page = (
    <html lang="nl" class="utrecht-root">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{doc.title}</title>
        <meta name="generator" content="driehoek" />
        {/* Our own stylesheets (trusted files), unescaped: CSS has quotes and ">" in selectors. */}
        <style>{raw((css + PRINT_CSS).replace(/<\/style/gi, "<\\/style"))}</style>
      </head>
      <body class="voorbeeld-theme utrecht-document utrecht-body">
        <main class="dh-product-page">
          <ProductView doc={doc} />
        </main>
      </body>
    </html>
  );
  return `<!DOCTYPE html>${page.toString()}`;
}
