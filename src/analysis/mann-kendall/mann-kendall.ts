/** Direction of a trend at the chosen significance level (pyMannKendall's `trend` field). */
export type MannKendallTrend = "increasing" | "decreasing" | "no trend";

export interface MannKendallOptions {
  /** Significance level for `h` and `trend`, in (0, 1); 0.05 by default. */
  alpha?: number;
}

export interface MannKendallResult {
  /** Mann-Kendall score: Σ sign(x_j − x_i) over all pairs i < j of non-missing values. */
  s: number;
  /** Variance of S under H0, with the tie correction. */
  varS: number;
  /** Standardised statistic with continuity correction: (S − sign(S)) / √varS; 0 when S = 0. */
  z: number;
  /** Two-sided p-value from the standard normal distribution. */
  p: number;
  /** S / (n(n − 1) / 2), as pyMannKendall computes it (Kendall's tau-a); NaN when n < 2. */
  tau: number;
  /**
   * Sen's (Theil-Sen) slope: median of the pairwise slopes. Per time step for `mannKendall`,
   * per full cycle (per year for monthly data) for `seasonalMannKendall`. NaN without a pair.
   */
  senSlope: number;
  /** Number of non-missing values used. */
  n: number;
  /** Whether the trend is significant at `alpha`: `p < alpha`. */
  h: boolean;
  /** `"increasing"` / `"decreasing"` when `h`, else `"no trend"`. */
  trend: MannKendallTrend;
}

/**
 * Original Mann-Kendall trend test (Mann 1945, Kendall 1975, Gilbert 1987), with the same results
 * as pyMannKendall 1.4.x `original_test(x, alpha)` plus `sens_slope(x).slope`.
 *
 * - S = Σ_{i<j} sign(x_j − x_i) over the non-missing values.
 * - varS = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18, summed over groups of t tied values.
 * - z = (S − 1)/√varS if S > 0, (S + 1)/√varS if S < 0, 0 if S = 0 (so all-equal data, where
 *   varS = 0, gives z = 0 and p = 1).
 * - p = 2·(1 − Φ(|z|)), evaluated in that form like pyMannKendall, so p underflows to exactly 0
 *   once |z| exceeds about 8.3.
 * - tau = S / (n(n−1)/2) — tau-a, no tie correction in the denominator (pyMannKendall's `Tau`).
 * - senSlope = median over pairs i < j of (x_j − x_i)/(j − i), where i and j are the ORIGINAL
 *   positions in `values`: a missing value leaves a gap in time instead of shifting later values
 *   (pyMannKendall ≥ 1.4 `sens_slope`: `np.nanmedian` over slopes of the un-skipped series).
 *   Even number of slopes: mean of the two middle ones.
 *
 * Missing values: `null`, `undefined` and NaN are skipped for S, varS, tau and n (pyMannKendall's
 * `'skip'` method) and kept as gaps for Sen's slope (see above).
 *
 * Differences from pyMannKendall: `h` is `p < alpha` (pyMannKendall uses the equivalent
 * `|z| > Φ⁻¹(1 − alpha/2)`; they can differ only in the last bit at the boundary); ±Infinity is
 * rejected rather than producing NaN/garbage; the Kendall-Theil intercept is not returned.
 *
 * Assumptions: the values are equally spaced in time, in chronological order, and independent
 * (no serial correlation — with autocorrelation the variance is too small and p too optimistic;
 * pyMannKendall's Hamed-Rao / Yue-Wang corrections are not implemented here).
 *
 * Complexity: S in O(n log n) time and O(n) memory — the number of strictly discordant pairs is
 * counted as strict inversions during a merge sort (equal values are taken from the left run
 * first, so ties are never counted), and S = (pairs − tied pairs) − 2·inversions. The tie groups
 * come from the same sorted array. pyMannKendall computes S pairwise in O(n²). Sen's slope
 * needs all m(m−1)/2 pairwise slopes: O(n²) memory (a Float64Array) and O(n²) expected time
 * (median by quickselect). For monthly series — a few hundred to a few thousand values — that is
 * acceptable: 3 000 values give 4.5 M slopes, 36 MB, about 0.15 s; 10 000 values already need
 * 400 MB. Exact O(n log n) Theil-Sen algorithms exist but are far more intricate.
 *
 * @throws RangeError if a value is ±Infinity or `alpha` is not in (0, 1).
 */
export function mannKendall(
  values: readonly (number | null | undefined)[],
  opts: MannKendallOptions = {},
): MannKendallResult {
  const alpha = validateAlpha(opts.alpha);
  validateValues(values);

  const present = values.filter(isPresent);
  const { s, varS, n } = scoreAndVariance(present);
  const slopes = pairwiseSlopes([values]);
  return finish(s, varS, n, 0.5 * n * (n - 1), median(slopes), alpha);
}

