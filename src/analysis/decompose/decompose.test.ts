import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { seededUniform as mulberry32 } from "../../demo/prng.ts";
import { decompose } from "./decompose.ts";

/**
 * numpy's `assert_almost_equal(actual, desired, decimal)`: |actual − desired| < 1.5 · 10^−decimal,
 * element-wise; `null` in `actual` must line up with `null` (NaN in the reference) in `expected`.
 */
function assertAlmostEqual(
  actual: readonly (number | null)[],
  expected: readonly (number | null)[],
  decimal: number,
  label: string,
): void {
  assert.equal(actual.length, expected.length, `${label}: length`);
  const tol = 1.5 * 10 ** -decimal;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (e === null || e === undefined) {
      assert.equal(a, null, `${label}[${i}]: expected null, got ${a}`);
      continue;
    }
    assert.ok(typeof a === "number", `${label}[${i}]: expected ${e}, got ${a}`);
    assert.ok(Math.abs(a - e) < tol, `${label}[${i}]: expected ${e} ± ${tol}, got ${a}`);
  }
}

function tile(figure: readonly number[], n: number): number[] {
  return Array.from({ length: n }, (_, i) => figure[i % figure.length] as number);
}

// ---------------------------------------------------------------------------------------------
// Reference 1: statsmodels, statsmodels/tsa/tests/test_seasonal.py (TestDecompose.test_ndarray).
// Quarterly series of 32 values, period 4. Expected arrays copied verbatim from that file; the
// tolerances are the ones statsmodels uses there (decimal 2 for seasonal/trend, 3 or 4 for resid).
// ---------------------------------------------------------------------------------------------
const SM_DATA = [
  -50, 175, 149, 214, 247, 237, 225, 329, 729, 809, 530, 489, 540, 457, 195, 176, 337, 239, 128, 102, 232,
  429, 3, 98, 43, -141, -77, -13, 125, 361, -45, 184,
];

