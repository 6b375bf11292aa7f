// `driehoek ingest FILE --bron NAME [--profiel P]`, `driehoek leveringen`, `driehoek quarantaine ID`.

import type { Command } from "commander";
import type { Delivery } from "../domain/delivery.ts";
import { InputError } from "../domain/errors.ts";
import { hasPoliceRole } from "../domain/roles.ts";
import { ingestFile } from "../ingest/ingest-file.ts";
import { loadProfile } from "../ingest/profile.ts";
import type { Delimiter } from "../ingest/text/csv-reader.ts";
import type { TextEncoding } from "../ingest/text/detect-encoding.ts";
import { type AccessOptions, administerForCli, withAccessOptions } from "./cli-access.ts";
import { type CliEffects, storePath, withStore } from "./context.ts";
import { n, textTable } from "./format-nl.ts";
import { byteProgress } from "./progress.ts";

const DELIMITERS: Record<string, Delimiter> = { ",": ",", ";": ";", tab: "\t", "\\t": "\t", "\t": "\t" };

export function describeDelivery(d: Delivery): string {
  const c = d.counts;
  const parts = [
    `${n(c.read)} gelezen`,
    `${n(c.inserted)} nieuw`,
    `${n(c.updated)} bijgewerkt`,
    `${n(c.unchanged)} ongewijzigd`,
  ];
  if (c.aggregates) parts.push(`${n(c.aggregates)} tabelcellen`);
  parts.push(`${n(c.quarantined)} in quarantaine`, `${n(c.unplaced)} niet in een gebied geplaatst`);
  return parts.join(", ");
}

const WITHHELD_LINE = "(regel afgeschermd: alleen voor de politie)";

