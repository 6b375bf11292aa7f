import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { changeVerdict, testChanges } from "./change-tests.ts";

// Exact conditional test of two Poisson counts with equal exposure: given n = a + b, a is
// Binomial(n, 1/2) under equal rates. The two-sided p-value (minimum-likelihood) is computed here
// independently by summing binomial probabilities.
function binomTwoSided(a: number, b: number): number {
  const n = a + b;
  const logC = (k: number) => {
    let s = 0;
    for (let i = 1; i <= k; i++) s += Math.log((n - k + i) / i);
    return s;
  };
  const pk = (k: number) => Math.exp(logC(k) - n * Math.LN2);
  const pa = pk(a);
  let p = 0;
  for (let k = 0; k <= n; k++) {
    const v = pk(k);
    if (v <= pa * (1 + 1e-7)) p += v;
  }
  return Math.min(1, p);
}

describe("change tests over a table", () => {
  it("gives the exact binomial p-value per row", () => {
    const pairs = [
      { current: 58, previous: 41 },
      { current: 12, previous: 3 },
      { current: 7, previous: 7 },
    ];
    const t = testChanges(pairs);
    pairs.forEach((pair, i) => {
      assert.ok(Math.abs((t[i]?.p ?? -1) - binomTwoSided(pair.current, pair.previous)) < 1e-9, `row ${i}`);
    });
    assert.equal(t[2]?.direction, 0);
    assert.equal(t[2]?.clear, false);
  });

  it("does not test withheld counts or two zeros", () => {
    const t = testChanges([
      { current: null, previous: 4 },
      { current: 0, previous: 0 },
      { current: 30, previous: null },
    ]);
    assert.deepEqual(t, [null, null, null]);
    assert.equal(changeVerdict(null), null);
  });

  it("corrects for the number of rows: one p just under 5% among many is not clear", () => {
    // 20 vs 9 has p ≈ 0.06; 21 vs 9 ≈ 0.043 (binomial): clear alone, not among 20 unchanged rows.
    const alone = testChanges([{ current: 21, previous: 9 }]);
    assert.ok((alone[0]?.p ?? 1) < 0.05);
    assert.equal(alone[0]?.clear, true);
    assert.equal(changeVerdict(alone[0] ?? null), "duidelijk meer");
    const many = testChanges([
      { current: 21, previous: 9 },
      ...Array.from({ length: 20 }, () => ({ current: 10, previous: 11 })),
    ]);
    assert.equal(many[0]?.clear, false);
    assert.equal(changeVerdict(many[0] ?? null), "geen duidelijke verandering");
    // A very clear change stays clear among them.
    const strong = testChanges([
      { current: 5, previous: 60 },
      ...Array.from({ length: 20 }, () => ({ current: 10, previous: 11 })),
    ]);
    assert.equal(strong[0]?.clear, true);
    assert.equal(changeVerdict(strong[0] ?? null), "duidelijk minder");
  });
});
