/**
 * Benjamini–Hochberg (1995) step-up cut-off: the largest p-value that the procedure rejects at
 * false-discovery-rate level `q`, or `-Infinity` when it rejects nothing.
 *
 * With the `m` p-values sorted ascending, `p_(1) ≤ … ≤ p_(m)`, let `k` be the largest index with
 * `p_(k) ≤ (k / m) · q`; the procedure rejects the hypotheses with `p ≤ p_(k)` (all of
 * `p_(1) … p_(k)`, including those above their own line `(i / m) · q`, which is what makes it a
 * step-up procedure). This cut-off is what ArcGIS's `fdrTransform` compares against the cut-off
 * lines `(i / m) · α` for α = 0.10, 0.05, 0.01 (its Hot Spot Analysis "Apply FDR correction").
 * Ties share one decision. NaN p-values are treated as 1 (never rejected, but counted in `m`).
 *
 * Assumptions: `p` are valid p-values in [0, 1]; `0 < q < 1`. BH controls the FDR under
 * independence or positive regression dependence (PRDS) of the tests.
 *
 * Complexity: O(m + r log r), r being the number of p-values ≤ q (only those are sorted); memory O(r).
 *
 * @throws RangeError if `q` is not in (0, 1).
 */
export function benjaminiHochbergCutoff(p: ArrayLike<number>, q: number): number {
  return benjaminiHochbergCutoffs(p, [q])[0] as number;
}

/**
 * The same as {@link benjaminiHochbergCutoff} for several levels at once, sharing one sort.
 * Returns one cut-off per entry of `qs`, in the same order.
 */
export function benjaminiHochbergCutoffs(p: ArrayLike<number>, qs: readonly number[]): number[] {
  for (const q of qs) {
    if (!(q > 0 && q < 1)) throw new RangeError(`FDR level must be in (0, 1), got ${q}`);
  }
  const m = p.length;
  // Only p-values ≤ max q can be rejected (p_(k) ≤ (k/m)·q ≤ q), and they are the smallest ones,
  // so their ranks among all m values are their ranks among themselves: sort just those.
  const qMax = Math.max(...qs);
  const small: number[] = [];
  for (let i = 0; i < m; i++) {
    const v = p[i] as number;
    if (v <= qMax) small.push(v);
  }
  const sorted = Float64Array.from(small).sort();
  return qs.map((q) => {
    for (let k = sorted.length; k >= 1; k--) {
      const pk = sorted[k - 1] as number;
      if (pk <= (k / m) * q) return pk;
    }
    return Number.NEGATIVE_INFINITY;
  });
}
