import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadProtectionRules, withheldBelow } from "./protection-rules.ts";

describe("table protection rules (config/tabelbeveiliging.json)", () => {
  const rules = loadProtectionRules();
  const mayor = {
    user: "bm",
    roles: ["burgemeester"],
    organisation: { id: "g", kind: "gemeente", authority: [] },
  };
  const chief = {
    user: "tc",
    roles: ["teamchef"],
    organisation: { id: "p", kind: "politie", authority: [] },
  };

  it("withholds counts 1–4 from recipients outside the police, not from the police", () => {
    const { family, ...mayorRule } = rules.for(mayor, "aggregated");
    assert.deepEqual(mayorRule, { minimum: 5, roundTo: undefined, withholdBelow: ["1.4.1"] });
    // The same family settings for every recipient (config: woninginbraak per wijk and buurt, and split).
    assert.deepEqual(family?.detailTypes, ["1.1.1"]);
    assert.deepEqual(family?.breakdowns, [
      { inpCode: "1.1.1", by: ["poging", "dagdeel", "weekdag", "werkwijze"] },
    ]);
    assert.deepEqual(rules.for(chief, "aggregated").family, family);
    assert.deepEqual(
      { ...rules.for(chief, "aggregated"), family: undefined },
      { minimum: 0, roundTo: undefined, family: undefined },
    );
  });

  it("rounds open data to multiples of 5 for everyone, as CBS does", () => {
    assert.equal(rules.for(mayor, "open").roundTo, 5);
    assert.equal(rules.for(chief, "open").roundTo, 5);
  });

  it("asks nothing where no rule applies (records are protected otherwise)", () => {
    assert.deepEqual(
      { ...rules.for(mayor, "incident"), family: undefined },
      { minimum: 0, withholdBelow: ["1.4.1"], family: undefined },
    );
  });

  it("leaves sexual offences out below the gemeente for recipients outside the police", () => {
    assert.deepEqual(rules.for(mayor, "aggregated", ["WK900101"]).withholdTypes, ["1.4.1"]);
    assert.deepEqual(rules.for(mayor, "aggregated", ["BU90010101"]).withholdTypes, ["1.4.1"]);
    assert.equal(rules.for(mayor, "aggregated", ["GM9001"]).withholdTypes, undefined);
    assert.equal(rules.for(chief, "aggregated", ["WK900101"]).withholdTypes, undefined);
    // Whatever was asked, products that add wijken to a gemeente know what to leave out there.
    assert.deepEqual(rules.for(mayor, "aggregated", ["GM9001"]).withholdBelow, ["1.4.1"]);
    assert.equal(rules.for(chief, "aggregated", ["GM9001"]).withholdBelow, undefined);
    // What every family decision, map and trend leaves out below the gemeente.
    assert.deepEqual(withheldBelow(rules.for(mayor, "aggregated", ["GM9001"])), ["1.4.1"]);
    assert.deepEqual(withheldBelow(rules.for(mayor, "aggregated", ["WK900101"])), ["1.4.1"]);
    assert.deepEqual(withheldBelow(rules.for(chief, "aggregated", ["WK900101"])), []);
  });

  it("takes the types withheld below the gemeente and altogether together, each once", () => {
    assert.deepEqual(withheldBelow({ minimum: 5 }), []);
    assert.deepEqual(withheldBelow({ minimum: 5, withholdTypes: [" 1.4.1"] }), ["1.4.1"]);
    assert.deepEqual(
      withheldBelow({ minimum: 5, withholdBelow: ["1.4.1"], withholdTypes: ["1.4.1", "2.1.1"] }),
      ["1.4.1", "2.1.1"],
    );
  });
});
