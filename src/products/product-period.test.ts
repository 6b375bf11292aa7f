import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lastCompletePeriod, parsePeriod, periodMonths, previousYearPeriod } from "./product-period.ts";

describe("product periods", () => {
  it("reads months, quarters, half years and years with their months and days", () => {
    const m = parsePeriod("2024-02");
    assert.deepEqual(
      [m.kind, m.label, m.from, m.to, m.days.from, m.days.to],
      ["maand", "februari 2024", 202402, 202402, 20240201, 20240229],
    );
    const q = parsePeriod("2023-q4");
    assert.deepEqual(
      [q.id, q.label, q.from, q.to, q.days.to],
      ["2023-Q4", "4e kwartaal 2023", 202310, 202312, 20231231],
    );
    const h = parsePeriod("2024-H1");
    assert.deepEqual([h.label, h.from, h.to, h.days.to], ["1e halfjaar 2024", 202401, 202406, 20240630]);
    const y = parsePeriod("2025");
    assert.deepEqual(
      [y.kind, y.from, y.to, y.days.from, y.days.to],
      ["jaar", 202501, 202512, 20250101, 20251231],
    );
  });

  it("reads ISO weeks as the calendar has them", () => {
    // ISO 8601: week 1 of 2026 runs from Monday 29 December 2025; 2020 has 53 weeks, 2021 has 52.
    const w = parsePeriod("2026-W01");
    assert.deepEqual([w.days.from, w.days.to, w.from, w.to], [20251229, 20260104, 202512, 202601]);
    assert.deepEqual(parsePeriod("2020-W53").days, { from: 20201228, to: 20210103 });
    assert.throws(() => parsePeriod("2021-W53"), /periode "2021-W53" klopt niet/);
    assert.equal(parsePeriod("2024-W12").label, "week 12 van 2024");
    assert.deepEqual(parsePeriod("2024-W12").days, { from: 20240318, to: 20240324 });
  });

  it("reads days and refuses impossible dates and other forms, naming the option", () => {
    assert.deepEqual(parsePeriod("2024-02-29").days, { from: 20240229, to: 20240229 });
    assert.equal(parsePeriod("2024-03-05").label, "5 maart 2024");
    for (const bad of ["2023-02-29", "2024-13", "2024-Q5", "2024-H3", "24-03", "maart", ""]) {
      assert.throws(
        () => parsePeriod(bad),
        (e: Error & { file?: string }) => e.file === "--periode" && e.message.includes("JJJJ-MM"),
        bad,
      );
    }
  });

  it("compares with the same period a year earlier", () => {
    assert.equal(previousYearPeriod(parsePeriod("2024-Q2")).id, "2023-Q2");
    assert.equal(previousYearPeriod(parsePeriod("2024-02-29")).id, "2023-02-28");
    assert.equal(previousYearPeriod(parsePeriod("2021-W01")).id, "2020-W01");
    assert.equal(previousYearPeriod(parsePeriod("2020-W53")).id, "2019-W52");
  });

  it("finds the last complete period before the current month", () => {
    assert.equal(lastCompletePeriod("maand", 202601).id, "2025-12");
    assert.equal(lastCompletePeriod("kwartaal", 202605).id, "2026-Q1");
    assert.equal(lastCompletePeriod("kwartaal", 202604).id, "2026-Q1");
    assert.equal(lastCompletePeriod("halfjaar", 202606).id, "2025-H2");
    assert.equal(lastCompletePeriod("jaar", 202611).id, "2025");
    assert.deepEqual(periodMonths(parsePeriod("2024-H2")), [202407, 202408, 202409, 202410, 202411, 202412]);
  });
});
