import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { poissonQuantile, unusualMonth } from "./unusual-month.ts";

function close(actual: number | null, expected: number, rtol: number): void {
  assert.ok(actual !== null, `expected ${expected}, got null`);
  const tol = rtol * Math.abs(expected);
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected} +- ${tol}, got ${actual}`);
}

/** Independent brute-force Poisson CDF (product form, no shared code), for small lambda only. */
function bruteCdf(k: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= lambda / i;
    sum += term;
  }
  return sum;
}

describe("poissonQuantile", () => {
  it("matches scipy.stats.poisson.ppf (= R qpois)", () => {
    // scipy 1.17.1: poisson.ppf([0.025, 0.975, 0.05, 0.95], mu) for mu in 10, 12.5, 3, 0.5, 250.
    const cases: [number, number[]][] = [
      [10, [4, 17, 5, 15]],
      [12.5, [6, 20, 7, 19]],
      [3, [0, 7, 1, 6]],
      [0.5, [0, 2, 0, 2]],
      [250, [219, 281, 224, 276]],
    ];
    for (const [mu, qs] of cases) {
      assert.deepEqual(
        [0.025, 0.975, 0.05, 0.95].map((p) => poissonQuantile(p, mu)),
        qs,
        `mu ${mu}`,
      );
    }
  });

  it("is the smallest k with P(X <= k) >= prob (brute-force CDF)", () => {
    for (const mu of [0.1, 1, 2.7, 7, 19.3, 40]) {
      for (const prob of [0.001, 0.025, 0.3, 0.5, 0.9, 0.975, 0.999]) {
        const k = poissonQuantile(prob, mu);
        assert.ok(bruteCdf(k, mu) >= prob, `mu ${mu} prob ${prob} k ${k}`);
        if (k > 0) assert.ok(bruteCdf(k - 1, mu) < prob, `mu ${mu} prob ${prob} k ${k}`);
      }
    }
  });
});

describe("unusualMonth", () => {
  // History 10, 12, 15, 13 -> expected 12.5; scipy: poisson.ppf(0.025, 12.5) = 6, ppf(0.975) = 20.
  const history = [10, 12, 15, 13];

  it("inside the band: normaal, p from the doubled tail (scipy)", () => {
    const r = unusualMonth({ current: 20, history });
    assert.equal(r.expected, 12.5);
    assert.equal(r.lower, 6);
    assert.equal(r.upper, 20);
    assert.equal(r.flag, "normaal");
    // 2 * poisson.sf(19, 12.5) = 0.061188257853993164
    close(r.p, 0.061188257853993164, 1e-10);
  });

  it("just above the band: hoger, p <= alpha (scipy)", () => {
    const r = unusualMonth({ current: 21, history });
    assert.equal(r.flag, "hoger");
    // 2 * poisson.sf(20, 12.5) = 0.03461623513091899
    close(r.p, 0.03461623513091899, 1e-10);
  });

  it("below the band: lager (scipy)", () => {
    const r = unusualMonth({ current: 5, history });
    assert.equal(r.flag, "lager");
    // 2 * poisson.cdf(5, 12.5) = 0.02964574919488315
    close(r.p, 0.02964574919488315, 1e-10);
    const atLower = unusualMonth({ current: 6, history });
    assert.equal(atLower.flag, "normaal");
    close(atLower.p, 0.06913478715449774, 1e-10); // 2 * poisson.cdf(6, 12.5)
  });

  it("alpha 0.1 narrows the band (scipy ppf(0.05 / 0.95, 12.5) = 7 / 19)", () => {
    const r = unusualMonth({ current: 20, history, alpha: 0.1 });
    assert.equal(r.lower, 7);
    assert.equal(r.upper, 19);
    assert.equal(r.flag, "hoger");
  });

  it("non-integer mean with larger counts (scipy)", () => {
    // expected 28.25; 2 * poisson.sf(39, 28.25) = 0.04286781472503942
    const r = unusualMonth({ current: 40, history: [25, 31, 27, 30] });
    assert.equal(r.expected, 28.25);
    close(r.p, 0.04286781472503942, 1e-10);
  });

  it("no history: normaal with nulls", () => {
    assert.deepEqual(unusualMonth({ current: 7, history: [] }), {
      expected: null,
      lower: null,
      upper: null,
      flag: "normaal",
      p: null,
    });
  });

  it("one year of history: that year is the expected value (qpois(0.025/0.975, 10) = 4/17)", () => {
    const r = unusualMonth({ current: 18, history: [10] });
    assert.equal(r.expected, 10);
    assert.equal(r.lower, 4);
    assert.equal(r.upper, 17);
    assert.equal(r.flag, "hoger");
  });

  it("all-zero history: band [0, 0], any registration is hoger with p 0; zero stays normaal with p 1", () => {
    const r = unusualMonth({ current: 1, history: [0, 0] });
    assert.equal(r.expected, 0);
    assert.equal(r.lower, 0);
    assert.equal(r.upper, 0);
    assert.equal(r.flag, "hoger");
    assert.equal(r.p, 0);
    const z = unusualMonth({ current: 0, history: [0, 0] });
    assert.equal(z.flag, "normaal");
    assert.equal(z.p, 1);
  });

  it("the flag agrees with p <= alpha on the upper side for many currents", () => {
    for (let c = 0; c < 40; c++) {
      const r = unusualMonth({ current: c, history });
      if (c > 12) assert.equal(r.flag === "hoger", (r.p ?? 1) <= 0.05, `current ${c}`);
    }
  });

  it("rejects negative or fractional counts and bad alpha", () => {
    assert.throws(() => unusualMonth({ current: -1, history: [1] }), RangeError);
    assert.throws(() => unusualMonth({ current: 1.5, history: [1] }), RangeError);
    assert.throws(() => unusualMonth({ current: 1, history: [2, -1] }), RangeError);
    assert.throws(() => unusualMonth({ current: 1, history: [1], alpha: 1 }), RangeError);
  });
});
