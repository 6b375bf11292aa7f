import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { seededUniform as rng } from "../../demo/prng.ts";
import { mannKendall, seasonalMannKendall } from "./mann-kendall.ts";

/**
 * Monthly rainfall at Bogra, 1981–2010 (12 values per line, one line per year), with 7 missing
 * values and many ties (zeros). Source: pyMannKendall's test fixture `arbitrary_1d_data` in
 * tests/test_pymannkendall.py (github.com/mmhs013/pyMannKendall), which is the "Bogra" column of
 * its tests/data/Monthly Rainfall.csv; np.nan written as null.
 */
const BOGRA: (number | null)[] = [
  32,
  20,
  25,
  189,
  240,
  193,
  379,
  278,
  301,
  0,
  0,
  82,
  0,
  4,
  null,
  null,
  121,
  234,
  360,
  262,
  120,
  30,
  11,
  1,
  7,
  3,
  31,
  31,
  355,
  102,
  248,
  274,
  308,
  null,
  5,
  26,
  11,
  16,
  6,
  48,
  388,
  539,
  431,
  272,
  404,
  186,
  0,
  2,
  0,
  4,
  1,
  54,
  272,
  459,
  235,
  164,
  365,
  135,
  2,
  null,
  null,
  4,
  0,
  128,
  210,
  163,
  446,
  225,
  462,
  467,
  19,
  13,
  0,
  3,
  17,
  132,
  178,
  338,
  525,
  623,
  145,
  31,
  19,
  3,
  0,
  29,
  25,
  87,
  259,
  756,
  486,
  180,
  292,
  43,
  92,
  1,
  0,
  16,
  2,
  0,
  130,
  253,
  594,
  111,
  273,
  30,
  0,
  4,
  0,
  27,
  24,
  41,
  292,
  378,
  499,
  265,
  320,
  227,
  4,
  0,
  4,
  14,
  8,
  48,
  416,
  240,
  404,
  207,
  733,
  105,
  0,
  112,
  0,
  14,
  0,
  30,
  140,
  202,
  289,
  159,
  424,
  106,
  3,
  0,
  65,
  3,
  14,
  58,
  268,
  466,
  432,
  266,
  240,
  95,
  1,
  0,
  10,
  26,
  4,
  114,
  94,
  289,
  173,
  208,
  263,
  156,
  5,
  0,
  16,
  16,
  14,
  0,
  111,
  475,
  534,
  432,
  471,
  117,
  70,
  1,
  3,
  28,
  7,
  401,
  184,
  283,
  338,
  171,
  335,
  176,
  0,
  0,
  10,
  11,
  9,
  140,
  102,
  208,
  298,
  245,
  220,
  29,
  2,
  27,
  10,
  13,
  26,
  84,
  143,
  367,
  749,
  563,
  283,
  353,
  10,
  0,
  0,
  0,
  0,
  9,
  246,
  265,
  343,
  429,
  168,
  133,
  17,
  0,
  18,
  35,
  76,
  158,
  272,
  250,
  190,
  289,
  466,
  84,
  0,
  0,
  0,
  0,
  0,
  22,
  217,
  299,
  185,
  115,
  344,
  203,
  8,
  null,
  null,
  0,
  5,
  284,
  123,
  254,
  476,
  496,
  326,
  27,
  20,
  0,
  4,
  53,
  72,
  113,
  214,
  364,
  219,
  220,
  156,
  264,
  0,
  13,
  0,
  0,
  45,
  90,
  137,
  638,
  529,
  261,
  206,
  251,
  0,
  0,
  5,
  9,
  58,
  72,
  138,
  130,
  471,
  328,
  356,
  523,
  0,
  1,
  0,
  0,
  12,
  143,
  193,
  184,
  192,
  138,
  174,
  69,
  1,
  0,
  0,
  18,
  25,
  28,
  92,
  732,
  320,
  256,
  302,
  131,
  15,
  0,
  27,
  0,
  22,
  20,
  213,
  393,
  474,
  374,
  109,
  159,
  0,
  0,
  0,
  3,
  3,
  49,
  205,
  128,
  194,
  570,
  169,
  89,
  0,
  0,
  0,
  0,
  0,
  26,
  185,
  286,
  92,
  225,
  244,
  190,
  3,
  20,
];

