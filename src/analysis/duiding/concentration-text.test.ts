import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type ConcentrationPoint,
  type ConcentrationResult,
  concentration,
} from "../concentration/concentration.ts";
import { type DescribeConcentrationInput, describeConcentration } from "./concentration-text.ts";

// The expected sentences are written by hand: they are the specification of the wording
// (issue 3, "duiding"), not output copied from the code.

const base = { subject: "woninginbraken" } as const;

/** `n` points in the 100 m cell (col, row). */
const inCell = (col: number, row: number, n: number): ConcentrationPoint[] =>
  Array.from({ length: n }, () => ({ x: col * 100 + 50, y: row * 100 + 50 }));

describe("describeConcentration on real concentration output", () => {
  it("50 points over a 10 × 10 grid: 60% in the top 5%, PAI 12,0", () => {
    // 10, 8, 6, 4 and 2 points in five cells of row 0; one point in each of 20 other cells,
    // among them (9, 9), so the bounding box is 10 × 10 = 100 cells. Top 5 cells: 30 of 50.
    const points = [
      ...inCell(0, 0, 10),
      ...inCell(1, 0, 8),
      ...inCell(2, 0, 6),
      ...inCell(3, 0, 4),
      ...inCell(4, 0, 2),
      ...Array.from({ length: 20 }, (_, i) => inCell(9 - (i % 10), 9 - Math.floor(i / 10), 1)).flat(),
    ];
    const result = concentration(points, { cell: 100, topShare: 0.05 });
    assert.equal(
      describeConcentration({ ...base, result, total: points.length, cell: 100 }),
      "In 5% van de cellen (5 van 100 cellen van 100 m) vond 60% van de woninginbraken plaats. " +
        "Dat is 12,0 keer zoveel als bij een gelijke spreiding (PAI).",
    );
  });

  it("12 points: counts only, no percentages and no PAI", () => {
    // 6 points in (0, 0), one in six other cells of a 4 × 4 box: top ceil(0.05 × 16) = 1 cell.
    const points = [
      ...inCell(0, 0, 6),
      ...[1, 2, 3].flatMap((c) => [...inCell(c, 3, 1), ...inCell(3, c - 1, 1)]),
    ];
    const result = concentration(points, { cell: 100, topShare: 0.05 });
    assert.equal(
      describeConcentration({ ...base, result, total: points.length, cell: 100 }),
      "In 1 van de 16 cellen van 100 m vonden 6 van de 12 woninginbraken plaats.",
    );
  });

  it("no points", () => {
    const result = concentration([], { cell: 100, topShare: 0.05 });
    assert.equal(
      describeConcentration({ ...base, result, total: 0, cell: 100 }),
      "Er zijn geen woninginbraken, dus er is niets te zeggen over concentratie.",
    );
  });

  it("evenly spread: about as many as with an even spread (PAI 1,0)", () => {
    // 5 points in each of 4 cells of a 2 × 2 box: the top cell (ceil(0.05 × 4) = 1) holds 25%.
    const points = [...inCell(0, 0, 5), ...inCell(1, 0, 5), ...inCell(0, 1, 5), ...inCell(1, 1, 5)];
    const result = concentration(points, { cell: 100, topShare: 0.05 });
    assert.equal(
      describeConcentration({ ...base, result, total: 20, cell: 100 }),
      "In 25% van de cellen (1 van 4 cellen van 100 m) vond 25% van de woninginbraken plaats. " +
        "Dat is ongeveer evenveel als bij een gelijke spreiding (PAI 1,0).",
    );
  });
});

/** A result as `concentration` would give it for `inTop` of `total` points in `top` of `area` cells. */
function hand(inTop: number, total: number, top: number, area: number): ConcentrationResult {
  const shareInTop = inTop / total;
  return { shareInTop, pai: shareInTop / (top / area), topCells: top, areaCells: area };
}

