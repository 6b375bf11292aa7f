// ckmeansClasses against the documented example of simple-statistics and against an independent
// brute force: every split of the sorted values into k contiguous groups, the smallest
// within-group sum of squares wins (optimal 1-D k-means groups are contiguous in sorted order).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { ckmeansClasses } from "./ckmeans-classes.ts";

const reference = JSON.parse(
  readFileSync(new URL("./fixtures/ckmeans-reference.json", import.meta.url), "utf8"),
);

/** Sum of squared deviations from the mean. */
const sse = (xs: number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - m) ** 2, 0);
};

/** The smallest total within-group SSE over every split of sorted `xs` into exactly k groups. */
function bruteForce(xs: number[], k: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  let best = Number.POSITIVE_INFINITY;
  const walk = (start: number, left: number, acc: number) => {
    if (left === 1) {
      best = Math.min(best, acc + sse(sorted.slice(start)));
      return;
    }
    for (let end = start + 1; end <= sorted.length - left + 1; end++) {
      walk(end, left - 1, acc + sse(sorted.slice(start, end)));
    }
  };
  walk(0, k, 0);
  return best;
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("ckmeansClasses", () => {
  for (const c of reference.cases as { name: string; values: number[]; k: number; groups: number[][] }[]) {
    it(`matches the reference: ${c.name}`, () => {
      const classes = ckmeansClasses(c.values, c.k);
      assert.deepEqual(
        classes,
        c.groups.map((g) => ({ min: g[0], max: g[g.length - 1], count: g.length })),
      );
    });
  }

  it("finds the optimal split that a brute force finds, on 200 random small lists", () => {
    const rnd = random(20261123);
    for (let round = 0; round < 200; round++) {
      const n = 2 + Math.floor(rnd() * 9);
      const xs = Array.from({ length: n }, () => Math.round(rnd() * 50));
      const distinct = new Set(xs).size;
      const k = 1 + Math.floor(rnd() * Math.min(5, distinct));
      const classes = ckmeansClasses(xs, k);
      assert.equal(classes.length, k);
      const sorted = [...xs].sort((a, b) => a - b);
      let at = 0;
      let total = 0;
      for (const c of classes) {
        const group = sorted.slice(at, at + c.count);
        assert.equal(group[0], c.min);
        assert.equal(group[group.length - 1], c.max);
        total += sse(group);
        at += c.count;
      }
      assert.equal(at, n, "every value is in a class");
      assert.ok(Math.abs(total - bruteForce(xs, k)) < 1e-9, `round ${round}: ${xs} k=${k}`);
    }
  });

  it("gives fewer classes when there are fewer distinct values, none for no values", () => {
    assert.deepEqual(ckmeansClasses([3, 3, 7], 5), [
      { min: 3, max: 3, count: 2 },
      { min: 7, max: 7, count: 1 },
    ]);
    assert.deepEqual(ckmeansClasses([], 5), []);
  });

  it("refuses a bad k or a value that is not finite", () => {
    assert.throws(() => ckmeansClasses([1, 2], 0), RangeError);
    assert.throws(() => ckmeansClasses([1, 2], 1.5), RangeError);
    assert.throws(() => ckmeansClasses([1, Number.NaN], 2), RangeError);
  });
});