/**
 * Seasonal Mann-Kendall test (Hirsch & Slack 1984), with the same results as pyMannKendall 1.4.x
 * `seasonal_test(x, period, alpha)` plus `seasonal_sens_slope(x, period).slope`.
 *
 * The series is cut into seasons: season k holds `values[k], values[k + period], …` (the series is
 * assumed to start at season 0; a short last cycle is padded with missing values, as
 * pyMannKendall does). Per season, missing values are skipped and S_k, varS_k and n_k are computed
 * as in {@link mannKendall}; then S = Σ S_k, varS = Σ varS_k, n = Σ n_k,
 * tau = S / Σ n_k(n_k − 1)/2, and z and p follow from S and varS as in the original test
 * (covariance between seasons is ignored — that is the correlated seasonal test, not implemented).
 *
 * The seasonal Sen's slope is the median, over all seasons together, of the within-season pairwise
 * slopes (x_b − x_a)/(b − a), where a and b are cycle numbers (rows); missing values leave gaps.
 * Its unit is therefore "per cycle" (per year for monthly data with period 12), not per step.
 *
 * Complexity: O(n log n) for S (merge sort per season) and O(n²/period) memory and
 * O(n²/period) expected time for the seasonal Sen's slope.
 *
 * @throws RangeError if `period` is not a positive integer, if it is larger than the number of
 *   values (not even one full cycle), if a value is ±Infinity, or if `alpha` is not in (0, 1).
 */
export function seasonalMannKendall(
  values: readonly (number | null | undefined)[],
  period: number,
  opts: MannKendallOptions = {},
): MannKendallResult {
  const alpha = validateAlpha(opts.alpha);
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(`seasonalMannKendall: period must be a positive integer, got ${period}`);
  }
  if (period > values.length) {
    throw new RangeError(
      `seasonalMannKendall: period (${period}) is larger than the number of values (${values.length}); ` +
        "need at least one full cycle",
    );
  }
  validateValues(values);

  let s = 0;
  let varS = 0;
  let n = 0;
  let denom = 0;
  const seasons: (number | null | undefined)[][] = [];
  for (let k = 0; k < period; k++) {
    const season: (number | null | undefined)[] = [];
    for (let i = k; i < values.length; i += period) season.push(values[i]);
    seasons.push(season);
    const part = scoreAndVariance(season.filter(isPresent));
    s += part.s;
    varS += part.varS;
    n += part.n;
    denom += 0.5 * part.n * (part.n - 1);
  }
  return finish(s, varS, n, denom, median(pairwiseSlopes(seasons)), alpha);
}

// ---------------------------------------------------------------------------------------------
// Internals

function finish(
  s: number,
  varS: number,
  n: number,
  denom: number,
  senSlope: number,
  alpha: number,
): MannKendallResult {
  let z = 0;
  if (s > 0) z = (s - 1) / Math.sqrt(varS);
  else if (s < 0) z = (s + 1) / Math.sqrt(varS);
  // Same evaluation order as pyMannKendall: 2 * (1 - norm.cdf(abs(z))).
  const p = 2 * (1 - normalCdf(Math.abs(z)));
  const h = p < alpha;
  const trend: MannKendallTrend = h ? (z < 0 ? "decreasing" : "increasing") : "no trend";
  // 0/0 (n < 2) is NaN, as in numpy.
  const tau = s / denom;
  return { s, varS, z, p, tau, senSlope, n, h, trend };
}

function isPresent(v: number | null | undefined): v is number {
  return typeof v === "number" && !Number.isNaN(v);
}

function validateAlpha(alpha: number | undefined): number {
  const a = alpha ?? 0.05;
  if (!(a > 0 && a < 1)) throw new RangeError(`Mann-Kendall: alpha must be in (0, 1), got ${alpha}`);
  return a;
}

function validateValues(values: readonly (number | null | undefined)[]): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
      throw new RangeError(`Mann-Kendall: value at index ${i} is ${v}; use null for a missing value`);
    }
  }
}

/** S, tie-corrected var(S) and n of a series without missing values; O(n log n). */
function scoreAndVariance(xs: readonly number[]): { s: number; varS: number; n: number } {
  const n = xs.length;
  // Avoid −0 from n(n − 1) with n = 0.
  if (n < 2) return { s: 0, varS: 0, n };
  const sorted = Float64Array.from(xs);
  const inversions = sortCountingInversions(sorted);

  // Tie groups from runs of equal values in the sorted array.
  let tiedPairs = 0;
  let tieTerm = 0;
  let run = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && get(sorted, i) === get(sorted, i - 1)) {
      run++;
    } else {
      tiedPairs += (run * (run - 1)) / 2;
      tieTerm += run * (run - 1) * (2 * run + 5);
      run = 1;
    }
  }

  // Pairs split into concordant (P), discordant (Q = strict inversions) and tied.
  const pairs = (n * (n - 1)) / 2;
  const s = pairs - tiedPairs - 2 * inversions;
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  return { s, varS, n };
}

