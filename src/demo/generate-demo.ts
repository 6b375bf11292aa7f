// The demo generator: writes a fictional region and its registrations as files that driehoek's
// normal import and ingest paths load. The same seed and options give byte-identical files; the
// clock is not used here (the caller passes `until`).

import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { MONTHS_NL } from "../domain/time.ts";
import {
  writeAddresses,
  writeAreaFiles,
  writeClassification,
  writeIndeling,
  writePopulationFiles,
} from "./reference-files.ts";
import { buildRegion } from "./region.ts";
import type { DemoSize } from "./region-plan.ts";
import type { YearCounts } from "./registrations.ts";
import { RegistrationStream } from "./registrations.ts";
import { TextFile, writeTextFile } from "./text-file.ts";

export interface GenerateDemoOptions {
  seed: number;
  /** Number of calendar years; the last one ends with `until`. */
  years: number;
  size: DemoSize;
  /** Last month as yyyymm, e.g. 202410. */
  until: number;
  outDir: string;
  onProgress?: (done: number, total: number) => void;
  /** Caps the registrations per year by scaling all rates (for tests). */
  maxRegistrationsPerYear?: number;
}

export interface DemoManifest {
  seed: number;
  omvang: DemoSize;
  jaren: number;
  /** Last month, `YYYY-MM`. */
  tot: string;
  /** Boundary year of the areas (the last year). */
  gebiedsjaar: number;
  /** File name -> what it holds (Dutch). */
  bestanden: Record<string, string>;
  aantallen: {
    eenheden: number;
    districten: number;
    basisteams: number;
    gemeenten: number;
    wijken: number;
    buurten: number;
    adressen: number;
    classificatiecodes: number;
    /** Inhabitants per year (1 January). */
    inwoners: Record<string, number>;
    /** Registrations written per year. */
    registraties: Record<string, number>;
    misdrijven: Record<string, number>;
    incidenten: Record<string, number>;
    woninginbraken: Record<string, number>;
  };
}

export async function generateDemo(opts: GenerateDemoOptions): Promise<DemoManifest> {
  const { seed, size, until, outDir } = opts;
  if (!Number.isInteger(seed)) throw new RangeError(`seed moet een geheel getal zijn, niet ${seed}`);
  if (!Number.isInteger(opts.years) || opts.years < 1 || opts.years > 30) {
    throw new RangeError(`aantal jaren moet tussen 1 en 30 liggen, niet ${opts.years}`);
  }
  const untilYear = Math.floor(until / 100);
  const untilMonth = until % 100;
  if (!Number.isInteger(until) || untilMonth < 1 || untilMonth > 12 || untilYear < 1996 || untilYear > 2200) {
    throw new RangeError(`ongeldige eindmaand ${until} (verwacht JJJJMM, vanaf 1996)`);
  }
  const years = Array.from({ length: opts.years }, (_, i) => untilYear - opts.years + 1 + i);
  await mkdir(outDir, { recursive: true });
  await removeStaleFiles(outDir, years);

  const region = buildRegion(seed, size, years);
  const bestanden: Record<string, string> = {};
  await writeAreaFiles(region, outDir);
  bestanden["gebieden-eenheid.geojson"] = "Politie-eenheden (WGS84, properties code en naam)";
  bestanden["gebieden-gemeente.geojson"] = "Gemeenten (WGS84, properties code, naam en stedelijkheid 1-5)";
  bestanden["gebieden-wijk.geojson"] = "Wijken (WGS84, properties code en naam)";
  bestanden["gebieden-buurt.geojson"] = "Buurten (WGS84, properties code en naam)";
  const inwoners = await writePopulationFiles(region, outDir);
  for (const y of years)
    bestanden[`bevolking-${y}.csv`] = `Inwoners per gemeente, wijk en buurt op 1 januari ${y}`;
  await writeIndeling(region, outDir);
  bestanden["indeling.csv"] = "Politie-indeling: gemeente, basisteam, district en eenheid";
  const adressen = await writeAddresses(region, outDir);
  bestanden["adressen.csv"] = "Adrespunten: postcode, huisnummer en RD-coördinaten";
  const classificatiecodes = await writeClassification(outDir);
  bestanden["classificatie.csv"] =
    "BVH-codes (maatschappelijke klassen) met INP2013-indeling, zoals de politietabel";

  const stream = new RegistrationStream(region, {
    seed,
    years,
    until,
    ...(opts.maxRegistrationsPerYear !== undefined ? { maxPerYear: opts.maxRegistrationsPerYear } : {}),
  });
  const total = Math.round(stream.expectedPerYear().reduce((s, e) => s + e, 0));
  let done = 0;
  opts.onProgress?.(0, total);
  const perYear: YearCounts[] = [];
  for (let yi = 0; yi < years.length; yi++) {
    const year = years[yi] ?? untilYear;
    const file = await TextFile.create(join(outDir, `registraties-${year}.csv`));
    const counts = await stream.writeYear(yi, file, (n) => {
      done += n;
      opts.onProgress?.(Math.min(done, Math.max(total, done)), Math.max(total, done));
    });
    await file.close();
    perYear.push(counts);
    const months = year === untilYear ? `januari t/m ${MONTHS_NL[untilMonth - 1]}` : "heel het jaar";
    bestanden[`registraties-${year}.csv`] = `Registraties ${year} (${months}), canoniek CSV-formaat`;
  }
  opts.onProgress?.(done, done);

  const byYear = (pick: (c: YearCounts) => number) =>
    Object.fromEntries(perYear.map((c) => [String(c.year), pick(c)]));
  const manifest: DemoManifest = {
    seed,
    omvang: size,
    jaren: opts.years,
    tot: `${untilYear}-${String(untilMonth).padStart(2, "0")}`,
    gebiedsjaar: untilYear,
    bestanden,
    aantallen: {
      eenheden: region.units.length,
      districten: region.districts.length,
      basisteams: region.basisteams.length,
      gemeenten: region.gemeenten.length,
      wijken: region.wijken.length,
      buurten: region.buurten.length,
      adressen,
      classificatiecodes,
      inwoners,
      registraties: byYear((c) => c.registraties),
      misdrijven: byYear((c) => c.misdrijven),
      incidenten: byYear((c) => c.incidenten),
      woninginbraken: byYear((c) => c.woninginbraken),
    },
  };
  bestanden["manifest.json"] = "Deze beschrijving";
  await writeTextFile(join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Removes year files of an earlier run with other years, and half-written temporary files. */
async function removeStaleFiles(dir: string, years: number[]): Promise<void> {
  const keep = new Set(years.map(String));
  for (const name of await readdir(dir)) {
    const m = /^(registraties|bevolking)-(\d{4})\.csv$/.exec(name);
    const stale = (m && !keep.has(m[2] ?? "")) || name.endsWith(".tmp");
    if (stale) await rm(join(dir, name), { force: true });
  }
}
