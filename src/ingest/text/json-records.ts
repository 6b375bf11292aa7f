// Records from a JSON file, each with the line where it starts: a top-level array of objects,
// an object with a "value" array (CBS/OData replies), or NDJSON (one object per line).

import { readFile } from "node:fs/promises";
import { InputError } from "../../domain/errors.ts";
import { decodeText } from "./detect-encoding.ts";
import { parseJsonLocated } from "./json-locate.ts";

export interface JsonRecord {
  /** Line where the object starts (for NDJSON: its line). */
  line: number;
  value: Record<string, unknown>;
}

export type JsonRecordsFormat = "array" | "odata" | "ndjson";

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function firstContent(text: string): number {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && /\s/.test(text.charAt(i))) i++;
  return i;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

const NO_RECORDS =
  'het JSON-bestand heeft geen lijst met records: verwacht een lijst [...], een object met "value": [...] ' +
  "(CBS OData) of één object per regel (NDJSON)";

function parseNdjson(text: string, file: string): JsonRecord[] {
  const records: JsonRecord[] = [];
  const lines = text.split("\n");
  lines.forEach((raw, i) => {
    const lineText = i === 0 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (lineText.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(lineText);
    } catch {
      // Parse again to get a Dutch message with the column.
      value = parseJsonLocated(lineText, file, { lineOffset: i }).value;
    }
    if (!isPlainObject(value)) throw new InputError("deze regel is geen JSON-object", file, i + 1);
    records.push({ line: i + 1, value });
  });
  return records;
}

/** Parses JSON text into records; see the file comment for the accepted layouts. */
export function parseJsonRecords(
  text: string,
  file: string,
): { records: JsonRecord[]; format: JsonRecordsFormat } {
  const start = firstContent(text);
  if (start >= text.length) throw new InputError("het bestand is leeg", file);
  const first = text.charAt(start);
  if (first !== "[" && first !== "{") {
    throw new InputError("dit is geen JSON-bestand (het begint niet met [ of {)", file, lineAt(text, start));
  }
  const located = parseJsonLocated(text, file, { allowTrailing: true });
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (located.end < src.length) {
    // More after the first value: NDJSON when the first value was an object on its own line(s).
    if (isPlainObject(located.value)) return { records: parseNdjson(text, file), format: "ndjson" };
    parseJsonLocated(text, file); // throws the error about the trailing text
  }
  const toRecords = (arr: unknown[], what: string): JsonRecord[] =>
    arr.map((v, i) => {
      if (!isPlainObject(v)) {
        throw new InputError(`${what} ${i + 1} is geen JSON-object`, file, located.lineOf(arr) ?? null);
      }
      return { line: located.lineOf(v) ?? 0, value: v };
    });
  const v = located.value;
  if (Array.isArray(v)) return { records: toRecords(v, "element"), format: "array" };
  if (isPlainObject(v)) {
    if (Array.isArray(v.value)) return { records: toRecords(v.value, "record"), format: "odata" };
    // A single object on one line is NDJSON with one record.
    if (src.trim().indexOf("\n") === -1)
      return { records: [{ line: lineAt(text, start), value: v }], format: "ndjson" };
  }
  throw new InputError(NO_RECORDS, file);
}

/** Reads a JSON file (UTF-8, or Windows-1252 detected) into records. */
export async function readJsonRecords(
  path: string,
): Promise<{ records: JsonRecord[]; format: JsonRecordsFormat; encoding: string }> {
  const bytes = await readFile(path);
  if (bytes.length === 0) throw new InputError("het bestand is leeg", path);
  const { text, encoding } = decodeText(bytes, path);
  return { ...parseJsonRecords(text, path), encoding };
}
