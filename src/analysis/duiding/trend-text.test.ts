import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mannKendall, seasonalMannKendall } from "../mann-kendall/mann-kendall.ts";
import { type DescribeTrendInput, describeTrend } from "./trend-text.ts";

// The expected sentences are written by hand: they are the specification of the wording
// (issue 3, "duiding"), not output copied from the code.

const NONE = "Er is geen duidelijke trend in het aantal woninginbraken.";
const base = { subject: "woninginbraken" } as const;

const cases: { name: string; input: DescribeTrendInput; expected: string }[] = [
  {
    name: "significant falling trend per year",
    input: { ...base, mk: { p: 0.001, senSlope: -3.2, trend: "decreasing" }, unit: "jaar" },
    expected:
      "Over de hele periode is er een dalende trend: het aantal woninginbraken daalt gemiddeld met " +
      "ongeveer 3 per jaar. Die trend is statistisch significant.",
  },
  {
    name: "significant rising trend per month",
    input: { ...base, mk: { p: 0.02, senSlope: 4.6 }, unit: "maand" },
    expected:
      "Over de hele periode is er een stijgende trend: het aantal woninginbraken stijgt gemiddeld met " +
      "ongeveer 5 per maand. Die trend is statistisch significant.",
  },
  {
    name: "large slope with thousands separator",
    input: { subject: "registraties", mk: { p: 0.001, senSlope: 1249.6 }, unit: "jaar" },
    expected:
      "Over de hele periode is er een stijgende trend: het aantal registraties stijgt gemiddeld met " +
      "ongeveer 1.250 per jaar. Die trend is statistisch significant.",
  },
  {
    name: "monthly slope below 1 is shown per year",
    input: { ...base, mk: { p: 0.01, senSlope: -0.25 }, unit: "maand" },
    expected:
      "Over de hele periode is er een dalende trend: het aantal woninginbraken daalt gemiddeld met " +
      "ongeveer 3 per jaar. Die trend is statistisch significant.",
  },
  {
    name: "yearly slope below 1",
    input: { ...base, mk: { p: 0.01, senSlope: 0.4 }, unit: "jaar" },
    expected:
      "Over de hele periode is er een stijgende trend: het aantal woninginbraken stijgt gemiddeld met " +
      "minder dan 1 per jaar. Die trend is statistisch significant.",
  },
  {
    name: "tiny monthly slope: below 1 even per year",
    input: { ...base, mk: { p: 0.01, senSlope: 0.05 }, unit: "maand" },
    expected:
      "Over de hele periode is er een stijgende trend: het aantal woninginbraken stijgt gemiddeld met " +
      "minder dan 1 per jaar. Die trend is statistisch significant.",
  },
  {
    name: "rounding half away from zero: 2.5 -> 3",
    input: { ...base, mk: { p: 0.01, senSlope: -2.5 }, unit: "jaar" },
    expected:
      "Over de hele periode is er een dalende trend: het aantal woninginbraken daalt gemiddeld met " +
      "ongeveer 3 per jaar. Die trend is statistisch significant.",
  },
  {
    name: "not significant: no trend, even if trend and slope suggest one",
    input: { ...base, mk: { p: 0.2, senSlope: -3.2, trend: "decreasing" }, unit: "jaar" },
    expected: NONE,
  },
  {
    name: "p exactly alpha: no trend",
    input: { ...base, mk: { p: 0.05, senSlope: 2 }, unit: "jaar" },
    expected: NONE,
  },
  {
    name: "custom alpha 0.01: p = 0.02 is no trend",
    input: { ...base, mk: { p: 0.02, senSlope: 2, trend: "increasing" }, unit: "jaar", alpha: 0.01 },
    expected: NONE,
  },
  {
    name: "custom alpha 0.1: p = 0.08 is a trend, direction from z when trend says 'no trend'",
    input: { ...base, mk: { p: 0.08, senSlope: 2, trend: "no trend", z: 1.75 }, unit: "jaar", alpha: 0.1 },
    expected:
      "Over de hele periode is er een stijgende trend: het aantal woninginbraken stijgt gemiddeld met " +
      "ongeveer 2 per jaar. Die trend is statistisch significant.",
  },
  {
    name: "significant but Sen's slope 0 (many ties): direction only",
    input: { ...base, mk: { p: 0.03, senSlope: 0, trend: "increasing" }, unit: "maand" },
    expected:
      "Over de hele periode is er een stijgende trend in het aantal woninginbraken. " +
      "Die trend is statistisch significant.",
  },
  {
    name: "significant but slope against the direction: direction only",
    input: { ...base, mk: { p: 0.03, senSlope: 0.5, z: -2.2 }, unit: "jaar" },
    expected:
      "Over de hele periode is er een dalende trend in het aantal woninginbraken. " +
      "Die trend is statistisch significant.",
  },
  {
    name: "significant but slope NaN: direction only",
    input: { ...base, mk: { p: 0.03, senSlope: Number.NaN, trend: "decreasing" }, unit: "jaar" },
    expected:
      "Over de hele periode is er een dalende trend in het aantal woninginbraken. " +
      "Die trend is statistisch significant.",
  },
  {
    name: "significant but no direction at all: no trend claimed",
    input: { ...base, mk: { p: 0.03, senSlope: 0 }, unit: "jaar" },
    expected: NONE,
  },
];

