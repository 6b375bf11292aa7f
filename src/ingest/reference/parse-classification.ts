// The BVH -> INP2013 mapping ("maatschappelijke klassen") in the layout of the police table
// "INP2013 BVH": INP niv1 code, INP niv1, INP niv2 code, INP niv2, INP niv3 code, INP niv3,
// MaatKlasse code, MaatKlasse oms, Delict J/N. Columns are found by name (case does not matter).

import type { ClassificationRow } from "../../domain/classification.ts";
import type { QuarantineEntry } from "../../domain/delivery.ts";
import { inpNode } from "../../domain/inp-tree.ts";
import { parseCsvText } from "../text/csv-reader.ts";
import { readTextFile } from "../text/read-text.ts";
import { findColumn, requireColumns } from "./columns.ts";

export interface ParsedClassification {
  rows: ClassificationRow[];
  problems: QuarantineEntry[];
}

const COLUMNS = {
  bvhCode: ["MaatKlasse code", "maatschappelijke_klasse", "maatschappelijke klasse", "bvh_code", "bvh-code"],
  bvhLabel: ["MaatKlasse oms", "maatklasse omschrijving", "bvh_omschrijving", "omschrijving"],
  inpCode: ["INP niv3 code", "inp_code", "inp niveau 3 code", "inp-code"],
} as const;
const DELICT = ["Delict J/N", "delict", "misdrijf"];
const NIV2 = ["INP niv2 code"];

function parseDelict(v: string): boolean | null | undefined {
  const s = v.trim().toLowerCase();
  if (s === "") return null;
  if (s === "j" || s === "ja" || s === "y") return true;
  if (s === "n" || s === "nee") return false;
  return undefined;
}

export function parseClassification(text: string, file: string): ParsedClassification {
  const csv = parseCsvText(text, file);
  const col = requireColumns(csv.header, COLUMNS, file, csv.headerLine);
  const delictCol = findColumn(csv.header, DELICT);
  const niv2Col = findColumn(csv.header, NIV2);
  const problems: QuarantineEntry[] = [...csv.problems];
  const rows: ClassificationRow[] = [];
  const seen = new Map<string, number>();
  const name = (i: number) => csv.header[i] ?? "";

  for (const rec of csv.records) {
    const f = rec.fields;
    const problem = (field: string, reason: string) =>
      problems.push({ file, line: rec.line, field, reason, raw: rec.raw });
    const bvhCode = (f[col.bvhCode] ?? "").trim();
    const inpCode = (f[col.inpCode] ?? "").trim();
    if (bvhCode === "") {
      problem(name(col.bvhCode), "de BVH-code (maatschappelijke klasse) is leeg");
      continue;
    }
    const node = inpCode === "" ? undefined : inpNode(inpCode, 3);
    if (!node) {
      problem(
        name(col.inpCode),
        inpCode === "" ? "de INP-code is leeg" : `INP-code "${inpCode}" bestaat niet op niveau 3 van INP2013`,
      );
      continue;
    }
    if (niv2Col !== -1) {
      const niv2 = (f[niv2Col] ?? "").trim();
      if (niv2 !== "" && niv2 !== node.parent) {
        problem(name(niv2Col), `INP-code ${inpCode} hoort bij niveau 2 "${node.parent}", niet bij "${niv2}"`);
        continue;
      }
    }
    let isCrime: boolean | null = null;
    if (delictCol !== -1) {
      const d = parseDelict(f[delictCol] ?? "");
      if (d === undefined) {
        problem(name(delictCol), `"${(f[delictCol] ?? "").trim()}" is geen J of N`);
        continue;
      }
      isCrime = d;
    }
    const earlier = seen.get(bvhCode);
    if (earlier !== undefined) {
      problem(name(col.bvhCode), `BVH-code ${bvhCode} staat al op regel ${earlier}`);
      continue;
    }
    seen.set(bvhCode, rec.line);
    rows.push({ bvhCode, bvhLabel: (f[col.bvhLabel] ?? "").trim(), inpCode: node.code, isCrime });
  }
  return { rows, problems };
}

export async function readClassification(path: string): Promise<ParsedClassification> {
  const { text } = await readTextFile(path);
  return parseClassification(text, path);
}
