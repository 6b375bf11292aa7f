// Benchmarks of the product engine (issue 5 targets): one gemeente's monthly bundle without and
// with PDF, first time (table protection decided) and again (decision cached), and the time per
// product and format for every product of the catalog.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PURPOSE } from "../src/disclosure/access-spec.ts";
import { requesterFor } from "../src/disclosure/store-gate.ts";
import type { Role } from "../src/domain/roles.ts";
import { CATALOG } from "../src/products/catalog.ts";
import { documentMaps } from "../src/products/product-document.ts";
import { parsePeriod } from "../src/products/product-period.ts";
import { runBatch } from "../src/products/run-batch.ts";
import { runProduct } from "../src/products/run-product.ts";
import { openProductTestStore, PRODUCT_DEMO } from "../src/products/test-products.ts";
import { openPdfPrinter } from "../src/render/pdf/print-pdf.ts";
import { PRODUCT_FORMATS, type ProductFormat, renderProduct } from "../src/render/product/render-product.ts";
import { openTestGate } from "../src/server/test-access.ts";
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
  // Chromium started and one page printed before anything is measured, as in a running server.
  await pdf.print('<!doctype html><html lang="nl"><title>Start</title><p>Start</p>', {
    title: "Start",
    footerLeft: "",
  });
  // One gate for every run, as in the server and the batch (opened once, its register grows).
  const access = await openTestGate(t.store, () => PRODUCT_DEMO.now);
  const deps = {
    store: t.store,
    gate: access.gate,
    registry: access.registry,
    now: () => PRODUCT_DEMO.now,
    recordKey: new Uint8Array(32).fill(9),
  };
  const out = mkdtempSync(join(tmpdir(), "driehoek-bench-bundel-"));
  try {
    const gemeente = t.gemeenten[0];
    const area = (await t.store.listAreas({ level: "gemeente" })).find((a) => a.code === gemeente);
    const registrations = await t.store.registrationCount();
    const who = async (role: Role) => ({
      requester: { ...(await requesterFor(t.store, t.userFor(role))), strongAuth: true },
      purpose: PURPOSE[role],
    });
    /** The bundle as the batch and the scheduled delivery make it: files written, PDF alongside. */
    const bundle = async (role: "burgemeester" | "teamchef", withPdf: boolean) => {
      const period = parsePeriod("2026-09");
      const formats: ProductFormat[] = withPdf ? [...FORMATS, "pdf"] : FORMATS;
      const jobs = BUNDLE.map((product) => ({ gemeente, product, area: gemeente, formats }));
      const t0 = performance.now();
      const results = await runBatch(deps, await who(role), jobs, period, out, { pdf });
      const ms = performance.now() - t0;
      const failed = results.filter((r) => r.status !== "gemaakt");
      if (failed.length > 0) throw new Error(`bundle: ${JSON.stringify(failed.map((r) => r.reason))}`);
      return ms;
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
      const made = await runProduct(deps, def, {
        ...(await who(maker)),
        area: areaCode,
        period: parsePeriod(PERIOD[def.id] ?? "2026-09"),
      }).catch((err: Error) => err);
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
      `Monthly bundle (${BUNDLE.join(" + ")}) in ${FORMATS.join(", ")}, and with PDF as well, made as \`driehoek batch\` and the scheduled delivery make it (one gate, files written, the next product made while the previous one prints). Targets: ≤ 1 s without PDF, ≤ 3 s with PDF. "First": nothing cached (the store's reads, the table protection of the gemeente with its wijken and buurten); at server start the warm-up makes both ahead of the first visitor, so "again" is what a mayor meets. Chromium is started (one page printed) before anything is measured, as in a running server.`,
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
      "The monthly batch for every gemeente of the national-size demo: section `batch`.",
    ].join("\n");
  } finally {
    await access.close();
    rmSync(out, { recursive: true, force: true });
    await pdf.close();
    await t.store.close();
  }
}
