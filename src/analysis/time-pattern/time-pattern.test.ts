import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { timePattern } from "./time-pattern.ts";

const HOUR = 3_600_000;

// Independent reference: the platform's IANA time-zone data through Intl, not src/domain/time.ts.
const fmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  weekday: "short",
  hour: "2-digit",
  hourCycle: "h23",
});
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function intlPattern(instants: number[]): number[][] {
  const m = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const t of instants) {
    const parts = Object.fromEntries(fmt.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
    const d = WEEKDAYS.indexOf(String(parts.weekday));
    const h = Number(parts.hour);
    const row = m[d];
    assert.ok(row && h >= 0 && h < 24, `unexpected Intl parts ${JSON.stringify(parts)}`);
    row[h] = (row[h] ?? 0) + 1;
  }
  return m;
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let t = from; t < to; t += step) out.push(t);
  return out;
}

describe("timePattern", () => {
  it("spring change 2024-03-31: 02:00-03:00 local does not exist (hand-checked)", () => {
    // 00:30 UTC = 01:30 CET, 01:30 UTC = 03:30 CEST; both on Sunday (row 6).
    const m = timePattern([Date.UTC(2024, 2, 31, 0, 30), Date.UTC(2024, 2, 31, 1, 30)]);
    assert.equal(m[6]?.[1], 1);
    assert.equal(m[6]?.[2], 0);
    assert.equal(m[6]?.[3], 1);
  });

  it("autumn change 2024-10-27: 02:00-03:00 local occurs twice (hand-checked)", () => {
    // 00:30 UTC = 02:30 CEST and 01:30 UTC = 02:30 CET, both Sunday 02h.
    const m = timePattern([Date.UTC(2024, 9, 27, 0, 30), Date.UTC(2024, 9, 27, 1, 30)]);
    assert.equal(m[6]?.[2], 2);
    assert.equal(
      m.flat().reduce((s, v) => s + v, 0),
      2,
    );
  });

  it("Monday first and midnight boundaries (hand-checked)", () => {
    // 2024-01-01 was a Monday. 2023-12-31 23:00 UTC = 2024-01-01 00:00 CET -> Monday 0h.
    // 2024-01-07 22:59 UTC = 23:59 CET Sunday -> Sunday 23h.
    const m = timePattern([Date.UTC(2023, 11, 31, 23, 0), Date.UTC(2024, 0, 7, 22, 59)]);
    assert.equal(m[0]?.[0], 1);
    assert.equal(m[6]?.[23], 1);
  });

  it("matches Intl every 10 minutes across the DST weeks of 2023-2025", () => {
    const instants: number[] = [];
    for (const [y, mo, d] of [
      [2023, 2, 26],
      [2023, 9, 29],
      [2024, 2, 31],
      [2024, 9, 27],
      [2025, 2, 30],
      [2025, 9, 26],
    ] as const) {
      const mid = Date.UTC(y, mo, d);
      instants.push(...range(mid - 3 * 24 * HOUR, mid + 4 * 24 * HOUR, 10 * 60_000));
    }
    const m = timePattern(instants);
    assert.deepEqual(m, intlPattern(instants));
    assert.equal(m.length, 7);
    for (const row of m) assert.equal(row.length, 24);
  });

  it("matches Intl for 20,000 pseudo-random instants 1990-2030 (incl. pre-1996 rules)", () => {
    let seed = 12345;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const from = Date.UTC(1990, 0, 1);
    const to = Date.UTC(2030, 0, 1);
    const instants = Array.from({ length: 20_000 }, () => Math.floor(from + rnd() * (to - from)));
    assert.deepEqual(timePattern(instants), intlPattern(instants));
  });

  it("empty input gives a zero matrix; non-finite instants throw", () => {
    const m = timePattern([]);
    assert.equal(m.length, 7);
    assert.ok(m.every((row) => row.length === 24 && row.every((v) => v === 0)));
    assert.throws(() => timePattern([Number.NaN]), RangeError);
  });
});
