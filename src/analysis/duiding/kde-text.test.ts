import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type KernelDensityResult, kernelDensity } from "../kde/kde.ts";
import { describeDensity } from "./kde-text.ts";

// The expected sentences are written by hand: they are the specification of the wording
// (issue 3, "duiding"), not output copied from the code. Peak densities follow from the quartic
// kernel K(0) = 3 / (π r²) per m²: r = 300 m gives 10,61 per km², r = 500 m 3,82, r = 2 km 0,24.

const base = { subject: "woninginbraken" } as const;
const RD = "(RD-coördinaten: de Nederlandse kaartcoördinaten in meters)";
const radiusSentence = (r: string) =>
  `Voor de dichtheid tellen alle woninginbraken binnen ${r} meter mee; hoe dichterbij, hoe zwaarder ze meetellen ` +
  `(straal ${r} meter).`;
/** A point exactly at the centre of a 50 m cell. */
const AT_CENTRE = { x: 155_025, y: 463_025 };

function hand(values: number[], cols: number, rows: number): KernelDensityResult {
  return { x0: 150_000, y0: 460_000, cell: 100, cols, rows, values: Float64Array.from(values) };
}

describe("describeDensity on real kernelDensity output", () => {
  it("one point, r = 300 m: about 11 per km² at the point", () => {
    const result = kernelDensity([AT_CENTRE], { cell: 50, radius: 300 });
    assert.equal(
      describeDensity({ ...base, result, radius: 300 }),
      `De dichtheid van woninginbraken is het hoogst in de cel van 50 bij 50 meter rond x = 155025, y = 463025 ${RD}: ` +
        `ongeveer 11 per vierkante kilometer (km²). ${radiusSentence("300")}`,
    );
  });

  it("five points at one spot: five times as dense (53,05 -> 53)", () => {
    const result = kernelDensity(Array(5).fill(AT_CENTRE), { cell: 50, radius: 300 });
    assert.match(
      describeDensity({ ...base, result, radius: 300 }),
      /: ongeveer 53 per vierkante kilometer \(km²\)\./,
    );
  });

  it("the highest density can lie between two points", () => {
    // Points 100 m apart: at each point 10,61 × (1 + (8/9)²) = 18,99; halfway (50 m from both)
    // 10,61 × 2 × (1 − 1/36)² = 20,06.
    const result = kernelDensity([AT_CENTRE, { x: 155_125, y: 463_025 }], { cell: 50, radius: 300 });
    assert.equal(
      describeDensity({ ...base, result, radius: 300 }),
      `De dichtheid van woninginbraken is het hoogst in de cel van 50 bij 50 meter rond x = 155075, y = 463025 ${RD}: ` +
        `ongeveer 20 per vierkante kilometer (km²). ${radiusSentence("300")}`,
    );
  });

  it("one decimal between 1 and 10: r = 500 m gives 3,8", () => {
    const result = kernelDensity([AT_CENTRE], { cell: 50, radius: 500 });
    assert.match(
      describeDensity({ ...base, result, radius: 500 }),
      /: ongeveer 3,8 per vierkante kilometer \(km²\)\. .*\(straal 500 meter\)\.$/,
    );
  });

  it("below 1: r = 2 km gives 'minder dan 1', radius with a thousands separator", () => {
    const result = kernelDensity([AT_CENTRE], { cell: 250, radius: 2000 });
    assert.match(
      describeDensity({ ...base, result, radius: 2000 }),
      /: minder dan 1 per vierkante kilometer \(km²\)\. .*\(straal 2\.000 meter\)\.$/,
    );
  });

  it("large densities get a thousands separator (1,000 points, r = 100 m: 95.493)", () => {
    const result = kernelDensity(Array(1000).fill(AT_CENTRE), { cell: 50, radius: 100 });
    assert.match(
      describeDensity({ ...base, result, radius: 100 }),
      /: ongeveer 95\.493 per vierkante kilometer/,
    );
  });

  it("tie between two separate peaks: the first (westernmost in the same row), and the tie is said", () => {
    const result = kernelDensity([{ x: 157_025, y: 463_025 }, AT_CENTRE], { cell: 50, radius: 300 });
    assert.equal(
      describeDensity({ ...base, result, radius: 300 }),
      `De dichtheid van woninginbraken is het hoogst in de cel van 50 bij 50 meter rond x = 155025, y = 463025 ${RD}: ` +
        "ongeveer 11 per vierkante kilometer (km²). De dichtheid is in 2 cellen even hoog; dit is er één van. " +
        radiusSentence("300"),
    );
  });

  it("no points: no density", () => {
    assert.equal(
      describeDensity({ ...base, result: kernelDensity([], { cell: 50, radius: 300 }), radius: 300 }),
      "Er zijn geen woninginbraken, dus er is geen dichtheid te berekenen.",
    );
  });

  it("a bbox without points in or near it: density 0 everywhere, no place named", () => {
    const bbox = { minX: 150_000, minY: 460_000, maxX: 151_000, maxY: 461_000 };
    for (const points of [[], [{ x: 152_000, y: 460_500 }]]) {
      const result = kernelDensity(points, { cell: 100, radius: 300, bbox });
      assert.equal(
        describeDensity({ ...base, result, radius: 300 }),
        "De dichtheid is overal 0: er liggen geen woninginbraken in dit gebied of binnen 300 meter ervan.",
      );
    }
  });
});

