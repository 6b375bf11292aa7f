import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gemeenteOfCbsCode, levelOfCbsCode } from "./area.ts";

describe("CBS area codes", () => {
  it("gives the gemeente of a wijk or buurt, also with letters in the wijk part", () => {
    assert.equal(gemeenteOfCbsCode("WK034401"), "GM0344");
    assert.equal(gemeenteOfCbsCode("BU03440101"), "GM0344");
    assert.equal(gemeenteOfCbsCode("WK0363AA"), "GM0363");
    assert.equal(gemeenteOfCbsCode("BU0363AA01"), "GM0363");
  });

  it("refuses a code that is no wijk or buurt", () => {
    for (const code of ["GM0344", "RE01", "1234", "WK0344"])
      assert.throws(() => gemeenteOfCbsCode(code), /geen CBS-code van een wijk of buurt/, code);
  });

  it("knows the level of a code by its form", () => {
    assert.deepEqual(["GM0344", "WK034401", "BU03440101", "RE01", "1234", "X"].map(levelOfCbsCode), [
      "gemeente",
      "wijk",
      "buurt",
      "eenheid",
      "pc4",
      undefined,
    ]);
  });
});
