import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../domain/errors.ts";
import {
  assertText,
  decodeText,
  decodeWindows1252,
  detectEncoding,
  firstInvalidUtf8,
  isValidUtf8,
} from "./detect-encoding.ts";

const bytes = (...b: number[]) => Uint8Array.from(b);

describe("detectEncoding", () => {
  it("recognises the UTF-8 byte order mark", () => {
    const d = detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x61, 0x3b, 0x62), "f.csv");
    assert.deepEqual(d, { encoding: "utf-8", hadBom: true, ascii: false });
  });

  it("takes valid UTF-8 without BOM as UTF-8", () => {
    // "Coördinaten": ö = C3 B6
    const d = detectEncoding(Buffer.from("Co\u00f6rdinaten;x\n", "utf8"), "f.csv");
    assert.deepEqual(d, { encoding: "utf-8", hadBom: false, ascii: false });
  });

  it("takes bytes that are not valid UTF-8 as Windows-1252", () => {
    // "Joël" in Windows-1252: EB is a lone lead byte in UTF-8
    const d = detectEncoding(bytes(0x4a, 0x6f, 0xeb, 0x6c, 0x0a), "f.csv");
    assert.equal(d.encoding, "windows-1252");
  });

  it("reports pure ASCII as such", () => {
    assert.equal(detectEncoding(Buffer.from("a,b\n1,2\n"), "f.csv").ascii, true);
  });

  it("allows a UTF-8 sequence cut off at the end of a prefix, not of a whole file", () => {
    const cut = Buffer.from("ab\u20ac", "utf8").subarray(0, 4); // € = E2 82 AC, keep E2 82
    assert.equal(detectEncoding(cut, "f.csv", false).encoding, "utf-8");
    assert.equal(detectEncoding(cut, "f.csv", true).encoding, "windows-1252");
  });
});

describe("assertText refuses files that are not text", () => {
  const refuses = (b: Uint8Array, pattern: RegExp) =>
    assert.throws(
      () => assertText(b, "x.csv"),
      (e: unknown) =>
        e instanceof InputError && pattern.test(e.message) && /geen tekstbestand/.test(e.message),
    );
  it("zip / xlsx", () => refuses(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), /zip/));
  it("PNG", () => refuses(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), /PNG/));
  it("PDF", () => refuses(Buffer.from("%PDF-1.7\n"), /PDF/));
  it("UTF-16 with BOM", () => refuses(bytes(0xff, 0xfe, 0x61, 0x00), /UTF-16/));
  it("NUL bytes", () => refuses(bytes(0x61, 0x2c, 0x00, 0x62), /NUL/));
  it("many control characters", () =>
    refuses(
      Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 65)),
      /stuurtekens/,
    ));
  it("accepts ordinary text with tabs and CRLF", () =>
    assert.doesNotThrow(() => assertText(Buffer.from("a\tb\r\n"), "x")));
});

describe("decodeWindows1252", () => {
  it("maps 0x80-0x9F to the Windows-1252 characters (not ISO-8859-1)", () => {
    // Expected code points from the Windows-1252 table: 80 -> U+20AC €, 9F -> U+0178 Ÿ,
    // 93/94 -> U+201C/U+201D, EB -> U+00EB ë; undefined 81 keeps U+0081.
    const s = decodeWindows1252(bytes(0x80, 0x9f, 0x93, 0x94, 0xeb, 0x81, 0x41));
    assert.deepEqual(
      [...s].map((c) => c.codePointAt(0)),
      [0x20ac, 0x0178, 0x201c, 0x201d, 0x00eb, 0x0081, 0x41],
    );
  });
  it("decodes all 256 bytes to one character each", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    assert.equal(decodeWindows1252(all).length, 256);
  });
});

describe("UTF-8 validity", () => {
  it("finds the first invalid byte", () => {
    assert.equal(firstInvalidUtf8(Buffer.from("ab\u00e9", "utf8")), -1);
    assert.equal(firstInvalidUtf8(bytes(0x61, 0x62, 0xe9, 0x63)), 2);
    assert.equal(firstInvalidUtf8(bytes(0xc0, 0x80)), 0); // overlong
    assert.equal(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80)), 0); // surrogate
  });
  it("isValidUtf8 with partial allows only an unfinished last sequence", () => {
    assert.equal(isValidUtf8(bytes(0x61, 0xe2, 0x82), true), true);
    assert.equal(isValidUtf8(bytes(0x61, 0xe2, 0x82), false), false);
    assert.equal(isValidUtf8(bytes(0xe9, 0x61), true), false);
  });
});

describe("decodeText", () => {
  it("strips the BOM and decodes UTF-8", () => {
    const r = decodeText(bytes(0xef, 0xbb, 0xbf, 0xc3, 0xab), "f");
    assert.deepEqual(r, { text: "\u00eb", encoding: "utf-8", hadBom: true });
  });
  it("decodes Windows-1252 when the bytes are not UTF-8", () => {
    const r = decodeText(bytes(0x80, 0x20, 0x35), "f");
    assert.equal(r.text, "\u20ac 5");
    assert.equal(r.encoding, "windows-1252");
  });
  it("names the line of invalid UTF-8 when UTF-8 is forced", () => {
    assert.throws(
      () => decodeText(bytes(0x61, 0x0a, 0x62, 0x0a, 0xe9, 0x0a), "f", "utf-8"),
      (e: unknown) => e instanceof InputError && e.line === 3,
    );
  });
});
