import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { seededUniform as mulberry32 } from "../../demo/prng.ts";
import {
  type GetisOrdOptions,
  type GetisOrdPoint,
  type GetisOrdResult,
  getisOrdG,
  twoSidedNormalP,
} from "./getis-ord.ts";

// libpysal.common RTOL / ATOL, the tolerances esda's tests use with numpy.testing.assert_allclose.
const RTOL = 1e-5;
const ATOL = 1e-7;

function assertClose(actual: number, expected: number, rtol: number, atol: number, what: string): void {
  const ok = Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
  assert.ok(ok, `${what}: got ${actual}, expected ${expected}`);
}

// The data set of esda/tests/test_getisord.py (and of the G_Local docstring in esda/getisord.py):
// POINTS = [(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)], y = [2, 3, 3.2, 5, 8, 7],
// w = DistanceBand(POINTS, threshold=15).
const ESDA_XY: [number, number][] = [
  [10, 10],
  [20, 10],
  [40, 10],
  [15, 20],
  [30, 20],
  [30, 30],
];
const ESDA_Y = [2, 3, 3.2, 5, 8, 7];
const ESDA_POINTS: GetisOrdPoint[] = ESDA_XY.map(([x, y], i) => ({ x, y, value: ESDA_Y[i] as number }));

/** Element-wise comparison with the brute-force reference (different summation order and p method). */
function assertSame(got: GetisOrdResult[], want: GetisOrdResult[], what: string): void {
  assert.equal(got.length, want.length, `${what}: length`);
  got.forEach((g, i) => {
    const w = want[i] as GetisOrdResult;
    assertClose(g.gi, w.gi, 1e-9, 1e-12, `${what} point ${i} gi`);
    assertClose(g.z, w.z, 1e-7, 1e-9, `${what} point ${i} z`);
    assertClose(g.p, w.p, 1e-6, 1e-9, `${what} point ${i} p`);
  });
}

function run(points: GetisOrdPoint[], opts: GetisOrdOptions) {
  return getisOrdG(points, opts).results;
}

describe("getisOrdG — esda's own test cases (esda/tests/test_getisord.py, class TestGLocal)", () => {
  // Each expected number below is the `lg.Zs[0]` literal asserted in that esda test.
  it("test_binary: G_Local(y, w, transform='B') → Zs[0] = -1.0136729", () => {
    const r = run(ESDA_POINTS, { distance: 15, star: false, transform: "binary" });
    assertClose(r[0]?.z ?? Number.NaN, -1.0136729, RTOL, ATOL, "Zs[0]");
  });

  it("test_row_standardized: G_Local(y, w, transform='R') → Zs[0] = -0.62074534", () => {
    const r = run(ESDA_POINTS, { distance: 15, star: false, transform: "row" });
    assertClose(r[0]?.z ?? Number.NaN, -0.62074534, RTOL, ATOL, "Zs[0]");
  });

  it("test_star_binary: G_Local(y, w, transform='B', star=True) → Zs[0] = -1.39727626", () => {
    const r = run(ESDA_POINTS, { distance: 15, star: true, transform: "binary" });
    assertClose(r[0]?.z ?? Number.NaN, -1.39727626, RTOL, ATOL, "Zs[0]");
  });

  it("test_star_row_standardized_values: transform='R', star=True → Zs[0] = -0.62488094", () => {
    const r = run(ESDA_POINTS, { distance: 15, star: true, transform: "row" });
    assertClose(r[0]?.z ?? Number.NaN, -0.62488094, RTOL, ATOL, "Zs[0]");
  });
});

