import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { monthNameNl } from "../../render/format-nl.ts";
import { type DecomposeResult, decompose } from "../decompose/decompose.ts";
import { type DescribeSeasonInput, describeSeason } from "./season-text.ts";

// The expected sentences are written by hand: they are the specification of the wording
// (issue 3, "duiding"), not output copied from the code.

const base = { subject: "woninginbraken" } as const;
const MONTHS = Array.from({ length: 12 }, (_, i) => monthNameNl(i + 1));
const NONE =
  "Er is geen duidelijk terugkerend patroon (seizoenspatroon) in het aantal woninginbraken: " +
  "de vaste verschillen zijn kleiner dan de toevallige schommelingen.";
const CLEAR = "Het aantal woninginbraken heeft een duidelijk terugkerend patroon (seizoenspatroon).";

/** `years` cycles of `level + pattern` (additive) or `level * pattern` (multiplicative). */
function series(pattern: number[], years: number, level: number, model: "additive" | "multiplicative") {
  return Array.from({ length: years * pattern.length }, (_, i) => {
    const p = pattern[i % pattern.length] as number;
    return model === "additive" ? level + p : level * p;
  });
}

// Additive pattern with mean 0: December +12, June -8. A constant level plus a periodic pattern has
// a constant moving average, so the seasonal figure is the pattern itself and the residual is 0.
const ADDITIVE = [-2, -4, -3, 0, 1, -8, 3, 2, 0, 1, -2, 12];
// Multiplicative factors with mean 1: December x1.5, June x0.7.
const FACTORS = [0.9, 0.8, 0.85, 1, 1.05, 0.7, 1.15, 1.05, 1, 1.05, 0.95, 1.5];

function additive(pattern: number[], years = 3, level = 100): DecomposeResult {
  return decompose(series(pattern, years, level, "additive"), { period: pattern.length, model: "additive" });
}
function multiplicative(pattern: number[], level: number, years = 3): DecomposeResult {
  return decompose(series(pattern, years, level, "multiplicative"), {
    period: pattern.length,
    model: "multiplicative",
  });
}

/**
 * A hand-made result for period 2 over 7 values: figure [a, -a] and residuals 1, 1, -1, -1, 0,
 * whose sample standard deviation is exactly sqrt(4 / 4) = 1.
 */
function twoPeriod(a: number): DecomposeResult {
  return {
    trend: [null, 10, 10, 10, 10, 10, null],
    seasonal: [a, -a, a, -a, a, -a, a],
    resid: [null, 1, 1, -1, -1, 0, null],
  };
}

