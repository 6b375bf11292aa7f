// PDF printing of a self-contained HTML document with Debian's Chromium (headless) through
// playwright-core. One browser is launched and reused for many prints, and so are its pages (one
// per print running at the same time). The document may not fetch anything: every request
// other than data:/about: is aborted, so all CSS, images and fonts must be inlined.
// The PDF is tagged (accessible), has an outline (bookmarks from the headings) and a footer with a
// caller-supplied text on the left and "Pagina X van Y" on the right.

import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** Headless Chromium as it runs here (no sandbox as root, no GPU, nothing fetched in the background). */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]);

// The last one makes every host name and IP address unresolvable: the request interception below
// aborts requests, but Chromium still opens a TCP connection ahead of an <iframe>'s or <object>'s
// navigation (seen with 127.0.0.1); with this rule it cannot connect anywhere.
const ARGS = [...CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND"];

export interface PrintOptions {
  /** Document title: the PDF's Title (replaces the HTML's `<title>`). */
  title: string;
  /** Footer text on every page, left; plain text (escaped here), e.g. "Gemaakt op 2 april 2024 · Grondslag: Wpg art. 19 · Register 42". */
  footerLeft: string;
  /** Language of the document (BCP 47, e.g. "nl"); set on `<html>` when the HTML has none. Default "nl". */
  lang?: string;
}

export interface PdfPrinter {
  /** Prints one HTML document to an A4 PDF. Safe to call concurrently. */
  print(html: string, opts: PrintOptions): Promise<Buffer>;
  /** Closes the browser; further prints fail. */
  close(): Promise<void>;
}

/** Joins footer parts with " · ", leaving out empty ones. */
export function printOptionsFooter(parts: string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .join(" · ");
}

/** Escapes text for HTML content and attribute values. */
function escapeHtml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * Chromium's footer template: a separate little document per page, in which `pageNumber` and
 * `totalPages` are filled in. Its default font size is tiny, and it sees none of the page's CSS.
 */
function footerTemplate(footerLeft: string, lang: string): string {
  const box =
    "box-sizing:border-box;width:100%;padding:0 15mm;display:flex;justify-content:space-between;" +
    "align-items:flex-end;gap:6mm;font-family:'DejaVu Sans','Liberation Sans',Arial,sans-serif;" +
    "font-size:8pt;line-height:1.3;color:#333;-webkit-print-color-adjust:exact;";
  return (
    `<div lang="${escapeHtml(lang)}" style="${box}">` +
    `<span style="flex:1 1 auto;min-width:0">${escapeHtml(footerLeft)}</span>` +
    `<span style="flex:none;white-space:nowrap">Pagina <span class="pageNumber"></span> ` +
    `van <span class="totalPages"></span></span></div>`
  );
}

/** Launches Chromium once; the returned printer reuses it for every print until close(). */
export async function openPdfPrinter(opts: { executablePath?: string } = {}): Promise<PdfPrinter> {
  const browser: Browser = await chromium.launch({
    executablePath: opts.executablePath ?? DEFAULT_CHROMIUM,
    headless: true,
    args: ARGS,
  });
  let closed = false;
  // One context per language, each with pages that are reused: a new context and page cost more
  // than printing a short document. A page prints one document at a time, each in a fresh window
  // (about:blank first), and nothing is stored between prints (no network, no service workers).
  const contexts = new Map<string, Promise<BrowserContext>>();
  const idle = new Map<string, Page[]>();
  const contextFor = (lang: string) => {
    let c = contexts.get(lang);
    if (!c) {
      c = (async () => {
        const context = await browser.newContext({ serviceWorkers: "block", locale: lang, offline: true });
        // No fetching from anywhere: only data: (and about:) URLs may load.
        await context.route("**/*", (route) => {
          const url = route.request().url();
          return url.startsWith("data:") || url.startsWith("about:") ? route.continue() : route.abort();
        });
        return context;
      })();
      contexts.set(lang, c);
    }
    return c;
  };

  async function print(html: string, po: PrintOptions): Promise<Buffer> {
    if (closed) throw new Error("PdfPrinter is closed");
    const lang = po.lang ?? "nl";
    const pages = idle.get(lang) ?? [];
    idle.set(lang, pages);
    const page = pages.pop() ?? (await (await contextFor(lang)).newPage());
    let reusable = false;
    try {
      // A navigation gives the document a fresh window: nothing of the previous one stays.
      await page.goto("about:blank");
      await page.setContent(html, { waitUntil: "load" });
      await page.evaluate(
        ({ title, lang }) => {
          document.title = title;
          if (!document.documentElement.getAttribute("lang"))
            document.documentElement.setAttribute("lang", lang);
        },
        { title: po.title, lang },
      );
      const pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: footerTemplate(po.footerLeft, lang),
        margin: { top: "15mm", right: "15mm", bottom: "20mm", left: "15mm" },
      });
      reusable = true;
      return pdf;
    } finally {
      // A page that failed is not trusted with the next document.
      if (reusable && !closed) pages.push(page);
      else await page.close().catch(() => {});
    }
  }

  return {
    print,
    async close() {
      if (closed) return;
      closed = true;
      await browser.close();
    },
  };
}