describe("getisOrdG — all Zs of the G_Local docstring examples (esda/getisord.py)", () => {
  // The `>>> lg.Zs` / `>>> lg_star.Zs` outputs printed in the G_Local class docstring (8 decimals).
  const cases: { opts: GetisOrdOptions; zs: number[] }[] = [
    {
      opts: { distance: 15, star: false, transform: "binary" },
      zs: [-1.0136729, -0.04361589, 1.31558703, -0.31412676, 1.15373986, 1.77833941],
    },
    {
      opts: { distance: 15, star: true, transform: "binary" },
      zs: [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331],
    },
    {
      opts: { distance: 15, star: false, transform: "row" },
      zs: [-0.62074534, -0.01780611, 1.31558703, -0.12824171, 0.28843496, 1.77833941],
    },
    {
      opts: { distance: 15, star: true, transform: "row" },
      zs: [-0.62488094, -0.09144599, 0.41150696, -0.09144599, 0.24690418, 1.28024388],
    },
  ];
  for (const { opts, zs } of cases) {
    it(`star=${opts.star}, transform=${opts.transform}`, () => {
      const r = run(ESDA_POINTS, opts);
      assert.equal(r.length, zs.length);
      zs.forEach((z, i) => {
        assertClose(r[i]?.z ?? Number.NaN, z, RTOL, ATOL, `Zs[${i}]`);
      });
    });
  }

  it("gi is the raw statistic Gs and p = 2 × esda's one-sided p_norm", () => {
    // Gs by hand from esda's definition (W @ y) / (Σy − y_i): in the DistanceBand(15) graph point 0
    // has neighbours 1 (d = 10) and 3 (d = √125); Σy = 28.2. Binary Gi: (3 + 5) / (28.2 − 2).
    const r = run(ESDA_POINTS, { distance: 15, star: false, transform: "binary" });
    assertClose(r[0]?.gi ?? Number.NaN, 8 / 26.2, 1e-12, 0, "Gs[0]");
    // Point 3 (15, 20) and point 4 (30, 20) are exactly 15 apart: the band is inclusive.
    // Point 3's neighbours: 0, 1, 4 → (2 + 3 + 8) / (28.2 − 5).
    assertClose(r[3]?.gi ?? Number.NaN, 13 / 23.2, 1e-12, 0, "Gs[3]");
    // Binary Gi*: (2 + 3 + 5) / 28.2; row-standardised Gi*: that lag divided by 3.
    const s = run(ESDA_POINTS, { distance: 15, star: true, transform: "binary" });
    assertClose(s[0]?.gi ?? Number.NaN, 10 / 28.2, 1e-12, 0, "Gs*[0]");
    const sr = run(ESDA_POINTS, { distance: 15, star: true, transform: "row" });
    assertClose(sr[0]?.gi ?? Number.NaN, 10 / 3 / 28.2, 1e-12, 0, "Gs*[0] (R)");
    // p_norm = norm.sf(|Zs|), so two-sided p = 2·sf(|Zs|), checked against a numerical integral.
    assertClose(r[0]?.p ?? Number.NaN, referenceTwoSidedP(-1.0136729), 1e-6, 1e-9, "p[0]");
  });
});

describe("twoSidedNormalP", () => {
  it("matches standard normal table values", () => {
    // Textbook constants: 2·(1 − Φ(z)).
    assertClose(twoSidedNormalP(0), 1, 0, 1e-15, "z=0");
    assertClose(twoSidedNormalP(1), 0.31731050786291415, 1e-12, 0, "z=1");
    assertClose(twoSidedNormalP(-1.959963984540054), 0.05, 1e-12, 0, "z=1.96");
    assertClose(twoSidedNormalP(2.5758293035489004), 0.01, 1e-12, 0, "z=2.576");
    assertClose(twoSidedNormalP(3), 0.0026997960632601866, 1e-12, 0, "z=3");
    assertClose(twoSidedNormalP(5), 5.733031437583878e-7, 1e-12, 0, "z=5");
    assert.equal(twoSidedNormalP(40), 0);
  });

  it("agrees with an independent numerical integration over a range of z", () => {
    for (let z = -6; z <= 6; z += 0.173) {
      assertClose(twoSidedNormalP(z), referenceTwoSidedP(z), 0, 1e-11, `z=${z}`);
    }
  });
});

