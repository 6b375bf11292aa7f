import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { areaSummary } from "../../domain/test-areas.ts";
import { areaChoicesIn } from "./area-choices.ts";

const area = areaSummary;

const AREAS = [
  area("RE01", "eenheid", "Eenheid Noord", null),
  area("RE01D1", "district", "District Noord", "RE01"),
  area("RE01B01", "basisteam", "Basisteam Aa", "RE01D1"),
  area("RE01B02", "basisteam", "Basisteam Bee", "RE01D1"),
  area("GM9001", "gemeente", "Aadorp", "RE01B01"),
  area("GM9002", "gemeente", "Beekum", "RE01B01"),
  area("GM9003", "gemeente", "Cee", "RE01B02"),
  area("WK900101", "wijk", "Zuid", "GM9001"),
  area("WK900102", "wijk", "Centrum", "GM9001"),
  area("WK900102", "wijk", "Oud centrum", "GM9001", 2025),
  area("WK900201", "wijk", "Beekum-Oost", "GM9002"),
];

describe("the trends form's area suggestions", () => {
  it("gives a gemeente with its own wijken by name, the newest boundary year's names", () => {
    assert.deepEqual(areaChoicesIn(AREAS, ["GM9001"]), [
      { code: "GM9001", label: "Aadorp (gemeente)" },
      { code: "WK900102", label: "Centrum (wijk)" },
      { code: "WK900101", label: "Zuid (wijk)" },
    ]);
  });

  it("gives a police area with the gemeenten in it, and nothing of other areas", () => {
    assert.deepEqual(areaChoicesIn(AREAS, ["RE01B01"]), [
      { code: "RE01B01", label: "Basisteam Aa (basisteam)" },
      { code: "GM9001", label: "Aadorp (gemeente)" },
      { code: "GM9002", label: "Beekum (gemeente)" },
    ]);
    assert.deepEqual(
      areaChoicesIn(AREAS, ["RE01"]).map((c) => c.code),
      ["RE01", "GM9001", "GM9002", "GM9003"],
    );
  });

  it("gives nothing for codes it does not know, and each area once", () => {
    assert.deepEqual(areaChoicesIn(AREAS, ["GM0000"]), []);
    assert.deepEqual(
      areaChoicesIn(AREAS, ["RE01B01", "GM9001"]).map((c) => c.code),
      ["RE01B01", "GM9001", "GM9002", "WK900102", "WK900101"],
    );
  });
});
