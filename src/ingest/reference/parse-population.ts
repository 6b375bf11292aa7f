// Population per area (gemeente, wijk, buurt or pc4) for a year the caller gives, from:
// (a) CSV with a code column and a population column, found by name and content (or named by
//     the caller), e.g. a pandas export with "Gemeentecode" and "Bevolking" ("25845.0");
// (b) JSON: a list of {code, inwoners}, the woonikveilig index ({entities: [{code, inwoners}]}),
//     woonikveilig per-gemeente files ({code, demografie: {inwoners}, wijken: [...], buurten: [...]}),
//     a {gemeenten: [...]} list, or an OData reply ({value: [{WijkenEnBuurten, AantalInwoners_5}]});
// (c) GeoJSON features whose properties hold a code (wijkCode, buurtCode, statcode ...) and
//     aantalInwoners.
// Missing, suppressed or negative populations (CBS uses -99997 and the like for secret values)
// go to `problems`, never into the rows.

import { type AreaLevel, levelOfCbsCode, type PopulationRow } from "../../domain/area.ts";
import type { QuarantineEntry } from "../../domain/delivery.ts";
import { InputError } from "../../domain/errors.ts";
import { type Delimiter, parseCsvText } from "../text/csv-reader.ts";
import { parseJsonLocated } from "../text/json-locate.ts";
import { isPlainObject } from "../text/json-records.ts";
import { readTextFile } from "../text/read-text.ts";
import { findColumn } from "./columns.ts";

export interface PopulationOptions {
  /** Name of the column (CSV) or property (JSON) with the area code. */
  codeColumn?: string;
  /** Name of the column (CSV) or property (JSON) with the population. */
  valueColumn?: string;
  delimiter?: Delimiter;
}

export interface ParsedPopulation {
  rows: PopulationRow[];
  problems: QuarantineEntry[];
  format: "csv" | "json" | "geojson";
}

const POPULATION_LEVELS: readonly AreaLevel[] = ["gemeente", "wijk", "buurt", "pc4"];

/**
 * Level of an area code for population purposes. Besides levelOfCbsCode this accepts CBS wijk and
 * buurt codes with letters, as Amsterdam has them (WK0363AD, BU0363AD03).
 */
export function populationLevel(code: string): AreaLevel | undefined {
  const level = levelOfCbsCode(code);
  if (level && POPULATION_LEVELS.includes(level)) return level;
  if (/^WK\d{4}[0-9A-Z]{2}$/.test(code)) return "wijk";
  if (/^BU\d{4}[0-9A-Z]{4}$/.test(code)) return "buurt";
  return undefined;
}

/** Normalized form of a column or property name: lower case, letters and digits only, without a
 * CBS suffix such as "_5". */
function key(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/_\d+$/, "")
    .replace(/[^a-z0-9]/g, "");
}

const VALUE_KEYS = [
  "bevolking",
  "inwoners",
  "aantalinwoners",
  "totalebevolking",
  "bevolkingtotaal",
  "population",
];
const CODE_KEYS = [
  "code",
  "gemeentecode",
  "statcode",
  "regiocode",
  "wijkcode",
  "buurtcode",
  "gwbcode",
  "wijkenenbuurten",
  "regios",
  "pc4",
  "postcode",
  "postcode4",
];

/** Number of inhabitants from a cell or property, or a Dutch reason why not. */
export function parsePopulationValue(v: unknown): number | { reason: string } {
  if (v === null || v === undefined) return { reason: "geen inwonertal (leeg of geheim)" };
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const s = v.trim();
    if (s === "" || s === "." || s === "-" || s.toLowerCase() === "x") {
      return { reason: "geen inwonertal (leeg of geheim)" };
    }
    if (/^\d+$/.test(s)) n = Number(s);
    else if (/^\d{1,3}(\.\d{3})+$/.test(s))
      n = Number(s.replaceAll(".", "")); // 1.255 = 1255
    else if (/^\d{1,3}(,\d{3})+$/.test(s))
      n = Number(s.replaceAll(",", "")); // 1,255 = 1255
    else if (/^-?\d+([.,]\d+)?$/.test(s)) n = Number(s.replace(",", "."));
    else return { reason: `"${s}" is geen aantal inwoners` };
  } else return { reason: `${JSON.stringify(v)} is geen aantal inwoners` };
  if (!Number.isFinite(n)) return { reason: `${String(v)} is geen aantal inwoners` };
  if (n < 0)
    return { reason: `inwonertal ${n} is negatief (CBS gebruikt dit voor een geheim of onbekend getal)` };
  if (!Number.isInteger(n)) return { reason: `inwonertal ${n} is geen geheel getal` };
  return n;
}

