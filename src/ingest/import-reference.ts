// Imports of reference data files into the store: classification, areas, population, police
// indeling and address points. Each returns what was loaded and what was rejected (with reasons).

import { readFile } from "node:fs/promises";
import type { AreaLevel } from "../domain/area.ts";
import { InputError } from "../domain/errors.ts";
import { parseAreasGeoJson } from "../domain/geo/geojson-areas.ts";
import type { AddressPoint, Store } from "../store/store.ts";
import { parseDecimal, parsePostcode } from "./normalize-registration.ts";
import { parseClassification } from "./reference/parse-classification.ts";
import { parseIndeling } from "./reference/parse-indeling.ts";
import { parsePopulation } from "./reference/parse-population.ts";
import { parseCsvText } from "./text/csv-reader.ts";
import { decodeText } from "./text/detect-encoding.ts";

export interface ImportResult {
  loaded: number;
  /** Dutch descriptions of rejected rows or features, with their place in the file. */
  problems: string[];
}

/**
 * Optional progress of an import: "gelezen" once the file is read and checked (rows: the usable
 * rows found), "opgeslagen" once they are in the store (rows: the number loaded).
 */
export type ImportProgress = (p: { stage: "gelezen" | "opgeslagen"; rows: number }) => void;

/** Reports the rows read, stores them, and reports the rows stored. */
async function stored(rows: number, save: () => Promise<number>, onProgress?: ImportProgress) {
  onProgress?.({ stage: "gelezen", rows });
  const loaded = await save();
  onProgress?.({ stage: "opgeslagen", rows: loaded });
  return loaded;
}

async function readText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new InputError("bestand niet gevonden of niet leesbaar", path);
  }
  if (bytes.length === 0) throw new InputError("het bestand is leeg", path);
  return decodeText(bytes, path).text;
}

const describe = (p: { line: number; field: string | null; reason: string }) =>
  `regel ${p.line}${p.field ? `, veld ${p.field}` : ""}: ${p.reason}`;

export async function importClassificationFile(
  store: Store,
  path: string,
  onProgress?: ImportProgress,
): Promise<ImportResult> {
  const { rows, problems } = parseClassification(await readText(path), path);
  if (rows.length === 0) throw new InputError("het bestand bevat geen bruikbare classificatieregels", path);
  const loaded = await stored(rows.length, () => store.importClassification(rows), onProgress);
  return { loaded, problems: problems.map(describe) };
}

export async function importAreasFile(
  store: Store,
  path: string,
  opts: { level: AreaLevel; year: number; codeProperty?: string; nameProperty?: string },
  onProgress?: ImportProgress,
): Promise<ImportResult> {
  const { areas, problems } = parseAreasGeoJson(await readText(path), path, opts);
  return {
    loaded: await stored(areas.length, () => store.importAreas(areas), onProgress),
    problems: problems.map((p) => `object ${p.feature}: ${p.reason}`),
  };
}

export async function importPopulationFile(
  store: Store,
  path: string,
  opts: { year: number; codeColumn?: string; valueColumn?: string },
  onProgress?: ImportProgress,
): Promise<ImportResult> {
  const { rows, problems } = parsePopulation(await readText(path), path, opts.year, opts);
  if (rows.length === 0) throw new InputError("het bestand bevat geen bruikbare inwoneraantallen", path);
  const loaded = await stored(rows.length, () => store.importPopulation(rows), onProgress);
  return { loaded, problems: problems.map(describe) };
}

export async function importIndelingFile(
  store: Store,
  path: string,
  year: number,
  onProgress?: ImportProgress,
): Promise<ImportResult> {
  const { rows, problems } = parseIndeling(await readText(path), path);
  if (rows.length === 0) throw new InputError("het bestand bevat geen bruikbare regels", path);
  const loaded = await stored(rows.length, () => store.importIndeling(rows, year), onProgress);
  return { loaded, problems: problems.map(describe) };
}

/** Address points: CSV with columns postcode, huisnummer, x, y (RD metres). */
export async function importAddressesFile(
  store: Store,
  path: string,
  onProgress?: ImportProgress,
): Promise<ImportResult> {
  const csv = parseCsvText(await readText(path), path);
  const col = (name: string) => {
    const i = csv.header.findIndex((h) => h.trim().toLowerCase() === name);
    if (i < 0) throw new InputError(`verplichte kolom ontbreekt: ${name}`, path, csv.headerLine, name);
    return i;
  };
  const [pc, hn, xi, yi] = [col("postcode"), col("huisnummer"), col("x"), col("y")];
  const rows: AddressPoint[] = [];
  const problems = csv.problems.map(describe);
  for (const r of csv.records) {
    const postcode = parsePostcode(r.fields[pc] ?? "");
    const x = parseDecimal(r.fields[xi] ?? "");
    const y = parseDecimal(r.fields[yi] ?? "");
    const houseNumber = (r.fields[hn] ?? "").trim().toUpperCase();
    if (!postcode?.postcode)
      problems.push(`regel ${r.line}, veld postcode: "${r.fields[pc]}" is geen postcode als 1234AB`);
    else if (!houseNumber) problems.push(`regel ${r.line}, veld huisnummer: ontbreekt`);
    else if (!Number.isFinite(x) || !Number.isFinite(y))
      problems.push(`regel ${r.line}, veld x/y: geen getal`);
    else rows.push({ postcode: postcode.postcode, houseNumber, x, y });
  }
  return { loaded: await stored(rows.length, () => store.importAddresses(rows), onProgress), problems };
}