/** Relative/absolute closeness for floating-point values computed along a different route
 * (both NaN counts as equal: e.g. Sen's slope when no season has two values). */
function close(actual: number, expected: number, tol = 1e-12): void {
  if (Number.isNaN(expected)) {
    assert.ok(Number.isNaN(actual), `expected NaN, got ${actual}`);
    return;
  }
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
    `expected ${expected}, got ${actual}`,
  );
}

/** Textbook O(n²) definitions, written independently of the module. */
function bruteForce(values: readonly (number | null)[]): {
  s: number;
  varS: number;
  n: number;
  slope: number;
} {
  const idx: number[] = [];
  values.forEach((v, i) => {
    if (v !== null && !Number.isNaN(v)) idx.push(i);
  });
  const xs = idx.map((i) => values[i] as number);
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign((xs[j] as number) - (xs[i] as number));
  }
  const groups = new Map<number, number>();
  for (const x of xs) groups.set(x, (groups.get(x) ?? 0) + 1);
  let ties = 0;
  for (const t of groups.values()) ties += t * (t - 1) * (2 * t + 5);
  const varS = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  const slopes: number[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const i = idx[a] as number;
      const j = idx[b] as number;
      slopes.push(((values[j] as number) - (values[i] as number)) / (j - i));
    }
  }
  slopes.sort((p, q) => p - q);
  const m = slopes.length;
  const slope =
    m === 0
      ? Number.NaN
      : m % 2 === 1
        ? (slopes[(m - 1) / 2] as number)
        : ((slopes[m / 2 - 1] as number) + (slopes[m / 2] as number)) / 2;
  return { s, varS, n, slope };
}

function randomSeries(seed: number, n: number, levels: number, missingShare: number): (number | null)[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) =>
    r() < missingShare ? null : Math.floor(r() * levels) + 0.01 * i * (r() < 0.5 ? 0 : 1),
  );
}

