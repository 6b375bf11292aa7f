// The CSV tokenizer shared by the streaming reader and the in-memory parser (RFC 4180: fields
// quoted with ", "" inside quotes is one ", quoted fields may hold delimiters and newlines; LF or
// CRLF line ends).
//
// It works on bytes: in UTF-8 and Windows-1252 the bytes for , ; tab " CR LF never occur inside
// another character, so the structure can be found without decoding. A line without quotes takes
// the fast path: one loop over its bytes counts the delimiters and finds the line end, and the
// record keeps only its byte range; its text and fields are decoded on first use. Lines with
// quotes go through a slower scanner that builds the fields at once.

import type { QuarantineEntry } from "../../domain/delivery.ts";
import { InputError } from "../../domain/errors.ts";
import { decodeWindows1252 } from "./detect-encoding.ts";

/**
 * One record. `fields` and `raw` of records read by the fast path are computed on first use (and
 * then kept); spread syntax does not copy them, JSON.stringify does.
 */
export interface CsvRecord {
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly fields: string[];
  /** The record's text as it stood in the file (without the line end). */
  readonly raw: string;
}

export type Delimiter = "," | ";" | "\t";
export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];
const PREFERENCE: readonly Delimiter[] = ["\t", ";", ","];

/** How the bytes of a chunk become text: ASCII and Windows-1252 are one byte per character. */
export type ChunkKind = "ascii" | "windows-1252" | "utf-8";

/** A piece of the file (whole lines, plus possibly the start of an unfinished one). */
export class Chunk {
  private decoded: string | undefined;
  constructor(
    readonly bytes: Uint8Array,
    readonly kind: ChunkKind,
    readonly delimiter: string,
  ) {}

  /** The text of bytes [a, b). */
  slice(a: number, b: number): string {
    if (this.kind === "utf-8") {
      const v = this.bytes;
      return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("utf8", a, b);
    }
    if (this.decoded === undefined) {
      const v = this.bytes;
      this.decoded =
        this.kind === "ascii"
          ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("latin1")
          : decodeWindows1252(v);
    }
    return this.decoded.slice(a, b);
  }
}

/** A record from the fast path: a byte range of a chunk, decoded when asked. */
class LineRecord implements CsvRecord {
  private cachedFields: string[] | undefined;
  constructor(
    readonly line: number,
    private readonly chunk: Chunk,
    private readonly start: number,
    private readonly end: number,
  ) {}
  get raw(): string {
    return this.chunk.slice(this.start, this.end);
  }
  get fields(): string[] {
    if (this.cachedFields === undefined) this.cachedFields = this.raw.split(this.chunk.delimiter);
    return this.cachedFields;
  }
  toJSON(): { line: number; fields: string[]; raw: string } {
    return { line: this.line, fields: this.fields, raw: this.raw };
  }
}

export interface TokenizerState {
  file: string;
  delimiter: string;
  /** Field count of the header; 0 disables the check (every record is returned). */
  expected: number;
  /** Line number of the first byte of the next range given to tokenize(). */
  line: number;
  problems: QuarantineEntry[];
  /** A record still open after this many bytes is treated as broken. */
  maxRecordBytes: number;
}

/** Field-count and quoting problems are reported in these words. */
export function fieldCountReason(n: number, expected: number, cutOff: boolean): string {
  const base = `regel heeft ${n} ${n === 1 ? "veld" : "velden"}, de kopregel heeft ${expected}`;
  return cutOff && n < expected ? `${base} (de laatste regel lijkt afgebroken)` : base;
}
export const UNTERMINATED_REASON = "regel is afgebroken: aanhalingsteken niet gesloten";

export function displayDelimiter(d: string): string {
  return d === "\t" ? "tab" : `"${d}"`;
}

function tooLong(state: TokenizerState, line: number): InputError {
  return new InputError(
    `regel ${line} is langer dan ${state.maxRecordBytes} bytes; is dit wel een CSV-bestand?`,
    state.file,
    line,
  );
}

interface Scanned {
  /** The fields, when asked for (otherwise only counted). */
  fields: string[] | null;
  count: number;
  /** Every field is empty or white space. */
  blank: boolean;
  /** End of the record's bytes (before the line end). */
  rawEnd: number;
  /** Where the next record starts. */
  next: number;
  /** A quoting problem inside the record, or null. */
  bad: string | null;
  /** The record ended at the end of the data without a line end. */
  atEnd: boolean;
}
const NEED_MORE = 0;
const UNTERMINATED = 1;

function isSpace(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return false;
  }
  return true;
}

