// The verstrekkingenregister for the privacy officer: its entries read back (optionally for a
// period) and written as CSV with Dutch column names, semicolon-separated as Dutch spreadsheets
// expect.

import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import type { RegisterEntry } from "./register-entry.ts";

/** Entries with `at` in [from, to) (ISO instants compare as strings); all when not given. */
export async function readRegisterEntries(
  path: string,
  filter: { from?: string; to?: string } = {},
): Promise<RegisterEntry[]> {
  if (!existsSync(path)) return [];
  const out: RegisterEntry[] = [];
  const lines = createInterface({
    input: createReadStream(path, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    let e: RegisterEntry;
    try {
      e = JSON.parse(line) as RegisterEntry;
    } catch {
      continue; // a damaged line is reported by the check (verify), not here
    }
    if (filter.from && e.at < filter.from) continue;
    if (filter.to && e.at >= filter.to) continue;
    out.push(e);
  }
  return out;
}

const COLUMNS: [string, (e: RegisterEntry) => string | number | null][] = [
  ["volgnummer", (e) => e.seq],
  ["tijdstip", (e) => e.at],
  ["soort", (e) => e.kind],
  ["gebruiker", (e) => e.user],
  ["rollen", (e) => e.roles.join(",")],
  ["organisatie", (e) => e.organisation],
  ["doel", (e) => e.purpose],
  ["grondslag", (e) => e.legalBasis],
  ["beleid", (e) => e.policy],
  ["wat", (e) => e.what],
  ["gebieden", (e) => e.areas.join(",")],
  ["periode", (e) => e.period],
  ["gevoeligheid", (e) => e.sensitivity],
  ["aantal", (e) => e.count],
  ["inhoudshash", (e) => e.contentHash],
  ["verwijzing", (e) => e.reference ?? null],
  ["hash", (e) => e.hash],
];

function cell(v: string | number | null): string {
  if (v === null) return "";
  const s = String(v);
  // Quote what could break the row, and what a spreadsheet would read as a formula.
  return /[;"\n\r]|^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function registerCsv(entries: readonly RegisterEntry[]): string {
  const rows = [COLUMNS.map(([name]) => name).join(";")];
  for (const e of entries) rows.push(COLUMNS.map(([, get]) => cell(get(e))).join(";"));
  return `${rows.join("\r\n")}\r\n`;
}
