import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parsePeriod } from "../product-period.ts";
import { daysBefore, hourParts, periodDays, previousPeriod } from "./incident-records.ts";

describe("periods of the record-level products", () => {
  it("finds the period before: day, ISO week (across years) and month", () => {
    assert.equal(previousPeriod(parsePeriod("2026-03-01")).id, "2026-02-28");
    assert.equal(previousPeriod(parsePeriod("2024-03-01")).id, "2024-02-29");
    assert.equal(previousPeriod(parsePeriod("2026-W14")).id, "2026-W13");
    assert.equal(previousPeriod(parsePeriod("2026-W01")).id, "2025-W52");
    assert.equal(previousPeriod(parsePeriod("2021-W01")).id, "2020-W53");
    assert.equal(previousPeriod(parsePeriod("2026-01")).id, "2025-12");
    assert.throws(() => previousPeriod(parsePeriod("2026")), RangeError);
  });

  it("gives the 28 days before and the length of a period", () => {
    assert.deepEqual(daysBefore(parsePeriod("2026-04-01"), 28), { from: 20260304, to: 20260331 });
    assert.deepEqual(daysBefore(parsePeriod("2026-W14"), 28), { from: 20260302, to: 20260329 });
    assert.equal(periodDays(parsePeriod("2026-W14")), 7);
    assert.equal(periodDays(parsePeriod("2026-02")), 28);
  });

  it("writes the hour as a window", () => {
    assert.deepEqual(hourParts("2026-04-01 00:00"), { date: "1-4-2026", hour: "00:00-01:00" });
    assert.deepEqual(hourParts("2026-12-31 23:00"), { date: "31-12-2026", hour: "23:00-00:00" });
  });
});