describe("decompose — statsmodels test_seasonal.py reference values", () => {
  it("additive, period 4, 32 values (even length)", () => {
    const res = decompose(SM_DATA, { period: 4, model: "additive" });
    assertAlmostEqual(res.seasonal, tile([62.46, 86.17, -88.38, -60.25], 32), 2, "seasonal");
    // biome-ignore format: keep the reference layout
    const trend = [null, null, 159.12, 204.0, 221.25, 245.12, 319.75, 451.5, 561.12, 619.25, 615.62, 548.0,
      462.12, 381.12, 316.62, 264.0, 228.38, 210.75, 188.38, 199.0, 207.12, 191.0, 166.88, 72.0, -9.25, -33.12,
      -36.75, 36.25, 103.0, 131.62, null, null];
    assertAlmostEqual(res.trend, trend, 2, "trend");
    // biome-ignore format: keep the reference layout
    const resid = [null, null, 78.254, 70.254, -36.71, -94.299, -6.371, -62.246, 105.415, 103.576, 2.754, 1.254,
      15.415, -10.299, -33.246, -27.746, 46.165, -57.924, 28.004, -36.746, -37.585, 151.826, -75.496, 86.254,
      -10.21, -194.049, 48.129, 11.004, -40.46, 143.201, null, null];
    assertAlmostEqual(res.resid, resid, 3, "resid");
  });

  it("multiplicative, period 4, on |data|", () => {
    const res = decompose(
      SM_DATA.map((v) => Math.abs(v)),
      { period: 4, model: "multiplicative" },
    );
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: 0.6931 is the statsmodels reference value, not ln 2
    assertAlmostEqual(res.seasonal, tile([1.0815, 1.5538, 0.6716, 0.6931], 32), 4, "seasonal");
    // biome-ignore format: keep the reference layout
    const trend = [null, null, 171.62, 204.0, 221.25, 245.12, 319.75, 451.5, 561.12, 619.25, 615.62, 548.0,
      462.12, 381.12, 316.62, 264.0, 228.38, 210.75, 188.38, 199.0, 207.12, 191.0, 166.88, 107.25, 80.5, 79.12,
      78.75, 116.5, 140.0, 157.38, null, null];
    assertAlmostEqual(res.trend, trend, 2, "trend");
    // biome-ignore format: keep the reference layout
    const resid = [null, null, 1.29263, 1.5136, 1.03223, 0.62226, 1.04771, 1.05139, 1.20124, 0.8408, 1.28182,
      1.28752, 1.08043, 0.77172, 0.91697, 0.96191, 1.36441, 0.72986, 1.01171, 0.73956, 1.03566, 1.44556, 0.02677,
      1.31843, 0.4939, 1.14688, 1.45582, 0.16101, 0.82555, 1.47633, null, null];
    assertAlmostEqual(res.resid, resid, 4, "resid");
  });

  it("additive, period 4, first 31 values (odd length, incomplete last cycle)", () => {
    const res = decompose(SM_DATA.slice(0, -1), { period: 4, model: "additive" });
    assertAlmostEqual(res.seasonal, tile([68.18, 69.02, -82.66, -54.54], 31), 2, "seasonal");
    // biome-ignore format: keep the reference layout
    const trend = [null, null, 159.12, 204.0, 221.25, 245.12, 319.75, 451.5, 561.12, 619.25, 615.62, 548.0,
      462.12, 381.12, 316.62, 264.0, 228.38, 210.75, 188.38, 199.0, 207.12, 191.0, 166.88, 72.0, -9.25, -33.12,
      -36.75, 36.25, 103.0, null, null];
    assertAlmostEqual(res.trend, trend, 2, "trend");
    // biome-ignore format: keep the reference layout
    const resid = [null, null, 72.538, 64.538, -42.426, -77.15, -12.087, -67.962, 99.699, 120.725, -2.962,
      -4.462, 9.699, 6.85, -38.962, -33.462, 40.449, -40.775, 22.288, -42.462, -43.301, 168.975, -81.212, 80.538,
      -15.926, -176.9, 42.413, 5.288, -46.176, null, null];
    assertAlmostEqual(res.resid, resid, 3, "resid");
  });

  it("refuses what statsmodels refuses (test_raises): negatives with 'm', NaN", () => {
    assert.throws(() => decompose(SM_DATA, { period: 4, model: "multiplicative" }), RangeError);
    const withNaN = SM_DATA.slice();
    withNaN[2] = Number.NaN;
    assert.throws(() => decompose(withNaN, { period: 4, model: "additive" }), RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Reference 2: R's stats::decompose() on the AirPassengers data set (monthly, 1949–1960,
// period 12). The data are R's `datasets::AirPassengers` (Box & Jenkins series G).
// - additive figure: printed R output of `decompose(ts(AirPassengers, frequency = 12))$figure`
//   in a public notes file (7 significant digits printed by R);
// - multiplicative seasonal, mean and sd of the random component over [7:138]: printed R output
//   in the RPubs document "Time Series: a simple example" (B. Liquet, 2017), which ran
//   `decompose(AirPassengers, type = "multiplicative")`;
// - multiplicative trend for Jul–Dec 1949: printed R output of the same call in a public
//   R exercise page ("126.7917 127.2500 127.9583 128.5833 129.0000 129.7500").
// ---------------------------------------------------------------------------------------------
// biome-ignore format: one year per line
const AIR_PASSENGERS = [
  112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118,
  115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140,
  145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166,
  171, 180, 193, 181, 183, 218, 230, 242, 209, 191, 172, 194,
  196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201,
  204, 188, 235, 227, 234, 264, 302, 293, 259, 229, 203, 229,
  242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278,
  284, 277, 317, 313, 318, 374, 413, 405, 355, 306, 271, 306,
  315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336,
  340, 318, 362, 348, 363, 435, 491, 505, 404, 359, 310, 337,
  360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405,
  417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432,
];

describe("decompose — R stats::decompose() on AirPassengers (published output)", () => {
  it("additive figure", () => {
    const res = decompose(AIR_PASSENGERS, { period: 12, model: "additive" });
    // biome-ignore format: R's printed layout
    const figure = [-24.748737, -36.188131, -2.241162, -8.036616, -4.506313, 35.402778,
      63.830808, 62.823232, 16.520202, -20.642677, -53.593434, -28.619949];
    assertAlmostEqual(res.seasonal, tile(figure, 144), 6, "seasonal");
  });

  it("multiplicative seasonal, trend start and random summary", () => {
    const res = decompose(AIR_PASSENGERS, { period: 12, model: "multiplicative" });
    // biome-ignore format: R's printed layout
    const figure = [0.9102304, 0.8836253, 1.0073663, 0.975906, 0.981378, 1.1127758,
      1.2265555, 1.219911, 1.0604919, 0.9217572, 0.8011781, 0.8988244];
    assertAlmostEqual(res.seasonal, tile(figure, 144), 7, "seasonal");
    assertAlmostEqual(
      res.trend.slice(0, 12),
      [null, null, null, null, null, null, 126.7917, 127.25, 127.9583, 128.5833, 129.0, 129.75],
      4,
      "trend 1949",
    );
    assert.deepEqual(res.trend.slice(-6), [null, null, null, null, null, null]);
    // R: mean(AP.decompM$random[7:138]) = 0.9982357, sd(...) = 0.0333884 (R indices are 1-based).
    const random = res.resid.slice(6, 138).map((v) => {
      assert.ok(typeof v === "number");
      return v;
    });
    const mean = random.reduce((a, b) => a + b, 0) / random.length;
    const sd = Math.sqrt(random.reduce((a, b) => a + (b - mean) ** 2, 0) / (random.length - 1));
    assert.ok(Math.abs(mean - 0.9982357) < 1.5e-7, `mean ${mean}`);
    assert.ok(Math.abs(sd - 0.0333884) < 1.5e-7, `sd ${sd}`);
  });
});

// ---------------------------------------------------------------------------------------------
// Reference 3: a literal, deliberately naive O(n·period) transcription of the statsmodels
// algorithm (convolution_filter with filt = [0.5, 1, …, 1, 0.5] / period or repeat(1/period),
// nsides = 2; seasonal_mean with nanmean over x[i::period]; centre; tile; resid). Used to check
// the O(n) running-sum implementation on pseudo-random series, odd and even periods and lengths.
// ---------------------------------------------------------------------------------------------
function naiveDecompose(x: readonly number[], period: number, multiplicative: boolean) {
  const n = x.length;
  const filt =
    period % 2 === 0
      ? [0.5, ...Array<number>(period - 1).fill(1), 0.5].map((w) => w / period)
      : Array<number>(period).fill(1 / period);
  // statsmodels convolution_filter, nsides=2: trim_head = ceil(len(filt)/2) - 1 leading NaNs.
  const head = Math.ceil(filt.length / 2) - 1;
  const tail = filt.length - 1 - head;
  const trend: (number | null)[] = x.map((_, i) => {
    if (i < head || i >= n - tail) return null;
    let s = 0;
    for (let k = 0; k < filt.length; k++) s += (filt[k] as number) * (x[i - head + k] as number);
    return s;
  });
  const figure: number[] = [];
  for (let j = 0; j < period; j++) {
    const vals: number[] = [];
    for (let i = j; i < n; i += period) {
      const t = trend[i];
      if (t !== null && t !== undefined)
        vals.push(multiplicative ? (x[i] as number) / t : (x[i] as number) - t);
    }
    figure.push(vals.reduce((a, b) => a + b, 0) / vals.length);
  }
  const m = figure.reduce((a, b) => a + b, 0) / period;
  const centred = figure.map((f) => (multiplicative ? f / m : f - m));
  const seasonal = tile(centred, n);
  const resid = x.map((v, i) => {
    const t = trend[i];
    const s = seasonal[i] as number;
    if (t === null || t === undefined) return null;
    return multiplicative ? v / s / t : v - t - s;
  });
  return { trend, seasonal, resid };
}

describe("decompose — matches a naive transcription of the reference algorithm", () => {
  it("periods 2..13, lengths 2·period .. 5·period + 3, both models", () => {
    const rand = mulberry32(20240601);
    for (let period = 2; period <= 13; period++) {
      for (const n of [2 * period, 2 * period + 1, 3 * period - 1, 5 * period + 3]) {
        const x = Array.from({ length: n }, (_, i) => 50 + 0.3 * i + 10 * Math.sin(i) + 20 * rand());
        for (const multiplicative of [false, true]) {
          const model = multiplicative ? "multiplicative" : "additive";
          const got = decompose(x, { period, model });
          const want = naiveDecompose(x, period, multiplicative);
          const label = `period ${period}, n ${n}, ${model}`;
          assertAlmostEqual(got.trend, want.trend, 9, `${label} trend`);
          assertAlmostEqual(got.seasonal, want.seasonal, 9, `${label} seasonal`);
          assertAlmostEqual(got.resid, want.resid, 9, `${label} resid`);
        }
      }
    }
  });

  it("no drift of the running sum on a long series with a large offset", () => {
    const rand = mulberry32(7);
    const x = Array.from({ length: 20_000 }, (_, i) => 1e9 + (i % 7) * 1e3 + rand());
    const got = decompose(x, { period: 7, model: "additive" });
    const want = naiveDecompose(x, 7, false);
    // Values around 1e9: absolute agreement to 1e-5 means ~1e-14 relative.
    assertAlmostEqual(got.trend, want.trend, 5, "trend");
    assertAlmostEqual(got.resid, want.resid, 5, "resid");
  });
});

// ---------------------------------------------------------------------------------------------
// Reference 4: independent checks from the definition (no external numbers).
// ---------------------------------------------------------------------------------------------
describe("decompose — known trend + known season is recovered exactly away from the ends", () => {
  for (const period of [4, 5, 7, 12]) {
    it(`additive, linear trend, period ${period}`, () => {
      // Zero-sum seasonal pattern; a centred MA over whole cycles removes it and keeps a line.
      const raw = Array.from({ length: period }, (_, j) => ((j * 37) % 11) - 3 * Math.cos(j));
      const rawMean = raw.reduce((a, b) => a + b, 0) / period;
      const season = raw.map((s) => s - rawMean);
      const n = 4 * period + 3;
      const line = (i: number) => 10 + 0.75 * i;
      const x = Array.from({ length: n }, (_, i) => line(i) + (season[i % period] as number));
      const res = decompose(x, { period, model: "additive" });
      const half = Math.floor(period / 2);
      for (let i = 0; i < n; i++) {
        if (i < half || i >= n - half) {
          assert.equal(res.trend[i], null);
          assert.equal(res.resid[i], null);
          continue;
        }
        assert.ok(Math.abs((res.trend[i] as number) - line(i)) < 1e-9, `trend[${i}]`);
        assert.ok(Math.abs(res.resid[i] as number) < 1e-9, `resid[${i}]`);
      }
      for (let i = 0; i < n; i++) {
        assert.ok(
          Math.abs((res.seasonal[i] as number) - (season[i % period] as number)) < 1e-9,
          `seasonal[${i}]`,
        );
      }
    });
  }

  for (const period of [4, 7]) {
    it(`multiplicative, constant level × seasonal factors (mean 1), period ${period}`, () => {
      const raw = Array.from({ length: period }, (_, j) => 1 + 0.1 * j + 0.05 * Math.sin(j));
      const rawMean = raw.reduce((a, b) => a + b, 0) / period;
      const factors = raw.map((f) => f / rawMean);
      const n = 3 * period + 1;
      const x = Array.from({ length: n }, (_, i) => 250 * (factors[i % period] as number));
      const res = decompose(x, { period, model: "multiplicative" });
      const half = Math.floor(period / 2);
      for (let i = half; i < n - half; i++) {
        assert.ok(Math.abs((res.trend[i] as number) - 250) < 1e-9, `trend[${i}]`);
        assert.ok(Math.abs((res.resid[i] as number) - 1) < 1e-12, `resid[${i}]`);
      }
      for (let i = 0; i < n; i++) {
        assert.ok(Math.abs((res.seasonal[i] as number) - (factors[i % period] as number)) < 1e-12);
      }
    });
  }
});

describe("decompose — edge cases", () => {
  it("odd period, worked by hand (period 3, 9 values)", () => {
    // Trend = mean of 3 neighbours: 2, 3, 4, 5, 6, 7, 8 at indices 1..7.
    // Detrended: i1 −1, i2 −1, i3 2, i4 −1, i5 −1, i6 2, i7 −1 → position means [2, −1, −1],
    // already centred (mean 0); residuals are all 0.
    const res = decompose([3, 1, 2, 6, 4, 5, 9, 7, 8], { period: 3, model: "additive" });
    assert.deepEqual(res.trend, [null, 2, 3, 4, 5, 6, 7, 8, null]);
    assert.deepEqual(res.seasonal, [2, -1, -1, 2, -1, -1, 2, -1, -1]);
    assert.deepEqual(res.resid, [null, 0, 0, 0, 0, 0, 0, 0, null]);
  });

  it("exactly two periods (even period 4, 8 values), worked by hand", () => {
    // Trend (weights 1/8, 1/4, 1/4, 1/4, 1/8):
    //   i2: (1 + 2·(5 + 2 + 4) + 3) / 8 = 26/8 = 3.25
    //   i3: (5 + 2·(2 + 4 + 3) + 7) / 8 = 30/8 = 3.75
    //   i4: (2 + 2·(4 + 3 + 7) + 4) / 8 = 34/8 = 4.25
    //   i5: (4 + 2·(3 + 7 + 4) + 6) / 8 = 38/8 = 4.75
    // Detrended (one value per position): pos2 2 − 3.25 = −1.25, pos3 4 − 3.75 = 0.25,
    //   pos0 3 − 4.25 = −1.25, pos1 7 − 4.75 = 2.25; mean 0 → figure [−1.25, 2.25, −1.25, 0.25].
    // With one observation per position the residual is 0 wherever the trend exists.
    const x = [1, 5, 2, 4, 3, 7, 4, 6];
    const res = decompose(x, { period: 4, model: "additive" });
    assert.deepEqual(res.trend, [null, null, 3.25, 3.75, 4.25, 4.75, null, null]);
    assert.deepEqual(res.seasonal, [-1.25, 2.25, -1.25, 0.25, -1.25, 2.25, -1.25, 0.25]);
    assert.deepEqual(res.resid, [null, null, 0, 0, 0, 0, null, null]);
  });

  it("exactly two periods, odd period 5: every position is covered", () => {
    const x = [4, 8, 1, 6, 3, 5, 9, 2, 7, 4];
    const res = decompose(x, { period: 5, model: "additive" });
    assert.deepEqual(
      res.trend.map((t) => t === null),
      [true, true, false, false, false, false, false, false, true, true],
    );
    assert.ok(res.seasonal.every(Number.isFinite));
    const figureSum = res.seasonal.slice(0, 5).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(figureSum) < 1e-12);
  });

  it("constant series: trend = the constant, no season, no residual", () => {
    const x = Array<number>(24).fill(42);
    const add = decompose(x, { period: 6, model: "additive" });
    assert.deepEqual(add.trend, [null, null, null, ...Array<number>(18).fill(42), null, null, null]);
    assert.deepEqual(add.seasonal, Array<number>(24).fill(0));
    assert.deepEqual(add.resid, [null, null, null, ...Array<number>(18).fill(0), null, null, null]);
    const mul = decompose(x, { period: 6, model: "multiplicative" });
    assert.deepEqual(mul.seasonal, Array<number>(24).fill(1));
    assert.deepEqual(mul.resid, [null, null, null, ...Array<number>(18).fill(1), null, null, null]);
  });

  it("zero seasonal effect: a pure line gives seasonal 0 and residual 0", () => {
    const x = Array.from({ length: 30 }, (_, i) => 3 - 2 * i);
    const res = decompose(x, { period: 5, model: "additive" });
    for (const s of res.seasonal) assert.ok(Math.abs(s) < 1e-12);
    for (let i = 2; i < 28; i++) {
      assert.ok(Math.abs((res.trend[i] as number) - (3 - 2 * i)) < 1e-12);
      assert.ok(Math.abs(res.resid[i] as number) < 1e-12);
    }
  });

  it("output lengths equal the input length; input is not modified", () => {
    const x = SM_DATA.slice();
    const res = decompose(x, { period: 4, model: "additive" });
    assert.equal(res.trend.length, x.length);
    assert.equal(res.seasonal.length, x.length);
    assert.equal(res.resid.length, x.length);
    assert.deepEqual(x, SM_DATA);
  });
});

describe("decompose — errors", () => {
  const x = Array.from({ length: 24 }, (_, i) => 1 + i);

  it("period must be an integer ≥ 2", () => {
    for (const period of [1, 0, -4, 2.5, Number.NaN]) {
      assert.throws(() => decompose(x, { period, model: "additive" }), {
        name: "RangeError",
        message: /period must be an integer ≥ 2/,
      });
    }
  });

  it("needs two complete cycles", () => {
    assert.throws(() => decompose(x.slice(0, 7), { period: 4, model: "additive" }), {
      name: "RangeError",
      message: /at least 2 complete cycles \(8 values for period 4\), got 7/,
    });
    assert.throws(() => decompose([], { period: 2, model: "additive" }), RangeError);
    assert.doesNotThrow(() => decompose(x.slice(0, 8), { period: 4, model: "additive" }));
  });

  it("multiplicative needs values > 0", () => {
    const withZero = x.slice();
    withZero[5] = 0;
    assert.throws(() => decompose(withZero, { period: 4, model: "multiplicative" }), {
      name: "RangeError",
      message: /values > 0, got 0 at index 5/,
    });
    assert.doesNotThrow(() => decompose(withZero, { period: 4, model: "additive" }));
  });

  it("non-finite values are refused", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const y = x.slice();
      y[3] = bad;
      assert.throws(() => decompose(y, { period: 4, model: "additive" }), {
        name: "RangeError",
        message: /index 3 is not a finite number/,
      });
    }
  });
});
