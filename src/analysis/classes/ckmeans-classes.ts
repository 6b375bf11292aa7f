// Natural-breaks classes (Jenks) computed exactly with Ckmeans.1d.dp (Wang & Song 2011), the optimal
// one-dimensional k-means that simple-statistics implements: the sorted values are split into at
// most `k` groups so that the sum of squared deviations within the groups is as small as possible.

import { ckmeans } from "simple-statistics";

export interface CkmeansClass {
  /** Smallest and largest value in the class (inclusive). */
  min: number;
  max: number;
  /** Number of values in it. */
  count: number;
}

/**
 * The optimal classes of `values` (ckmeans), smallest first. Asks for `k` classes, or fewer when
 * there are fewer distinct values (each distinct value then is its own class). Values must be
 * finite; an empty list gives no classes.
 *
 * Complexity: O(k · n log n) for n values (simple-statistics' divide-and-conquer fill).
 *
 * @throws RangeError if `k` is not a positive integer or a value is not finite.
 */
export function ckmeansClasses(values: readonly number[], k: number): CkmeansClass[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`value ${v} is not finite`);
  if (values.length === 0) return [];
  const distinct = new Set(values).size;
  const groups = ckmeans([...values], Math.min(k, distinct));
  return groups.map((g) => ({ min: g[0] as number, max: g[g.length - 1] as number, count: g.length }));
}