describe("getisOrdG — edge cases", () => {
  const base: GetisOrdOptions = { distance: 15, star: false, transform: "binary" };

  it("no points → no results; one point → z 0, p 1", () => {
    assert.deepEqual(getisOrdG([], base), { results: [] });
    for (const star of [false, true]) {
      for (const transform of ["binary", "row"] as const) {
        const [r] = run([{ x: 0, y: 0, value: 3 }], { distance: 10, star, transform });
        assert.equal(r?.z, 0);
        assert.equal(r?.p, 1);
      }
    }
  });

  it("two points: the variance of the other values is 0 (Gi) or W = N (Gi*) → z 0, p 1", () => {
    const pts = [
      { x: 0, y: 0, value: 1 },
      { x: 1, y: 0, value: 4 },
    ];
    for (const star of [false, true]) {
      for (const r of run(pts, { ...base, star })) {
        assert.equal(r.z, 0);
        assert.equal(r.p, 1);
      }
    }
  });

  it("islands under Gi: gi 0, z 0, p 1 (esda: Gs 0, Zs NaN); under Gi* a finite z", () => {
    // esda point 2 at (40, 10) is an island at threshold 11.2 (DistanceBand docstring in libpysal).
    const gi = run(ESDA_POINTS, { ...base, distance: 11.2 });
    assert.deepEqual(gi[2], { gi: 0, z: 0, p: 1 });
    const giRow = run(ESDA_POINTS, { distance: 11.2, star: false, transform: "row" });
    assert.deepEqual(giRow[2], { gi: 0, z: 0, p: 1 });
    const star = run(ESDA_POINTS, { ...base, distance: 11.2, star: true });
    assertSame(star, bruteForce(ESDA_POINTS, { ...base, distance: 11.2, star: true }), "star 11.2");
    assert.ok(Number.isFinite(star[2]?.z) && star[2]?.z !== 0);
  });

  it("all values equal → variance 0 → z 0, p 1 everywhere", () => {
    const pts = ESDA_XY.map(([x, y]) => ({ x, y, value: 0.1 }));
    for (const star of [false, true]) {
      for (const transform of ["binary", "row"] as const) {
        for (const r of run(pts, { distance: 15, star, transform })) {
          assert.equal(r.z, 0);
          assert.equal(r.p, 1);
          assert.ok(Number.isFinite(r.gi));
        }
      }
    }
    // Gi with a single deviating value: for that point the *other* values are all equal.
    const one = ESDA_XY.map(([x, y], i) => ({ x, y, value: i === 4 ? 9 : 0.1 }));
    const r = run(one, base);
    assert.equal(r[4]?.z, 0);
    assert.equal(r[4]?.p, 1);
    assert.notEqual(r[3]?.z, 0);
  });

  it("zero total (all values 0) → gi 0, z 0, p 1", () => {
    const pts = ESDA_XY.map(([x, y]) => ({ x, y, value: 0 }));
    for (const r of run(pts, base)) assert.deepEqual(r, { gi: 0, z: 0, p: 1 });
  });

  it("duplicate coordinates are neighbours of each other (distance 0 ≤ band)", () => {
    const pts = [...ESDA_POINTS, { x: 10, y: 10, value: 6 }];
    const r = run(pts, base);
    // Point 0 now has neighbours 1, 3 and the duplicate: (3 + 5 + 6) / (34.2 − 2).
    assertClose(r[0]?.gi ?? Number.NaN, 14 / 32.2, 1e-12, 0, "gi[0]");
    assertSame(r, bruteForce(pts, base), "duplicates");
    // With distance 0 only the coincident pair are neighbours.
    const zero = run(pts, { ...base, distance: 0 });
    assertClose(zero[0]?.gi ?? Number.NaN, 6 / 32.2, 1e-12, 0, "gi[0] @ 0");
    assert.deepEqual(zero[1], { gi: 0, z: 0, p: 1 });
  });

  it("results follow the input order", () => {
    const perm = [3, 5, 0, 2, 4, 1];
    const shuffled = perm.map((i) => ESDA_POINTS[i] as GetisOrdPoint);
    for (const star of [false, true]) {
      const a = run(ESDA_POINTS, { ...base, star });
      const b = run(shuffled, { ...base, star });
      perm.forEach((i, k) => {
        assertClose(b[k]?.z ?? Number.NaN, a[i]?.z ?? Number.NaN, 1e-12, 1e-14, `z of point ${i}`);
      });
    }
  });

  it("rejects a negative or non-finite distance and non-finite input", () => {
    assert.throws(() => getisOrdG(ESDA_POINTS, { ...base, distance: -1 }), RangeError);
    assert.throws(() => getisOrdG(ESDA_POINTS, { ...base, distance: Number.NaN }), RangeError);
    assert.throws(() => getisOrdG([{ x: 0, y: Number.NaN, value: 1 }], base), RangeError);
    assert.throws(() => getisOrdG([{ x: 0, y: 0, value: Number.POSITIVE_INFINITY }], base), RangeError);
  });
});

