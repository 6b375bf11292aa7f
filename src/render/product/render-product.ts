// One product document in one of the agreed formats: the bytes, their media type and the file
// extension. PDF prints the self-contained HTML with Chromium (a printer opened by the caller, so a
// batch reuses one browser).

import { InputError } from "../../domain/errors.ts";
import type { ProductDocument } from "../../products/product-document.ts";
import { renderCsvSingle } from "../csv/render-csv.ts";
import { renderGeoJson } from "../geojson/render-geojson.ts";
import { type PdfPrinter, printOptionsFooter } from "../pdf/print-pdf.ts";
import { renderXlsx } from "../xlsx/render-xlsx.ts";
import { renderProductHtml } from "./product-html.tsx";
import { madeAtNl } from "./product-view.tsx";

export const PRODUCT_FORMATS = ["html", "pdf", "xlsx", "csv", "geojson", "json"] as const;
export type ProductFormat = (typeof PRODUCT_FORMATS)[number];

export function isProductFormat(s: string): s is ProductFormat {
  return (PRODUCT_FORMATS as readonly string[]).includes(s);
}

export const MEDIA_TYPES: Record<ProductFormat, string> = {
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  geojson: "application/geo+json",
  json: "application/json",
};

export interface RenderedProduct {
  content: Buffer;
  mediaType: string;
  /** Suggested file name: product-area-period.extension */
  fileName: string;
}

export interface RenderEffects {
  /** Needed for "pdf" only. */
  pdf?: PdfPrinter;
}

/** The footer of every PDF page: when it was made, under which legal basis, its register number. */
export function pdfFooter(doc: ProductDocument): string {
  const d = doc.disclosure;
  return printOptionsFooter([
    `${doc.title}`,
    `gemaakt op ${madeAtNl(doc.madeAt)}`,
    d ? `grondslag: ${d.legalBasisLabel}` : "",
    d ? `register ${d.registerSeq}` : "",
  ]);
}

export function productFileName(doc: ProductDocument, format: ProductFormat): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "-");
  return `${safe(doc.product)}-${safe(doc.area.code)}-${safe(doc.period.id)}.${format}`;
}

export function renderProduct(
  doc: ProductDocument,
  format: ProductFormat,
  fx: RenderEffects = {},
): Promise<RenderedProduct> {
  return renderWith(doc, format, fx, () => renderProductHtml(doc));
}

/** One format's outcome in `renderFormats`: the file, or why it could not be made. */
export type FormatOutcome =
  | { format: ProductFormat; file: RenderedProduct }
  | { format: ProductFormat; error: unknown };

/**
 * Every format of one document at once, in the order asked: the PDF prints in Chromium while the
 * others are made here, and the HTML is made once for both HTML and PDF.
 */
export function renderFormats(
  doc: ProductDocument,
  formats: readonly ProductFormat[],
  fx: RenderEffects = {},
): Promise<FormatOutcome[]> {
  let html: Promise<string> | undefined;
  const once = () => {
    html ??= renderProductHtml(doc);
    return html;
  };
  return Promise.all(
    formats.map((format) =>
      renderWith(doc, format, fx, once).then(
        (file): FormatOutcome => ({ format, file }),
        (error: unknown): FormatOutcome => ({ format, error }),
      ),
    ),
  );
}

async function renderWith(
  doc: ProductDocument,
  format: ProductFormat,
  fx: RenderEffects,
  html: () => Promise<string>,
): Promise<RenderedProduct> {
  const out = (content: Buffer | string): RenderedProduct => ({
    content: typeof content === "string" ? Buffer.from(content, "utf8") : content,
    mediaType: MEDIA_TYPES[format],
    fileName: productFileName(doc, format),
  });
  switch (format) {
    case "html":
      return out(await html());
    case "pdf": {
      if (!fx.pdf) throw new InputError("PDF maken kan hier niet: Chromium ontbreekt", "--formaat");
      return out(await fx.pdf.print(await html(), { title: doc.title, footerLeft: pdfFooter(doc) }));
    }
    case "xlsx":
      return out(await renderXlsx(doc));
    case "csv":
      return out(renderCsvSingle(doc));
    case "geojson":
      return out(renderGeoJson(doc));
    case "json":
      return out(`${JSON.stringify(doc, null, 2)}\n`);
  }
}
