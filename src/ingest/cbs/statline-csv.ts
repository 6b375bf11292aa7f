// CBS/police StatLine tables downloaded as CSV ("Geregistreerde misdrijven en aangiften; soort
// misdrijf, gemeente"), read as they are:
//
//   "Geregistreerde misdrijven en aangiften; soort misdrijf, gemeente 2026"   <- title
//   "Soort misdrijf: Totaal misdrijven"                                        <- fixed dimension
//   ""
//   "Onderwerp";"Geregistreerde misdrijven";"Geregistreerde misdrijven"       <- column headers
//   "Perioden";"2022";"2023"
//   "Regio's";"aantal";"aantal"                                               <- row dimension + units
//   "Nederland";"800027";"805590"                                             <- data
//   ...
//   "Noord-Nederland (RE)";"63489";"64455"
//   "Bron: Politie"                                                           <- footer
//
// Regions come as names. "Nederland", the police units "(RE)" and CBS's catch-all rows resolve
// built in; gemeente names are resolved by the caller (the store knows them). A name such as
// "Utrecht (gemeente)" is tried without the suffix as well. CBS cell symbols: "-" is nihil (0);
// "." (unknown), "x" (secret) or empty are suppressed: value null.

import type { QuarantineEntry } from "../../domain/delivery.ts";
import { InputError } from "../../domain/errors.ts";
import { INP_TYPES } from "../../domain/inp-tree.ts";
import { POLICE_UNITS } from "../../domain/police-units.ts";
import type { AggregateRow } from "../../domain/registration.ts";
import { MONTHS_NL } from "../../domain/time.ts";
import { type CsvRecord, type Delimiter, tokenizeCsvText } from "../text/csv-reader.ts";
import { readTextFile } from "../text/read-text.ts";

export type AggregateCell = Omit<AggregateRow, "source">;

export interface ParsedStatline {
  /** "statline:" + the title line. */
  table: string;
  rows: AggregateCell[];
  problems: QuarantineEntry[];
}

/** Region names with a fixed CBS code (from the CBS RegioS dimension). */
const BUILT_IN_REGIONS = new Map<string, string>([
  ["nederland", "NL01"],
  ["niet in te delen (re)", "RE99"],
  ["buitenland", "GM0998"],
  ["gemeenten; niet in te delen", "GM0999"],
  ...POLICE_UNITS.map((u): [string, string] => [`${u.name.toLowerCase()} (re)`, u.code]),
]);

/** StatLine period label -> "2024", "2024Q1" or "2024MM03"; null if not recognised. */
export function statlinePeriod(label: string): string | null {
  const s = label.trim().replace(/\*+$/, "").trim().toLowerCase(); // "2024*" = provisional figures
  let m = /^(\d{4})$/.exec(s);
  if (m) return m[1] ?? null;
  m = /^(\d{4}) ([a-z]+)$/.exec(s);
  if (m?.[2] && MONTHS_NL.includes(m[2]))
    return `${m[1]}MM${String(MONTHS_NL.indexOf(m[2]) + 1).padStart(2, "0")}`;
  m = /^(\d{4}) (?:([1-4])e kwartaal|kwartaal ([1-4]))$/.exec(s);
  if (m) return `${m[1]}Q${m[2] ?? m[3]}`;
  return null;
}

/** "Totaal misdrijven" -> "0.0.0", "1.1.1 Diefstal/inbraak woning" -> "1.1.1"; null if unknown. */
export function statlineCategory(label: string): string | null {
  const s = label.trim();
  if (/^totaal (misdrijven|registraties overlast)$/i.test(s)) return "0.0.0";
  const m = /^(\d+(?:\.\d+)*)\s/.exec(s);
  if (m?.[1]) return m[1];
  const node = INP_TYPES.find((n) => n.label.toLowerCase() === s.toLowerCase());
  return node ? node.code : null;
}

