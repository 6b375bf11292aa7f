// Reading CSV files: a streaming reader for large files (police exports of gigabytes) and an
// in-memory parser for small reference files, with the same rules:
// - encoding UTF-8 (BOM or not) or Windows-1252, detected unless given;
// - delimiter , ; or tab, detected from the header line and the lines after it unless given;
// - structurally broken records (wrong field count, quote never closed) are not returned but
//   listed in `problems` with line, Dutch reason and raw text, so nothing is lost;
// - an empty file is an InputError; a file with only a header is a valid file with 0 records;
// - fully empty lines (and lines of only delimiters) are skipped, but count for line numbers.

import { isAscii, isUtf8 } from "node:buffer";
import { open } from "node:fs/promises";
import type { QuarantineEntry } from "../../domain/delivery.ts";
import { InputError } from "../../domain/errors.ts";
import {
  assertLooksLikeCsv,
  Chunk,
  type ChunkKind,
  type CsvRecord,
  checkHeader,
  chooseDelimiter,
  type Delimiter,
  skipBlankLines,
  type TokenizerState,
  tokenize,
} from "./csv-core.ts";
import { detectEncoding, SNIFF_BYTES, type TextEncoding, utf8Error } from "./detect-encoding.ts";

export type { CsvRecord, Delimiter } from "./csv-core.ts";

export interface CsvOptions {
  delimiter?: Delimiter;
  encoding?: TextEncoding;
  /** Records per batch (default 10,000). */
  batchSize?: number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Bytes per read from disk (default 1 MiB). */
  highWaterMark?: number;
  /** A record still open after this many bytes is treated as broken (default 1,000,000). */
  maxRecordBytes?: number;
  /** Bytes read before encoding, delimiter and header are decided (default 64 KiB). */
  sniffBytes?: number;
}

export interface OpenedCsv {
  file: string;
  header: string[];
  headerLine: number;
  delimiter: string;
  /**
   * "utf-8" or "windows-1252". A file that was only ASCII so far reports "utf-8"; it turns into
   * "windows-1252" during reading when such characters appear further on.
   */
  readonly encoding: string;
  hadBom: boolean;
  /** File size in bytes. */
  bytes: number;
  /** Good records in batches; can be iterated once. Closes the file at the end. */
  records: AsyncIterable<CsvRecord[]>;
  /** Broken records; complete when the iteration of `records` has ended. */
  problems: QuarantineEntry[];
  /** Closes the file when `records` is not read to the end. */
  close(): Promise<void>;
}

export interface ParsedCsv {
  file: string;
  header: string[];
  headerLine: number;
  delimiter: string;
  hadBom: boolean;
  records: CsvRecord[];
  problems: QuarantineEntry[];
}

const DEFAULT_BATCH = 10_000;
const DEFAULT_HWM = 1 << 20;
const DEFAULT_MAX_RECORD = 1_000_000;

/** Decides, chunk by chunk, how bytes become text (see detect-encoding.ts). */
class Classifier {
  /** "open": only ASCII seen so far, so UTF-8 and Windows-1252 are still both possible. */
  mode: "open" | TextEncoding;
  constructor(
    private readonly file: string,
    forced: TextEncoding | undefined,
  ) {
    this.mode = forced ?? "open";
  }
  get encoding(): TextEncoding {
    return this.mode === "open" ? "utf-8" : this.mode;
  }
  /** Kind of the bytes [from, to); `line` is the line number at `from`, for an error message. */
  classify(bytes: Uint8Array, from: number, to: number, line: number): ChunkKind {
    const region = bytes.subarray(from, to);
    if (isAscii(region)) return "ascii";
    if (this.mode === "windows-1252") return "windows-1252";
    if (isUtf8(region)) {
      this.mode = "utf-8";
      return "utf-8";
    }
    if (this.mode === "open") {
      this.mode = "windows-1252";
      return "windows-1252";
    }
    throw utf8Error(region, this.file, line);
  }
}

/** The bytes of a buffer that only whole lines can come from (all of it at the end of the file). */
function completePart(bytes: Uint8Array, eof: boolean): number {
  if (eof) return bytes.length;
  const nl = bytes.lastIndexOf(10);
  return nl === -1 ? 0 : nl + 1;
}

interface Prepared {
  header: string[];
  headerLine: number;
  delimiter: Delimiter;
  chunk: Chunk;
  /** Offset just after the header record. */
  rest: number;
  state: TokenizerState;
}

/** Finds and checks the header in the first bytes of the file (BOM removed). */
function prepare(
  bytes: Uint8Array,
  kind: ChunkKind,
  file: string,
  eof: boolean,
  opts: Pick<CsvOptions, "delimiter" | "maxRecordBytes">,
): Prepared | null {
  const start = skipBlankLines(bytes);
  if (start.offset >= bytes.length) throw new InputError("het bestand is leeg", file);
  assertLooksLikeCsv(bytes, start.offset, file);
  const delimiter = chooseDelimiter(bytes, start.offset, kind, file, eof, opts.delimiter);
  const chunk = new Chunk(bytes, kind, delimiter);
  const state: TokenizerState = {
    file,
    delimiter,
    expected: 0,
    line: start.line,
    problems: [],
    maxRecordBytes: opts.maxRecordBytes ?? DEFAULT_MAX_RECORD,
  };
  const got: CsvRecord[] = [];
  const rest = tokenize(state, chunk, start.offset, eof, got, 1);
  const headerRecord = got[0];
  const broken = state.problems[0];
  if (broken) throw new InputError(`de kopregel is niet te lezen: ${broken.reason}`, file, broken.line);
  if (!headerRecord) {
    if (!eof && bytes.length < state.maxRecordBytes) return null; // read more first
    throw new InputError(
      `de kopregel is niet compleet in de eerste ${Math.round(bytes.length / 1024)} kB van het bestand`,
      file,
      start.line,
    );
  }
  const header = checkHeader(headerRecord.fields, file, headerRecord.line);
  state.expected = header.length;
  return { header, headerLine: headerRecord.line, delimiter, chunk, rest, state };
}

