import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ratePer1000 } from "./rate.ts";

function close(actual: number, expected: number, rtol: number): void {
  const tol = rtol * Math.abs(expected);
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected} +- ${tol}, got ${actual}`);
}

describe("ratePer1000", () => {
  it("matches the exact Poisson CI of DescTools / R exactci for 15 events in 400 (statsmodels test_rate_poisson_r)", () => {
    // PoissonCI(x=15, n=400, method="exact") = 0.0209884653319583, 0.0618505471787146 per unit.
    const r = ratePer1000({ count: 15, population: 400 });
    assert.equal(r.rate, 37.5);
    close(r.ci[0], 20.9884653319583, 1e-12);
    close(r.ci[1], 61.8505471787146, 1e-12);
  });

  it("count 0: lower 0, upper -log(alpha/2) events (closed form)", () => {
    const r = ratePer1000({ count: 0, population: 2000 });
    assert.equal(r.rate, 0);
    assert.equal(r.ci[0], 0);
    close(r.ci[1], (-Math.log(0.025) * 1000) / 2000, 1e-13);
  });

  it("count 1: limits solve 1 - exp(-l) = alpha/2 and exp(-u)(1 + u) = alpha/2", () => {
    const r = ratePer1000({ count: 1, population: 1000 });
    close(r.ci[0], -Math.log(0.975), 1e-12);
    const u = r.ci[1];
    close(Math.exp(-u) * (1 + u), 0.025, 1e-12);
  });

  it("count 3, alpha 0.1: tail conditions hold by brute-force Poisson sums", () => {
    const r = ratePer1000({ count: 3, population: 1000, alpha: 0.1 });
    const pmf = (k: number, l: number) => {
      let f = 1;
      for (let i = 2; i <= k; i++) f *= i;
      return (Math.exp(-l) * l ** k) / f;
    };
    const lowerTail = (k: number, l: number) => [...Array(k + 1).keys()].reduce((s, i) => s + pmf(i, l), 0);
    close(1 - lowerTail(2, r.ci[0]), 0.05, 1e-10);
    close(lowerTail(3, r.ci[1]), 0.05, 1e-10);
  });

  it("large counts approach the normal approximation", () => {
    const r = ratePer1000({ count: 40000, population: 1e6 });
    const half = (1.959963984540054 * Math.sqrt(40000) * 1000) / 1e6;
    close(r.ci[0], 40 - half, 1e-3);
    close(r.ci[1], 40 + half, 1e-3);
  });

  it("rejects population 0, negative or fractional counts and bad alpha", () => {
    assert.throws(() => ratePer1000({ count: 1, population: 0 }), /population must be a finite number > 0/);
    assert.throws(() => ratePer1000({ count: 1, population: -5 }), RangeError);
    assert.throws(() => ratePer1000({ count: -1, population: 5 }), RangeError);
    assert.throws(() => ratePer1000({ count: 1.5, population: 5 }), RangeError);
    assert.throws(() => ratePer1000({ count: 1, population: 5, alpha: 0 }), RangeError);
  });
});