/**
 * Scans one record that starts at `start` and has a quote somewhere. With `build` the field
 * strings are made; without, the fields are only counted (nothing is allocated per field).
 */
function scanRecord(chunk: Chunk, start: number, eof: boolean, dc: number, build: boolean): Scanned | 0 | 1 {
  const b = chunk.bytes;
  const len = b.length;
  const fields: string[] | null = build ? [] : null;
  let count = 0;
  let blank = true;
  let bad: string | null = null;
  let i = start;
  for (;;) {
    count++;
    if (i < len && b[i] === 34) {
      // Quoted field: find the closing quote, skipping "" pairs.
      const from = i + 1;
      let j = from;
      let escaped = false;
      for (;;) {
        const k = b.indexOf(34, j);
        if (k === -1) return eof ? UNTERMINATED : NEED_MORE;
        if (k + 1 >= len && !eof) return NEED_MORE; // cannot tell "" from a closing quote yet
        if (b[k + 1] === 34) {
          escaped = true;
          j = k + 2;
          continue;
        }
        if (blank && (escaped || !isSpace(b, from, k))) blank = false;
        if (fields) {
          const text = chunk.slice(from, k);
          fields.push(escaped ? text.replaceAll('""', '"') : text);
        }
        i = k + 1;
        break;
      }
      if (i < len) {
        const c = b[i];
        if (c === 13 && i + 1 >= len && !eof) return NEED_MORE;
        if (c !== dc && c !== 10 && !(c === 13 && b[i + 1] === 10)) {
          // Text after the closing quote: the record is not well-formed. Skip to the field end.
          bad ??= `veld ${count}: tekst na het sluitende aanhalingsteken`;
          let k = i;
          while (k < len && b[k] !== dc && b[k] !== 10) k++;
          if (k >= len && !eof) return NEED_MORE;
          i = k > i && b[k - 1] === 13 && b[k] === 10 ? k - 1 : k;
        }
      }
    } else {
      // Unquoted field (a quote inside it is kept as a character).
      let k = i;
      while (k < len && b[k] !== dc && b[k] !== 10) k++;
      if (k >= len && !eof) return NEED_MORE;
      let e = k;
      if (e > i && b[e - 1] === 13 && (k >= len || b[k] === 10)) e--;
      if (blank && !isSpace(b, i, e)) blank = false;
      if (fields) fields.push(chunk.slice(i, e));
      i = e;
    }
    if (i >= len) return { fields, count, blank, rawEnd: len, next: len, bad, atEnd: true };
    const c = b[i];
    if (c === dc) {
      i++;
      if (i >= len) {
        if (!eof) return NEED_MORE;
        count++;
        if (fields) fields.push("");
        return { fields, count, blank, rawEnd: len, next: len, bad, atEnd: true };
      }
      continue;
    }
    if (c === 10) return { fields, count, blank, rawEnd: i, next: i + 1, bad, atEnd: false };
    // c is CR: followed by LF, or the last byte of the data
    if (b[i + 1] === 10) return { fields, count, blank, rawEnd: i, next: i + 2, bad, atEnd: false };
    return { fields, count, blank, rawEnd: i, next: len, bad, atEnd: true };
  }
}

/** A record with quotes: checked while reading, its fields made on first use. */
class QuotedRecord implements CsvRecord {
  private cachedFields: string[] | undefined;
  constructor(
    readonly line: number,
    private readonly chunk: Chunk,
    private readonly start: number,
    private readonly end: number,
  ) {}
  get raw(): string {
    return this.chunk.slice(this.start, this.end);
  }
  get fields(): string[] {
    if (this.cachedFields === undefined) {
      // The record was complete and well-formed when read, so scanning it again cannot fail.
      const r = scanRecord(this.chunk, this.start, true, this.chunk.delimiter.charCodeAt(0), true);
      this.cachedFields = typeof r === "object" && r.fields ? r.fields : [];
    }
    return this.cachedFields;
  }
  toJSON(): { line: number; fields: string[]; raw: string } {
    return { line: this.line, fields: this.fields, raw: this.raw };
  }
}

