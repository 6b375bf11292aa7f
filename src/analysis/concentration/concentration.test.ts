import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { concentration } from "./concentration.ts";

function close(actual: number | null, expected: number, rtol = 1e-12): void {
  assert.ok(actual !== null, `expected ${expected}, got null`);
  const tol = rtol * Math.abs(expected);
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected} +- ${tol}, got ${actual}`);
}

// Hand-made layout, 100 m cells: cell (0,0) 6 points, (1,0) 3 points, (0,1) 1 point, (1,1) empty.
// Bounding box = 2 x 2 = 4 cells, N = 10. Expected values below are hand-computed from PAI =
// (n_top / N) / (a_top / A) (Chainey, Tompson & Uhlig 2008).
const P = [
  ...Array.from({ length: 6 }, (_, i) => ({ x: 10 + i, y: 50 })),
  { x: 100, y: 0 },
  { x: 150, y: 99.9 },
  { x: 199.9, y: 1 },
  { x: 0, y: 100 },
];

describe("concentration", () => {
  it("top 25% of the bounding box = 1 cell: 6/10 in it, PAI 0.6 / 0.25 = 2.4", () => {
    const r = concentration(P, { cell: 100, topShare: 0.25 });
    assert.equal(r.areaCells, 4);
    assert.equal(r.topCells, 1);
    close(r.shareInTop, 0.6);
    close(r.pai, 2.4);
  });

  it("top 50% = 2 cells: 9/10, PAI 0.9 / 0.5 = 1.8", () => {
    const r = concentration(P, { cell: 100, topShare: 0.5 });
    assert.equal(r.topCells, 2);
    close(r.shareInTop, 0.9);
    close(r.pai, 1.8);
  });

  it("rounds the top area up and uses the realised share: 0.3 * 4 -> 2 cells, PAI 0.9 / 0.5 = 1.8", () => {
    const r = concentration(P, { cell: 100, topShare: 0.3 });
    assert.equal(r.topCells, 2);
    close(r.pai, 1.8);
  });

  it("given study area of 100 cells, top 5% = 5 cells (empty ones included): all 10, PAI 1 / 0.05 = 20", () => {
    const r = concentration(P, { cell: 100, topShare: 0.05, areaCells: 100 });
    assert.equal(r.topCells, 5);
    close(r.shareInTop, 1);
    close(r.pai, 20);
    const one = concentration(P, { cell: 100, topShare: 0.01, areaCells: 100 });
    assert.equal(one.topCells, 1);
    close(one.pai, 60); // 0.6 / 0.01
    // 0.07 * 100 = 7.000000000000001 in floating point; must stay 7 cells.
    assert.equal(concentration(P, { cell: 100, topShare: 0.07, areaCells: 100 }).topCells, 7);
  });

  it("uniform spread gives PAI 1; everything in one cell of the box gives PAI 1 / (1/A)", () => {
    const uniform = [
      { x: 5, y: 5 },
      { x: 15, y: 5 },
      { x: 5, y: 15 },
      { x: 15, y: 15 },
    ];
    close(concentration(uniform, { cell: 10, topShare: 0.25 }).pai, 1);
    const single = concentration([{ x: -3, y: -3 }], { cell: 10, topShare: 0.5 });
    assert.equal(single.areaCells, 1);
    close(single.pai, 1);
  });

  it("negative coordinates bin with floor", () => {
    // Cells (-1,-1) x2 and (0,0) x1: box 2 x 2 = 4 cells; top 1 cell holds 2/3; PAI (2/3) / 0.25 = 8/3.
    const r = concentration(
      [
        { x: -0.1, y: -0.1 },
        { x: -9.9, y: -5 },
        { x: 0, y: 0 },
      ],
      { cell: 10, topShare: 0.25 },
    );
    assert.equal(r.areaCells, 4);
    close(r.pai, 8 / 3);
  });

  it("no points: nulls", () => {
    assert.deepEqual(concentration([], { cell: 25, topShare: 0.05 }), {
      shareInTop: null,
      pai: null,
      topCells: 1,
      areaCells: 0,
    });
  });

  it("rejects invalid input", () => {
    assert.throws(() => concentration(P, { cell: 0, topShare: 0.1 }), RangeError);
    assert.throws(() => concentration(P, { cell: 10, topShare: 0 }), RangeError);
    assert.throws(() => concentration(P, { cell: 10, topShare: 1.5 }), RangeError);
    assert.throws(() => concentration(P, { cell: 100, topShare: 0.1, areaCells: 2 }), /occupied/);
    assert.throws(() => concentration(P, { cell: 100, topShare: 0.1, areaCells: 2.5 }), RangeError);
    assert.throws(() => concentration([{ x: Number.NaN, y: 0 }], { cell: 10, topShare: 0.1 }), RangeError);
  });
});
