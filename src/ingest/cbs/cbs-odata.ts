// CBS OData replies ("TypedDataSet", JSON) of the police tables on dataderden.cbs.nl, turned into
// aggregate cells: one per (row x measure column).
//
//   { "odata.metadata": "https://dataderden.cbs.nl/ODataApi/OData/47022NED/$metadata#...",
//     "value": [ { "ID": 0, "SoortMisdrijf": "1.1.1 ", "WijkenEnBuurten": "GM0344    ",
//                  "Perioden": "2024MM01", "GeregistreerdeMisdrijven_1": 123 }, ... ] }
//
// Dimension and measure names of the four tables, as found in public code that queries them
// (searched for "47022NED", "TypedDataSet", "GeregistreerdeMisdrijven"):
// - 47013NED "Geregistreerde misdrijven en aangiften; soort misdrijf, gemeente": dimensions
//   SoortMisdrijf, RegioS, Perioden; measures GeregistreerdeMisdrijven_1, Aangiften_2,
//   Internetaangiften_3 (a MongoDB schema of the rows, and a data.politie.nl connector listing
//   "dimensies SoortMisdrijf, RegioS, Perioden").
// - 47018NED "Geregistreerde misdrijven; soort misdrijf, wijk, buurt, jaarcijfers": SoortMisdrijf
//   (padded with spaces to 6 characters, e.g. "1.4.6 "), WijkenEnBuurten, Perioden ("2025JJ00");
//   measure GeregistreerdeMisdrijven_1 (a project README with the working $filter).
// - 47022NED "... wijk, buurt, maandcijfers": the same, Perioden "2012MM01"; an Atom test fixture
//   of the feed shows ID, SoortMisdrijf "0.0.0 ", WijkenEnBuurten "GM0758    ", Perioden,
//   GeregistreerdeMisdrijven_1.
// - 47024NED (registered nuisance per wijk/buurt, monthly): Overlast, WijkenEnBuurten, Perioden;
//   measure GeregistreerdeOverlast_1 (cbsodataR code selecting GeregistreerdeOverlast_1).
// Codes are padded with spaces by CBS and are trimmed here. Null measures are suppressed cells.
//
// The table comes from the caller or from the "odata.metadata" / "@odata.context" URL. Columns
// other than the dimensions and ID are measures when their values are numbers (or null, or the
// strings of the UntypedDataSet); text columns such as Gemeentenaam_2 are left out.

import type { QuarantineEntry } from "../../domain/delivery.ts";
import { InputError } from "../../domain/errors.ts";
import { parseJsonLocated } from "../text/json-locate.ts";
import { isPlainObject } from "../text/json-records.ts";
import { readTextFile } from "../text/read-text.ts";
import type { AggregateCell } from "./statline-csv.ts";

export interface CbsTable {
  id: string;
  title: string;
  /** The classification dimension that becomes AggregateRow.category. */
  category: string;
  /** Measures known to be in the table (others are picked up by their values). */
  measures: readonly string[];
}

export const CBS_POLICE_TABLES: Readonly<Record<string, CbsTable>> = {
  "47013NED": {
    id: "47013NED",
    title: "Geregistreerde misdrijven en aangiften; soort misdrijf, gemeente",
    category: "SoortMisdrijf",
    measures: ["GeregistreerdeMisdrijven_1", "Aangiften_2", "Internetaangiften_3"],
  },
  "47018NED": {
    id: "47018NED",
    title: "Geregistreerde misdrijven; soort misdrijf, wijk, buurt, jaarcijfers",
    category: "SoortMisdrijf",
    measures: ["GeregistreerdeMisdrijven_1"],
  },
  "47022NED": {
    id: "47022NED",
    title: "Geregistreerde misdrijven; soort misdrijf, wijk, buurt, maandcijfers",
    category: "SoortMisdrijf",
    measures: ["GeregistreerdeMisdrijven_1"],
  },
  "47024NED": {
    id: "47024NED",
    title: "Geregistreerde overlast; soort overlast, wijk, buurt, maandcijfers",
    category: "Overlast",
    measures: ["GeregistreerdeOverlast_1"],
  },
};

const AREA_DIMENSIONS = ["WijkenEnBuurten", "RegioS"];

export interface ParsedCbsOData {
  table: string;
  rows: AggregateCell[];
  problems: QuarantineEntry[];
}

/** CBS period key -> "2024", "2024Q1" or "2024MM03"; null if not recognised. */
export function cbsPeriod(key: string): string | null {
  const s = key.trim();
  let m = /^(\d{4})JJ00$/.exec(s);
  if (m) return m[1] ?? null;
  m = /^(\d{4})MM(0[1-9]|1[0-2])$/.exec(s);
  if (m) return s;
  m = /^(\d{4})KW0([1-4])$/.exec(s);
  if (m) return `${m[1]}Q${m[2]}`;
  return null;
}

