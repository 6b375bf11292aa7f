import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AreaSummary } from "../domain/area.ts";
import { areaSummary } from "../domain/test-areas.ts";
import { areaLineage } from "./area-lineage.ts";

const area = (code: string, level: AreaSummary["level"], parent: string | null, year = 2025): AreaSummary =>
  areaSummary(code, level, code, parent, year);

describe("areaLineage", () => {
  const lineage = areaLineage([
    area("RE90", "eenheid", null),
    area("RE90D1", "district", "RE90"),
    area("RE90B1", "basisteam", "RE90D1"),
    area("GM9001", "gemeente", "RE90B1"),
    area("GM9001", "gemeente", "RE01", 2020), // an older year's indeling does not count
    area("WK900101", "wijk", "GM9001"),
    area("BU90010101", "buurt", "WK900101"),
  ]);

  it("walks from buurt to the whole country", () => {
    assert.deepEqual(lineage("BU90010101"), ["WK900101", "GM9001", "RE90B1", "RE90D1", "RE90", "NL"]);
    assert.deepEqual(lineage("RE90"), ["NL"]);
    assert.deepEqual(lineage("NL"), []);
  });

  it("gives an unknown buurt or wijk the parents its CBS code implies", () => {
    assert.deepEqual(lineage("BU90010299"), ["WK900102", "GM9001", "RE90B1", "RE90D1", "RE90", "NL"]);
    assert.deepEqual(lineage("GM9999"), ["NL"]);
  });

  it("stops at a cycle in bad data", () => {
    const loop = areaLineage([area("A1", "gemeente", "B1"), area("B1", "basisteam", "A1")]);
    assert.deepEqual(loop("A1"), ["B1", "NL"]);
  });
});
