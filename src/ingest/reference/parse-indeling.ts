// The police area structure per gemeente: gemeente -> basisteam -> district -> eenheid, from a CSV
// with the columns (case does not matter) gemeentecode (required), gemeentenaam, basisteamcode,
// basisteamnaam, districtcode, districtnaam, eenheidcode or regionale_eenheid_code (required),
// eenheidnaam or regionale_eenheid_naam. Other columns are ignored.
// An eenheid code must look like RE + two digits; codes outside RE01-RE10 are allowed (the demo
// uses a fictional unit).

import type { IndelingRow } from "../../domain/area.ts";
import type { QuarantineEntry } from "../../domain/delivery.ts";
import { parseCsvText } from "../text/csv-reader.ts";
import { readTextFile } from "../text/read-text.ts";
import { findColumn, requireColumns } from "./columns.ts";

export interface ParsedIndeling {
  rows: IndelingRow[];
  problems: QuarantineEntry[];
}

const REQUIRED = {
  gemeente: ["gemeentecode"],
  eenheid: ["eenheidcode", "regionale_eenheid_code"],
} as const;

/** "GM0344", "gm0344" and "0344" / "344" all give "GM0344"; anything else null. */
export function normalizeGemeenteCode(v: string): string | null {
  const s = v.trim().toUpperCase();
  if (/^GM\d{4}$/.test(s)) return s;
  if (/^\d{1,4}$/.test(s)) return `GM${s.padStart(4, "0")}`;
  return null;
}

export function parseIndeling(text: string, file: string): ParsedIndeling {
  const csv = parseCsvText(text, file);
  const col = requireColumns(csv.header, REQUIRED, file, csv.headerLine);
  const opt = {
    gemeenteName: findColumn(csv.header, ["gemeentenaam"]),
    basisteam: findColumn(csv.header, ["basisteamcode"]),
    basisteamName: findColumn(csv.header, ["basisteamnaam"]),
    district: findColumn(csv.header, ["districtcode"]),
    districtName: findColumn(csv.header, ["districtnaam"]),
    eenheidName: findColumn(csv.header, ["eenheidnaam", "regionale_eenheid_naam"]),
  };
  const problems: QuarantineEntry[] = [...csv.problems];
  const rows: IndelingRow[] = [];
  const seen = new Map<string, number>();
  const name = (i: number) => csv.header[i] ?? "";

  for (const rec of csv.records) {
    const f = rec.fields;
    const get = (i: number): string | null => {
      if (i === -1) return null;
      const v = (f[i] ?? "").trim();
      return v === "" ? null : v;
    };
    const problem = (field: string, reason: string) =>
      problems.push({ file, line: rec.line, field, reason, raw: rec.raw });
    const rawGemeente = (f[col.gemeente] ?? "").trim();
    const gemeente = normalizeGemeenteCode(rawGemeente);
    if (!gemeente) {
      problem(
        name(col.gemeente),
        rawGemeente === ""
          ? "de gemeentecode is leeg"
          : `"${rawGemeente}" is geen gemeentecode (zoals GM0344)`,
      );
      continue;
    }
    const rawEenheid = (f[col.eenheid] ?? "").trim();
    const eenheid = rawEenheid.toUpperCase();
    if (!/^RE\d{2}$/.test(eenheid)) {
      problem(
        name(col.eenheid),
        rawEenheid === "" ? "de eenheidcode is leeg" : `"${rawEenheid}" is geen eenheidcode (zoals RE05)`,
      );
      continue;
    }
    const earlier = seen.get(gemeente);
    if (earlier !== undefined) {
      problem(name(col.gemeente), `gemeente ${gemeente} staat al op regel ${earlier}`);
      continue;
    }
    seen.set(gemeente, rec.line);
    rows.push({
      gemeente,
      gemeenteName: get(opt.gemeenteName),
      basisteam: get(opt.basisteam),
      basisteamName: get(opt.basisteamName),
      district: get(opt.district),
      districtName: get(opt.districtName),
      eenheid,
      eenheidName: get(opt.eenheidName),
    });
  }
  return { rows, problems };
}

export async function readIndeling(path: string): Promise<ParsedIndeling> {
  const { text } = await readTextFile(path);
  return parseIndeling(text, path);
}
