import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { poissonRateTest } from "../poisson-rate/poisson-rate-test.ts";
import { type DescribeChangeInput, describeChange } from "./change-text.ts";

// The expected sentences are written by hand: they are the specification of the wording
// (issue 3, "duiding"), not output copied from the code.

const SIGNIFICANT = { pTwoSided: 0.01 };
const NOT_SIGNIFICANT = { pTwoSided: 0.3 };
const base = { subject: "woninginbraken" } as const;

const cases: { name: string; input: DescribeChangeInput; expected: string }[] = [
  {
    name: "the issue's example: 41 -> 58, significant",
    input: { ...base, before: 41, after: 58, test: SIGNIFICANT },
    expected:
      "Het aantal woninginbraken steeg van 41 naar 58 (+41%). Die stijging is statistisch significant.",
  },
  {
    name: "decrease, significant",
    input: { ...base, before: 58, after: 41, test: SIGNIFICANT },
    // 17 / 58 = 29.3%
    expected:
      "Het aantal woninginbraken daalde van 58 naar 41 (-29%). Die daling is statistisch significant.",
  },
  {
    name: "increase, not significant",
    input: { ...base, before: 41, after: 58, test: NOT_SIGNIFICANT },
    expected: "Het aantal woninginbraken steeg van 41 naar 58 (+41%). Die stijging kan toeval zijn.",
  },
  {
    name: "decrease, not significant",
    input: { ...base, before: 30, after: 24, test: NOT_SIGNIFICANT },
    expected: "Het aantal woninginbraken daalde van 30 naar 24 (-20%). Die daling kan toeval zijn.",
  },
  {
    name: "p exactly alpha is not significant",
    input: { ...base, before: 41, after: 58, test: { pTwoSided: 0.05 } },
    expected: "Het aantal woninginbraken steeg van 41 naar 58 (+41%). Die stijging kan toeval zijn.",
  },
  {
    name: "custom alpha 0.01: p = 0.02 is not significant",
    input: { ...base, before: 41, after: 58, test: { pTwoSided: 0.02 }, alpha: 0.01 },
    expected: "Het aantal woninginbraken steeg van 41 naar 58 (+41%). Die stijging kan toeval zijn.",
  },
  {
    name: "p = 0 is significant",
    input: { ...base, before: 100, after: 300, test: { pTwoSided: 0 } },
    expected:
      "Het aantal woninginbraken steeg van 100 naar 300 (+200%). Die stijging is statistisch significant.",
  },
  {
    name: "no test: nothing about significance",
    input: { ...base, before: 41, after: 58, test: null },
    expected: "Het aantal woninginbraken steeg van 41 naar 58 (+41%).",
  },
  {
    name: "small numbers: no percentage",
    input: { ...base, before: 5, after: 7, test: NOT_SIGNIFICANT },
    expected: "Het aantal woninginbraken steeg van 5 naar 7. Die stijging kan toeval zijn.",
  },
  {
    name: "one count below 20: no percentage",
    input: { ...base, before: 19, after: 40, test: null },
    expected: "Het aantal woninginbraken steeg van 19 naar 40.",
  },
  {
    name: "the other count below 20: no percentage",
    input: { ...base, before: 40, after: 19, test: null },
    expected: "Het aantal woninginbraken daalde van 40 naar 19.",
  },
  {
    name: "both exactly 20 and more: percentage",
    input: { ...base, before: 20, after: 25, test: null },
    expected: "Het aantal woninginbraken steeg van 20 naar 25 (+25%).",
  },
  {
    name: "zero before: no percentage",
    input: { ...base, before: 0, after: 12, test: NOT_SIGNIFICANT },
    expected: "Het aantal woninginbraken steeg van 0 naar 12. Die stijging kan toeval zijn.",
  },
  {
    name: "zero before, many after: still no percentage from zero",
    input: { ...base, before: 0, after: 250, test: SIGNIFICANT },
    expected: "Het aantal woninginbraken steeg van 0 naar 250. Die stijging is statistisch significant.",
  },
  {
    name: "down to zero",
    input: { ...base, before: 30, after: 0, test: SIGNIFICANT },
    expected: "Het aantal woninginbraken daalde van 30 naar 0. Die daling is statistisch significant.",
  },
  {
    name: "no change",
    input: { ...base, before: 41, after: 41, test: null },
    expected: "Het aantal woninginbraken bleef gelijk op 41.",
  },
  {
    name: "no change with a test: nothing about significance",
    input: { ...base, before: 41, after: 41, test: { pTwoSided: 1 } },
    expected: "Het aantal woninginbraken bleef gelijk op 41.",
  },
  {
    name: "both zero",
    input: { ...base, before: 0, after: 0, test: { pTwoSided: 1 } },
    expected: "Het aantal woninginbraken bleef gelijk op 0.",
  },
  {
    name: "no change with periods",
    input: { ...base, before: 1500, after: 1500, test: null, periodBefore: "2023", periodAfter: "2024" },
    expected: "Het aantal woninginbraken bleef gelijk: 1.500 in 2023 en 1.500 in 2024.",
  },
  {
    name: "large numbers with thousands separator",
    input: { ...base, before: 12345, after: 13001, test: SIGNIFICANT },
    // 656 / 12345 = 5.31%
    expected:
      "Het aantal woninginbraken steeg van 12.345 naar 13.001 (+5%). Die stijging is statistisch significant.",
  },
  {
    name: "millions",
    input: { subject: "registraties", before: 1234567, after: 1000000, test: null },
    // -234567 / 1234567 = -19.0%
    expected: "Het aantal registraties daalde van 1.234.567 naar 1.000.000 (-19%).",
  },
  {
    name: "periods",
    input: { ...base, before: 41, after: 58, test: SIGNIFICANT, periodBefore: "2023", periodAfter: "2024" },
    expected:
      "Het aantal woninginbraken steeg van 41 in 2023 naar 58 in 2024 (+41%). Die stijging is statistisch significant.",
  },
  {
    name: "month-range periods",
    input: {
      subject: "fietsendiefstallen",
      before: 120,
      after: 96,
      test: NOT_SIGNIFICANT,
      periodBefore: "januari t/m maart 2023",
      periodAfter: "januari t/m maart 2024",
    },
    expected:
      "Het aantal fietsendiefstallen daalde van 120 in januari t/m maart 2023 naar 96 in januari t/m maart 2024 (-20%). Die daling kan toeval zijn.",
  },
  // Rounding: whole percents, half away from zero.
  {
    name: "rounding: 12.5% up to +13%",
    input: { ...base, before: 40, after: 45, test: null },
    expected: "Het aantal woninginbraken steeg van 40 naar 45 (+13%).",
  },
  {
    name: "rounding: -12.5% to -13%",
    input: { ...base, before: 40, after: 35, test: null },
    expected: "Het aantal woninginbraken daalde van 40 naar 35 (-13%).",
  },
  {
    name: "rounding: 14.5% up to +15% (not 0.145 * 100 = 14.499…)",
    input: { ...base, before: 200, after: 229, test: null },
    expected: "Het aantal woninginbraken steeg van 200 naar 229 (+15%).",
  },
  {
    name: "rounding: 2.44% down to +2%",
    input: { ...base, before: 41, after: 42, test: null },
    expected: "Het aantal woninginbraken steeg van 41 naar 42 (+2%).",
  },
  {
    name: "rounding: 66.67% to +67%",
    input: { ...base, before: 30, after: 50, test: null },
    expected: "Het aantal woninginbraken steeg van 30 naar 50 (+67%).",
  },
  {
    name: "rounding: a change below 0.5% is not shown as 0%",
    input: { ...base, before: 1000, after: 1004, test: NOT_SIGNIFICANT },
    expected:
      "Het aantal woninginbraken steeg van 1.000 naar 1.004 (minder dan 1%). Die stijging kan toeval zijn.",
  },
  {
    name: "rounding: exactly 0.5% becomes +1%",
    input: { ...base, before: 1000, after: 1005, test: null },
    expected: "Het aantal woninginbraken steeg van 1.000 naar 1.005 (+1%).",
  },
  {
    name: "rounding: a fall below 0.5%",
    input: { ...base, before: 1000, after: 997, test: null },
    expected: "Het aantal woninginbraken daalde van 1.000 naar 997 (minder dan 1%).",
  },
  {
    name: "large percentages get a thousands separator",
    input: { ...base, before: 20, after: 2500, test: null },
    expected: "Het aantal woninginbraken steeg van 20 naar 2.500 (+12.400%).",
  },
];