describe("mannKendall", () => {
  it("matches pyMannKendall original_test on the Bogra rainfall series (ties + NaN)", () => {
    // Expected values: pyMannKendall tests/test_pymannkendall.py, test_original_test with
    // arbitrary_1d_data (s, var_s, z, p, Tau, trend, h) and test_sens_slope (slope of the same
    // data, pyMannKendall ≥ 1.4 which keeps the original time positions around missing values).
    // pyMannKendall asserts exact float equality; so do we, except for p, whose normal CDF is
    // our own (scipy's ndtr upstream) and may differ in the last bits.
    const r = mannKendall(BOGRA);
    assert.equal(r.s, -1959);
    assert.equal(r.varS, 4889800.333333333);
    assert.equal(r.z, -0.8854562842589916);
    close(r.p, 0.37591058740506833, 1e-14);
    assert.equal(r.tau, -0.03153167653875869);
    assert.equal(r.senSlope, -0.006369426751592357);
    assert.equal(r.trend, "no trend");
    assert.equal(r.h, false);
    // n is not published; 360 values minus the 7 NaNs of the fixture.
    assert.equal(r.n, 360 - BOGRA.filter((v) => v === null).length);
    assert.equal(r.n, 353);
  });

  it("uses original positions for Sen's slope around a gap (older pyMannKendall compacted them)", () => {
    // pyMannKendall < 1.4 dropped NaNs before sens_slope and reported -0.0064516129032258064 for
    // the Bogra data (older tests/test_pymannkendall.py); ≥ 1.4 reports -0.006369426751592357.
    assert.notEqual(mannKendall(BOGRA).senSlope, -0.0064516129032258064);
    // Hand-computed: pairs (0,2) only → (3 − 1) / (2 − 0) = 1, not 2.
    const r = mannKendall([1, null, 3]);
    assert.equal(r.senSlope, 1);
    assert.equal(r.n, 2);
    assert.equal(r.s, 1);
    // NaN is missing, exactly like null.
    assert.deepEqual(mannKendall([1, Number.NaN, 3]), r);
  });

  it("all-equal data gives S = 0, varS = 0, z = 0, p = 1 (pyMannKendall NoTrendData)", () => {
    // Expected values: pyMannKendall test_original_test / test_sens_slope with
    // NoTrendData = np.ones(360) * constant: s 0, var_s 0, z 0, p 1.0, Tau 0.0, slope 0.0.
    const r = mannKendall(new Array<number>(360).fill(7));
    assert.deepEqual(
      { s: r.s, varS: r.varS, z: r.z, p: r.p, tau: r.tau, senSlope: r.senSlope, n: r.n },
      { s: 0, varS: 0, z: 0, p: 1, tau: 0, senSlope: 0, n: 360 },
    );
    assert.equal(r.trend, "no trend");
  });

  it("strictly increasing data gives S = n(n−1)/2, tau 1, p 0 (pyMannKendall TrendData)", () => {
    // Expected values: pyMannKendall test_original_test with TrendData = arange(360) + tiny
    // noise: s 64620.0, Tau 1.0, p 0.0, trend increasing; test_sens_slope: slope 1.0.
    const r = mannKendall(Array.from({ length: 360 }, (_, i) => i));
    assert.equal(r.s, 64620);
    assert.equal(r.tau, 1);
    assert.equal(r.p, 0);
    assert.equal(r.senSlope, 1);
    assert.equal(r.trend, "increasing");
    assert.equal(r.h, true);
    assert.equal(mannKendall(Array.from({ length: 360 }, (_, i) => -i)).trend, "decreasing");
  });

  it("agrees with a brute-force O(n²) computation on random data with ties and gaps", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const n = 1 + Math.floor(rng(seed * 7)() * 150);
      const values = randomSeries(seed, n, seed % 5 === 0 ? 3 : 20, 0.1);
      const expected = bruteForce(values);
      const r = mannKendall(values);
      assert.equal(r.s, expected.s, `seed ${seed}`);
      assert.equal(r.varS, expected.varS, `seed ${seed}`);
      assert.equal(r.n, expected.n, `seed ${seed}`);
      if (Number.isNaN(expected.slope)) assert.ok(Number.isNaN(r.senSlope));
      else close(r.senSlope, expected.slope, 1e-15);
      // z with continuity correction, recomputed from the brute-force S and variance.
      const z = expected.s === 0 ? 0 : (expected.s - Math.sign(expected.s)) / Math.sqrt(expected.varS);
      close(r.z, z, 1e-15);
      assert.ok(r.p >= 0 && r.p <= 1);
    }
  });

  it("agrees with brute force on longer series (exercises merge sort and quickselect deeply)", () => {
    for (const [seed, levels] of [
      [901, 4],
      [902, 1000],
    ] as const) {
      const values = randomSeries(seed, 900, levels, 0.05);
      const expected = bruteForce(values);
      const r = mannKendall(values);
      assert.equal(r.s, expected.s);
      assert.equal(r.varS, expected.varS);
      close(r.senSlope, expected.slope, 1e-15);
    }
  });

  it("handles empty input and a single point", () => {
    // pyMannKendall: s 0, var_s 0, z 0, p 1, Tau 0/0 = nan, slope nanmedian([]) = nan.
    for (const values of [[], [5], [null, 5, null], [null]]) {
      const r = mannKendall(values);
      assert.equal(r.s, 0);
      assert.equal(r.varS, 0);
      assert.equal(r.z, 0);
      assert.equal(r.p, 1);
      assert.ok(Number.isNaN(r.tau));
      assert.ok(Number.isNaN(r.senSlope));
      assert.equal(r.h, false);
    }
  });

  it("hand-computed small example with ties", () => {
    // x = [1, 2, 2, 3]: signs (1,2)+ (1,2)+ (1,3)+ (2,2)0 (2,3)+ (2,3)+ → S = 5.
    // varS = (4·3·13 − 2·1·9) / 18 = (156 − 18) / 18 = 23/3; z = 4 / √(23/3); tau = 5/6.
    // Slopes: 1, 0.5, 2/3, 0, 0.5, 1 → sorted 0, .5, .5, 2/3, 1, 1 → median (0.5 + 2/3)/2 = 7/12.
    const r = mannKendall([1, 2, 2, 3]);
    assert.equal(r.s, 5);
    close(r.varS, 23 / 3, 1e-15);
    close(r.z, 4 / Math.sqrt(23 / 3), 1e-15);
    close(r.tau, 5 / 6, 1e-15);
    close(r.senSlope, 7 / 12, 1e-15);
  });

  it("validates alpha and infinite values", () => {
    assert.throws(() => mannKendall([1, 2], { alpha: 0 }), RangeError);
    assert.throws(() => mannKendall([1, 2], { alpha: 1.5 }), RangeError);
    assert.throws(() => mannKendall([1, Number.POSITIVE_INFINITY]), RangeError);
    // alpha only moves h/trend: Bogra seasonal p = 0.0326 is significant at 0.05, not at 0.01.
    assert.equal(seasonalMannKendall(BOGRA, 12, { alpha: 0.01 }).h, false);
  });
});