function isBlankRange(b: Uint8Array, from: number, to: number, dc: number): boolean {
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c !== dc && c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * Tokenizes chunk bytes from `from`, appending good records to `out` (at most `limit`) and broken
 * ones to `state.problems`. Returns the offset of the first byte not consumed (the start of an
 * unfinished record when `eof` is false). Fully empty lines, and lines of only delimiters and
 * spaces, are skipped but counted.
 */
export function tokenize(
  state: TokenizerState,
  chunk: Chunk,
  from: number,
  eof: boolean,
  out: CsvRecord[],
  limit = Number.POSITIVE_INFINITY,
): number {
  const { expected, file, problems } = state;
  const dc = state.delimiter.charCodeAt(0);
  const b = chunk.bytes;
  const len = b.length;
  let line = state.line;
  let pos = from;
  let taken = 0;
  while (pos < len && taken < limit) {
    // Fast path: scan the line for its end, counting delimiters; stop at a quote.
    let i = pos;
    let count = 1;
    let c = 0;
    for (; i < len; i++) {
      c = b[i] as number;
      if (c === 10 || c === 34) break;
      if (c === dc) count++;
    }
    if (c !== 34 || i >= len) {
      if (i >= len && !eof) {
        if (len - pos > state.maxRecordBytes) throw tooLong(state, line);
        break;
      }
      let end = i;
      if (end > pos && b[end - 1] === 13) end--;
      if (end > pos) {
        const first = b[pos];
        if ((first === dc || first === 32 || first === 9) && isBlankRange(b, pos, end, dc)) {
          // only delimiters and spaces: skipped
        } else if (expected > 0 && count !== expected) {
          problems.push({
            file,
            line,
            field: null,
            reason: fieldCountReason(count, expected, i >= len),
            raw: chunk.slice(pos, end),
          });
        } else {
          out.push(new LineRecord(line, chunk, pos, end));
          taken++;
        }
      }
      pos = i + 1;
      line++;
      continue;
    }
    // Slow path: the line holds a quote.
    const r = scanRecord(chunk, pos, eof, dc, false);
    if (r === NEED_MORE || r === UNTERMINATED) {
      if (r === NEED_MORE && len - pos <= state.maxRecordBytes) break;
      let nl = b.indexOf(10, pos);
      if (nl === -1) {
        if (!eof) throw tooLong(state, line);
        nl = len;
      }
      // The quote never closes (or not within maxRecordBytes): this physical line goes to
      // quarantine and reading goes on with the next line, so at most this line is lost.
      let end = nl;
      if (end > pos && b[end - 1] === 13) end--;
      problems.push({
        file,
        line,
        field: null,
        reason:
          r === UNTERMINATED
            ? UNTERMINATED_REASON
            : `aanhalingsteken niet gesloten binnen ${state.maxRecordBytes} bytes`,
        raw: chunk.slice(pos, end),
      });
      pos = nl + 1;
      line++;
      continue;
    }
    const firstNewline = b.indexOf(10, pos);
    const oneLine = firstNewline === -1 || firstNewline >= r.rawEnd;
    if (r.bad === null && r.blank && oneLine) {
      // only empty (quoted) fields on one line: skipped like a blank line
    } else if (expected > 0 && r.count !== expected) {
      problems.push({
        file,
        line,
        field: null,
        reason: fieldCountReason(r.count, expected, r.atEnd),
        raw: chunk.slice(pos, r.rawEnd),
      });
    } else if (r.bad !== null) {
      problems.push({
        file,
        line,
        field: null,
        reason: `aanhalingstekens kloppen niet (${r.bad})`,
        raw: chunk.slice(pos, r.rawEnd),
      });
    } else {
      out.push(new QuotedRecord(line, chunk, pos, r.rawEnd));
      taken++;
    }
    if (!oneLine) {
      for (let k = firstNewline; k !== -1 && k < r.next; k = b.indexOf(10, k + 1)) line++;
    } else if (!r.atEnd) line++;
    if (r.atEnd) line++;
    pos = r.next;
  }
  state.line = line;
  return Math.min(pos, len);
}

/** Offset and line number of the first line with more than white space, from `from`. */
export function skipBlankLines(b: Uint8Array, from = 0): { offset: number; line: number } {
  let pos = from;
  let line = 1;
  for (;;) {
    let nl = b.indexOf(10, pos);
    if (nl === -1) nl = b.length;
    for (let i = pos; i < nl; i++) {
      const c = b[i];
      if (c !== 32 && c !== 9 && c !== 13 && c !== 11 && c !== 12) return { offset: pos, line };
    }
    if (nl >= b.length) return { offset: b.length, line };
    pos = nl + 1;
    line++;
  }
}

/** Refuses data that is plainly not CSV (JSON, HTML/XML) and old Mac line ends. */
export function assertLooksLikeCsv(b: Uint8Array, from: number, file: string): void {
  const start = skipBlankLines(b, from);
  let i = start.offset;
  while (b[i] === 32 || b[i] === 9) i++;
  const c = b[i];
  if (c === 0x7b || c === 0x5b) {
    throw new InputError("dit lijkt een JSON-bestand, geen CSV-bestand", file, start.line);
  }
  if (c === 0x3c) {
    throw new InputError("dit lijkt een HTML- of XML-bestand, geen CSV-bestand", file, start.line);
  }
  const cr = b.indexOf(13, from);
  if (cr !== -1 && cr < b.length - 1 && b.indexOf(10, from) === -1) {
    throw new InputError(
      "de regels eindigen alleen op CR (oud Mac-formaat); sla het bestand op met gewone regeleinden",
      file,
    );
  }
}

interface Sample {
  delimiter: Delimiter;
  headerCount: number;
  /** Data lines in the sample with the header's field count. */
  consistent: number;
  lines: number;
}

function sample(
  bytes: Uint8Array,
  from: number,
  kind: ChunkKind,
  file: string,
  d: Delimiter,
  eof: boolean,
): Sample {
  const state: TokenizerState = {
    file,
    delimiter: d,
    expected: 0,
    line: 1,
    problems: [],
    maxRecordBytes: Number.POSITIVE_INFINITY,
  };
  const recs: CsvRecord[] = [];
  tokenize(state, new Chunk(bytes, kind, d), from, eof, recs, 21);
  const headerCount = recs[0]?.fields.length ?? 0;
  let consistent = 0;
  for (let i = 1; i < recs.length; i++) if (recs[i]?.fields.length === headerCount) consistent++;
  return { delimiter: d, headerCount, consistent, lines: recs.length - 1 };
}

/**
 * Picks the delimiter from the header line (at `from`) and the lines after it, or checks a given
 * one. Throws InputError when the delimiter looks wrong.
 */
export function chooseDelimiter(
  bytes: Uint8Array,
  from: number,
  kind: ChunkKind,
  file: string,
  eof: boolean,
  given?: Delimiter,
): Delimiter {
  // On a tie the first wins: tab and ; occur less often inside values than the comma.
  const samples = PREFERENCE.map((d) => sample(bytes, from, kind, file, d, eof));
  const multi = samples.filter((s) => s.headerCount >= 2);
  // The data lines split on `d` where the header does not.
  const dataHas = (d: Delimiter) => {
    const s = samples.find((x) => x.delimiter === d);
    return s !== undefined && s.lines > 0 && s.consistent < s.lines;
  };
  const oneColumn = (seen: Delimiter) =>
    new InputError(
      "het scheidingsteken lijkt niet te kloppen: de kopregel heeft maar één kolom, " +
        `terwijl de regels eronder ${displayDelimiter(seen)} bevatten`,
      file,
    );
  if (given) {
    const own = samples.find((s) => s.delimiter === given);
    if (own && own.headerCount < 2) {
      const other = [...multi].sort((a, b) => b.headerCount - a.headerCount)[0];
      if (other) {
        throw new InputError(
          `het scheidingsteken lijkt niet te kloppen: opgegeven is ${displayDelimiter(given)}, ` +
            `maar de kopregel lijkt ${displayDelimiter(other.delimiter)} te gebruiken`,
          file,
        );
      }
      const seen = DELIMITERS.find((d) => d !== given && dataHas(d));
      if (seen) throw oneColumn(seen);
    }
    return given;
  }
  if (multi.length === 0) {
    const seen = DELIMITERS.find((d) => dataHas(d));
    if (seen) throw oneColumn(seen);
    return ",";
  }
  const fraction = (s: Sample) => (s.lines === 0 ? 1 : s.consistent / s.lines);
  multi.sort((a, b) => {
    const ca = fraction(a) >= 0.8 ? 1 : 0;
    const cb = fraction(b) >= 0.8 ? 1 : 0;
    if (ca !== cb) return cb - ca;
    if (a.headerCount !== b.headerCount) return b.headerCount - a.headerCount;
    return fraction(b) - fraction(a);
  });
  const best = multi[0] as Sample;
  if (best.lines >= 2 && best.consistent === 0) {
    throw new InputError(
      `het scheidingsteken lijkt niet te kloppen: met ${displayDelimiter(best.delimiter)} heeft de kopregel ` +
        `${best.headerCount} kolommen, maar geen van de regels eronder`,
      file,
    );
  }
  return best.delimiter;
}

/** Trims header names and refuses duplicates (compared without case; empty names may repeat). */
export function checkHeader(fields: string[], file: string, line: number): string[] {
  const header = fields.map((f) => f.trim());
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "") return;
    const key = name.toLowerCase();
    const prev = seen.get(key);
    if (prev !== undefined) {
      throw new InputError(
        `de kolomnaam "${name}" komt twee keer voor in de kopregel (kolom ${prev + 1} en ${i + 1})`,
        file,
        line,
        name,
      );
    }
    seen.set(key, i);
  });
  return header;
}
