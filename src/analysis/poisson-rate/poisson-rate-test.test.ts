import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalQuantile, normalSf } from "./distributions.ts";
import { type PoissonRateMethod, poissonRateTest } from "./poisson-rate-test.ts";

/** |actual - expected| <= atol + rtol * |expected|, like numpy's assert_allclose. */
function close(actual: number | null, expected: number, rtol: number, atol = 0): void {
  assert.ok(actual !== null, `expected ${expected}, got null`);
  const tol = atol + rtol * Math.abs(expected);
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected} +- ${tol}, got ${actual}`);
}

// Gu, Ng, Tang & Schucany (2008), example 1, as used throughout statsmodels' test_rates_poisson.py.
const GU1 = { count1: 60, exposure1: 51477.5, count2: 30, exposure2: 54308.7 };
// Gu et al. (2008), example 2 (null ratio 1.5).
const GU2 = { count1: 41, exposure1: 28010, count2: 15, exposure2: 19017 };

/** Independent brute-force binomial pmf (product form, no shared code), for small n only. */
function bruteBinomPmf(x: number, n: number, p: number): number {
  let coef = 1;
  for (let i = 1; i <= x; i++) coef *= (n - x + i) / i;
  return coef * p ** x * (1 - p) ** (n - x);
}

/** Brute-force exact-cond p-values: upper, lower and minlike two-sided (scipy's 1 + 1e-7 tolerance). */
function bruteExact(y1: number, y2: number, p: number): { upper: number; lower: number; two: number } {
  const n = y1 + y2;
  const pmf = Array.from({ length: n + 1 }, (_, x) => bruteBinomPmf(x, n, p));
  const d = pmf[y1] ?? 0;
  let upper = 0;
  let lower = 0;
  let two = 0;
  pmf.forEach((v, x) => {
    if (x >= y1) upper += v;
    if (x <= y1) lower += v;
    if (v <= d * (1 + 1e-7)) two += v;
  });
  return { upper, lower, two: Math.min(1, two) };
}

describe("normal helpers", () => {
  it("match standard tabulated constants", () => {
    // z_{0.975} = 1.959963984540054 (e.g. scipy.stats.norm.ppf(0.975)); Phi(-5) = 2.866515718791939e-7.
    close(normalQuantile(0.975), 1.959963984540054, 1e-15);
    close(normalQuantile(0.025), -1.959963984540054, 1e-15);
    close(normalSf(5), 2.866515718791939e-7, 1e-13);
    close(normalSf(0), 0.5, 1e-15);
  });
});

describe("poissonRateTest: Gu et al. (2008) example 1 via statsmodels test_twosample_poisson", () => {
  it("wald (W1): statistic 3.384913, one-sided p 0.000356 (Gu et al. table)", () => {
    const r = poissonRateTest({ ...GU1, method: "wald" });
    close(r.z, 3.384913, 5e-6); // statsmodels regression value
    close(r.pOneSided, 0.000356, 0, 5e-6); // Gu et al.
    close(r.pTwoSided, 2 * 0.000356, 0, 5e-6);
    close(r.ratio, 2.10999757175465, 1e-13); // R exactci estimate (statsmodels results_rates.py)
  });

  it("score (W2): statistic 3.417402, one-sided p 0.000316 (Gu et al. table)", () => {
    const r = poissonRateTest({ ...GU1, method: "score" });
    close(r.z, 3.417402, 5e-6);
    close(r.pOneSided, 0.000316, 0, 5e-6);
    close(r.pTwoSided, 2 * 0.000316, 0, 5e-6);
  });

  it("exact: two-sided minlike p from R exactci poisson.exact(tsmethod='minlike')", () => {
    const r = poissonRateTest({ ...GU1, method: "exact" });
    close(r.pTwoSided, 0.000675182658686321, 1e-12); // statsmodels results_rates.res_pexact_cond
    close(r.pOneSided, 0.000428, 0, 5e-6); // Gu et al. (C and M switched there, per statsmodels)
    assert.equal(r.z, null);
  });

  it("exact with nullRatio 1.2: one-sided 'greater' p from R exactci", () => {
    const r = poissonRateTest({ ...GU1, method: "exact", nullRatio: 1.2 });
    close(r.pOneSided, 0.006651774552714537, 1e-12); // statsmodels test_twosample_poisson_r
  });

  it("exact CI equals R exactci central interval (statsmodels test_tost_poisson)", () => {
    const r = poissonRateTest({ ...GU1, method: "exact" });
    close(r.ci[0], 1.33973572177265, 1e-12);
    close(r.ci[1], 3.388365573616252, 1e-12);
  });

  it("score CI equals statsmodels confint_poisson_2indep(method='score')", () => {
    const r = poissonRateTest({ ...GU1, method: "score" });
    close(r.ci[0], 1.365962, 0, 5e-6);
    close(r.ci[1], 3.259306, 0, 5e-6);
  });

  it("wald CI is the log-Wald interval (statsmodels 'wald-log'), recomputed independently", () => {
    const r = poissonRateTest({ ...GU1, method: "wald" });
    const est = (60 / 51477.5) * (54308.7 / 30);
    const half = 1.959963984540054 * Math.sqrt(1 / 60 + 1 / 30);
    close(r.ci[0], est * Math.exp(-half), 1e-13);
    close(r.ci[1], est * Math.exp(half), 1e-13);
  });
});

describe("poissonRateTest: Gu et al. (2008) example 2, null ratio 1.5", () => {
  it("wald and score statistics and one-sided p-values", () => {
    const w = poissonRateTest({ ...GU2, method: "wald", nullRatio: 1.5 });
    close(w.z, 0.735447, 5e-6); // statsmodels regression value
    close(w.pOneSided, 0.2309, 0, 5e-4); // Gu et al.
    const s = poissonRateTest({ ...GU2, method: "score", nullRatio: 1.5 });
    close(s.z, 0.706631, 5e-6);
    close(s.pOneSided, 0.2398, 0, 5e-4);
    const e = poissonRateTest({ ...GU2, method: "exact", nullRatio: 1.5 });
    close(e.pOneSided, 0.2913, 0, 5e-4); // Gu et al. exact conditional
  });
});

describe("poissonRateTest: statsmodels test_alternative (6/51 vs 1/54, null ratio 1.2)", () => {
  // statsmodels regression values for test_poisson_2indep(6, 51.0, 1, 54.0, value=1.2), rtol 1e-13 there.
  const cases: Array<[PoissonRateMethod, number, number]> = [
    ["wald", 0.07136366497984171, 0.03568183248992086],
    ["score", 0.0840167525117227, 0.04200837625586135],
    ["exact", 0.1301269270479679, 0.08570447732927276],
  ];
  for (const [method, two, larger] of cases) {
    it(method, () => {
      const r = poissonRateTest({
        count1: 6,
        exposure1: 51,
        count2: 1,
        exposure2: 54,
        method,
        nullRatio: 1.2,
      });
      close(r.pTwoSided, two, 1e-12);
      close(r.pOneSided, larger, 1e-12);
    });
  }
});

describe("poissonRateTest: statsmodels TestMethodsCompare2indep (60/514.775 vs 40/543.087)", () => {
  for (const method of ["wald", "score", "exact"] as const) {
    it(`${method}: p about 0.0245 and CI about [1.04, 2.34]`, () => {
      const r = poissonRateTest({ count1: 60, exposure1: 514.775, count2: 40, exposure2: 543.087, method });
      close(r.pTwoSided, 0.0245, 0.2);
      close(r.ci[0], 1.04, 0.1);
      close(r.ci[1], 2.34, 0.1);
    });
  }
});

describe("poissonRateTest: exact p-values against a brute-force binomial sum", () => {
  const cases = [
    [3, 9, 10, 10],
    [12, 2, 7, 13],
    [0, 5, 1, 1],
    [5, 0, 2, 1],
    [7, 7, 3, 4],
  ] as const;
  for (const [y1, y2, n1, n2] of cases) {
    it(`${y1}/${n1} vs ${y2}/${n2}`, () => {
      const r = poissonRateTest({ count1: y1, exposure1: n1, count2: y2, exposure2: n2, method: "exact" });
      const b = bruteExact(y1, y2, n1 / (n1 + n2));
      close(r.pTwoSided, b.two, 1e-12);
      const observedUp = y1 / n1 > y2 / n2;
      close(r.pOneSided, observedUp ? b.upper : b.lower, 1e-12);
    });
  }

  it("exact CI limits give tail probabilities of alpha/2 (brute force)", () => {
    const y1 = 7;
    const y2 = 4;
    const r = poissonRateTest({ count1: y1, exposure1: 2, count2: y2, exposure2: 3, method: "exact" });
    const toP = (ratio: number) => (ratio * 2) / 3 / (1 + (ratio * 2) / 3);
    close(bruteExact(y1, y2, toP(r.ci[0])).upper, 0.025, 1e-9);
    close(bruteExact(y1, y2, toP(r.ci[1])).lower, 0.025, 1e-9);
  });
});

describe("poissonRateTest: edge cases", () => {
  it("both counts zero: ratio null, p = 1, interval [0, Infinity]", () => {
    for (const method of ["wald", "score", "exact"] as const) {
      const r = poissonRateTest({ count1: 0, exposure1: 10, count2: 0, exposure2: 20, method });
      assert.equal(r.ratio, null);
      assert.equal(r.z, null);
      assert.equal(r.pTwoSided, 1);
      assert.equal(r.pOneSided, 1);
      assert.deepEqual(r.ci, [0, Number.POSITIVE_INFINITY]);
    }
  });

  it("count1 zero: ratio 0, lower limit 0, finite upper limit", () => {
    const s = poissonRateTest({ count1: 0, exposure1: 100, count2: 8, exposure2: 100, method: "score" });
    assert.equal(s.ratio, 0);
    assert.equal(s.ci[0], 0);
    // Score interval with y1 = 0: upper odds = z^2 / y2 (root of the score equation).
    close(s.ci[1], 1.959963984540054 ** 2 / 8, 1e-12);
    // Wald and exact fall back to / use Clopper-Pearson: (1 - p)^8 = 0.025 at the upper limit.
    for (const method of ["wald", "exact"] as const) {
      const r = poissonRateTest({ count1: 0, exposure1: 100, count2: 8, exposure2: 100, method });
      assert.equal(r.ci[0], 0);
      const p = 1 - 0.025 ** (1 / 8);
      close(r.ci[1], p / (1 - p), 1e-10);
    }
    const e = poissonRateTest({ count1: 0, exposure1: 100, count2: 8, exposure2: 100, method: "exact" });
    close(e.pOneSided, 0.5 ** 8, 1e-12); // P(X <= 0), X ~ Binomial(8, 1/2)
    close(e.pTwoSided, 2 * 0.5 ** 8, 1e-12); // minlike: both extreme outcomes
  });

  it("count2 zero: ratio Infinity, upper limit Infinity, positive lower limit", () => {
    for (const method of ["wald", "score", "exact"] as const) {
      const r = poissonRateTest({ count1: 5, exposure1: 100, count2: 0, exposure2: 100, method });
      assert.equal(r.ratio, Number.POSITIVE_INFINITY);
      assert.equal(r.ci[1], Number.POSITIVE_INFINITY);
      assert.ok(r.ci[0] > 0);
    }
    const s = poissonRateTest({ count1: 5, exposure1: 100, count2: 0, exposure2: 100, method: "score" });
    close(s.ci[0], 5 / 1.959963984540054 ** 2, 1e-12);
    close(s.z, Math.sqrt(5), 1e-14); // (5 - 0) / sqrt(5 * 1)
  });

  it("tie (equal rates): z = 0, two-sided p = 1, interval contains 1", () => {
    for (const method of ["wald", "score", "exact"] as const) {
      const r = poissonRateTest({ count1: 10, exposure1: 100, count2: 20, exposure2: 200, method });
      close(r.ratio, 1, 1e-15);
      close(r.pTwoSided, 1, 1e-12);
      assert.ok(r.ci[0] < 1 && r.ci[1] > 1);
      if (method !== "exact") {
        assert.equal(r.z, 0);
        assert.equal(r.pOneSided, 0.5);
      } else {
        const b = bruteExact(10, 20, 1 / 3);
        close(r.pOneSided, Math.min(b.upper, b.lower), 1e-12);
      }
    }
  });

  it("tiny exposures: only their ratio matters", () => {
    for (const method of ["wald", "score", "exact"] as const) {
      const big = poissonRateTest({ ...GU1, method });
      const tiny = poissonRateTest({
        ...GU1,
        exposure1: GU1.exposure1 * 1e-300,
        exposure2: GU1.exposure2 * 1e-300,
        method,
      });
      close(tiny.ratio, big.ratio ?? Number.NaN, 1e-13);
      close(tiny.pTwoSided, big.pTwoSided, 1e-12);
      close(tiny.ci[0], big.ci[0], 1e-12);
      close(tiny.ci[1], big.ci[1], 1e-12);
    }
  });

  it("large counts stay accurate (exact vs score close, p in (0,1))", () => {
    const e = poissonRateTest({
      count1: 52000,
      exposure1: 1e6,
      count2: 50000,
      exposure2: 1e6,
      method: "exact",
    });
    const s = poissonRateTest({
      count1: 52000,
      exposure1: 1e6,
      count2: 50000,
      exposure2: 1e6,
      method: "score",
    });
    close(e.pTwoSided, s.pTwoSided, 0.05);
    close(e.ci[0], s.ci[0], 1e-3);
    close(e.ci[1], s.ci[1], 1e-3);
  });

  it("alpha changes the interval width", () => {
    const a = poissonRateTest({ ...GU1, method: "score", alpha: 0.1 });
    const b = poissonRateTest({ ...GU1, method: "score", alpha: 0.01 });
    assert.ok(a.ci[0] > b.ci[0] && a.ci[1] < b.ci[1]);
  });

  it("rejects invalid input with RangeError", () => {
    const base = { count1: 1, exposure1: 1, count2: 1, exposure2: 1, method: "score" as const };
    assert.throws(() => poissonRateTest({ ...base, exposure1: 0 }), RangeError);
    assert.throws(() => poissonRateTest({ ...base, exposure2: -3 }), /exposure2 must be a finite number > 0/);
    assert.throws(() => poissonRateTest({ ...base, exposure1: Number.NaN }), RangeError);
    assert.throws(() => poissonRateTest({ ...base, count1: -1 }), RangeError);
    assert.throws(() => poissonRateTest({ ...base, count2: 1.5 }), RangeError);
    assert.throws(() => poissonRateTest({ ...base, alpha: 1 }), RangeError);
    assert.throws(() => poissonRateTest({ ...base, nullRatio: 0 }), RangeError);
    assert.throws(
      () => poissonRateTest({ ...base, method: "bogus" as unknown as PoissonRateMethod }),
      RangeError,
    );
  });
});
