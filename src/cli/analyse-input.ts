// Reading an analyst's own CSV file for `driehoek analyse`: a numeric column, or points.

import { readFile } from "node:fs/promises";
import { InputError } from "../domain/errors.ts";
import { parseDecimal } from "../ingest/normalize-registration.ts";
import { parseCsvText } from "../ingest/text/csv-reader.ts";
import { decodeText } from "../ingest/text/detect-encoding.ts";

async function readTable(file: string) {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new InputError("bestand niet gevonden of niet leesbaar", file);
  }
  if (bytes.length === 0) throw new InputError("het bestand is leeg", file);
  return parseCsvText(decodeText(bytes, file).text, file);
}

function columnIndex(header: string[], name: string, file: string, line: number): number {
  const i = header.findIndex((h) => h.trim() === name);
  if (i < 0) {
    throw new InputError(`kolom "${name}" ontbreekt (kolommen: ${header.join(", ")})`, file, line, name);
  }
  return i;
}

/** A numeric column; empty cells and "NA" are missing (null). Anything else unreadable is an error. */
export async function readNumberColumn(file: string, column: string): Promise<(number | null)[]> {
  const csv = await readTable(file);
  if (csv.problems[0]) throw new InputError(csv.problems[0].reason, file, csv.problems[0].line);
  const i = columnIndex(csv.header, column, file, csv.headerLine);
  return csv.records.map((r) => {
    const text = (r.fields[i] ?? "").trim();
    if (text === "" || text.toUpperCase() === "NA") return null;
    const v = parseDecimal(text);
    if (!Number.isFinite(v)) throw new InputError(`"${text}" is geen getal`, file, r.line, column);
    return v;
  });
}

/** Points with x, y and an optional value column (1 per point when omitted). */
export async function readPoints(
  file: string,
  cols: { x: string; y: string; value?: string },
): Promise<{ x: number; y: number; value: number }[]> {
  const csv = await readTable(file);
  if (csv.problems[0]) throw new InputError(csv.problems[0].reason, file, csv.problems[0].line);
  const xi = columnIndex(csv.header, cols.x, file, csv.headerLine);
  const yi = columnIndex(csv.header, cols.y, file, csv.headerLine);
  const vi = cols.value === undefined ? -1 : columnIndex(csv.header, cols.value, file, csv.headerLine);
  return csv.records.map((r) => {
    const num = (i: number, name: string) => {
      const text = (r.fields[i] ?? "").trim();
      const v = parseDecimal(text);
      if (!Number.isFinite(v)) throw new InputError(`"${text}" is geen getal`, file, r.line, name);
      return v;
    };
    return { x: num(xi, cols.x), y: num(yi, cols.y), value: vi < 0 ? 1 : num(vi, cols.value ?? "") };
  });
}

/** A positive number from a command-line option. */
export function numberOption(
  text: string | undefined,
  name: string,
  opts: { integer?: boolean; min?: number } = {},
) {
  const v = Number(text);
  if (
    text === undefined ||
    text.trim() === "" ||
    !Number.isFinite(v) ||
    (opts.integer && !Number.isInteger(v))
  ) {
    throw new InputError(
      `--${name} moet een ${opts.integer ? "geheel " : ""}getal zijn (gekregen: ${text})`,
      `--${name}`,
    );
  }
  if (opts.min !== undefined && v < opts.min) {
    throw new InputError(`--${name} moet minstens ${opts.min} zijn (gekregen: ${text})`, `--${name}`);
  }
  return v;
}

/** All rows of a CSV file as objects keyed by the named columns (each must exist). */
export async function readColumns<K extends string>(
  file: string,
  columns: Record<K, string>,
): Promise<{ line: number; get: (key: K) => string }[]> {
  const csv = await readTable(file);
  if (csv.problems[0]) throw new InputError(csv.problems[0].reason, file, csv.problems[0].line);
  const index = new Map<K, number>();
  for (const [key, name] of Object.entries(columns) as [K, string][]) {
    index.set(key, columnIndex(csv.header, name, file, csv.headerLine));
  }
  return csv.records.map((r) => ({
    line: r.line,
    get: (key: K) => (r.fields[index.get(key) ?? -1] ?? "").trim(),
  }));
}

/** A number read from a CSV cell, or an InputError naming file, line and column. */
export function cellNumber(text: string, file: string, line: number, column: string): number {
  const v = parseDecimal(text);
  if (!Number.isFinite(v)) throw new InputError(`"${text}" is geen getal`, file, line, column);
  return v;
}