describe("describeChange", () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(describeChange(c.input), c.expected);
    });
  }

  it("never uses the word 'significant' when the test does not support it", () => {
    for (const [before, after] of [
      [41, 58],
      [58, 41],
      [5, 7],
      [0, 12],
      [12345, 13001],
    ] as const) {
      for (const pTwoSided of [0.05, 0.0500001, 0.2, 1]) {
        const text = describeChange({ ...base, before, after, test: { pTwoSided } });
        assert.doesNotMatch(text, /significant/i, text);
      }
      assert.doesNotMatch(describeChange({ ...base, before, after, test: null }), /significant/i);
    }
  });

  it("never shows a percentage when a count is below 20", () => {
    for (let before = 0; before < 20; before++) {
      for (const after of [0, 1, 19, 20, 100]) {
        const text = describeChange({ ...base, before, after, test: null });
        assert.doesNotMatch(text, /%/, text);
        const reversed = describeChange({ ...base, before: after, after: before, test: null });
        assert.doesNotMatch(reversed, /%/, reversed);
      }
    }
  });

  it("rejects invalid input", () => {
    const ok = { ...base, before: 41, after: 58, test: SIGNIFICANT };
    assert.throws(() => describeChange({ ...ok, before: -1 }), RangeError);
    assert.throws(() => describeChange({ ...ok, after: 2.5 }), RangeError);
    assert.throws(() => describeChange({ ...ok, after: Number.NaN }), RangeError);
    assert.throws(() => describeChange({ ...ok, before: Number.POSITIVE_INFINITY }), RangeError);
    assert.throws(() => describeChange({ ...ok, test: { pTwoSided: Number.NaN } }), RangeError);
    assert.throws(() => describeChange({ ...ok, test: { pTwoSided: -0.1 } }), RangeError);
    assert.throws(() => describeChange({ ...ok, test: { pTwoSided: 1.1 } }), RangeError);
    assert.throws(() => describeChange({ ...ok, alpha: 0 }), RangeError);
    assert.throws(() => describeChange({ ...ok, alpha: 1 }), RangeError);
  });
});

describe("describeChange with poissonRateTest", () => {
  // The example numbers with equal exposure: the exact test gives p = 0.107
  // (statsmodels test_poisson_2indep(58, 1, 41, 1, method="exact-cond")), so the real sentence
  // must NOT call this rise significant.
  it("41 -> 58 with equal exposure is not significant", () => {
    const test = poissonRateTest({ count1: 58, exposure1: 1, count2: 41, exposure2: 1, method: "exact" });
    assert.equal(
      describeChange({ ...base, before: 41, after: 58, test }),
      "Het aantal woninginbraken steeg van 41 naar 58 (+41%). Die stijging kan toeval zijn.",
    );
  });

  it("60 -> 90 with equal exposure is significant", () => {
    const test = poissonRateTest({ count1: 90, exposure1: 1, count2: 60, exposure2: 1, method: "exact" });
    assert.equal(
      describeChange({ ...base, before: 60, after: 90, test }),
      "Het aantal woninginbraken steeg van 60 naar 90 (+50%). Die stijging is statistisch significant.",
    );
  });
});
