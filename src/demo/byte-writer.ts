// Writes CSV rows straight into a byte buffer: ASCII text, digits, dates and hexadecimal
// pseudonyms without building intermediate strings. Writing millions of rows as JavaScript
// strings spends most of its time in the garbage collector; this keeps generation near the
// speed of the random draws.

import { wallOffsetMinutes } from "./wall-time.ts";

const MINUTES_PER_DAY = 1440;
const HEX = Uint8Array.from("0123456789ABCDEF", (c) => c.charCodeAt(0));
/** ASCII codes of the two digits of 0-99, interleaved. */
const TWO = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  TWO[2 * i] = 48 + Math.floor(i / 10);
  TWO[2 * i + 1] = 48 + (i % 10);
}

export class ByteWriter {
  buf: Buffer;
  pos = 0;
  /** `YYYY-MM-DD` as bytes per day number, filled lazily. */
  private readonly dayCache = new Map<number, Uint8Array>();

  constructor(size = 1 << 22) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** The bytes written so far; the writer starts again at 0 (the view is valid until the next write). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.pos = 0;
    return out;
  }

  byte(b: number): void {
    this.buf[this.pos++] = b;
  }

  /** A string of ASCII characters (callers guarantee ASCII). */
  ascii(s: string): void {
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  bytes(b: Uint8Array): void {
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** A non-negative integer, zero-padded to `width` digits. */
  uint(n: number, width = 1): void {
    let digits = 1;
    for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
    const len = Math.max(width, digits);
    const buf = this.buf;
    let p = this.pos + len - 1;
    let v = n;
    for (let i = 0; i < len; i++) {
      buf[p--] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
    this.pos += len;
  }

  /** Decimetres as metres with one decimal: 1234567 -> "123456.7". */
  decimetres(dm: number): void {
    const m = Math.floor(dm / 10);
    this.uint(m);
    this.buf[this.pos++] = 46;
    this.buf[this.pos++] = 48 + (dm - m * 10);
  }

  /** `P` and 12 hexadecimal digits of a 48-bit pseudonym number. */
  pseudonym(v: number): void {
    const buf = this.buf;
    const hi = Math.floor(v / 4294967296);
    const lo = v - hi * 4294967296;
    buf[this.pos++] = 80;
    for (let s = 12; s >= 0; s -= 4) buf[this.pos++] = HEX[(hi >>> s) & 15] ?? 48;
    for (let s = 28; s >= 0; s -= 4) buf[this.pos++] = HEX[(lo >>> s) & 15] ?? 48;
  }

  private lastDay = -1;
  private lastDate: Uint8Array = new Uint8Array(10);

  private date(day: number): Uint8Array {
    if (day === this.lastDay) return this.lastDate;
    let v = this.dayCache.get(day);
    if (v === undefined) {
      v = Buffer.from(new Date(day * 86_400_000).toISOString().slice(0, 10), "latin1");
      this.dayCache.set(day, v);
    }
    this.lastDay = day;
    this.lastDate = v;
    return v;
  }

  /** Two digits of 0-99. */
  two(n: number): void {
    this.buf[this.pos++] = TWO[2 * n] ?? 48;
    this.buf[this.pos++] = TWO[2 * n + 1] ?? 48;
  }

  /** `YYYY-MM-DD` and a separator byte, then `HH:MM`. */
  private dateTime(wall: number, sep: number): void {
    const day = Math.floor(wall / MINUTES_PER_DAY);
    const date = this.date(day);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < 10; i++) buf[p++] = date[i] ?? 48;
    buf[p++] = sep;
    this.pos = p;
    const minutes = wall - day * MINUTES_PER_DAY;
    const h = Math.floor(minutes / 60);
    this.two(h);
    this.buf[this.pos++] = 58;
    this.two(minutes - h * 60);
  }

  /** Dutch local time without offset: `YYYY-MM-DD HH:MM`. */
  wall(wall: number): void {
    this.dateTime(wall, 32);
  }

  /** ISO 8601 with seconds and offset: `YYYY-MM-DDTHH:MM:SS+01:00`. */
  isoOffset(wall: number, second: number): void {
    this.dateTime(wall, 84);
    this.byte(58);
    this.two(second);
    this.ascii(wallOffsetMinutes(wall) === 120 ? "+02:00" : "+01:00");
  }
}