/** "Geregistreerde misdrijven" -> "GeregistreerdeMisdrijven", like the CBS OData measure keys. */
export function measureKey(label: string): string {
  return label
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

function parseValue(v: string): number | null | undefined {
  const s = v.trim();
  if (s === "-") return 0; // CBS: "nihil"
  if (s === "" || s === "." || s.toLowerCase() === "x") return null;
  if (/^-?\d+$/.test(s)) return Number(s);
  if (/^-?\d+[.,]\d+$/.test(s)) return Number(s.replace(",", "."));
  return undefined;
}

function chooseDelimiter(text: string): Delimiter {
  for (const d of [";", ",", "\t"] as const) {
    if (text.includes(`"${d}"`)) return d;
  }
  return ";";
}

type Dim = "measure" | "period" | "category";
const DIM_LABELS: Record<string, Dim> = {
  onderwerp: "measure",
  onderwerpen: "measure",
  perioden: "period",
  periode: "period",
  "soort misdrijf": "category",
  "soort misdrijven": "category",
  overlast: "category",
  "soort overlast": "category",
};
const ROW_DIM = /^regio'?s$/i;

export function parseStatlineCsv(
  text: string,
  file: string,
  resolveRegion: (name: string) => string | null,
): ParsedStatline {
  const src = text.replace(/^\uFEFF/, "");
  if (src.trim() === "") throw new InputError("het bestand is leeg", file);
  const delimiter = chooseDelimiter(src);
  const { records, problems } = tokenizeCsvText(src, file, delimiter);
  const first = records[0];
  if (!first) throw new InputError("het bestand is leeg", file);

  // Title block: single-field lines; "Key: value" lines fix a dimension for the whole table.
  let i = 0;
  const titleLines: string[] = [];
  const fixed = new Map<Dim, string>();
  for (; i < records.length && (records[i] as CsvRecord).fields.length === 1; i++) {
    const t = ((records[i] as CsvRecord).fields[0] ?? "").trim();
    const kv = /^([^:]+):\s*(.+)$/.exec(t);
    const dim = kv?.[1] ? DIM_LABELS[kv[1].trim().toLowerCase()] : undefined;
    if (kv?.[2] && dim) fixed.set(dim, kv[2].trim());
    else if (t !== "") titleLines.push(t);
  }
  const title = titleLines[0];
  if (!title) throw new InputError("dit lijkt geen StatLine-export: de titelregel ontbreekt", file, 1);

  // Column headers, up to the row dimension ("Regio's").
  const columns = new Map<Dim, string[]>();
  let width = 0;
  let headerEnd = -1;
  for (; i < records.length; i++) {
    const rec = records[i] as CsvRecord;
    const label = (rec.fields[0] ?? "").trim();
    if (width === 0) width = rec.fields.length;
    if (rec.fields.length !== width) {
      throw new InputError(
        `de kopregels van de tabel hebben niet evenveel velden (${rec.fields.length} tegen ${width})`,
        file,
        rec.line,
      );
    }
    if (ROW_DIM.test(label)) {
      headerEnd = i;
      break;
    }
    const dim = DIM_LABELS[label.toLowerCase()];
    if (!dim) {
      throw new InputError(
        `onbekende kopregel "${label}" (verwacht Onderwerp, Perioden, Soort misdrijf of Regio's)`,
        file,
        rec.line,
      );
    }
    columns.set(
      dim,
      rec.fields.slice(1).map((f) => f.trim()),
    );
  }
  if (headerEnd === -1) {
    throw new InputError(
      'dit lijkt geen StatLine-export per regio: de kopregel "Regio\'s" ontbreekt',
      file,
      records[records.length - 1]?.line ?? 1,
    );
  }
  const ncol = width - 1;
  const headerLine = (records[headerEnd] as CsvRecord).line;
  const per = (dim: Dim, what: string): string[] => {
    const col = columns.get(dim);
    if (col) return col;
    const one = fixed.get(dim);
    if (one === undefined) throw new InputError(`${what} ontbreekt in de kop van de tabel`, file, headerLine);
    return Array.from({ length: ncol }, () => one);
  };
  const measureLabels = per("measure", "het onderwerp");
  const periodLabels = per("period", "de periode");
  const categoryLabels = per("category", "de soort misdrijf");
  const colMeta = Array.from({ length: ncol }, (_, j) => {
    const pl = periodLabels[j] ?? "";
    const period = statlinePeriod(pl);
    if (!period) throw new InputError(`periode "${pl}" is niet herkend`, file, headerLine);
    const cl = categoryLabels[j] ?? "";
    const category = statlineCategory(cl);
    if (!category) throw new InputError(`soort misdrijf "${cl}" is niet herkend`, file, headerLine);
    const ml = measureLabels[j] ?? "";
    if (ml === "") throw new InputError("een kolom heeft geen onderwerp", file, headerLine);
    return { period, category, measure: measureKey(ml), label: `${ml} ${pl}`.trim() };
  });

  const table = `statline:${title}`;
  const rows: AggregateCell[] = [];
  const seen = new Map<string, number>();
  for (i = headerEnd + 1; i < records.length; i++) {
    const rec = records[i] as CsvRecord;
    if (rec.fields.length === 1) continue; // footer such as "Bron: Politie"
    const problem = (field: string | null, reason: string) =>
      problems.push({ file, line: rec.line, field, reason, raw: rec.raw });
    if (rec.fields.length !== width) {
      problem(null, `regel heeft ${rec.fields.length} velden, de kopregel heeft ${width}`);
      continue;
    }
    const name = (rec.fields[0] ?? "").trim();
    const lower = name.toLowerCase();
    const gemeenteSuffix = / \(gemeente\)$/i;
    const code =
      BUILT_IN_REGIONS.get(lower) ??
      resolveRegion(name) ??
      (gemeenteSuffix.test(name) ? resolveRegion(name.replace(gemeenteSuffix, "")) : null);
    if (!code) {
      problem("Regio's", `regio "${name}" is onbekend`);
      continue;
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      problem("Regio's", `regio "${name}" (${code}) staat al op regel ${earlier}`);
      continue;
    }
    seen.set(code, rec.line);
    colMeta.forEach((meta, j) => {
      const cell = rec.fields[j + 1] ?? "";
      const value = parseValue(cell);
      if (value === undefined) {
        problem(meta.label, `"${cell.trim()}" is geen getal`);
        return;
      }
      rows.push({
        table,
        areaCode: code,
        period: meta.period,
        category: meta.category,
        measure: meta.measure,
        value,
      });
    });
  }
  return { table, rows, problems };
}

/** Reads a StatLine CSV export from disk (UTF-8 or Windows-1252, detected). */
export async function readStatlineCsv(
  path: string,
  resolveRegion: (name: string) => string | null,
): Promise<ParsedStatline> {
  const { text } = await readTextFile(path);
  return parseStatlineCsv(text, path, resolveRegion);
}