function normalizeCode(v: unknown): string {
  return typeof v === "string" ? v.trim().toUpperCase() : typeof v === "number" ? String(v) : "";
}

/** Accumulates rows and problems with the checks every format shares. */
class Collector {
  readonly rows: PopulationRow[] = [];
  readonly problems: QuarantineEntry[] = [];
  private readonly seen = new Map<string, number>();
  constructor(
    readonly file: string,
    readonly year: number,
  ) {}
  add(
    codeValue: unknown,
    popValue: unknown,
    line: number,
    raw: string,
    codeField: string,
    valueField: string,
  ) {
    const code = normalizeCode(codeValue);
    if (code === "") {
      this.problems.push({ file: this.file, line, field: codeField, reason: "de gebiedscode is leeg", raw });
      return;
    }
    if (!populationLevel(code)) {
      this.problems.push({
        file: this.file,
        line,
        field: codeField,
        reason: `"${code}" is geen code van een gemeente, wijk, buurt of postcodegebied (zoals GM0344, WK034401, BU03440101, 3511)`,
        raw,
      });
      return;
    }
    const n = parsePopulationValue(popValue);
    if (typeof n !== "number") {
      this.problems.push({ file: this.file, line, field: valueField, reason: `${code}: ${n.reason}`, raw });
      return;
    }
    const earlier = this.seen.get(code);
    if (earlier !== undefined) {
      this.problems.push({
        file: this.file,
        line,
        field: codeField,
        reason: `${code} staat al eerder in het bestand (regel ${earlier})`,
        raw,
      });
      return;
    }
    this.seen.set(code, line);
    this.rows.push({ code, year: this.year, population: n });
  }
}

function looksLikeAreaCode(v: string, allowPc4: boolean): boolean {
  const level = populationLevel(v.trim().toUpperCase());
  return level !== undefined && (allowPc4 || level !== "pc4");
}

export function parsePopulationCsv(
  text: string,
  file: string,
  year: number,
  opts: PopulationOptions = {},
): ParsedPopulation {
  const csv = parseCsvText(text, file, opts.delimiter ? { delimiter: opts.delimiter } : {});
  const { header } = csv;
  const sample = csv.records.slice(0, 50);
  const share = (i: number, allowPc4: boolean) => {
    const values = sample.map((r) => r.fields[i] ?? "").filter((v) => v.trim() !== "");
    if (values.length === 0) return 0;
    return values.filter((v) => looksLikeAreaCode(v, allowPc4)).length / values.length;
  };

  let codeCol: number;
  if (opts.codeColumn) {
    codeCol = findColumn(header, [opts.codeColumn]);
    if (codeCol === -1) {
      throw new InputError(
        `de opgegeven kolom "${opts.codeColumn}" voor de gebiedscode bestaat niet`,
        file,
        csv.headerLine,
      );
    }
  } else {
    const byName = header
      .map((h, i) => ({ i, k: key(h) }))
      .filter(({ k }) => CODE_KEYS.includes(k))
      .sort((a, b) => CODE_KEYS.indexOf(a.k) - CODE_KEYS.indexOf(b.k));
    const named = byName.find(({ i, k }) => share(i, k.startsWith("pc") || k.startsWith("postcode")) >= 0.9);
    const byContent = header.findIndex((_, i) => share(i, false) >= 0.9);
    codeCol = named?.i ?? byContent;
    if (codeCol === -1) {
      throw new InputError(
        "geen kolom met gebiedscodes gevonden (zoals GM0344, WK034401 of BU03440101); geef de kolom op",
        file,
        csv.headerLine,
      );
    }
  }

  let valueCol: number;
  if (opts.valueColumn) {
    valueCol = findColumn(header, [opts.valueColumn]);
    if (valueCol === -1) {
      throw new InputError(
        `de opgegeven kolom "${opts.valueColumn}" voor het aantal inwoners bestaat niet`,
        file,
        csv.headerLine,
      );
    }
  } else {
    const keys = header.map(key);
    valueCol = -1;
    for (const k of VALUE_KEYS) {
      valueCol = keys.indexOf(k);
      if (valueCol !== -1) break;
    }
    if (valueCol === -1) {
      throw new InputError(
        "geen kolom met het aantal inwoners gevonden (zoals Bevolking, inwoners of aantal_inwoners); geef de kolom op",
        file,
        csv.headerLine,
      );
    }
  }

  const out = new Collector(file, year);
  out.problems.push(...csv.problems);
  const codeName = header[codeCol] ?? "";
  const valueName = header[valueCol] ?? "";
  for (const rec of csv.records) {
    out.add(rec.fields[codeCol], rec.fields[valueCol], rec.line, rec.raw, codeName, valueName);
  }
  return { rows: out.rows, problems: out.problems, format: "csv" };
}