function tableFromUrl(url: unknown): string | null {
  if (typeof url !== "string") return null;
  const m = /\/(\d{5}[A-Z]{3})(?:\/|$|\?)/.exec(url);
  return m?.[1] ?? null;
}

/** A measure cell: number, null, or the text of an UntypedDataSet ("   .", "123"). */
function cellValue(v: unknown): number | null | undefined {
  if (v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string") {
    const s = v.trim();
    if (s === "" || s === "." || s === "-" || s.toLowerCase() === "x") return null;
    if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  }
  return undefined;
}

export function parseCbsOData(text: string, file: string, opts: { table?: string } = {}): ParsedCbsOData {
  const doc = parseJsonLocated(text, file);
  const root = doc.value;
  if (!isPlainObject(root) || !Array.isArray(root.value)) {
    throw new InputError('dit is geen CBS OData-antwoord: de lijst "value" ontbreekt', file);
  }
  const tableId = (
    opts.table ??
    tableFromUrl(root["odata.metadata"]) ??
    tableFromUrl(root["@odata.context"]) ??
    tableFromUrl(root["odata.nextLink"]) ??
    tableFromUrl(root["@odata.nextLink"]) ??
    ""
  )
    .trim()
    .toUpperCase();
  if (tableId === "") {
    throw new InputError(
      `de tabel is onbekend: geef het tabelnummer op (${Object.keys(CBS_POLICE_TABLES).join(", ")})`,
      file,
    );
  }
  const spec = CBS_POLICE_TABLES[tableId];
  if (!spec) {
    throw new InputError(
      `tabel ${tableId} wordt niet ondersteund (wel: ${Object.keys(CBS_POLICE_TABLES).join(", ")})`,
      file,
    );
  }
  const items = root.value;
  const problems: QuarantineEntry[] = [];
  const rows: AggregateCell[] = [];
  if (items.length === 0) return { table: spec.id, rows, problems };

  // Columns over all rows.
  const columns = new Set<string>();
  for (const item of items) if (isPlainObject(item)) for (const k of Object.keys(item)) columns.add(k);
  const area = AREA_DIMENSIONS.find((d) => columns.has(d));
  const missing = [spec.category, area ?? AREA_DIMENSIONS.join(" of "), "Perioden"].filter(
    (c) => c !== area && !columns.has(c),
  );
  if (!area || missing.length > 0) {
    throw new InputError(
      `de kolom${missing.length === 1 ? "" : "men"} ${missing.join(", ")} ontbreek${missing.length === 1 ? "t" : "en"} ` +
        `voor tabel ${spec.id}`,
      file,
    );
  }
  const dims = new Set(["ID", spec.category, "Perioden", ...AREA_DIMENSIONS]);
  const measures = [...columns].filter((c) => {
    if (dims.has(c)) return false;
    if (spec.measures.includes(c)) return true;
    if (!/^[A-Za-z][A-Za-z0-9]*_\d+$/.test(c)) return false;
    return items.every((it) => !isPlainObject(it) || !(c in it) || cellValue(it[c]) !== undefined);
  });
  if (measures.length === 0) throw new InputError(`geen meetwaarden gevonden voor tabel ${spec.id}`, file);

  const table = spec.id;
  for (let index = 0; index < items.length; index++) {
    const item: unknown = items[index];
    if (!isPlainObject(item)) {
      problems.push({
        file,
        line: doc.lineOf(items) ?? 0,
        field: null,
        reason: `record ${index + 1} is geen object`,
        raw: JSON.stringify(item),
      });
      continue;
    }
    const line = doc.lineOf(item) ?? 0;
    const raw = JSON.stringify(item);
    const problem = (field: string | null, reason: string): void => {
      problems.push({ file, line, field, reason, raw });
    };
    const str = (k: string) => {
      const v = item[k];
      return typeof v === "string" ? v.trim() : "";
    };
    const areaCode = str(area).toUpperCase();
    const category = str(spec.category);
    const periodKey = str("Perioden");
    const period = cbsPeriod(periodKey);
    if (areaCode === "") problem(area, "de gebiedscode is leeg");
    else if (!/^[A-Z]{2}[0-9A-Z]+$/.test(areaCode)) problem(area, `"${areaCode}" is geen CBS-gebiedscode`);
    else if (category === "") problem(spec.category, "de categorie is leeg");
    else if (!period) problem("Perioden", `periode "${periodKey}" is niet herkend`);
    else {
      for (const m of measures) {
        if (!(m in item)) continue;
        const value = cellValue(item[m]);
        if (value === undefined) {
          problem(m, `${JSON.stringify(item[m])} is geen getal`);
          continue;
        }
        rows.push({ table, areaCode, period, category, measure: m.replace(/_\d+$/, ""), value });
      }
    }
  }
  return { table, rows, problems };
}

/** Reads a CBS OData reply from disk. */
export async function readCbsOData(path: string, opts: { table?: string } = {}): Promise<ParsedCbsOData> {
  const { text } = await readTextFile(path);
  return parseCbsOData(text, path, opts);
}
