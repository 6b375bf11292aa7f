// `driehoek batch --periode P --uit MAP [--alle] [--formaten …] [--gemeenten …] --als USER --doel DOEL`:
// every agreed product of every gemeente for a period (or, with --alle, every product that fits the
// period for every gemeente), made through the gate as one user, written to MAP/<gemeente>/, with
// a progress bar and the time per product at the end.

import cliProgress from "cli-progress";
import type { Command } from "commander";
import { currentAgreements } from "../agreements/agreement-store.ts";
import { loadOrCreateKey } from "../disclosure/keys.ts";
import { keysDir } from "../disclosure/store-gate.ts";
import { InputError } from "../domain/errors.ts";
import { type BatchJob, jobsForAll, jobsFromAgreements } from "../products/batch-jobs.ts";
import { CATALOG } from "../products/catalog.ts";
import { parsePeriod } from "../products/product-period.ts";
import { runBatch, timePerProduct } from "../products/run-batch.ts";
import { openPdfPrinter } from "../render/pdf/print-pdf.ts";
import { isProductFormat, type ProductFormat } from "../render/product/render-product.ts";
import { type AccessOptions, withAccessOptions, withCliAccess } from "./cli-access.ts";
import { type CliEffects, storePath, withStore } from "./context.ts";
import { n } from "./format-nl.ts";

interface BatchOptions extends AccessOptions {
  periode: string;
  uit: string;
  alle?: boolean;
  formaten: string;
  gemeenten?: string;
  db?: string;
}

export function registerBatchCommand(program: Command, fx: CliEffects): void {
  withAccessOptions(
    program
      .command("batch")
      .description(
        "Maak alle afgesproken producten van alle gemeenten voor een periode (via de verstrekkingscontrole)",
      ),
  )
    .requiredOption("--periode <periode>", "JJJJ-MM, JJJJ-Qn, JJJJ-Hn, JJJJ, JJJJ-Www of JJJJ-MM-DD")
    .requiredOption("--uit <map>", "schrijf de bestanden naar deze map (per gemeente een map)")
    .option(
      "--alle",
      "niet alleen wat is afgesproken: elk product dat bij de periode past, voor elke gemeente",
    )
    .option("--formaten <lijst>", "met --alle: de formaten, met komma's", "html,xlsx")
    .option("--gemeenten <lijst>", "alleen deze gemeenten (codes met komma's)")
    .option("--db <pad>", "databasebestand")
    .action(async (o: BatchOptions) => {
      const period = parsePeriod(o.periode);
      const formats = o.formaten.split(",").map((f) => f.trim());
      for (const f of formats) {
        if (!isProductFormat(f)) throw new InputError(`formaat "${f}" kennen we niet`, "--formaten");
      }
      const only = o.gemeenten ? new Set(o.gemeenten.split(",").map((g) => g.trim().toUpperCase())) : null;
      const db = storePath(o.db, fx);
      const results = await withStore(db, async (store) => {
        let jobs: BatchJob[];
        if (o.alle) {
          const year = Math.max(...(await store.boundaryYears("gemeente")));
          const gemeenten = (await store.listAreas({ level: "gemeente", year })).map((a) => a.code);
          jobs = jobsForAll(CATALOG, gemeenten, period, formats as ProductFormat[]);
        } else {
          const { agreements, unreadable } = await currentAgreements(store);
          for (const u of unreadable) fx.stderr(`Afspraak van ${u.gemeente} niet leesbaar: ${u.reason}\n`);
          jobs = jobsFromAgreements(
            agreements.map((a) => a.agreement),
            period,
          );
        }
        if (only) jobs = jobs.filter((j) => only.has(j.gemeente));
        if (jobs.length === 0) {
          fx.stdout(
            `Niets te maken voor ${period.label}${o.alle ? "" : " (geen afspraken met een product voor deze periode; gebruik --alle)"}.\n`,
          );
          return [];
        }
        const needsPdf = jobs.some((j) => j.formats.includes("pdf"));
        const pdf = needsPdf ? await openPdfPrinter() : undefined;
        const bar = fx.isTty
          ? new cliProgress.SingleBar(
              {
                format: "Producten [{bar}] {value}/{total} | {product} {gemeente} | nog {eta_formatted}",
                stream: process.stderr,
                hideCursor: true,
              },
              cliProgress.Presets.shades_classic,
            )
          : null;
        bar?.start(jobs.length, 0, { product: "", gemeente: "" });
        try {
          return await withCliAccess(store, db, fx, o, ({ gate, registry, requester, purpose }) =>
            runBatch(
              {
                store,
                gate,
                registry,
                now: fx.now,
                recordKey: loadOrCreateKey(keysDir(db, fx.env), "pseudoniem"),
              },
              { requester, purpose },
              jobs,
              period,
              o.uit,
              {
                pdf,
                progress: (done, total, job) => {
                  if (bar) bar.update(done, { product: job.product, gemeente: job.gemeente });
                  else if (done === total || done % 25 === 0)
                    fx.stderr(`${n(done)} van ${n(total)} gemaakt\n`);
                },
              },
            ),
          );
        } finally {
          bar?.stop();
          await pdf?.close();
        }
      });
      if (results.length === 0) return;
      const made = results.filter((r) => r.status === "gemaakt");
      fx.stdout(
        `${n(made.length)} van ${n(results.length)} producten gemaakt voor ${period.label} in ${o.uit}.\n`,
      );
      for (const r of results.filter((x) => x.status !== "gemaakt"))
        fx.stdout(`  ${r.status}: ${r.job.product} ${r.job.area}: ${r.reason}\n`);
      fx.stdout("Tijd per product:\n");
      for (const t of timePerProduct(results))
        fx.stdout(
          `  ${t.product.padEnd(24)} ${n(t.count)} × gemiddeld ${n(Math.round(t.meanMs))} ms (totaal ${n(Math.round(t.totalMs / 1000))} s)\n`,
        );
      if (results.some((r) => r.status === "mislukt")) process.exitCode = 1;
    });
}