/** The property of `obj` whose normalized name is one of `keys` (in that order of preference). */
function pick(obj: Record<string, unknown>, keys: readonly string[], given?: string): string | undefined {
  const names = Object.keys(obj);
  if (given) return names.find((n) => n === given) ?? names.find((n) => key(n) === key(given));
  const normalized = names.map(key);
  for (const k of keys) {
    const i = normalized.indexOf(k);
    if (i !== -1) return names[i];
  }
  return undefined;
}

const LIST_KEYS = ["entities", "gemeenten", "wijken", "buurten", "features", "value"];

export function parsePopulationJson(
  text: string,
  file: string,
  year: number,
  opts: PopulationOptions = {},
): ParsedPopulation {
  const doc = parseJsonLocated(text, file);
  const out = new Collector(file, year);
  let geojson = false;
  let candidates = 0;

  const visit = (item: unknown, line: number) => {
    if (!isPlainObject(item)) return;
    let props = item;
    if (item.type === "Feature" && isPlainObject(item.properties)) {
      geojson = true;
      props = item.properties;
    }
    let valueName = pick(props, VALUE_KEYS, opts.valueColumn);
    let value: unknown;
    let valueField: string;
    if (valueName !== undefined) {
      value = props[valueName];
      valueField = valueName;
    } else if (isPlainObject(props.demografie) && !opts.valueColumn) {
      valueName = pick(props.demografie, VALUE_KEYS);
      if (valueName === undefined) return;
      value = props.demografie[valueName];
      valueField = `demografie.${valueName}`;
    } else return; // no population here (e.g. a provincie entry in the woonikveilig index)
    candidates++;
    const codeName = pick(props, CODE_KEYS, opts.codeColumn);
    const raw = JSON.stringify(props);
    out.add(codeName === undefined ? "" : props[codeName], value, line, raw, codeName ?? "code", valueField);
  };

  const root = doc.value;
  const lineOf = (v: unknown, fallback: number) =>
    isPlainObject(v) ? (doc.lineOf(v) ?? fallback) : fallback;
  if (Array.isArray(root)) {
    for (const item of root) visit(item, lineOf(item, 1));
  } else if (isPlainObject(root)) {
    visit(root, lineOf(root, 1));
    for (const k of LIST_KEYS) {
      const list = root[k];
      if (!Array.isArray(list)) continue;
      for (const item of list) visit(item, lineOf(item, 1));
    }
  } else {
    throw new InputError("dit JSON-bestand bevat geen gebieden met inwoners", file);
  }
  if (candidates === 0) {
    throw new InputError(
      "geen gebieden met inwoners gevonden (verwacht objecten met een code en inwoners, aantalInwoners of demografie.inwoners)",
      file,
    );
  }
  return { rows: out.rows, problems: out.problems, format: geojson ? "geojson" : "json" };
}

/** CSV or JSON/GeoJSON, told apart by the first character. */
export function parsePopulation(
  text: string,
  file: string,
  year: number,
  opts: PopulationOptions = {},
): ParsedPopulation {
  const first = text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .charAt(0);
  return first === "{" || first === "["
    ? parsePopulationJson(text, file, year, opts)
    : parsePopulationCsv(text, file, year, opts);
}

export async function readPopulation(
  path: string,
  year: number,
  opts: PopulationOptions = {},
): Promise<ParsedPopulation> {
  const { text } = await readTextFile(path);
  return parsePopulation(text, path, year, opts);
}
