import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { seededUniform } from "../../demo/prng.ts";
import { sortByCell } from "./sort-by-cell.ts";

describe("sortByCell", () => {
  it("puts every point in the cell its coordinates say, each exactly once", () => {
    const rand = seededUniform(5, "sort-by-cell");
    const n = 500;
    const xs = Array.from({ length: n }, () => rand() * 1000);
    const ys = Array.from({ length: n }, () => rand() * 700);
    xs.push(1000);
    ys.push(700); // on the far corner: last column and row
    const grid = { minX: 0, minY: 0, cell: 100, cols: 11, rows: 8 };
    const s = sortByCell(xs, ys, grid);
    assert.equal(s.start[grid.cols * grid.rows], xs.length);
    assert.deepEqual(
      [...s.order].sort((a, b) => a - b),
      xs.map((_, i) => i),
    );
    for (let c = 0; c < grid.cols * grid.rows; c++) {
      for (let pos = s.start[c] ?? 0; pos < (s.start[c + 1] ?? 0); pos++) {
        const i = s.order[pos] ?? -1;
        // Independent: the cell from the coordinates, clamped to the grid.
        const col = Math.min(grid.cols - 1, Math.floor((xs[i] ?? 0) / 100));
        const row = Math.min(grid.rows - 1, Math.floor((ys[i] ?? 0) / 100));
        assert.equal(row * grid.cols + col, c);
        assert.equal(s.xs[pos], xs[i]);
        assert.equal(s.ys[pos], ys[i]);
      }
    }
  });

  it("handles no points", () => {
    const s = sortByCell([], [], { minX: 0, minY: 0, cell: 1, cols: 1, rows: 1 });
    assert.deepEqual([...s.start], [0, 0]);
  });
});
