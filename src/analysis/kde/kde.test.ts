import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { seededUniform as rng } from "../../demo/prng.ts";
import { type KernelDensityResult, kernelDensity } from "./kde.ts";

function assertClose(actual: number, expected: number, rtol: number, atol: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= atol + rtol * Math.abs(expected),
    `${what}: got ${actual}, expected ${expected}`,
  );
}

function at(res: KernelDensityResult, col: number, row: number): number {
  assert.ok(col >= 0 && col < res.cols && row >= 0 && row < res.rows, `cell ${col},${row} in grid`);
  return res.values[row * res.cols + col] as number;
}

function mass(res: KernelDensityResult): number {
  let s = 0;
  for (const v of res.values) s += v;
  return s * res.cell * res.cell;
}

describe("kernelDensity — a single point: the quartic kernel's values (hand-computed)", () => {
  // r = 100, K(d) = 3/(π·10⁴)·(1 − d²/10⁴)²:
  //   K(0)  = 3/(π·10⁴)              = 9.549296585513720e-5
  //   K(50) = K(0)·(1 − 0.25)² = ·0.5625 = 5.371479329351467e-5
  //   K(90) = K(0)·(1 − 0.81)² = ·0.0361 = 3.447296067370453e-6
  //   K(100) = 0 (the support is d < r).
  const res = kernelDensity([{ x: 1005, y: 2005 }], { cell: 10, radius: 100 });
  // Default grid: multiples of 10 covering [905, 1105] → columns 90..110 → x0 = 900, 21 columns.
  const c = (x: number) => Math.floor((x - res.x0) / res.cell);
  const r = (y: number) => Math.floor((y - res.y0) / res.cell);

  it("grid covers the disk, aligned to multiples of cell", () => {
    assert.deepEqual([res.x0, res.y0, res.cols, res.rows, res.cell], [900, 1900, 21, 21, 10]);
  });

  it("K(0) at the point's own cell", () => {
    assertClose(at(res, c(1005), r(2005)), 9.54929658551372e-5, 1e-14, 0, "K(0)");
  });

  it("K(50) five cells east and at a (3, 4) offset", () => {
    assertClose(at(res, c(1055), r(2005)), 5.371479329351467e-5, 1e-14, 0, "K(50) east");
    assertClose(at(res, c(1035), r(2045)), 5.371479329351467e-5, 1e-14, 0, "K(50) at (30, 40)");
  });

  it("K(90) nine cells west; K(100) = 0 ten cells north and at a (60, 80) offset", () => {
    assertClose(at(res, c(915), r(2005)), 3.447296067370453e-6, 1e-12, 0, "K(90)");
    assert.equal(at(res, c(1005), r(2105)), 0);
    assert.equal(at(res, c(1065), r(2085)), 0);
  });

  it("mirror symmetry about the point in x, y and the diagonal", () => {
    const pc = c(1005);
    const pr = r(2005);
    for (let dr = -10; dr <= 10; dr++) {
      for (let dc = -10; dc <= 10; dc++) {
        const v = at(res, pc + dc, pr + dr);
        assertClose(at(res, pc - dc, pr + dr), v, 1e-12, 1e-20, `x-mirror ${dc},${dr}`);
        assertClose(at(res, pc + dc, pr - dr), v, 1e-12, 1e-20, `y-mirror ${dc},${dr}`);
        assertClose(at(res, pc + dr, pr + dc), v, 1e-12, 1e-20, `diagonal ${dc},${dr}`);
      }
    }
  });
});

describe("kernelDensity — total mass", () => {
  it("one point, r/cell = 10: Σ values · cell² ≈ 1", () => {
    const res = kernelDensity([{ x: 123.4, y: 567.8 }], { cell: 10, radius: 100 });
    assertClose(mass(res), 1, 5e-3, 0, "mass");
  });

  it("1000 random points away from the edges, r/cell = 30: mass ≈ n", () => {
    const rand = rng(3);
    const pts = Array.from({ length: 1000 }, () => ({
      x: 150_000 + rand() * 5000,
      y: 450_000 + rand() * 5000,
    }));
    const res = kernelDensity(pts, { cell: 10, radius: 300 });
    assertClose(mass(res), 1000, 1e-3, 0, "mass");
  });

  it("with a bbox that cuts the disks, mass is lost only for points near the edge", () => {
    const inner = kernelDensity([{ x: 500, y: 500 }], {
      cell: 10,
      radius: 100,
      bbox: { minX: 0, minY: 0, maxX: 1000, maxY: 1000 },
    });
    assertClose(mass(inner), 1, 5e-3, 0, "inner mass");
    const edge = kernelDensity([{ x: 0, y: 500 }], {
      cell: 10,
      radius: 100,
      bbox: { minX: 0, minY: 0, maxX: 1000, maxY: 1000 },
    });
    assertClose(mass(edge), 0.5, 1e-2, 0, "half the disk");
  });
});

