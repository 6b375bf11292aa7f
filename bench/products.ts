// Benchmarks of the product engine (issue 5 targets): one gemeente's monthly bundle without and
// with PDF, first time (table protection decided) and again (decision cached), and the time per
// product and format for every product of the catalog.

import { PURPOSE } from "../src/disclosure/access-spec.ts";
import { CATALOG, productById } from "../src/products/catalog.ts";
import { documentMaps } from "../src/products/product-document.ts";
import { parsePeriod } from "../src/products/product-period.ts";
import { openProductTestStore, PRODUCT_DEMO, runAs } from "../src/products/test-products.ts";
import { openPdfPrinter } from "../src/render/pdf/print-pdf.ts";
import { PRODUCT_FORMATS, type ProductFormat, renderProduct } from "../src/render/product/render-product.ts";
import { fmt, log } from "./bench-doc.ts";

/** The monthly bundle of the issue. */
const BUNDLE = ["maandoverzicht", "tabellenboek", "woninginbraakmonitor"];
const FORMATS: ProductFormat[] = ["html", "xlsx", "csv", "json"];

const PERIOD: Record<string, string> = {
  perioderapportage: "2026-08",
  veiligheidsanalyse: "2025",
  ondermijningsbeeld: "2025",
  maandoverzicht: "2026-09",
  tabellenboek: "2026-09",
  woninginbraakmonitor: "2026-09",
  halfjaarcijfers: "2026-H1",
  jaarafsluiting: "2025",
  situatierapportage: "2025",
  incidentenrapport: "2026-W36",
  "operationeel-beeld": "2026-09-05",
  dagrapport: "2026-09-05",
};

export async function runProductsBench(): Promise<string> {
  log("Producten: demo maken en laden…");
  const t = await openProductTestStore();
  const pdf = await openPdfPrinter();
  try {
    const gemeente = t.gemeenten[0];
    const area = (await t.store.listAreas({ level: "gemeente" })).find((a) => a.code === gemeente);
    const registrations = await t.store.registrationCount();
    const bundle = async (role: "burgemeester" | "teamchef", withPdf: boolean) => {
      const t0 = performance.now();
      for (const id of BUNDLE) {
        const def = productById(id);
        if (!def) throw new Error(id);
        const doc = await runAs(
          t,
          def,
          t.userFor(role),
          PURPOSE[role],
          gemeente,
          parsePeriod(PERIOD[id] as string),
        );
        for (const f of withPdf ? [...FORMATS, "pdf" as const] : FORMATS)
          await renderProduct(doc, f, { pdf });
      }
      return performance.now() - t0;
    };
    log("Producten: bundel…");
    const rows: string[] = [];
    for (const role of ["burgemeester", "teamchef"] as const) {
      const first = await bundle(role, false);
      const again = await bundle(role, false);
      const withPdf = await bundle(role, true);
      rows.push(
        `| ${role === "burgemeester" ? "burgemeester (tabelbeveiliging)" : "teamchef (geen beveiliging)"} | ${fmt(first)} ms | ${fmt(again)} ms | ${fmt(withPdf)} ms |`,
      );
    }

    log("Producten: per product en formaat…");
    const perProduct: string[] = [];
    for (const def of CATALOG) {
      const role = def.sensitivity === "incident" ? "teamchef" : "burgemeester";
      const areaCode = def.levels.includes("gemeente")
        ? gemeente
        : ((await t.store.listAreas()).find((a) => a.code === area?.parent)?.code ?? gemeente);
      const t0 = performance.now();
      const maker = def.sensitivity === "address" ? "teamchef" : role;
      const made = await runAs(
        t,
        def,
        t.userFor(maker),
        PURPOSE[maker],
        areaCode,
        parsePeriod(PERIOD[def.id] ?? "2026-09"),
      ).catch((err: Error) => err);
      const make = performance.now() - t0;
      if (made instanceof Error) {
        // E.g. the bestuurlijke rapportage, which needs an address and a decision.
        perProduct.push(
          `| ${def.id} | not made: ${made.message.split(".")[0]} |${PRODUCT_FORMATS.map(() => "").join(" |")} |`,
        );
        continue;
      }
      const doc = made;
      const cells: string[] = [];
      for (const f of PRODUCT_FORMATS) {
        if (f === "geojson" && documentMaps(doc).length === 0) {
          cells.push("–");
          continue;
        }
        const t1 = performance.now();
        await renderProduct(doc, f, { pdf });
        cells.push(`${fmt(performance.now() - t1)}`);
      }
      perProduct.push(`| ${def.id} | ${fmt(make)} | ${cells.join(" | ")} |`);
    }

    return [
      "### Producten",
      "",
      `Command: \`npm run bench -- --onderdelen producten\`. Data: the fixed demo (seed ${PRODUCT_DEMO.seed}, ${PRODUCT_DEMO.years} years up to ${PRODUCT_DEMO.until}, ${fmt(registrations)} registrations); gemeente ${area?.name} (${gemeente}, ${fmt(area?.population ?? 0)} inhabitants, the largest of the demo). Every run goes through the gate and writes a register entry.`,
      "",
      `Monthly bundle (${BUNDLE.join(" + ")}) in ${FORMATS.join(", ")}, and with PDF as well. Targets: ≤ 1 s without PDF, ≤ 3 s with PDF. "First" includes deciding the table protection of the gemeente with its wijken and buurten (cached afterwards by content; the warm-up at server start covers the gemeente-only decision, not yet the family).`,
      "",
      "| recipient | first | again | again, with PDF |",
      "|---|---:|---:|---:|",
      ...rows,
      "",
      "Per product (ms): making it (load, protect, build, register), then each format.",
      "",
      `| product | make | ${PRODUCT_FORMATS.join(" | ")} |`,
      `|---|---:|${PRODUCT_FORMATS.map(() => "---:").join("|")}|`,
      ...perProduct,
      "",
      "Not measured yet: the monthly batch (`driehoek batch`) for every gemeente of the national-size demo (about 350 gemeenten). The bundle misses its targets when the family decision is not cached (“first”) and for the protected recipient also “again”: the family decision reads both ledgers and hashes all wijk and buurt rows on every request (see the stop note for the plan).",
    ].join("\n");
  } finally {
    await pdf.close();
    await t.store.close();
  }
}
