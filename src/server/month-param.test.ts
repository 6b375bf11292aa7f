import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { currentMonth, lastCompleteMonth } from "../domain/time.ts";
import { parseMonthParam } from "./month-param.ts";

describe("month parameter", () => {
  it("parses YYYY-MM only", () => {
    assert.equal(parseMonthParam("2024-03"), 202403);
    assert.equal(parseMonthParam(" 2024-12 "), 202412);
    for (const bad of ["2024-00", "2024-13", "2024-3", "202403", "maart 2024", "", "2024-03-01", "1899-12"]) {
      assert.equal(parseMonthParam(bad), null, bad);
    }
  });

  it("takes the month in Dutch local time, and the one before as the last complete month", () => {
    assert.equal(currentMonth(new Date("2024-04-15T10:00:00Z")), 202404);
    assert.equal(lastCompleteMonth(new Date("2024-04-15T10:00:00Z")), 202403);
    // 31 December 23:30 UTC is already 1 January in the Netherlands.
    assert.equal(currentMonth(new Date("2024-12-31T23:30:00Z")), 202501);
    assert.equal(lastCompleteMonth(new Date("2024-12-31T23:30:00Z")), 202412);
    assert.equal(lastCompleteMonth(new Date("2024-01-10T12:00:00Z")), 202312);
  });
});