/**
 * Sorts `a` in place (bottom-up merge sort) and returns the number of pairs i < j with
 * a[i] > a[j] strictly. Equal values are taken from the left run first, so they never count.
 */
function sortCountingInversions(a: Float64Array): number {
  const n = a.length;
  let src: Float64Array = a;
  let dst: Float64Array = new Float64Array(n);
  let inversions = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const left = get(src, i);
        const right = get(src, j);
        if (right < left) {
          dst[k++] = right;
          j++;
          inversions += mid - i;
        } else {
          dst[k++] = left;
          i++;
        }
      }
      while (i < mid) dst[k++] = get(src, i++);
      while (j < hi) dst[k++] = get(src, j++);
    }
    const tmp = src;
    src = dst;
    dst = tmp;
  }
  if (src !== a) a.set(src);
  return inversions;
}

/**
 * All slopes (x_j − x_i)/(j − i) for i < j within each series, skipping pairs with a
 * missing value; positions are the indices in the series, so gaps are kept.
 */
function pairwiseSlopes(series: readonly (readonly (number | null | undefined)[])[]): Float64Array {
  let count = 0;
  const presentSeries = series.map((xs) => {
    const idx: number[] = [];
    for (let i = 0; i < xs.length; i++) if (isPresent(xs[i])) idx.push(i);
    count += (idx.length * (idx.length - 1)) / 2;
    return idx;
  });
  const slopes = new Float64Array(count);
  let k = 0;
  series.forEach((xs, si) => {
    const idx = presentSeries[si] ?? [];
    for (let a = 0; a < idx.length - 1; a++) {
      const i = idx[a] as number;
      const xi = xs[i] as number;
      for (let b = a + 1; b < idx.length; b++) {
        const j = idx[b] as number;
        slopes[k++] = ((xs[j] as number) - xi) / (j - i);
      }
    }
  });
  return slopes;
}

/**
 * Median (mean of the two middle values for an even count, like numpy); NaN when empty.
 * Reorders `a`. Quickselect (Hoare partition, median-of-three pivot): O(m) expected time.
 */
function median(a: Float64Array): number {
  const m = a.length;
  if (m === 0) return Number.NaN;
  const half = Math.floor(m / 2);
  const upper = select(a, half);
  if (m % 2 === 1) return upper;
  // After selection everything left of `half` is ≤ a[half]; the lower middle is their maximum.
  let lower = get(a, 0);
  for (let i = 1; i < half; i++) lower = Math.max(lower, get(a, i));
  return (lower + upper) / 2;
}

/** Rearranges `a` so that a[k] is the k-th smallest value, smaller ones before it; returns a[k]. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = lo + ((hi - lo) >> 1);
    // Median of three as pivot value.
    const x = get(a, lo);
    const y = get(a, mid);
    const z = get(a, hi);
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (get(a, i) < pivot) i++;
      while (get(a, j) > pivot) j--;
      if (i <= j) {
        const t = get(a, i);
        a[i] = get(a, j);
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and a[j+1..i-1] == pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return get(a, k);
}

function get(a: Float64Array, i: number): number {
  return a[i] as number;
}

/**
 * Standard normal CDF Φ(x) for x ≥ 0, as 1 − erfc(x/√2)/2.
 * erfc(t) comes from the positive-term series erf(t) = 2/√π · e^{−t²} · Σ_k (2t²)^k · t / (2k+1)!!
 * for t < 1 (where 1 − erf loses nothing that matters, erfc > 0.15), and from the Laplace
 * continued fraction erfc(t) = e^{−t²}/√π · 1/(t + (1/2)/(t + (2/2)/(t + (3/2)/(t + …)))),
 * evaluated with the modified Lentz method, for t ≥ 1 (at most about 200 terms). Relative error
 * below 1e-14 (checked against scipy.special.erfc on a grid of z up to 9).
 */
function normalCdf(x: number): number {
  return 1 - 0.5 * erfc(x / Math.SQRT2);
}

function erfc(t: number): number {
  if (t < 0) return 2 - erfc(-t);
  if (t < 1) {
    const t2 = 2 * t * t;
    let term = t;
    let sum = t;
    for (let k = 1; k < 200; k++) {
      term *= t2 / (2 * k + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-t * t) * sum;
  }
  // Modified Lentz for f = t + a1/(t + a2/(t + …)), a_k = k/2.
  const tiny = 1e-300;
  let f = t;
  let c = f;
  let d = 0;
  for (let k = 1; k < 1000; k++) {
    const ak = k / 2;
    d = t + ak * d;
    if (d === 0) d = tiny;
    d = 1 / d;
    c = t + ak / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-t * t) / Math.sqrt(Math.PI) / f;
}