function textBytes(text: string): { bytes: Uint8Array; kind: ChunkKind; hadBom: boolean } {
  const hadBom = text.charCodeAt(0) === 0xfeff;
  const bytes = Buffer.from(hadBom ? text.slice(1) : text, "utf8");
  return { bytes, kind: isAscii(bytes) ? "ascii" : "utf-8", hadBom };
}

/** Parses a whole CSV text (already decoded) in memory. For small files. */
export function parseCsvText(
  text: string,
  file: string,
  opts: Pick<CsvOptions, "delimiter" | "maxRecordBytes"> = {},
): ParsedCsv {
  const { bytes, kind, hadBom } = textBytes(text);
  if (bytes.length === 0) throw new InputError("het bestand is leeg", file);
  const p = prepare(bytes, kind, file, true, opts);
  if (!p) throw new InputError("de kopregel is niet compleet", file); // not reached: the text is whole
  const records: CsvRecord[] = [];
  tokenize(p.state, p.chunk, p.rest, true, records);
  return {
    file,
    header: p.header,
    headerLine: p.headerLine,
    delimiter: p.delimiter,
    hadBom,
    records,
    problems: p.state.problems,
  };
}

/**
 * Splits a text into records without a header check: every record comes back whatever its field
 * count (for layouts such as StatLine exports with title lines above the table). Records with a
 * quote that is never closed go to `problems`.
 */
export function tokenizeCsvText(
  text: string,
  file: string,
  delimiter: Delimiter,
): { records: CsvRecord[]; problems: QuarantineEntry[] } {
  const { bytes, kind } = textBytes(text);
  const state: TokenizerState = {
    file,
    delimiter,
    expected: 0,
    line: 1,
    problems: [],
    maxRecordBytes: DEFAULT_MAX_RECORD,
  };
  const records: CsvRecord[] = [];
  tokenize(state, new Chunk(bytes, kind, delimiter), 0, true, records);
  return { records, problems: state.problems };
}

/** Opens a CSV file for streaming: reads the header now, the records while iterating. */
export async function openCsv(path: string, opts: CsvOptions = {}): Promise<OpenedCsv> {
  const file = path;
  const fh = await open(path, "r");
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await fh.close();
  };
  try {
    const total = (await fh.stat()).size;
    const hwm = Math.max(1, Math.floor(opts.highWaterMark ?? DEFAULT_HWM));
    let bytesRead = 0;
    let eof = false;
    /** Reads the next piece and returns `carry` followed by it (a new buffer), or null at the end. */
    const readMore = async (carry: Uint8Array): Promise<Uint8Array | null> => {
      const buf = Buffer.allocUnsafe(carry.length + hwm);
      buf.set(carry, 0);
      const { bytesRead: n } = await fh.read(buf, carry.length, hwm, null);
      if (n === 0) {
        eof = true;
        return null;
      }
      bytesRead += n;
      opts.onProgress?.(bytesRead, total);
      return buf.subarray(0, carry.length + n);
    };

    // The first SNIFF_BYTES (or the whole file) decide encoding, delimiter and header.
    let prefix: Uint8Array = new Uint8Array(0);
    const sniff = Math.max(4, opts.sniffBytes ?? SNIFF_BYTES);
    while (prefix.length < sniff) {
      const more = await readMore(prefix);
      if (!more) break;
      prefix = more;
    }
    if (prefix.length === 0) throw new InputError("het bestand is leeg", file);
    const detected = detectEncoding(prefix, file, eof);
    const classifier = new Classifier(file, opts.encoding ?? (detected.hadBom ? "utf-8" : undefined));
    let bytes = detected.hadBom ? prefix.subarray(3) : prefix;
    let p: Prepared | null = null;
    for (;;) {
      const kind = classifier.classify(bytes, 0, completePart(bytes, eof), 1);
      p = prepare(bytes, kind, file, eof, opts);
      if (p) break;
      // The header is not complete yet: read on.
      const more = await readMore(bytes);
      if (more) bytes = more;
    }
    const prepared = p;
    const state = prepared.state;
    const batchSize = Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_BATCH));

    async function* batches(): AsyncGenerator<CsvRecord[]> {
      try {
        let chunk = prepared.chunk;
        let pos = prepared.rest;
        let batch: CsvRecord[] = [];
        for (;;) {
          pos = tokenize(state, chunk, pos, eof, batch, batchSize - batch.length);
          if (batch.length >= batchSize) {
            yield batch;
            batch = [];
            continue; // the rest of this chunk may hold more records
          }
          if (eof) break;
          const carry = bytes.subarray(pos);
          const more = await readMore(carry);
          bytes = more ?? carry;
          pos = 0;
          const k = classifier.classify(bytes, 0, completePart(bytes, eof), state.line);
          chunk = new Chunk(bytes, k, prepared.delimiter);
        }
        if (batch.length > 0) yield batch;
      } finally {
        await close();
      }
    }

    return {
      file,
      header: prepared.header,
      headerLine: prepared.headerLine,
      delimiter: prepared.delimiter,
      get encoding() {
        return classifier.encoding;
      },
      hadBom: detected.hadBom,
      bytes: total,
      records: batches(),
      problems: state.problems,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
