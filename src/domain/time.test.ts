import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addMonths, amsterdamOffset, amsterdamToUtc, isoWeek, lastDayOf, localBuckets } from "./time.ts";

// Independent reference: the platform's IANA tz database through Intl.
const fmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  weekday: "short",
});
function intlLocal(ms: number) {
  const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return p as Record<string, string>;
}

describe("Europe/Amsterdam time", () => {
  it("agrees with Intl on every hour of 2019-2026 and 1995", () => {
    for (const year of [1995, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]) {
      const start = Date.UTC(year, 0, 1);
      const end = Date.UTC(year + 1, 0, 1);
      for (let t = start; t < end; t += 3_600_000) {
        const p = intlLocal(t);
        const b = localBuckets(t);
        assert.equal(b.day, Number(`${p.year}${p.month}${p.day}`), new Date(t).toISOString());
        assert.equal(
          b.weekday,
          ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(p.weekday ?? "") + 1,
        );
        assert.equal(b.hour, Number(p.hour), new Date(t).toISOString());
        const wall = Date.UTC(
          Number(p.year),
          Number(p.month) - 1,
          Number(p.day),
          Number(p.hour),
          Number(p.minute),
        );
        assert.equal(amsterdamOffset(t), wall - t);
      }
    }
  });

  it("round-trips wall time to UTC outside the transitions", () => {
    const r = amsterdamToUtc(2024, 7, 1, 12, 0, 0);
    assert.deepEqual(r, { ok: true, utcMs: Date.UTC(2024, 6, 1, 10), ambiguous: false });
    const w = amsterdamToUtc(2024, 1, 15, 8, 30, 0);
    assert.deepEqual(w, { ok: true, utcMs: Date.UTC(2024, 0, 15, 7, 30), ambiguous: false });
  });

  it("rejects a time skipped by the spring change (31 March 2024, 02:30)", () => {
    assert.deepEqual(amsterdamToUtc(2024, 3, 31, 2, 30), { ok: false, reason: "bestaat-niet" });
    const before = amsterdamToUtc(2024, 3, 31, 1, 59);
    const after = amsterdamToUtc(2024, 3, 31, 3, 0);
    assert.ok(before.ok && after.ok);
    if (before.ok && after.ok) assert.equal(after.utcMs - before.utcMs, 60_000);
  });

  it("reads a repeated autumn time as the first occurrence (27 October 2024, 02:30)", () => {
    const r = amsterdamToUtc(2024, 10, 27, 2, 30);
    assert.deepEqual(r, { ok: true, utcMs: Date.UTC(2024, 9, 27, 0, 30), ambiguous: true });
  });

  it("computes ISO weeks at year boundaries", () => {
    // Reference: ISO 8601 calendars (2021-01-03 is in 2020-W53; 2024-12-30 is in 2025-W01).
    assert.equal(isoWeek(2021, 1, 3), 202053);
    assert.equal(isoWeek(2021, 1, 4), 202101);
    assert.equal(isoWeek(2024, 12, 30), 202501);
    assert.equal(isoWeek(2026, 11, 22), 202647);
  });

  it("agrees with a Date-based ISO week on every day of 2015-2030", () => {
    // Independent: the textbook algorithm through Date objects.
    const reference = (y: number, m: number, d: number) => {
      const date = new Date(Date.UTC(y, m - 1, d));
      const wd = date.getUTCDay() || 7;
      date.setUTCDate(date.getUTCDate() + 4 - wd);
      const wy = date.getUTCFullYear();
      return wy * 100 + Math.ceil(((date.getTime() - Date.UTC(wy, 0, 1)) / 86_400_000 + 1) / 7);
    };
    for (let t = Date.UTC(2015, 0, 1); t < Date.UTC(2031, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      assert.equal(isoWeek(y, m, day), reference(y, m, day), d.toISOString());
      assert.equal(localBuckets(t + 12 * 3_600_000).isoWeek, reference(y, m, day));
    }
  });

  it("adds months across years", () => {
    assert.equal(addMonths(202401, -1), 202312);
    assert.equal(addMonths(202312, 1), 202401);
    assert.equal(addMonths(202403, -12), 202303);
    assert.equal(addMonths(202403, 25), 202604);
  });
});

describe("lastDayOf", () => {
  it("knows month lengths and leap years (Gregorian calendar)", () => {
    assert.deepEqual(
      [
        lastDayOf(202402),
        lastDayOf(202302),
        lastDayOf(190002),
        lastDayOf(200002),
        lastDayOf(202604),
        lastDayOf(202612),
      ],
      [20240229, 20230228, 19000228, 20000229, 20260430, 20261231],
    );
  });
});