describe("kernelDensity — against a brute-force sum over all points", () => {
  it("300 random points, every cell", () => {
    const rand = rng(9);
    const pts = Array.from({ length: 300 }, () => ({ x: rand() * 800 - 50, y: rand() * 600 + 20 }));
    const radius = 73;
    const res = kernelDensity(pts, { cell: 7, radius, bbox: { minX: 0, minY: 0, maxX: 700, maxY: 560 } });
    assert.deepEqual([res.cols, res.rows], [100, 80]);
    for (let row = 0; row < res.rows; row++) {
      for (let col = 0; col < res.cols; col++) {
        const cx = res.x0 + (col + 0.5) * res.cell;
        const cy = res.y0 + (row + 0.5) * res.cell;
        let want = 0;
        for (const p of pts) {
          const d = Math.hypot(cx - p.x, cy - p.y);
          if (d < radius) want += (3 / (Math.PI * radius * radius)) * (1 - (d / radius) ** 2) ** 2;
        }
        assertClose(at(res, col, row), want, 1e-9, 1e-18, `cell ${col},${row}`);
      }
    }
  });
});

describe("kernelDensity — edge cases", () => {
  it("no points: empty grid, or zeros over a given bbox", () => {
    const a = kernelDensity([], { cell: 10, radius: 50 });
    assert.deepEqual([a.cols, a.rows, a.values.length], [0, 0, 0]);
    const b = kernelDensity([], { cell: 10, radius: 50, bbox: { minX: 0, minY: 0, maxX: 95, maxY: 10 } });
    assert.deepEqual([b.cols, b.rows], [10, 1]);
    assert.ok(b.values.every((v) => v === 0));
  });

  it("a degenerate bbox still has one cell", () => {
    const res = kernelDensity([{ x: 5, y: 5 }], {
      cell: 10,
      radius: 50,
      bbox: { minX: 0, minY: 0, maxX: 0, maxY: 0 },
    });
    assert.deepEqual([res.cols, res.rows], [1, 1]);
    assertClose(res.values[0] ?? Number.NaN, 3 / (Math.PI * 2500), 1e-14, 0, "K(0)");
  });

  it("rejects invalid options and coordinates", () => {
    const pts = [{ x: 0, y: 0 }];
    assert.throws(() => kernelDensity(pts, { cell: 0, radius: 10 }), RangeError);
    assert.throws(() => kernelDensity(pts, { cell: 1, radius: 0 }), RangeError);
    assert.throws(
      () => kernelDensity([{ x: 0, y: Number.POSITIVE_INFINITY }], { cell: 1, radius: 1 }),
      RangeError,
    );
    assert.throws(
      () => kernelDensity(pts, { cell: 1, radius: 1, bbox: { minX: 1, minY: 0, maxX: 0, maxY: 1 } }),
      RangeError,
    );
    assert.throws(
      () =>
        kernelDensity(
          [
            { x: 0, y: 0 },
            { x: 1e6, y: 1e6 },
          ],
          { cell: 0.1, radius: 1 },
        ),
      RangeError,
    );
  });
});

describe("kernelDensity — speed", () => {
  it("200,000 points in a 30 km square, r = 300 m, 50 m cells", () => {
    const rand = rng(42);
    const pts = Array.from({ length: 200_000 }, () => ({
      x: 140_000 + rand() * 30_000,
      y: 440_000 + rand() * 30_000,
    }));
    const opts = {
      cell: 50,
      radius: 300,
      bbox: { minX: 140_000, minY: 440_000, maxX: 170_000, maxY: 470_000 },
    };
    kernelDensity(pts, opts);
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const res = kernelDensity(pts, opts);
      runs.push(performance.now() - t0);
      assert.equal(res.values.length, 600 * 600);
    }
    const best = Math.min(...runs);
    console.log(`kernelDensity 200k points, 360,000 cells, r/cell = 6: best of 3 ${best.toFixed(1)} ms`);
    assert.ok(best < 2000, `took ${best} ms`);
  });
});