const cases: { name: string; input: DescribeSeasonInput; expected: string }[] = [
  {
    name: "additive, month labels",
    input: { ...base, result: additive(ADDITIVE), period: 12, model: "additive", labels: MONTHS },
    expected:
      `${CLEAR} December is het hoogst: ongeveer 12 boven het gemiddelde. ` +
      "Juni is het laagst: ongeveer 8 onder het gemiddelde.",
  },
  {
    name: "additive, no labels: 'plaats j van 12'",
    input: { ...base, result: additive(ADDITIVE), period: 12, model: "additive" },
    expected:
      `${CLEAR} Plaats 12 van 12 is het hoogst: ongeveer 12 boven het gemiddelde. ` +
      "Plaats 6 van 12 is het laagst: ongeveer 8 onder het gemiddelde.",
  },
  {
    name: "additive, large values with thousands separator",
    input: { ...base, result: additive([1500, -1500, 0, 0], 2, 10000), period: 4, model: "additive" },
    expected:
      `${CLEAR} Plaats 1 van 4 is het hoogst: ongeveer 1.500 boven het gemiddelde. ` +
      "Plaats 2 van 4 is het laagst: ongeveer 1.500 onder het gemiddelde.",
  },
  {
    name: "additive, ties: all tied positions in cycle order",
    input: { ...base, result: additive([3, -3, 3, -3], 3), period: 4, model: "additive" },
    expected:
      `${CLEAR} Plaats 1 van 4 en plaats 3 van 4 zijn het hoogst: ongeveer 3 boven het gemiddelde. ` +
      "Plaats 2 van 4 en plaats 4 van 4 zijn het laagst: ongeveer 3 onder het gemiddelde.",
  },
  {
    name: "additive, three tied with labels",
    input: {
      ...base,
      result: additive([2, 2, -3, 2, -3], 3),
      period: 5,
      model: "additive",
      labels: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"],
    },
    expected:
      `${CLEAR} Maandag, dinsdag en donderdag zijn het hoogst: ongeveer 2 boven het gemiddelde. ` +
      "Woensdag en vrijdag zijn het laagst: ongeveer 3 onder het gemiddelde.",
  },
  {
    name: "additive, a small but clear effect (no noise): 'minder dan 1'",
    input: { ...base, result: additive([0.25, -0.25], 3), period: 2, model: "additive" },
    expected:
      `${CLEAR} Plaats 1 van 2 is het hoogst: minder dan 1 boven het gemiddelde. ` +
      "Plaats 2 van 2 is het laagst: minder dan 1 onder het gemiddelde.",
  },
  {
    name: "multiplicative, level 100: percentages",
    input: {
      ...base,
      result: multiplicative(FACTORS, 100),
      period: 12,
      model: "multiplicative",
      labels: MONTHS,
    },
    expected:
      `${CLEAR} December is het hoogst: ongeveer 50% boven het gemiddelde. ` +
      "Juni is het laagst: ongeveer 30% onder het gemiddelde.",
  },
  {
    name: "multiplicative, level exactly 20: still percentages",
    input: {
      ...base,
      result: multiplicative(FACTORS, 20),
      period: 12,
      model: "multiplicative",
      labels: MONTHS,
    },
    expected:
      `${CLEAR} December is het hoogst: ongeveer 50% boven het gemiddelde. ` +
      "Juni is het laagst: ongeveer 30% onder het gemiddelde.",
  },
  {
    name: "multiplicative, level 10: no percentages but counts at the average level",
    // December: 0.5 x 10 = 5 above; June: 0.3 x 10 = 3 below.
    input: {
      ...base,
      result: multiplicative(FACTORS, 10),
      period: 12,
      model: "multiplicative",
      labels: MONTHS,
    },
    expected:
      `${CLEAR} December is het hoogst: ongeveer 5 boven het gemiddelde. ` +
      "Juni is het laagst: ongeveer 3 onder het gemiddelde.",
  },
  {
    name: "multiplicative, tiny factors on a large level: 'minder dan 1%'",
    input: {
      ...base,
      result: {
        trend: [null, 100, 100, null],
        seasonal: [1.004, 0.996, 1.004, 0.996],
        resid: [null, 1, 1, null],
      },
      period: 2,
      model: "multiplicative",
    },
    expected:
      `${CLEAR} Plaats 1 van 2 is het hoogst: minder dan 1% boven het gemiddelde. ` +
      "Plaats 2 van 2 is het laagst: minder dan 1% onder het gemiddelde.",
  },
  {
    name: "additive 0.6 rounds to 'ongeveer 1', not 'minder dan 1'",
    input: {
      ...base,
      result: { trend: [null, 10, 10, null], seasonal: [0.6, -0.6, 0.6, -0.6], resid: [null, 0, 0, null] },
      period: 2,
      model: "additive",
    },
    expected:
      `${CLEAR} Plaats 1 van 2 is het hoogst: ongeveer 1 boven het gemiddelde. ` +
      "Plaats 2 van 2 is het laagst: ongeveer 1 onder het gemiddelde.",
  },
  {
    name: "multiplicative 0.6% rounds to 'ongeveer 1%', not 'minder dan 1%'",
    input: {
      ...base,
      result: {
        trend: [null, 100, 100, null],
        seasonal: [1.006, 0.994, 1.006, 0.994],
        resid: [null, 1, 1, null],
      },
      period: 2,
      model: "multiplicative",
    },
    expected:
      `${CLEAR} Plaats 1 van 2 is het hoogst: ongeveer 1% boven het gemiddelde. ` +
      "Plaats 2 van 2 is het laagst: ongeveer 1% onder het gemiddelde.",
  },
  {
    name: "flat series: no pattern",
    input: { ...base, result: additive([0, 0, 0, 0], 3), period: 4, model: "additive" },
    expected: NONE,
  },
  {
    name: "range exactly 2 x sd of the residual: clear",
    input: { ...base, result: twoPeriod(1), period: 2, model: "additive" },
    expected:
      `${CLEAR} Plaats 1 van 2 is het hoogst: ongeveer 1 boven het gemiddelde. ` +
      "Plaats 2 van 2 is het laagst: ongeveer 1 onder het gemiddelde.",
  },
  {
    name: "range just below 2 x sd of the residual: no pattern",
    input: { ...base, result: twoPeriod(0.999), period: 2, model: "additive" },
    expected: NONE,
  },
  {
    name: "noisy series from decompose: no pattern",
    // Computed by hand (numpy, 2x2 moving average): figure [0.1, -0.1], range 0.2; residual sd 2.80.
    input: {
      ...base,
      result: decompose([100, 104, 96, 100, 108, 100, 92, 100, 104, 96, 100, 100], {
        period: 2,
        model: "additive",
      }),
      period: 2,
      model: "additive",
    },
    expected: NONE,
  },
];

