// Text encoding of input files: UTF-8 (with or without BOM) or Windows-1252, and a refusal of
// files that are not text at all (zip/xlsx, PDF, images, UTF-16 ...).
//
// Note: Node 20's TextDecoder("windows-1252") decodes as ISO-8859-1 (0x80 stays U+0080 instead of
// "€"), so Windows-1252 is decoded here by hand: latin1 plus the 27 code points of 0x80-0x9F.

import { isAscii, isUtf8 } from "node:buffer";
import { InputError } from "../../domain/errors.ts";

export type TextEncoding = "utf-8" | "windows-1252";

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** The bytes start with the UTF-8 byte order mark EF BB BF. */
  hadBom: boolean;
  /** Only bytes < 0x80 were seen: UTF-8 and Windows-1252 read the same. */
  ascii: boolean;
}

/** How many bytes of the start are checked for "is this text" when only a prefix is given. */
export const SNIFF_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

const SIGNATURES: { sig: number[]; what: string }[] = [
  { sig: [0x50, 0x4b, 0x03, 0x04], what: "een zip-bestand (of een Excel-bestand .xlsx)" },
  { sig: [0xd0, 0xcf, 0x11, 0xe0], what: "een oud Office-bestand (bijvoorbeeld Excel .xls)" },
  { sig: [0x25, 0x50, 0x44, 0x46], what: "een PDF-bestand" },
  { sig: [0x89, 0x50, 0x4e, 0x47], what: "een afbeelding (PNG)" },
  { sig: [0xff, 0xd8, 0xff], what: "een afbeelding (JPEG)" },
  { sig: [0x1f, 0x8b], what: "een ingepakt bestand (gzip)" },
  { sig: [0x50, 0x41, 0x52, 0x31], what: "een Parquet-bestand" },
];

/**
 * Throws InputError when the bytes are not a text file. Checks well-known file signatures,
 * UTF-16/32 byte order marks, NUL bytes and a high share of control characters in the first
 * SNIFF_BYTES bytes.
 */
export function assertText(bytes: Uint8Array, file: string): void {
  for (const { sig, what } of SIGNATURES) {
    if (startsWith(bytes, sig)) throw new InputError(`dit is geen tekstbestand maar ${what}`, file);
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new InputError(
      "dit is geen tekstbestand dat driehoek kan lezen: het is opgeslagen als UTF-16; sla het op als UTF-8",
      file,
    );
  }
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) {
      throw new InputError("dit is geen tekstbestand (het bevat NUL-bytes, zoals een binair bestand)", file);
    }
    // Tab, LF, VT, FF, CR and SUB (0x1A, an old end-of-file mark) occur in text files.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 26) control++;
  }
  if (n > 0 && control / n > 0.01) {
    throw new InputError(
      "dit is geen tekstbestand (het bevat veel stuurtekens, zoals een binair bestand)",
      file,
    );
  }
}

/**
 * Length of the valid part of `bytes` when it may end in the middle of a UTF-8 sequence:
 * up to 3 trailing bytes that start a sequence which is not complete yet are left out.
 */
function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back] as number;
    if (b < 0x80) return n; // ASCII: nothing pending
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? n - back : n;
    }
    // continuation byte: keep looking back for the lead byte
  }
  return n;
}

/** True when the bytes are valid UTF-8, allowing an incomplete sequence at the end if `partial`. */
export function isValidUtf8(bytes: Uint8Array, partial = false): boolean {
  const len = partial ? completeUtf8Length(bytes) : bytes.length;
  return isUtf8(len === bytes.length ? bytes : bytes.subarray(0, len));
}

/** Offset of the first byte that is not valid UTF-8, or -1. Only used to point at an error. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decides the encoding from the first bytes of a file. `complete` says the bytes are the whole
 * file (otherwise a UTF-8 sequence cut off at the end is allowed). Throws InputError for binary
 * files. A prefix of only ASCII is reported as UTF-8 with `ascii: true`: a streaming reader must
 * keep watching, since Windows-1252 characters may still follow.
 */
export function detectEncoding(bytes: Uint8Array, file: string, complete = true): DetectedEncoding {
  assertText(bytes, file);
  const hadBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  if (hadBom) return { encoding: "utf-8", hadBom, ascii: false };
  if (isAscii(bytes)) return { encoding: "utf-8", hadBom, ascii: true };
  return {
    encoding: isValidUtf8(bytes, !complete) ? "utf-8" : "windows-1252",
    hadBom,
    ascii: false,
  };
}

// Windows-1252 0x80-0x9F; the five undefined bytes (81, 8D, 8F, 90, 9D) keep their C1 code point,
// as the WHATWG Encoding Standard does, so nothing is lost.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];
const C1_RANGE = /[\x80-\x9f]/g;
function cp1252Char(c: string): string {
  return String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0));
}

/** Decodes Windows-1252 bytes (every byte is one character, so chunks can be decoded alone). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return s.replace(C1_RANGE, cp1252Char);
}

/** Decodes a whole file's bytes: detects the encoding unless given, strips a UTF-8 BOM. */
export function decodeText(
  bytes: Uint8Array,
  file: string,
  encoding?: TextEncoding,
): { text: string; encoding: TextEncoding; hadBom: boolean } {
  const detected = detectEncoding(bytes, file, true);
  const enc = encoding ?? detected.encoding;
  const body = detected.hadBom ? bytes.subarray(3) : bytes;
  if (enc === "windows-1252")
    return { text: decodeWindows1252(body), encoding: enc, hadBom: detected.hadBom };
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true }).decode(body),
      encoding: enc,
      hadBom: detected.hadBom,
    };
  } catch {
    throw utf8Error(body, file, 1);
  }
}

/** InputError for invalid UTF-8, naming the line of the first bad byte. */
export function utf8Error(bytes: Uint8Array, file: string, startLine: number): InputError {
  const at = Math.max(0, firstInvalidUtf8(bytes));
  let line = startLine;
  for (let i = 0; i < at; i++) if (bytes[i] === 10) line++;
  return new InputError(
    "de tekst is niet overal geldige UTF-8; sla het bestand op als UTF-8 of geef de tekstcodering Windows-1252 op",
    file,
    line,
  );
}
