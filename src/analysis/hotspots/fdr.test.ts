import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { benjaminiHochbergCutoff, benjaminiHochbergCutoffs } from "./fdr.ts";

// The worked example of Benjamini & Hochberg (1995), §4: the 15 p-values of Neuhaus et al. (1992)
// (thrombolytic treatment, family "cardiac and other events"). The paper's decision at q = 0.05:
// the step-up procedure rejects the four smallest (p ≤ 0.0095), where Bonferroni rejects three.
// The same example and decision are in scipy.stats.false_discovery_control's docstring and in
// statsmodels' multitest sandbox ("single step-up: 4").
const BH1995 = [
  0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528,
  0.759, 1,
];

describe("benjaminiHochbergCutoff", () => {
  it("B&H (1995) worked example at q = 0.05: rejects the four smallest, cut-off 0.0095", () => {
    const cut = benjaminiHochbergCutoff(BH1995, 0.05);
    assert.equal(cut, 0.0095);
    assert.equal(BH1995.filter((p) => p <= cut).length, 4);
    // Bonferroni, for contrast: 0.05 / 15 = 0.00333 → three.
    assert.equal(BH1995.filter((p) => p <= 0.05 / 15).length, 3);
  });

  it("same data at q = 0.10 (hand-worked: p_(9) = 0.0459 ≤ 9/15·0.10 = 0.06, p_(10) = 0.324 > 0.0667) → nine", () => {
    const cut = benjaminiHochbergCutoff(BH1995, 0.1);
    assert.equal(cut, 0.0459);
    assert.equal(BH1995.filter((p) => p <= cut).length, 9);
  });

  it("same data at q = 0.01 (hand-worked: p_(3) = 0.0019 ≤ 3/15·0.01 = 0.002, p_(4) = 0.0095 > 0.00267) → three", () => {
    assert.equal(benjaminiHochbergCutoff(BH1995, 0.01), 0.0019);
  });

  it("order of the input does not matter; several levels at once", () => {
    const shuffled = [...BH1995].reverse();
    assert.deepEqual(benjaminiHochbergCutoffs(shuffled, [0.01, 0.05, 0.1]), [0.0019, 0.0095, 0.0459]);
  });

  it("step-up: a p-value above its own line is rejected when a larger one passes its line", () => {
    // m = 4, q = 0.05: lines 0.0125, 0.025, 0.0375, 0.05. p_(1) = 0.02 fails its line, p_(2) = 0.021 passes.
    assert.equal(benjaminiHochbergCutoff([0.02, 0.021, 0.9, 0.8], 0.05), 0.021);
  });

  it("nothing rejected → -Infinity; empty input → -Infinity; NaN counts as 1", () => {
    assert.equal(
      benjaminiHochbergCutoff([0.04, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], 0.05),
      Number.NEGATIVE_INFINITY,
    );
    assert.equal(benjaminiHochbergCutoff([], 0.05), Number.NEGATIVE_INFINITY);
    // m = 2 with a NaN: line for k = 1 is 0.025, so 0.03 is not rejected (it would be with m = 1).
    assert.equal(benjaminiHochbergCutoff([0.03, Number.NaN], 0.05), Number.NEGATIVE_INFINITY);
  });

  it("rejects a level outside (0, 1)", () => {
    assert.throws(() => benjaminiHochbergCutoff([0.1], 0), RangeError);
    assert.throws(() => benjaminiHochbergCutoff([0.1], 1), RangeError);
    assert.throws(() => benjaminiHochbergCutoff([0.1], Number.NaN), RangeError);
  });
});