describe("describeSeason", () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(describeSeason(c.input), c.expected);
    });
  }

  it("shows a percentage for a multiplicative model only when the average level is at least 20", () => {
    // Hand-made results with a constant trend: the average level is exactly that constant.
    for (const [level, percent] of [
      [19.99, false],
      [20, true],
      [500, true],
      [1, false],
    ] as const) {
      const result: DecomposeResult = {
        trend: [null, level, level, level, null],
        seasonal: [1.5, 0.5, 1.5, 0.5, 1.5],
        resid: [null, 1, 1.01, 0.99, null],
      };
      const text = describeSeason({ ...base, result, period: 2, model: "multiplicative" });
      assert.equal(text.includes("%"), percent, text);
    }
  });

  it("never shows a percentage for an additive model", () => {
    const text = describeSeason({
      ...base,
      result: additive(ADDITIVE, 3, 5000),
      period: 12,
      model: "additive",
    });
    assert.doesNotMatch(text, /%/);
  });

  it("rejects invalid input", () => {
    const ok: DescribeSeasonInput = { ...base, result: additive(ADDITIVE), period: 12, model: "additive" };
    const r = ok.result;
    assert.throws(() => describeSeason({ ...ok, period: 1 }), RangeError);
    assert.throws(() => describeSeason({ ...ok, period: 2.5 }), RangeError);
    assert.throws(() => describeSeason({ ...ok, period: Number.NaN }), RangeError);
    // Wrong period: the seasonal values are not a repeated figure of period 6.
    assert.throws(() => describeSeason({ ...ok, period: 6 }), RangeError);
    // Series too short for the period.
    assert.throws(() => describeSeason({ ...ok, period: 24 }), RangeError);
    assert.throws(() => describeSeason({ ...ok, model: "log" as "additive" }), RangeError);
    assert.throws(() => describeSeason({ ...ok, labels: MONTHS.slice(0, 11) }), RangeError);
    assert.throws(() => describeSeason({ ...ok, result: { ...r, trend: r.trend.slice(1) } }), RangeError);
    const nanSeasonal = r.seasonal.map((s, i) => (i % 12 === 0 ? Number.NaN : s));
    assert.throws(() => describeSeason({ ...ok, result: { ...r, seasonal: nanSeasonal } }), RangeError);
    const nanResid = r.resid.map((x, i) => (i === 10 ? Number.NaN : x));
    assert.throws(() => describeSeason({ ...ok, result: { ...r, resid: nanResid } }), RangeError);
    const nullResid = r.resid.map((x, i) => (i === 10 ? null : x));
    assert.throws(() => describeSeason({ ...ok, result: { ...r, resid: nullResid } }), RangeError);
    // Fewer than 2 residuals.
    const one: DecomposeResult = {
      trend: [null, 5, null, null],
      seasonal: [1, -1, 1, -1],
      resid: [null, 0, null, null],
    };
    assert.throws(() => describeSeason({ ...ok, result: one, period: 2 }), RangeError);
    // Multiplicative: factors and level must be > 0.
    const m = multiplicative(FACTORS, 100);
    const okM: DescribeSeasonInput = { ...base, result: m, period: 12, model: "multiplicative" };
    assert.throws(
      () => describeSeason({ ...okM, result: { ...m, seasonal: m.seasonal.map((s) => s - 1) } }),
      RangeError,
    );
    assert.throws(
      () => describeSeason({ ...okM, result: { ...m, trend: m.trend.map((t) => (t === null ? null : -t)) } }),
      RangeError,
    );
  });
});
