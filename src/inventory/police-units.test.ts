import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { areaSummary } from "../domain/test-areas.ts";
import { unitGemeenten, unitOf, units } from "./police-units.ts";

const area = areaSummary;

const AREAS = [
  area("RE90", "eenheid", "Nevelland", null),
  area("RE91", "eenheid", "Heuvelland", null),
  area("RE90D1", "district", "District Noord", "RE90"),
  area("RE90B01", "basisteam", "Sperwerkerk", "RE90D1"),
  // A basisteam directly under its unit.
  area("RE91B01", "basisteam", "Heuveldal", "RE91"),
  area("GM9001", "gemeente", "Sperwerkerk", "RE90B01"),
  area("GM9002", "gemeente", "Kievitsrode", "RE90B01"),
  area("GM9101", "gemeente", "Heuveldal", "RE91B01"),
  // Merged away in 2026: only the newest boundary year counts.
  area("GM9003", "gemeente", "Oudedorp", "RE90B01", 2025),
  // In 2025 GM9002 lay elsewhere; the newest year decides.
  area("GM9002", "gemeente", "Kievitsrode", "RE91B01", 2025),
  area("WK900101", "wijk", "Centrum", "GM9001"),
];

describe("police units", () => {
  it("lists the units and finds the unit of any area", () => {
    assert.deepEqual(
      units(AREAS).map((u) => u.code),
      ["RE90", "RE91"],
    );
    assert.equal(unitOf(AREAS, "WK900101")?.code, "RE90");
    assert.equal(unitOf(AREAS, "GM9101")?.code, "RE91");
    assert.equal(unitOf(AREAS, "RE90B01")?.code, "RE90");
    assert.equal(unitOf(AREAS, "RE91")?.code, "RE91");
    assert.equal(unitOf(AREAS, "GM0000"), undefined);
  });

  it("gives the gemeenten of a unit in the newest boundary year, by name", () => {
    assert.deepEqual(unitGemeenten(AREAS, "RE90"), [
      { code: "GM9002", name: "Kievitsrode" },
      { code: "GM9001", name: "Sperwerkerk" },
    ]);
    assert.deepEqual(unitGemeenten(AREAS, "RE91"), [{ code: "GM9101", name: "Heuveldal" }]);
  });
});