describe("describeTrend", () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(describeTrend(c.input), c.expected);
    });
  }

  it("works on real mannKendall output (falling series, slope -1.25 per month)", () => {
    const mk = mannKendall([30, 29, 27, 28, 25, 24, 22, 23, 20, 19]);
    assert.equal(
      describeTrend({ ...base, mk, unit: "maand" }),
      "Over de hele periode is er een dalende trend: het aantal woninginbraken daalt gemiddeld met " +
        "ongeveer 1 per maand. Die trend is statistisch significant.",
    );
  });

  it("works on real mannKendall output (no trend)", () => {
    const mk = mannKendall([5, 3, 6, 4, 5, 6, 3, 5]);
    assert.equal(describeTrend({ ...base, mk, unit: "maand" }), NONE);
  });

  it("works on real seasonalMannKendall output (slope per year)", () => {
    // Three years of monthly values; every month is 2 higher than a year before.
    const season = [10, 8, 9, 12, 14, 15, 13, 11, 10, 9, 12, 16];
    const values = [0, 2, 4].flatMap((add) => season.map((v) => v + add));
    const mk = seasonalMannKendall(values, 12);
    assert.equal(mk.senSlope, 2);
    assert.equal(
      describeTrend({ ...base, mk, unit: "jaar" }),
      "Over de hele periode is er een stijgende trend: het aantal woninginbraken stijgt gemiddeld met " +
        "ongeveer 2 per jaar. Die trend is statistisch significant.",
    );
  });

  it("never uses the word 'significant' or names a direction when p >= alpha", () => {
    for (const p of [0.05, 0.06, 0.5, 1]) {
      for (const senSlope of [-5, 0, 5, Number.NaN]) {
        const text = describeTrend({ ...base, mk: { p, senSlope, trend: "increasing", z: 3 }, unit: "jaar" });
        assert.doesNotMatch(text, /significant|stijg|daal/i, text);
      }
    }
  });

  it("rejects invalid input", () => {
    const ok: DescribeTrendInput = { ...base, mk: { p: 0.01, senSlope: 1 }, unit: "jaar" };
    assert.throws(() => describeTrend({ ...ok, mk: { p: Number.NaN, senSlope: 1 } }), RangeError);
    assert.throws(() => describeTrend({ ...ok, mk: { p: -0.01, senSlope: 1 } }), RangeError);
    assert.throws(() => describeTrend({ ...ok, mk: { p: 1.5, senSlope: 1 } }), RangeError);
    assert.throws(() => describeTrend({ ...ok, alpha: 0 }), RangeError);
    assert.throws(() => describeTrend({ ...ok, alpha: 1.2 }), RangeError);
  });
});