describe("describeDensity on hand-made results", () => {
  it("row-major order: the southern row comes first on a tie; centre from x0, y0 and cell", () => {
    // 3 × 2 grid of 100 m cells from (150000, 460000); ties at (col 2, row 0) and (col 0, row 1).
    const text = describeDensity({ ...base, result: hand([0, 1e-6, 5e-6, 5e-6, 0, 0], 3, 2), radius: 400 });
    assert.match(text, /in de cel van 100 bij 100 meter rond x = 150250, y = 460050 /);
    assert.match(
      text,
      /: ongeveer 5,0 per vierkante kilometer \(km²\)\. De dichtheid is in 2 cellen even hoog;/,
    );
  });

  it("rounding at 10: 9,96 becomes 10, 9,94 stays 9,9", () => {
    assert.match(
      describeDensity({ ...base, result: hand([9.96e-6], 1, 1), radius: 300 }),
      /: ongeveer 10 per vierkante kilometer/,
    );
    assert.match(
      describeDensity({ ...base, result: hand([9.94e-6], 1, 1), radius: 300 }),
      /: ongeveer 9,9 per vierkante kilometer/,
    );
  });

  it("no tie sentence when the highest value is unique", () => {
    const text = describeDensity({ ...base, result: hand([1e-6, 2e-6, 1e-6], 3, 1), radius: 300 });
    assert.doesNotMatch(text, /even hoog/);
    assert.match(text, /rond x = 150150, y = 460050 /);
  });

  it("rejects invalid input", () => {
    const ok = { ...base, result: hand([1e-6, 2e-6], 2, 1), radius: 300 };
    assert.throws(() => describeDensity({ ...ok, radius: 0 }), RangeError);
    assert.throws(() => describeDensity({ ...ok, radius: Number.NaN }), RangeError);
    assert.throws(() => describeDensity({ ...ok, result: { ...ok.result, cell: 0 } }), RangeError);
    assert.throws(() => describeDensity({ ...ok, result: { ...ok.result, cols: 3 } }), RangeError);
    assert.throws(() => describeDensity({ ...ok, result: { ...ok.result, cols: 1.5, rows: 1 } }), RangeError);
    assert.throws(() => describeDensity({ ...ok, result: { ...ok.result, x0: Number.NaN } }), RangeError);
    assert.throws(() => describeDensity({ ...ok, result: hand([1e-6, Number.NaN], 2, 1) }), RangeError);
    assert.throws(() => describeDensity({ ...ok, result: hand([1e-6, -1e-6], 2, 1) }), RangeError);
    assert.throws(
      () => describeDensity({ ...ok, result: hand([Number.POSITIVE_INFINITY, 0], 2, 1) }),
      RangeError,
    );
  });
});
