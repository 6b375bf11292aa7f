// PDF printing with Debian's Chromium (headless): prints a small Dutch document and reads it back with
// poppler's pdfinfo and pdftotext. Skipped when /usr/bin/chromium or poppler-utils is missing
// (scripts/test.js installs both when running as root).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DEFAULT_CHROMIUM, openPdfPrinter, type PdfPrinter, printOptionsFooter } from "./print-pdf.ts";

const PDFTOTEXT = "/usr/bin/pdftotext";
const PDFINFO = "/usr/bin/pdfinfo";
const missing = [DEFAULT_CHROMIUM, PDFTOTEXT, PDFINFO].filter((p) => !existsSync(p));
const skip =
  missing.length === 0
    ? false
    : `${missing.join(", ")} ontbreekt (Debian: chromium, poppler-utils; npm test installeert ze als root)`;

const TITLE = "Veiligheidsbeeld Voorbeeldstad, maart 2024";
const FOOTER = printOptionsFooter([
  "Gemaakt op 2 april 2024",
  "Grondslag: Wpg art. 19",
  "Register 42",
  "Kenmerk <b>&",
]);

/** A self-contained Dutch document; the table is long enough for at least two A4 pages. */
function documentHtml(externalBase: string): string {
  const rows = Array.from({ length: 70 }, (_, i) => {
    const n = i + 1;
    return `<tr><th scope="row">Wijk ${n}</th><td>${n * 3}</td><td>${(n * 7) % 11}</td><td>€ ${n * 125},-</td></tr>`;
  }).join("\n");
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>${TITLE}</title>
<style>
  body { font-family: "DejaVu Sans", sans-serif; font-size: 11pt; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #999; padding: 2pt 4pt; text-align: left; }
  thead th { background: #e6e6e6; }
</style>
<link rel="stylesheet" href="${externalBase}/style.css">
</head>
<body>
<h1>Veiligheidsbeeld Voorbeeldstad</h1>
<p>Dit overzicht is bestemd voor de burgemeester, het OM en de politie. Het café aan de Dorpsstraat
werd één keer gesloten; de coördinatie verliep via de gemeente. De geschatte schade bedraagt € 1.250.</p>
<img src="${externalBase}/x.png" alt="">
<iframe src="${externalBase}/frame" title="extern"></iframe>
<h2>Incidenten per wijk</h2>
<table>
<caption>Incidenten per wijk, maart 2024</caption>
<thead><tr><th scope="col">Wijk</th><th scope="col">Meldingen</th><th scope="col">Aanhoudingen</th><th scope="col">Schade</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Toelichting</h2>
<p>Gegevens uit het politieregister, verwerkt op grond van de Wet politiegegevens.</p>
</body>
</html>`;
}

describe("printing HTML to PDF with Chromium", { skip }, () => {
  let printer: PdfPrinter;
  let server: Server;
  let base: string;
  let dir: string;
  const requests: string[] = [];
  let connections = 0;

  let pdf: Buffer;
  let info: string;
  let pages: string[];

  const tool = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "print-pdf-"));
    // A server the document points at: it must not hear from Chromium at all.
    server = createServer((req, res) => {
      requests.push(req.url ?? "");
      res.end();
    });
    server.on("connection", () => {
      connections++;
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    printer = await openPdfPrinter();
    pdf = await printer.print(documentHtml(base), { title: TITLE, footerLeft: FOOTER, lang: "nl" });
    const file = join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    info = tool(PDFINFO, [file]);
    const text = tool(PDFTOTEXT, ["-layout", "-enc", "UTF-8", file, "-"]);
    pages = text.split("\f");
    if (pages.at(-1)?.trim() === "") pages.pop();
  });
  after(async () => {
    await printer?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("produces a tagged PDF of at least two pages with the document title", () => {
    assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
    assert.match(info, /^Tagged:\s+yes$/m);
    assert.equal(info.match(/^Title:\s+(.*)$/m)?.[1], TITLE);
    const count = Number(info.match(/^Pages:\s+(\d+)$/m)?.[1]);
    assert.ok(count >= 2, `expected at least 2 pages, got ${count}`);
    assert.equal(pages.length, count);
  });

  it("contains the headings, the accented words, the euro sign and the table cells", () => {
    const text = pages.join("\n");
    assert.match(text, /Veiligheidsbeeld Voorbeeldstad/);
    assert.match(text, /Incidenten per wijk/);
    for (const word of ["café", "één", "coördinatie", "€ 1.250"]) assert.ok(text.includes(word), word);
    assert.match(text, /Wijk 1\s+3\s+7\s+€ 125,-/);
    assert.match(text, /Wijk 70\s+210/);
    assert.match(text, /Toelichting/);
  });

  it("prints the footer on every page, with Pagina X van Y and the HTML-special text literally", () => {
    const n = pages.length;
    pages.forEach((page, i) => {
      assert.ok(page.includes(FOOTER), `page ${i + 1} lacks the footer "${FOOTER}"`);
      assert.match(page, new RegExp(`Pagina ${i + 1} van ${n}\\s*$`), `page ${i + 1}`);
    });
    assert.ok(FOOTER.endsWith("Kenmerk <b>&"));
  });

  it("makes no network request or connection for external resources", async () => {
    // Give stragglers a moment: nothing may arrive after the print either.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(requests, []);
    assert.equal(connections, 0);
  });

  it("reuses the browser for several prints, also concurrently", async () => {
    const small = (i: number) =>
      `<!doctype html><html lang="nl"><title>Doc ${i}</title><h1>Document ${i}</h1>`;
    const pdfs = await Promise.all(
      [1, 2, 3].map((i) => printer.print(small(i), { title: `Doc ${i}`, footerLeft: `Voet ${i}` })),
    );
    pdfs.forEach((p, k) => {
      const file = join(dir, `small-${k + 1}.pdf`);
      writeFileSync(file, p);
      const text = tool(PDFTOTEXT, ["-layout", "-enc", "UTF-8", file, "-"]);
      assert.match(text, new RegExp(`Document ${k + 1}`));
      assert.match(text, new RegExp(`Voet ${k + 1}\\s+Pagina 1 van 1`));
    });
  });

  it("prints each document in a fresh window: nothing of an earlier print stays", async () => {
    const text = async (html: string, name: string) => {
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, await printer.print(html, { title: name, footerLeft: name }));
      return tool(PDFTOTEXT, ["-layout", "-enc", "UTF-8", file, "-"]);
    };
    // The same page is used again (prints one after another); the first leaves a global behind.
    await text(
      `<!doctype html><html lang="nl"><title>Eerst</title><h1>Eerst</h1><script>window.achtergelaten = "geheim-17";</script>`,
      "eerst",
    );
    const second = await text(
      `<!doctype html><html lang="nl"><title>Daarna</title><h1>Daarna</h1><p id="p"></p>` +
        `<script>document.getElementById("p").textContent = "Gevonden: " + String(window.achtergelaten);</script>`,
      "daarna",
    );
    assert.match(second, /Gevonden: undefined/);
    assert.doesNotMatch(second, /geheim-17/);
  });
});

it("joins footer parts with a middle dot, leaving out empty ones", () => {
  assert.equal(printOptionsFooter(["a", " ", "b ", ""]), "a · b");
  assert.equal(printOptionsFooter([]), "");
});