describe("seasonalMannKendall", () => {
  it("matches pyMannKendall seasonal_test on the Bogra rainfall series", () => {
    // Expected values: pyMannKendall tests/test_pymannkendall.py, test_seasonal_test with
    // arbitrary_1d_data, period=12 (s, var_s, z, p, Tau, trend, h), and test_seasonal_sens_slope
    // for the slope (pyMannKendall ≥ 1.4; per year).
    const r = seasonalMannKendall(BOGRA, 12);
    assert.equal(r.s, -399);
    assert.equal(r.varS, 34702.333333333336);
    assert.equal(r.z, -2.136504114534638);
    close(r.p, 0.03263834596177739, 1e-14);
    assert.equal(r.tau, -0.0794979079497908);
    assert.equal(r.senSlope, -0.08695652173913043);
    assert.equal(r.trend, "decreasing");
    assert.equal(r.h, true);
    assert.equal(r.n, 353);
  });

  it("no-trend and trend data (pyMannKendall NoTrendData / TrendData)", () => {
    // Expected values: pyMannKendall test_seasonal_test: NoTrendData → s 0, z 0, p 1, Tau 0;
    // TrendData (≈ arange(360)) → s 5220.0, Tau 1.0, p 0.0; test_seasonal_sens_slope:
    // NoTrendData slope 0.0, TrendData slope 12.0.
    const flat = seasonalMannKendall(new Array<number>(360).fill(3), 12);
    assert.deepEqual([flat.s, flat.varS, flat.z, flat.p, flat.tau, flat.senSlope], [0, 0, 0, 1, 0, 0]);
    const up = seasonalMannKendall(
      Array.from({ length: 360 }, (_, i) => i),
      12,
    );
    assert.equal(up.s, 5220);
    assert.equal(up.tau, 1);
    assert.equal(up.p, 0);
    assert.equal(up.senSlope, 12);
  });

  it("equals the sum of brute-force per-season statistics (with a short last cycle)", () => {
    for (let seed = 100; seed < 120; seed++) {
      const period = 1 + (seed % 7);
      const n = period + Math.floor(rng(seed)() * 100);
      const values = randomSeries(seed, n, 6, 0.15);
      let s = 0;
      let varS = 0;
      let count = 0;
      let pairs = 0;
      const slopes: number[] = [];
      for (let k = 0; k < period; k++) {
        const season = values.filter((_, i) => i % period === k);
        const b = bruteForce(season);
        s += b.s;
        varS += b.varS;
        count += b.n;
        pairs += (b.n * (b.n - 1)) / 2;
        for (let i = 0; i < season.length; i++) {
          for (let j = i + 1; j < season.length; j++) {
            const xi = season[i];
            const xj = season[j];
            if (xi != null && xj != null) slopes.push((xj - xi) / (j - i));
          }
        }
      }
      slopes.sort((p, q) => p - q);
      const m = slopes.length;
      const slope = m % 2 === 1 ? slopes[(m - 1) / 2] : ((slopes[m / 2 - 1] ?? 0) + (slopes[m / 2] ?? 0)) / 2;
      const r = seasonalMannKendall(values, period);
      assert.equal(r.s, s, `seed ${seed}`);
      close(r.varS, varS, 1e-15);
      assert.equal(r.n, count);
      close(r.tau, s / pairs, 1e-15);
      if (m > 0) close(r.senSlope, slope ?? Number.NaN, 1e-15);
    }
  });

  it("period 1 is the original test", () => {
    const a = seasonalMannKendall(BOGRA, 1);
    const b = mannKendall(BOGRA);
    assert.deepEqual(a, b);
  });

  it("rejects a period larger than the data or not a positive integer", () => {
    assert.throws(() => seasonalMannKendall([1, 2, 3], 12), /larger than the number of values/);
    assert.throws(() => seasonalMannKendall([], 1), RangeError);
    assert.throws(() => seasonalMannKendall([1, 2, 3], 0), RangeError);
    assert.throws(() => seasonalMannKendall([1, 2, 3], 1.5), RangeError);
  });
});
