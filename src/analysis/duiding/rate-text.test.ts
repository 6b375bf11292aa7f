import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ratePer1000 } from "../rate/rate.ts";
import { type DescribeRateInput, describeRate, formatRateNl } from "./rate-text.ts";

// The expected sentences are written by hand: they are the specification of the wording
// (issue 3, "duiding"), not output copied from the code. The interval limits in the comments come
// from scipy: chi2.ppf(alpha/2, 2k)/2 and chi2.ppf(1 - alpha/2, 2k + 2)/2, per 1,000 inhabitants.

const base = { subject: "woninginbraken" } as const;

function input(count: number, population: number, extra: Partial<DescribeRateInput> = {}): DescribeRateInput {
  const alpha = extra.alpha ?? 0.05;
  return { ...base, count, population, result: ratePer1000({ count, population, alpha }), ...extra };
}

const cases: { name: string; input: DescribeRateInput; expected: string }[] = [
  {
    name: "the issue's example: 125 in 45,000 inhabitants",
    // rate 2.778, interval [2.312, 3.310]
    input: input(125, 45000, { area: "Utrecht" }),
    expected:
      "In Utrecht waren er 125 woninginbraken op 45.000 inwoners: 2,8 per 1.000 inwoners. " +
      "Het werkelijke cijfer ligt waarschijnlijk tussen 2,3 en 3,3 (95%-betrouwbaarheidsinterval).",
  },
  {
    name: "without an area",
    input: input(125, 45000),
    expected:
      "Er waren 125 woninginbraken op 45.000 inwoners: 2,8 per 1.000 inwoners. " +
      "Het werkelijke cijfer ligt waarschijnlijk tussen 2,3 en 3,3 (95%-betrouwbaarheidsinterval).",
  },
  {
    name: "90% interval with alpha 0.1",
    // interval [2.382, 3.223]
    input: input(125, 45000, { area: "Utrecht", alpha: 0.1 }),
    expected:
      "In Utrecht waren er 125 woninginbraken op 45.000 inwoners: 2,8 per 1.000 inwoners. " +
      "Het werkelijke cijfer ligt waarschijnlijk tussen 2,4 en 3,2 (90%-betrouwbaarheidsinterval).",
  },
  {
    name: "small count: extra sentence about uncertainty, rates below 1 with two decimals",
    // rate 0.1556, interval [0.0625, 0.3205]
    input: input(7, 45000, { area: "Utrecht" }),
    expected:
      "In Utrecht waren er 7 woninginbraken op 45.000 inwoners: 0,16 per 1.000 inwoners. " +
      "Het aantal is klein, dus dit cijfer is onzeker. " +
      "Het werkelijke cijfer ligt waarschijnlijk tussen 0,06 en 0,32 (95%-betrouwbaarheidsinterval).",
  },
  {
    name: "19 is still small",
    // rate 0.4222, interval [0.2542, 0.6594]
    input: input(19, 45000),
    expected:
      "Er waren 19 woninginbraken op 45.000 inwoners: 0,42 per 1.000 inwoners. " +
      "Het aantal is klein, dus dit cijfer is onzeker. " +
      "Het werkelijke cijfer ligt waarschijnlijk tussen 0,25 en 0,66 (95%-betrouwbaarheidsinterval).",
  },
  {
    name: "20 is not small",
    // rate 0.4444, interval [0.2715, 0.6864]
    input: input(20, 45000),
    expected:
      "Er waren 20 woninginbraken op 45.000 inwoners: 0,44 per 1.000 inwoners. " +
      "Het werkelijke cijfer ligt waarschijnlijk tussen 0,27 en 0,69 (95%-betrouwbaarheidsinterval).",
  },
  {
    name: "count 1: singular wording, tiny lower limit with two significant digits",
    // rate 0.02222, interval [0.0005626, 0.1238]
    input: input(1, 45000, { area: "Utrecht" }),
    expected:
      "In Utrecht was het aantal woninginbraken 1 op 45.000 inwoners: 0,02 per 1.000 inwoners. " +
      "Het aantal is klein, dus dit cijfer is onzeker. " +
      "Het werkelijke cijfer ligt waarschijnlijk tussen 0,00056 en 0,12 (95%-betrouwbaarheidsinterval).",
  },
  {
    name: "count 1 without an area",
    input: input(1, 45000),
    expected:
      "Het aantal woninginbraken was 1 op 45.000 inwoners: 0,02 per 1.000 inwoners. " +
      "Het aantal is klein, dus dit cijfer is onzeker. " +
      "Het werkelijke cijfer ligt waarschijnlijk tussen 0,00056 en 0,12 (95%-betrouwbaarheidsinterval).",
  },
  {
    name: "count 0: only an upper limit, no interval from 0",
    // upper limit -ln(0.025) / 45 = 0.08198
    input: input(0, 45000, { area: "Utrecht" }),
    expected:
      "In Utrecht waren er geen woninginbraken op 45.000 inwoners. Dat betekent niet dat de kans nul is: " +
      "het werkelijke cijfer ligt waarschijnlijk onder 0,08 per 1.000 inwoners (95%-betrouwbaarheidsinterval).",
  },
  {
    name: "count 0 in a large gemeente: the upper limit does not read 0,00",
    // upper limit -ln(0.025) / 930 = 0.003967
    input: input(0, 930000),
    expected:
      "Er waren geen woninginbraken op 930.000 inwoners. Dat betekent niet dat de kans nul is: " +
      "het werkelijke cijfer ligt waarschijnlijk onder 0,004 per 1.000 inwoners (95%-betrouwbaarheidsinterval).",
  },
  {
    name: "large numbers with thousands separators",
    // rate 12.345, interval [12.128, 12.565]
    input: input(12345, 1000000, { subject: "registraties", area: "Nederland" }),
    expected:
      "In Nederland waren er 12.345 registraties op 1.000.000 inwoners: 12,3 per 1.000 inwoners. " +
      "Het werkelijke cijfer ligt waarschijnlijk tussen 12,1 en 12,6 (95%-betrouwbaarheidsinterval).",
  },
  {
    name: "very large count: limits that round to the same number read 'heel dicht bij'",
    // rate 10, interval [9.980, 10.020]
    input: input(1000000, 100000000, { subject: "registraties" }),
    expected:
      "Er waren 1.000.000 registraties op 100.000.000 inwoners: 10,0 per 1.000 inwoners. " +
      "Het werkelijke cijfer ligt waarschijnlijk heel dicht bij 10,0 (95%-betrouwbaarheidsinterval).",
  },
];

