// The canonical police registration CSV (docs/canonieke-registratie-csv.md) as a record stream.

import { InputError } from "../domain/errors.ts";
import { CANONICAL_FIELDS, type CanonicalField, type CanonicalRecord } from "./normalize-registration.ts";
import type { RecordStream, SourceRecord } from "./registration-content.ts";
import type { OpenedCsv } from "./text/csv-reader.ts";

/** Lower case, spaces and dashes as underscores: "Pleegdatum Begin" -> "pleegdatum_begin". */
export function normalizeColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export const REQUIRED_CANONICAL = ["registratienummer", "pleegdatum_begin"] as const;

/** Maps the header to canonical fields; throws an InputError naming missing columns. */
export function canonicalColumns(
  header: string[],
  file: string,
): { columns: [number, CanonicalField][]; ignored: string[] } {
  const known = new Set<string>(CANONICAL_FIELDS);
  const columns: [number, CanonicalField][] = [];
  const ignored: string[] = [];
  header.forEach((h, i) => {
    const n = normalizeColumnName(h);
    if (known.has(n)) columns.push([i, n as CanonicalField]);
    else ignored.push(h);
  });
  const present = new Set(columns.map(([, f]) => f));
  const missing: string[] = REQUIRED_CANONICAL.filter((f) => !present.has(f));
  if (!present.has("maatschappelijke_klasse") && !present.has("inp_code")) {
    missing.push("maatschappelijke_klasse (of inp_code)");
  }
  if (missing.length > 0) {
    const hint = ignored.length > 0 ? ` Onbekende kolommen in het bestand: ${ignored.join(", ")}.` : "";
    throw new InputError(
      `verplichte kolom${missing.length > 1 ? "men" : ""} ontbreekt: ${missing.join(", ")}.${hint} ` +
        "Zie docs/canonieke-registratie-csv.md, of lever het bestand met een koppelprofiel (--profiel).",
      file,
      1,
      missing[0] ?? null,
    );
  }
  return { columns, ignored };
}

export function canonicalRecordStream(csv: OpenedCsv): RecordStream & { ignoredColumns: string[] } {
  const { columns, ignored } = canonicalColumns(csv.header, csv.file);
  async function* batches(): AsyncIterable<SourceRecord[]> {
    for await (const batch of csv.records) {
      const out: SourceRecord[] = new Array(batch.length);
      for (let b = 0; b < batch.length; b++) {
        const rec = batch[b];
        if (!rec) continue;
        const record: CanonicalRecord = {};
        for (const [i, field] of columns) record[field] = rec.fields[i];
        out[b] = { line: rec.line, raw: rec.raw, record };
      }
      yield out;
    }
  }
  return { file: csv.file, batches: batches(), problems: csv.problems, ignoredColumns: ignored };
}