describe("getisOrdG — grid index vs. an independent O(n²) computation", () => {
  const configs: GetisOrdOptions[] = [];
  for (const star of [false, true]) {
    for (const transform of ["binary", "row"] as const) configs.push({ distance: 0, star, transform });
  }

  it("500 random points (with duplicates and islands), all four variants", () => {
    const rand = mulberry32(20240611);
    const pts: GetisOrdPoint[] = [];
    for (let i = 0; i < 500; i++) {
      pts.push({ x: rand() * 3000, y: rand() * 2000, value: Math.floor(rand() * 20) });
    }
    // A few exact duplicates, and some far-away points that become islands.
    for (let i = 0; i < 10; i++) pts.push({ ...(pts[i * 7] as GetisOrdPoint), value: i });
    for (let i = 0; i < 5; i++) pts.push({ x: 10000 + i * 1000, y: -5000, value: 3 });
    for (const distance of [0, 50, 150, 400]) {
      for (const c of configs) {
        const opts = { ...c, distance };
        const got = run(pts, opts);
        const want = bruteForce(pts, opts);
        assertSame(got, want, JSON.stringify(opts));
      }
    }
  });

  it("a sparse, very wide extent (grid cell size enlarged by the cell cap) still finds every neighbour", () => {
    const rand = mulberry32(7);
    const pts: GetisOrdPoint[] = [];
    for (let i = 0; i < 300; i++) {
      const cluster = i % 3;
      pts.push({ x: cluster * 1e9 + rand() * 20, y: rand() * 20, value: 1 + Math.floor(rand() * 9) });
    }
    for (const c of configs) {
      const opts = { ...c, distance: 5 };
      assertSame(run(pts, opts), bruteForce(pts, opts), JSON.stringify(opts));
    }
  });
});

/**
 * Independent reference: O(n²) neighbour search and esda's `G_Local.calc` formulas written out
 * literally (mean of squares minus squared mean), with the same null-safe convention (z 0, p 1)
 * where esda would produce NaN/∞.
 */
function bruteForce(points: GetisOrdPoint[], opts: GetisOrdOptions): GetisOrdResult[] {
  const n = points.length;
  const removeSelf = opts.star ? 0 : 1;
  const bigN = n - removeSelf;
  const total = points.reduce((s, p) => s + p.value, 0);
  const totalSq = points.reduce((s, p) => s + p.value * p.value, 0);
  return points.map((pi, i) => {
    // Row i of the weights matrix (before the transform), with the diagonal for Gi*.
    const row: number[] = [];
    points.forEach((pj, j) => {
      const inBand = Math.hypot(pi.x - pj.x, pi.y - pj.y) <= opts.distance;
      row.push(i === j ? (opts.star ? 1 : 0) : inBand ? 1 : 0);
    });
    const rowSum = row.reduce((a, b) => a + b, 0);
    const w = opts.transform === "row" && rowSum > 0 ? row.map((v) => v / rowSum) : row;
    const lag = w.reduce((s, wij, j) => s + wij * (points[j] as GetisOrdPoint).value, 0);
    const denom = total - pi.value * removeSelf;
    const gi = denom !== 0 ? lag / denom : 0;
    const mean = denom / bigN;
    const meanSq = (totalSq - pi.value * pi.value * removeSelf) / bigN;
    const others = points.filter((_, j) => opts.star || j !== i).map((p) => p.value);
    const constant = others.every((v) => v === others[0]);
    const card = w.reduce((a, b) => a + b, 0);
    const ev = card / bigN;
    const vg =
      (((card * (bigN - card)) / (bigN - 1)) * (meanSq - mean * mean)) / (bigN * bigN) / (mean * mean);
    if (card === 0 || constant || !(vg > 1e-300) || !Number.isFinite(vg) || denom === 0) {
      return { gi, z: 0, p: 1 };
    }
    const z = (gi - ev) / Math.sqrt(vg);
    return { gi, z, p: referenceTwoSidedP(z) };
  });
}

/** 2·(1 − Φ(|z|)) by composite Simpson integration of the normal density over [0, |z|]. */
function referenceTwoSidedP(z: number): number {
  const a = Math.abs(z);
  const steps = 4000;
  const h = a / steps;
  const phi = (t: number) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  let s = phi(0) + phi(a);
  for (let k = 1; k < steps; k++) s += (k % 2 === 1 ? 4 : 2) * phi(k * h);
  return Math.max(0, 1 - 2 * ((s * h) / 3));
}