describe("describeConcentration on hand-made results", () => {
  it("the issue's example: 1,152 of 2,400 in 120 of 2,400 cells", () => {
    assert.equal(
      describeConcentration({ ...base, result: hand(1152, 2400, 120, 2400), total: 2400, cell: 100 }),
      "In 5% van de cellen (120 van 2.400 cellen van 100 m) vond 48% van de woninginbraken plaats. " +
        "Dat is 9,6 keer zoveel als bij een gelijke spreiding (PAI).",
    );
  });

  it("19 registrations: counts only; 20: percentages", () => {
    assert.equal(
      describeConcentration({ ...base, result: hand(9, 19, 2, 40), total: 19, cell: 50 }),
      "In 2 van de 40 cellen van 50 m vonden 9 van de 19 woninginbraken plaats.",
    );
    // 9 / 20 = 45%, 2 / 40 = 5%, PAI 9.
    assert.equal(
      describeConcentration({ ...base, result: hand(9, 20, 2, 40), total: 20, cell: 50 }),
      "In 5% van de cellen (2 van 40 cellen van 50 m) vond 45% van de woninginbraken plaats. " +
        "Dat is 9,0 keer zoveel als bij een gelijke spreiding (PAI).",
    );
    for (let total = 1; total < 20; total++) {
      const text = describeConcentration({ ...base, result: hand(1, total, 1, 10), total, cell: 50 });
      assert.doesNotMatch(text, /%|PAI/, text);
    }
  });

  it("a single registration, a single cell: 'vond', 'cel'", () => {
    assert.equal(
      describeConcentration({ ...base, result: hand(1, 1, 1, 1), total: 1, cell: 250 }),
      "In 1 van de 1 cel van 250 m vond 1 van de 1 woninginbraken plaats.",
    );
  });

  it("percent edges: below 0.5% of the cells, above 99.5% of the registrations, halves upwards", () => {
    // 1 of 2,400 cells = 0.04%; 997 of 1,000 = 99.7%; PAI = 0.997 × 2400 = 2,392.8.
    assert.equal(
      describeConcentration({ ...base, result: hand(997, 1000, 1, 2400), total: 1000, cell: 100 }),
      "In minder dan 1% van de cellen (1 van 2.400 cellen van 100 m) vond meer dan 99% van de woninginbraken plaats. " +
        "Dat is 2.392,8 keer zoveel als bij een gelijke spreiding (PAI).",
    );
    // 3 of 200 cells = 1.5% -> 2%; 25 of 40 = 62.5% -> 63%; PAI = 0.625 / 0.015 = 41.67.
    assert.equal(
      describeConcentration({ ...base, result: hand(25, 40, 3, 200), total: 40, cell: 100 }),
      "In 2% van de cellen (3 van 200 cellen van 100 m) vond 63% van de woninginbraken plaats. " +
        "Dat is 41,7 keer zoveel als bij een gelijke spreiding (PAI).",
    );
  });

  it("all cells in the top: 100% and 100%", () => {
    assert.equal(
      describeConcentration({ ...base, result: hand(30, 30, 6, 6), total: 30, cell: 100 }),
      "In 100% van de cellen (6 van 6 cellen van 100 m) vond 100% van de woninginbraken plaats. " +
        "Dat is ongeveer evenveel als bij een gelijke spreiding (PAI 1,0).",
    );
  });

  it("rejects invalid input", () => {
    const ok: DescribeConcentrationInput = { ...base, result: hand(9, 20, 2, 40), total: 20, cell: 100 };
    assert.throws(() => describeConcentration({ ...ok, total: -1 }), RangeError);
    assert.throws(() => describeConcentration({ ...ok, total: 2.5 }), RangeError);
    assert.throws(() => describeConcentration({ ...ok, cell: 0 }), RangeError);
    assert.throws(() => describeConcentration({ ...ok, cell: Number.NaN }), RangeError);
    // total does not fit the share: 0.45 × 21 = 9.45.
    assert.throws(() => describeConcentration({ ...ok, total: 21 }), RangeError);
    // null shares with points, numbers without.
    assert.throws(
      () => describeConcentration({ ...ok, result: { ...ok.result, shareInTop: null } }),
      RangeError,
    );
    assert.throws(() => describeConcentration({ ...ok, result: { ...ok.result, pai: null } }), RangeError);
    assert.throws(() => describeConcentration({ ...ok, total: 0 }), RangeError);
    assert.throws(
      () => describeConcentration({ ...ok, result: { ...ok.result, pai: Number.NaN } }),
      RangeError,
    );
    assert.throws(() => describeConcentration({ ...ok, result: { ...ok.result, pai: 0 } }), RangeError);
    assert.throws(() => describeConcentration({ ...ok, result: { ...ok.result, topCells: 0 } }), RangeError);
    assert.throws(() => describeConcentration({ ...ok, result: { ...ok.result, topCells: 41 } }), RangeError);
    assert.throws(
      () => describeConcentration({ ...ok, result: { ...ok.result, areaCells: 2.5 } }),
      RangeError,
    );
    assert.throws(
      () => describeConcentration({ ...ok, result: { ...ok.result, shareInTop: 0 } }),
      RangeError,
    );
    assert.throws(
      () => describeConcentration({ ...ok, result: { ...ok.result, shareInTop: 1.05 } }),
      RangeError,
    );
  });
});