export function registerIngestCommands(program: Command, fx: CliEffects): void {
  program
    .command("ingest")
    .description("Laad een bestand met registraties of CBS-cijfers als levering")
    .argument("<bestand>", "CSV- of JSON-bestand")
    .requiredOption("--bron <naam>", "naam van de bron, bijvoorbeeld politie-midden-nederland")
    .option("--profiel <bestand>", "koppelprofiel (JSON) voor een ander formaat dan het canonieke")
    .option("--scheiding <teken>", "scheidingsteken: , ; of tab (standaard: herkend)")
    .option("--codering <codering>", "utf-8 of windows-1252 (standaard: herkend)")
    .option("--db <pad>", "databasebestand")
    .action(
      async (
        file: string,
        o: { bron: string; profiel?: string; scheiding?: string; codering?: string; db?: string },
      ) => {
        const delimiter = o.scheiding === undefined ? undefined : DELIMITERS[o.scheiding];
        if (o.scheiding !== undefined && !delimiter)
          throw new InputError(`onbekend scheidingsteken "${o.scheiding}"`, file);
        if (o.codering && o.codering !== "utf-8" && o.codering !== "windows-1252") {
          throw new InputError(`onbekende codering "${o.codering}" (utf-8 of windows-1252)`, file);
        }
        const profile = o.profiel ? loadProfile(o.profiel) : undefined;
        const progress = byteProgress(fx, "Inlezen");
        const report = await withStore(storePath(o.db, fx), (store) =>
          ingestFile(
            file,
            {
              source: o.bron,
              profile,
              delimiter,
              encoding: o.codering as TextEncoding | undefined,
              onProgress: (done, total) => progress.update(done, total),
            },
            { store, now: fx.now },
          ),
        ).finally(() => progress.stop());
        const { outcome } = report;
        const d = outcome.delivery;
        if (outcome.kind === "duplicate") {
          fx.stdout(
            `Dit bestand is al geladen als levering ${d.id} (${d.receivedAt.toISOString().slice(0, 10)}); er is niets veranderd.\n`,
          );
          return;
        }
        if (outcome.kind === "failed") {
          const e = outcome.error;
          fx.stderr(`Levering ${d.id} mislukt: ${e instanceof InputError ? e.describe() : e.message}\n`);
          fx.stderr("Er is niets geladen.\n");
          process.exitCode = 1;
          return;
        }
        fx.stdout(`Levering ${d.id} (${d.source}, ${report.format}) geladen: ${describeDelivery(d)}.\n`);
        if (report.ignoredColumns.length > 0) {
          fx.stdout(`Genegeerde kolommen: ${report.ignoredColumns.join(", ")}.\n`);
        }
        if (d.counts.quarantined > 0) {
          fx.stdout(`Bekijk de afgewezen regels met: driehoek quarantaine ${d.id}\n`);
        }
      },
    );

  withAccessOptions(
    program.command("leveringen").description("Toon alle leveringen met hun hash en aantallen"),
  )
    .option("--json", "uitvoer als JSON")
    .option("--db <pad>", "databasebestand")
    .action(async (o: AccessOptions & { json?: boolean; db?: string }) => {
      const db = storePath(o.db, fx);
      const list = await withStore(db, (s) =>
        administerForCli(s, db, fx, o, "leveringen", () => s.deliveries()),
      );
      if (o.json) {
        fx.stdout(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      if (list.length === 0) {
        fx.stdout("Er zijn nog geen leveringen.\n");
        return;
      }
      fx.stdout(
        textTable(
          [
            "nr",
            "ontvangen",
            "bron",
            "formaat",
            "status",
            "gelezen",
            "nieuw",
            "bijgewerkt",
            "quarantaine",
            "bestand",
            "sha256",
          ],
          list.map((d) => [
            d.id,
            d.receivedAt.toISOString().slice(0, 16).replace("T", " "),
            d.source,
            d.format,
            d.status,
            d.counts.read,
            d.counts.inserted,
            d.counts.updated,
            d.counts.quarantined,
            d.fileName,
            d.sha256.slice(0, 12),
          ]),
        ),
      );
    });

  withAccessOptions(
    program
      .command("quarantaine")
      .description("Toon de afgewezen regels van een levering, met regel, veld en reden"),
  )
    .argument("<levering>", "nummer van de levering")
    .option("--json", "uitvoer als JSON")
    .option("--db <pad>", "databasebestand")
    .action(async (id: string, o: AccessOptions & { json?: boolean; db?: string }) => {
      const nr = Number(id);
      const db = storePath(o.db, fx);
      // Quarantined records are raw source lines (they may hold persons and free text). The
      // beheerder sees file, line, field and reason; the raw line only a beheerder who is also
      // police (the data's own processor). Every look is registered (kind beheer).
      const { delivery, entries } = await withStore(db, (s) =>
        administerForCli(s, db, fx, o, `quarantaine:${nr}`, async () => {
          const as = o.als ?? fx.env.DRIEHOEK_ALS ?? "";
          const police = hasPoliceRole((await s.user(as))?.roles ?? []);
          const all = await s.quarantine(nr);
          return {
            delivery: await s.delivery(nr),
            entries: police ? all : all.map((e) => ({ ...e, raw: WITHHELD_LINE })),
          };
        }),
      );
      if (!delivery) {
        fx.stderr(`Levering ${id} bestaat niet. Zie driehoek leveringen.\n`);
        process.exitCode = 1;
        return;
      }
      if (o.json) {
        fx.stdout(`${JSON.stringify(entries, null, 2)}\n`);
        return;
      }
      if (entries.length === 0) {
        fx.stdout(`Levering ${nr} heeft geen regels in quarantaine.\n`);
        return;
      }
      fx.stdout(`Levering ${nr} (${delivery.fileName}): ${n(entries.length)} regels in quarantaine.\n`);
      for (const e of entries) {
        fx.stdout(
          `${e.file}, regel ${e.line}${e.field ? `, veld ${e.field}` : ""}: ${e.reason}\n    ${e.raw}\n`,
        );
      }
    });
}
