// Benchmark of the monthly batch on the national-size demo (issue 5 target: ≤ 10 minutes for every
// gemeente in the agreed formats): each gemeente's mayor gets the monthly bundle, made through the
// gate as that mayor (table protection of the gemeente with its wijken and buurten), rendered and
// written as the batch and the scheduled delivery do. Runs on a copy of the 10-million-row store.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PURPOSE } from "../src/disclosure/access-spec.ts";
import { requesterFor } from "../src/disclosure/store-gate.ts";
import { newAccount } from "../src/domain/account.ts";
import { parsePeriod } from "../src/products/product-period.ts";
import type { BatchResult } from "../src/products/run-batch.ts";
import { runBatch, timePerProduct } from "../src/products/run-batch.ts";
import { monthParam } from "../src/render/format-nl.ts";
import { openPdfPrinter } from "../src/render/pdf/print-pdf.ts";
import type { ProductFormat } from "../src/render/product/render-product.ts";
import { openTestGate } from "../src/server/test-access.ts";
import { openDuckDbStore } from "../src/store/duckdb/duckdb-store.ts";
import { fmt, log } from "./bench-doc.ts";
import { NATIONAL_UNTIL, nationalStore } from "./ingest.ts";

/** What every gemeente agreed in this benchmark: the monthly bundle, to read and to analyse. */
const BUNDLE = ["maandoverzicht", "tabellenboek", "woninginbraakmonitor"];
const FORMATS: ProductFormat[] = ["pdf", "xlsx"];
const ROWS = 10_000_000;

export async function runBatchBench(): Promise<string> {
  const source = await nationalStore(ROWS);
  const dir = mkdtempSync(join(tmpdir(), "driehoek-bench-batch-"));
  const db = join(dir, "landelijk.duckdb");
  execFileSync("cp", [source, db]);
  const store = await openDuckDbStore(db);
  const now = new Date(Date.UTC(2026, 0, 5, 8));
  const access = await openTestGate(store, () => now);
  const pdf = await openPdfPrinter();
  try {
    const registrations = await store.registrationCount();
    const year = Math.max(...(await store.boundaryYears("gemeente")));
    const gemeenten = (await store.listAreas({ level: "gemeente", year })).sort((a, b) =>
      a.code.localeCompare(b.code),
    );
    // A mayor per gemeente, of the gemeente's own organisation.
    for (const g of gemeenten) {
      await store.saveOrganisation({
        id: g.code,
        name: `Gemeente ${g.name}`,
        kind: "gemeente",
        authority: [g.code],
      });
      await store.saveUser(
        newAccount({
          id: `burgemeester.${g.code}`,
          name: `Burgemeester van ${g.name}`,
          organisation: g.code,
          roles: ["burgemeester"],
          passwordHash: null,
          createdAt: now,
        }),
      );
    }
    const period = parsePeriod(monthParam(NATIONAL_UNTIL));
    const deps = { store, gate: access.gate, registry: access.registry, now: () => now };
    log(`Batch: ${gemeenten.length} gemeenten × ${BUNDLE.length} producten (${FORMATS.join(", ")})…`);
    const t0 = performance.now();
    let peakRss = 0;
    let done = 0;
    // One batch over every gemeente, each job made as that gemeente's mayor.
    const jobs = gemeenten.flatMap((g) =>
      BUNDLE.map((product) => ({ gemeente: g.code, product, area: g.code, formats: FORMATS })),
    );
    const mayors = new Map<string, Awaited<ReturnType<typeof requesterFor>>>();
    const results: BatchResult[] = await runBatch(
      deps,
      async (job) => {
        let requester = mayors.get(job.gemeente);
        if (!requester) {
          requester = await requesterFor(store, `burgemeester.${job.gemeente}`);
          mayors.set(job.gemeente, requester);
        }
        return { requester: { ...requester, strongAuth: true }, purpose: PURPOSE.burgemeester };
      },
      jobs,
      period,
      join(dir, "uit"),
      {
        pdf,
        progress: (n) => {
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
          if (n % (25 * BUNDLE.length) === 0 || n === jobs.length)
            log(
              `  ${n / BUNDLE.length}/${gemeenten.length} gemeenten, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
            );
          done = n;
        },
      },
    );
    if (done !== jobs.length) throw new Error(`batch: ${done} of ${jobs.length} reported`);
    const seconds = (performance.now() - t0) / 1000;
    const failed = results.filter((r) => r.status !== "gemaakt");
    if (failed.length > 0)
      throw new Error(`batch: ${failed.length} not made, e.g. ${JSON.stringify(failed[0]?.reason)}`);
    const files = results.reduce((n, r) => n + r.files.length, 0);
    const perGemeente = gemeenten.map((g) =>
      results.filter((r) => r.job.gemeente === g.code).reduce((s, r) => s + r.ms, 0),
    );
    perGemeente.sort((a, b) => a - b);
    const largest = [...gemeenten].sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0];
    return [
      "### Maandelijkse batch, landelijk",
      "",
      `Command: \`npm run bench -- --onderdelen batch\`. Data: the \`landelijk\` demo store of the ingest bench (${fmt(registrations)} registrations, ${gemeenten.length} gemeenten, up to ${NATIONAL_UNTIL}; made first when missing), copied; period ${period.label}. For every gemeente its mayor (a user of the gemeente's own organisation) gets ${BUNDLE.join(" + ")} in ${FORMATS.join(" and ")}: made through the gate as that mayor (a register entry each; table protection of the gemeente with its wijken and buurten, decided fresh — nothing was cached or in a ledger), rendered and written as \`driehoek batch\` does (one batch over all gemeenten, each product made as its gemeente's mayor while the previous one prints). Target: ≤ 10 minutes.`,
      "",
      `| gemeenten | products | files | total | per gemeente, its products' times added (median / p95 / max) | peak memory |`,
      "|---:|---:|---:|---:|---:|---:|",
      `| ${gemeenten.length} | ${results.length} | ${fmt(files)} | ${fmt(seconds / 60, 1)} min | ${fmt(perGemeente[Math.floor(perGemeente.length / 2)] ?? 0)} / ${fmt(perGemeente[Math.floor(perGemeente.length * 0.95)] ?? 0)} / ${fmt(perGemeente.at(-1) ?? 0)} ms | ${fmt(peakRss / 2 ** 20)} MB |`,
      "",
      `Time per product (from making to its files written; they overlap, so the sum exceeds the total). The largest gemeente is ${largest?.name} (${fmt(largest?.population ?? 0)} inhabitants).`,
      "",
      "| product | count | mean | total |",
      "|---|---:|---:|---:|",
      ...timePerProduct(results).map(
        (p) => `| ${p.product} | ${p.count} | ${fmt(p.meanMs)} ms | ${fmt(p.totalMs / 1000, 1)} s |`,
      ),
    ].join("\n");
  } finally {
    await pdf.close();
    await access.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
