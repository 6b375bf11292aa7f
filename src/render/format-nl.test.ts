import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  formatCount,
  formatDifference,
  formatPercentChange,
  formatRate,
  listNl,
  monthParam,
  monthRangeNl,
  shortMonthNl,
} from "./format-nl.ts";

describe("Dutch formatting", () => {
  it("formats counts, differences and percentages the Dutch way", () => {
    assert.equal(formatCount(1234567), "1.234.567");
    assert.equal(formatDifference(12), "+12");
    assert.equal(formatDifference(-3), "-3");
    assert.equal(formatDifference(0), "0");
    assert.equal(formatPercentChange(12.4), "+12%");
    assert.equal(formatPercentChange(-50), "-50%");
    assert.equal(formatRate(3.456), "3,5");
    assert.equal(formatRate(0.042), "0,04");
    assert.equal(formatRate(0), "0,0");
  });

  it("names months and ranges", () => {
    assert.equal(shortMonthNl(3), "mrt");
    assert.equal(monthParam(202403), "2024-03");
    assert.equal(monthRangeNl(202401, 202403), "januari t/m maart 2024");
    assert.equal(monthRangeNl(202304, 202403), "april 2023 t/m maart 2024");
    assert.equal(monthRangeNl(202401, 202401), "januari 2024");
  });

  it("lists in Dutch: commas, and 'en' before the last", () => {
    assert.equal(listNl([]), "");
    assert.equal(listNl(["a"]), "a");
    assert.equal(listNl(["a", "b"]), "a en b");
    assert.equal(listNl(["a", "b", "c"]), "a, b en c");
  });
});