describe("describeRate", () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(describeRate(c.input), c.expected);
    });
  }

  it("says the number is small for every count from 1 to 19 and never for 0 or 20 and up", () => {
    for (let count = 0; count < 40; count++) {
      const text = describeRate(input(count, 10000));
      assert.equal(text.includes("Het aantal is klein"), count >= 1 && count < 20, text);
    }
  });

  it("never says 'tussen 0' or shows a rate of 0,0 for count 0", () => {
    for (const population of [1, 500, 45000, 930000, 17e6]) {
      const text = describeRate(input(0, population));
      assert.doesNotMatch(text, /tussen|0,0 per|0,00 per|significant/, text);
    }
  });

  it("formatRateNl: two significant digits only above 0 and below 0,005", () => {
    assert.equal(formatRateNl(0), "0,0");
    assert.equal(formatRateNl(0.00412), "0,0041");
    assert.equal(formatRateNl(0.005), "0,01");
    assert.equal(formatRateNl(0.75), "0,75");
    assert.equal(formatRateNl(2.75), "2,8");
  });

  it("rejects invalid input", () => {
    const ok = input(125, 45000);
    assert.throws(() => describeRate({ ...ok, count: -1 }), RangeError);
    assert.throws(() => describeRate({ ...ok, count: 2.5 }), RangeError);
    assert.throws(() => describeRate({ ...ok, count: Number.NaN }), RangeError);
    assert.throws(() => describeRate({ ...ok, population: 0 }), RangeError);
    assert.throws(() => describeRate({ ...ok, population: Number.POSITIVE_INFINITY }), RangeError);
    assert.throws(() => describeRate({ ...ok, alpha: 0 }), RangeError);
    assert.throws(() => describeRate({ ...ok, alpha: 1 }), RangeError);
    assert.throws(() => describeRate({ ...ok, result: { rate: Number.NaN, ci: [2, 3] } }), RangeError);
    assert.throws(() => describeRate({ ...ok, result: { ...ok.result, ci: [Number.NaN, 3.3] } }), RangeError);
    // Limits in the wrong order or not around the rate.
    assert.throws(() => describeRate({ ...ok, result: { ...ok.result, ci: [3.3, 2.3] } }), RangeError);
    assert.throws(() => describeRate({ ...ok, result: { ...ok.result, ci: [2.9, 3.3] } }), RangeError);
    assert.throws(() => describeRate({ ...ok, result: { ...ok.result, ci: [-0.1, 3.3] } }), RangeError);
    // A result for another count or population.
    assert.throws(() => describeRate({ ...ok, count: 126 }), RangeError);
    assert.throws(() => describeRate({ ...ok, population: 50000 }), RangeError);
  });
});
