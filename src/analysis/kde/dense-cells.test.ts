import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { MultiPolygon } from "../../domain/area.ts";
import { cellBox, denseCells } from "./dense-cells.ts";

// A 2 km square; cells of 200 m, so cell (col, row) has its centre at (100 + 200·col, 100 + 200·row).
const square = (x0: number, y0: number, x1: number, y1: number): MultiPolygon => [
  [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
];
const AREA = square(0, 0, 2000, 2000);
const cell = 200;
const radius = 500;
// Five registrations at the centre of cell (5, 5).
const points = Array.from({ length: 5 }, () => ({ x: 1100, y: 1100 }));
// The quartic kernel, written out: K(d) = 3 / (π r²) · (1 − d²/r²)².
const K = (d: number) => (3 / (Math.PI * radius * radius)) * (1 - (d * d) / (radius * radius)) ** 2;

describe("denseCells", () => {
  it("shows only cells that at least `minimum` registrations could reach, in five levels", () => {
    // Minimum 4: the centre (5 K(0)) only; a neighbour 200 m away has 5 K(200) = 3.5 peaks.
    const four = denseCells(points, { cell, radius, minimum: 4, outline: AREA });
    assert.deepEqual(
      four.cells.map((c) => [c.x0, c.y0, c.niveau]),
      [[1000, 1000, 5]],
    );
    assert.ok(Math.abs((four.cells[0]?.v ?? 0) - 5 * K(0)) < 1e-15);
    // Minimum 3: also the four neighbours (3.5 peaks), not the diagonal ones (5 K(283) = 2.3 peaks).
    const three = denseCells(points, { cell, radius, minimum: 3, outline: AREA });
    assert.deepEqual(
      three.cells.map((c) => [c.x0, c.y0]).sort(),
      [
        [800, 1000],
        [1000, 800],
        [1000, 1000],
        [1000, 1200],
        [1200, 1000],
      ].sort(),
    );
    const neighbour = three.cells.find((c) => c.x0 === 800);
    assert.equal(neighbour?.niveau, Math.ceil((5 * K(200)) / K(0)));
    // More than five never: no cell at all.
    assert.deepEqual(denseCells(points, { cell, radius, minimum: 6, outline: AREA }).cells, []);
  });

  it("leaves out cells outside the outline, and covers the outline in whole cells", () => {
    const west = square(0, 0, 1150, 2000);
    const cells = denseCells(points, { cell, radius, minimum: 3, outline: west }).cells;
    assert.deepEqual(
      cells.map((c) => [c.x0, c.y0]).sort(),
      [
        [800, 1000],
        [1000, 800],
        [1000, 1000],
        [1000, 1200],
      ].sort(),
      "the cell east of x = 1150 has its centre outside",
    );
    assert.deepEqual(cellBox(square(30, 450, 1050, 1999), cell), {
      minX: 0,
      minY: 400,
      maxX: 1200,
      maxY: 2000,
    });
  });
});
