// `driehoek import classificatie|gebieden|bevolking|indeling|adressen FILE` and `driehoek gebieden`.

import type { Command } from "commander";
import { AREA_LEVELS, type AreaLevel, isAreaLevel } from "../domain/area.ts";
import { InputError } from "../domain/errors.ts";
import {
  type ImportResult,
  importAddressesFile,
  importAreasFile,
  importClassificationFile,
  importIndelingFile,
  importPopulationFile,
} from "../ingest/import-reference.ts";
import { type AccessOptions, alreadyPublic, discloseForCli, withAccessOptions } from "./cli-access.ts";
import { type CliEffects, storePath, withStore } from "./context.ts";
import { n, textTable } from "./format-nl.ts";

function parseYear(text: string, file: string): number {
  const y = Number(text);
  if (!/^\d{4}$/.test(text) || y < 1900 || y > 2100)
    throw new InputError(`jaar "${text}" is geen jaartal`, file);
  return y;
}

function report(fx: CliEffects, what: string, r: ImportResult): void {
  fx.stdout(`${n(r.loaded)} ${what} geladen.\n`);
  if (r.problems.length > 0) {
    fx.stdout(`${n(r.problems.length)} niet geladen:\n`);
    for (const p of r.problems.slice(0, 50)) fx.stdout(`  ${p}\n`);
    if (r.problems.length > 50) fx.stdout(`  … en ${n(r.problems.length - 50)} meer\n`);
  }
}

export function registerImportCommands(program: Command, fx: CliEffects): void {
  const imp = program.command("import").description("Laad referentiegegevens");

  imp
    .command("classificatie")
    .description(
      "BVH-codes (maatschappelijke klassen) met hun INP2013-type, in de indeling van inp2013_bvh.csv",
    )
    .argument("<bestand>")
    .option("--db <pad>", "databasebestand")
    .action(async (file: string, o: { db?: string }) => {
      report(fx, "BVH-codes", await withStore(storePath(o.db, fx), (s) => importClassificationFile(s, file)));
    });

  imp
    .command("gebieden")
    .description("Gebiedsgrenzen uit GeoJSON met CBS-codes; bewaard in WGS84 en RD New")
    .argument("<bestand>")
    .requiredOption("--niveau <niveau>", "gemeente, wijk, buurt, eenheid of pc4")
    .requiredOption("--jaar <jaar>", "jaar van de gebiedsindeling")
    .option("--code-eigenschap <naam>", "eigenschap met de gebiedscode (standaard: herkend)")
    .option("--naam-eigenschap <naam>", "eigenschap met de naam (standaard: herkend)")
    .option("--db <pad>", "databasebestand")
    .action(
      async (
        file: string,
        o: { niveau: string; jaar: string; codeEigenschap?: string; naamEigenschap?: string; db?: string },
      ) => {
        if (!["gemeente", "wijk", "buurt", "eenheid", "pc4"].includes(o.niveau)) {
          throw new InputError(`niveau "${o.niveau}" is niet gemeente, wijk, buurt, eenheid of pc4`, file);
        }
        const r = await withStore(storePath(o.db, fx), (s) =>
          importAreasFile(s, file, {
            level: o.niveau as AreaLevel,
            year: parseYear(o.jaar, file),
            codeProperty: o.codeEigenschap,
            nameProperty: o.naamEigenschap,
          }),
        );
        report(fx, `gebieden (${o.niveau}, ${o.jaar})`, r);
      },
    );

  imp
    .command("bevolking")
    .description("Aantal inwoners per gebied (CSV of JSON)")
    .argument("<bestand>")
    .requiredOption("--jaar <jaar>", "peiljaar (1 januari)")
    .option("--code-kolom <naam>", "kolom met de gebiedscode (standaard: herkend)")
    .option("--aantal-kolom <naam>", "kolom met het aantal inwoners (standaard: herkend)")
    .option("--db <pad>", "databasebestand")
    .action(
      async (file: string, o: { jaar: string; codeKolom?: string; aantalKolom?: string; db?: string }) => {
        const r = await withStore(storePath(o.db, fx), (s) =>
          importPopulationFile(s, file, {
            year: parseYear(o.jaar, file),
            codeColumn: o.codeKolom,
            valueColumn: o.aantalKolom,
          }),
        );
        report(fx, "inwoneraantallen", r);
      },
    );

  imp
    .command("indeling")
    .description("Politie-indeling: gemeente → basisteam → district → eenheid (CSV)")
    .argument("<bestand>")
    .option("--jaar <jaar>", "jaar van de indeling (standaard: dit jaar)")
    .option("--db <pad>", "databasebestand")
    .action(async (file: string, o: { jaar?: string; db?: string }) => {
      const year = o.jaar ? parseYear(o.jaar, file) : fx.now().getFullYear();
      report(
        fx,
        "gemeenten ingedeeld",
        await withStore(storePath(o.db, fx), (s) => importIndelingFile(s, file, year)),
      );
    });

  imp
    .command("adressen")
    .description(
      "Adrespunten (postcode;huisnummer;x;y in RD) om registraties met alleen een adres te plaatsen",
    )
    .argument("<bestand>")
    .option("--db <pad>", "databasebestand")
    .action(async (file: string, o: { db?: string }) => {
      report(fx, "adrespunten", await withStore(storePath(o.db, fx), (s) => importAddressesFile(s, file)));
    });

  withAccessOptions(
    program
      .command("gebieden")
      .description("Toon de gebieden in de database: code, naam, niveau, bovenliggend gebied, inwoners"),
  )
    .option("--niveau <niveau>", `alleen dit niveau (${AREA_LEVELS.join(", ")})`)
    .option("--jaar <jaar>", "alleen deze gebiedsindeling")
    .option("--json", "uitvoer als JSON")
    .option("--db <pad>", "databasebestand")
    .action(async (o: AccessOptions & { niveau?: string; jaar?: string; json?: boolean; db?: string }) => {
      if (o.niveau && !isAreaLevel(o.niveau)) {
        throw new InputError(`niveau "${o.niveau}" bestaat niet (${AREA_LEVELS.join(", ")})`, "--niveau");
      }
      const db = storePath(o.db, fx);
      const list = await withStore(db, (s) =>
        discloseForCli(
          s,
          db,
          fx,
          o,
          { what: "gebieden", areas: [], period: null, sensitivity: "open", source: "openbaar" },
          () =>
            s.listAreas({
              level: o.niveau as AreaLevel | undefined,
              year: o.jaar ? parseYear(o.jaar, "--jaar") : undefined,
            }),
          { protect: alreadyPublic },
        ),
      );
      if (o.json) {
        const out = list.map((a) => ({
          code: a.code,
          naam: a.name,
          niveau: a.level,
          jaar: a.year,
          bovenliggend: a.parent,
          inwoners: a.population,
          inwonersJaar: a.populationYear,
        }));
        fx.stdout(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      if (list.length === 0) {
        fx.stdout(
          "Er zijn nog geen gebieden. Laad ze met: driehoek import gebieden BESTAND --niveau N --jaar J\n",
        );
        return;
      }
      fx.stdout(
        textTable(
          ["code", "naam", "niveau", "jaar", "bovenliggend", "inwoners"],
          list.map((a) => [a.code, a.name, a.level, String(a.year), a.parent ?? "", a.population]),
        ),
      );
    });
}
