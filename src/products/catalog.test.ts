// Every product of the catalog on the fixed demo: its JSON and HTML against golden files in
// golden/ (written when missing, except on CI, where a missing golden file fails), rendered in
// every format, and given to each role that may see it and refused to those that may not.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { highestFor, PURPOSE } from "../disclosure/access-spec.ts";
import { ROLE_IDS } from "../domain/roles.ts";
import { SENSITIVITIES } from "../domain/sensitivity.ts";
import { DEFAULT_CHROMIUM, openPdfPrinter, type PdfPrinter } from "../render/pdf/print-pdf.ts";
import { productViewHtml } from "../render/product/product-view.tsx";
import { PRODUCT_FORMATS, renderProduct } from "../render/product/render-product.ts";
import { CATALOG } from "./catalog.ts";
import { bestuurlijkeRapportage } from "./definitions/bestuurlijke-rapportage.ts";
import { documentMaps, type ProductDocument } from "./product-document.ts";
import { parsePeriod } from "./product-period.ts";
import { openProductTestStore, type ProductTestStore, runAs } from "./test-products.ts";

const GOLDEN = join(import.meta.dirname, "golden");

/** The period each product is checked for (the fixed demo runs from January 2025 to October 2026). */
const PERIOD: Record<string, string> = {
  maandoverzicht: "2026-09",
  tabellenboek: "2026-09",
  woninginbraakmonitor: "2026-09",
  perioderapportage: "2026-08",
  gebiedsscan: "2026-09",
  driehoeksmonitor: "2026-09",
  veiligheidsanalyse: "2025",
  ondermijningsbeeld: "2025",
  "coa-overzicht": "2026-09",
  burgemeestersrapportage: "2026-09",
  "bestuurlijke-rapportage": "2026-09",
  halfjaarcijfers: "2026-H1",
  jaarafsluiting: "2025",
  situatierapportage: "2025",
  incidentenrapport: "2026-W36",
  "operationeel-beeld": "2026-09-05",
  dagrapport: "2026-09-05",
};

/** The area a product is made for: the first demo gemeente, or the police area above it. */
async function areaFor(t: ProductTestStore, levels: readonly string[]): Promise<string> {
  if (levels.includes("gemeente")) return t.gemeenten[0];
  const areas = await t.store.listAreas();
  let a = areas.find((x) => x.code === t.gemeenten[0]);
  while (a && !levels.includes(a.level)) a = areas.find((x) => x.code === a?.parent);
  assert.ok(a, `no area of level ${levels.join("/")} above ${t.gemeenten[0]}`);
  return a.code;
}

function checkGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (!existsSync(file)) {
    if (process.env.CI) assert.fail(`golden file ${name} is missing (run the tests locally to write it)`);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, "utf8"), `${name} differs from its golden file`);
}

const allows = (role: (typeof ROLE_IDS)[number], def: (typeof CATALOG)[number]) => {
  const sensitivity = def.sensitivity;
  const highest = highestFor(role, def.facts);
  return highest !== null && SENSITIVITIES.indexOf(sensitivity) <= SENSITIVITIES.indexOf(highest);
};

describe("the product catalog on the fixed demo", () => {
  let t: ProductTestStore;
  let pdf: PdfPrinter | undefined;
  const docs = new Map<string, ProductDocument>();
  before(async () => {
    t = await openProductTestStore();
    if (existsSync(DEFAULT_CHROMIUM)) pdf = await openPdfPrinter();
  });
  after(async () => {
    await pdf?.close();
    await t?.store.close();
  });

  for (const entry of CATALOG) {
    const period = parsePeriod(PERIOD[entry.id] ?? "2026-09");
    describe(entry.id, () => {
      // The bestuurlijke rapportage is about one address under a recorded decision: made for a
      // demo address with registrations (the catalog entry itself only explains what it needs).
      let def = entry;
      before(async () => {
        if (entry.id !== "bestuurlijke-rapportage") return;
        const regs = await t.store.registrations({
          area: t.gemeenten[0],
          level: "gemeente",
          fromDay: 20210101,
          toDay: 20260930,
        });
        const at = regs.find((r) => r.postcode && r.houseNumber);
        assert.ok(at, "a demo registration with an address");
        def = bestuurlijkeRapportage({
          postcode: at.postcode as string,
          huisnummer: at.houseNumber as string,
          maatregel: "sluiting",
          besluit: "B-2026-001",
        });
      });
      // The product is made as the first role of its audience that may see it.
      const maker = () =>
        def.audience.find((r: (typeof ROLE_IDS)[number]) => allows(r, def)) ?? "burgemeester";
      it("matches its golden JSON and HTML", async () => {
        const doc = await runAs(
          t,
          def,
          t.userFor(maker()),
          PURPOSE[maker()],
          await areaFor(t, def.levels),
          period,
        );
        docs.set(def.id, doc);
        checkGolden(`${def.id}.json`, `${JSON.stringify(doc, null, 2)}\n`);
        checkGolden(`${def.id}.html`, `${productViewHtml(doc)}\n`);
      });

      it("renders in every format", async (ctx) => {
        const doc = docs.get(def.id);
        assert.ok(doc, "the golden test made the document");
        for (const format of PRODUCT_FORMATS) {
          if (format === "geojson" && documentMaps(doc).length === 0) continue;
          if (format === "pdf" && !pdf) {
            ctx.diagnostic("pdf: Chromium ontbreekt");
            continue;
          }
          const out = await renderProduct(doc, format, { pdf });
          assert.ok(out.content.length > 0, format);
          if (format === "xlsx") {
            const wb = new ExcelJS.Workbook();
            await wb.xlsx.load(out.content as unknown as ArrayBuffer);
            assert.equal(
              wb.worksheets.length,
              1 + doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === "table").length,
            );
          }
          if (format === "pdf") {
            const file = join(mkdtempSync(join(tmpdir(), "driehoek-pdf-")), `${def.id}.pdf`);
            writeFileSync(file, out.content);
            const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
            assert.match(info, /Tagged:\s+yes/);
            const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
            assert.ok(text.includes(doc.title), "the title is in the PDF text");
            assert.ok(
              text.includes(doc.disclosure?.legalBasisLabel ?? "?"),
              "the legal basis is in the footer",
            );
          }
        }
      });

      it("is given to each role that may see it, and refused to the others", async () => {
        for (const role of ROLE_IDS) {
          const run = runAs(t, def, t.userFor(role), PURPOSE[role], await areaFor(t, def.levels), period);
          if (allows(role, def)) {
            const doc = await run;
            assert.equal(doc.product, def.id, role);
          } else {
            await assert.rejects(run, /Geen grondslag|Geen toegang/, role);
          }
        }
      });

      it("is refused for another gemeente's area, unless it is open data", async () => {
        const run = runAs(
          t,
          def,
          t.userFor(maker(), 1),
          PURPOSE[maker()],
          await areaFor(t, def.levels),
          period,
        );
        if (def.sensitivity === "open") assert.equal((await run).product, def.id);
        else await assert.rejects(run, /Geen toegang/);
      });
    });
  }
});
