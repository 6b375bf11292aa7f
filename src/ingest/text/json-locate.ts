// A JSON parser that remembers the line where every object and array starts, so a problem in a
// record can name its line, and that reports syntax errors with line and column in Dutch.
// It accepts exactly RFC 8259 JSON (no comments, no trailing commas).

import { InputError } from "../../domain/errors.ts";

export interface LocatedJson {
  value: unknown;
  /** Line (1-based) where an object or array of `value` starts. */
  lineOf(node: object): number | undefined;
  /** Offset just after the value (white space skipped); equals the text length for a whole document. */
  end: number;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Offset of the first control character (U+0000-U+001F) in text[from, to), or -1. */
function firstControl(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) < 0x20) return i;
  return -1;
}
const MAX_DEPTH = 1000;

class Parser {
  pos = 0;
  line = 1;
  depth = 0;
  /** Offset of the next backslash at or after the current string, cached (-1: none left). */
  private nextBackslash = -2;
  readonly lines = new WeakMap<object, number>();
  constructor(
    readonly text: string,
    readonly file: string,
    readonly lineOffset: number,
  ) {}

  fail(what: string, at = this.pos): never {
    let line = this.lineOffset + 1;
    let lineStart = 0;
    for (let i = this.text.indexOf("\n"); i !== -1 && i < at; i = this.text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const col = at - lineStart + 1;
    throw new InputError(`ongeldige JSON: ${what} (regel ${line}, kolom ${col})`, this.file, line);
  }

  ws(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 9 || c === 13) p++;
      else if (c === 10) {
        p++;
        this.line++;
      } else break;
    }
    this.pos = p;
  }

  describe(at: number): string {
    if (at >= this.text.length) return "het bestand houdt onverwacht op";
    return `onverwacht teken ${JSON.stringify(this.text.charAt(at))}`;
  }

  value(): unknown {
    this.ws();
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 123) return this.object();
    if (c === 91) return this.array();
    if (c === 34) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = this.pos;
      const m = NUMBER.exec(t);
      if (!m) this.fail("ongeldig getal");
      this.pos += m[0].length;
      return Number(m[0]);
    }
    if (t.startsWith("true", this.pos)) {
      this.pos += 4;
      return true;
    }
    if (t.startsWith("false", this.pos)) {
      this.pos += 5;
      return false;
    }
    if (t.startsWith("null", this.pos)) {
      this.pos += 4;
      return null;
    }
    return this.fail(this.describe(this.pos));
  }

  object(): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    this.lines.set(obj, this.line + this.lineOffset);
    if (++this.depth > MAX_DEPTH) this.fail("te diep genest");
    this.pos++;
    this.ws();
    const t = this.text;
    if (t.charCodeAt(this.pos) === 125) {
      this.pos++;
      this.depth--;
      return obj;
    }
    for (;;) {
      this.ws();
      if (t.charCodeAt(this.pos) !== 34)
        this.fail(`verwacht een naam tussen aanhalingstekens, ${this.describe(this.pos)}`);
      const key = this.string();
      this.ws();
      if (t.charCodeAt(this.pos) !== 58) this.fail(`verwacht ':', ${this.describe(this.pos)}`);
      this.pos++;
      const v = this.value();
      if (key === "__proto__")
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
      else obj[key] = v;
      this.ws();
      const c = t.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 125) {
        this.pos++;
        this.depth--;
        return obj;
      }
      this.fail(`verwacht ',' of '}', ${this.describe(this.pos)}`);
    }
  }

  array(): unknown[] {
    const arr: unknown[] = [];
    this.lines.set(arr, this.line + this.lineOffset);
    if (++this.depth > MAX_DEPTH) this.fail("te diep genest");
    this.pos++;
    this.ws();
    const t = this.text;
    if (t.charCodeAt(this.pos) === 93) {
      this.pos++;
      this.depth--;
      return arr;
    }
    for (;;) {
      arr.push(this.value());
      this.ws();
      const c = t.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 93) {
        this.pos++;
        this.depth--;
        return arr;
      }
      this.fail(`verwacht ',' of ']', ${this.describe(this.pos)}`);
    }
  }

  string(): string {
    const t = this.text;
    const start = this.pos + 1;
    let end = t.indexOf('"', start);
    if (this.nextBackslash !== -1 && this.nextBackslash < start) this.nextBackslash = t.indexOf("\\", start);
    const backslash = this.nextBackslash;
    if (end !== -1 && (backslash === -1 || backslash > end)) {
      const bad = firstControl(t, start, end);
      if (bad !== -1) this.fail("regeleinde of stuurteken binnen een tekst", bad);
      this.pos = end + 1;
      return t.slice(start, end);
    }
    // Slow path: escapes.
    let out = "";
    let p = start;
    for (;;) {
      end = t.indexOf('"', p);
      const bs = t.indexOf("\\", p);
      if (end === -1) this.fail("tekst zonder sluitend aanhalingsteken", this.pos);
      if (bs === -1 || bs > end) {
        const bad = firstControl(t, p, end);
        if (bad !== -1) this.fail("regeleinde of stuurteken binnen een tekst", bad);
        out += t.slice(p, end);
        this.pos = end + 1;
        return out;
      }
      const bad = firstControl(t, p, bs);
      if (bad !== -1) this.fail("regeleinde of stuurteken binnen een tekst", bad);
      out += t.slice(p, bs);
      const e = t.charAt(bs + 1);
      switch (e) {
        case '"':
        case "\\":
        case "/":
          out += e;
          p = bs + 2;
          break;
        case "b":
          out += "\b";
          p = bs + 2;
          break;
        case "f":
          out += "\f";
          p = bs + 2;
          break;
        case "n":
          out += "\n";
          p = bs + 2;
          break;
        case "r":
          out += "\r";
          p = bs + 2;
          break;
        case "t":
          out += "\t";
          p = bs + 2;
          break;
        case "u": {
          const hex = t.slice(bs + 2, bs + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("ongeldige \\u-code", bs);
          out += String.fromCharCode(Number.parseInt(hex, 16));
          p = bs + 6;
          break;
        }
        default:
          this.fail("ongeldig teken na \\", bs);
      }
    }
  }
}

/**
 * Parses JSON text. With `allowTrailing`, text after the first value is left alone (its offset is
 * `end`), otherwise it is an error. `lineOffset` is added to every line (for one line of NDJSON).
 */
export function parseJsonLocated(
  text: string,
  file: string,
  opts: { allowTrailing?: boolean; lineOffset?: number } = {},
): LocatedJson {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const p = new Parser(src, file, opts.lineOffset ?? 0);
  p.ws();
  if (p.pos >= src.length) throw new InputError("het bestand is leeg", file);
  const value = p.value();
  p.ws();
  if (!opts.allowTrailing && p.pos < src.length)
    p.fail(`onverwachte tekst na het einde, ${p.describe(p.pos)}`);
  const lines = p.lines;
  return { value, lineOf: (node) => lines.get(node), end: p.pos };
}
