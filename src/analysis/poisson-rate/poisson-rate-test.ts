import {
  binomialLower,
  binomialPmf,
  binomialUpper,
  normalQuantile,
  normalSf,
  solveIncreasingInLog,
} from "./distributions.ts";

/** Test method: conditional binomial ("exact"), score (Gu et al. W2) or Wald (Gu et al. W1). */
export type PoissonRateMethod = "exact" | "score" | "wald";

export interface PoissonRateTestInput {
  /** Number of events in group 1 (non-negative integer). */
  count1: number;
  /** Exposure of group 1 (person-time, population, ...), finite and > 0. */
  exposure1: number;
  /** Number of events in group 2 (non-negative integer). */
  count2: number;
  /** Exposure of group 2, finite and > 0. */
  exposure2: number;
  method: PoissonRateMethod;
  /** Significance level of the two-sided confidence interval; default 0.05 (95% interval). */
  alpha?: number;
  /** Rate ratio under the null hypothesis; default 1 (equal rates). Does not affect the interval. */
  nullRatio?: number;
}

export interface PoissonRateTestResult {
  /** Observed rate ratio (count1/exposure1) / (count2/exposure2); 0 or Infinity with one zero count, null when both are zero. */
  ratio: number | null;
  /** Two-sided (1 - alpha) confidence interval for the rate ratio; [0, Infinity] when both counts are zero. */
  ci: [number, number];
  /** Standard-normal test statistic (positive when rate1/rate2 > nullRatio); null for "exact" and when both counts are zero. */
  z: number | null;
  /** One-sided p-value in the direction of the observed deviation from nullRatio. */
  pOneSided: number;
  /** Two-sided p-value as statsmodels reports it (normal: 2 P(Z > |z|); exact: minimum-likelihood). */
  pTwoSided: number;
}

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

function assertExposure(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
  }
}

/**
 * Two-sided minimum-likelihood binomial p-value, exactly as scipy.stats.binomtest (and therefore
 * statsmodels' binom_test / test_poisson_2indep "exact-cond"): the sum of P(X = x) over all x with
 * P(X = x) <= P(X = k) * (1 + 1e-7). The opposite tail boundary is found by binary search, so the
 * cost is O(log n) point probabilities plus two tail sums.
 */
function minlikeTwoSided(k: number, n: number, p: number, q: number): number {
  if (k === p * n) return 1;
  const threshold = binomialPmf(k, n, p, q) * (1 + 1e-7);
  if (k < p * n) {
    // Upper side: the pmf is non-increasing on [ceil(np), n]; find the first x with pmf <= threshold.
    let lo = Math.ceil(p * n);
    let hi = n + 1; // sentinel: no such x
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (binomialPmf(mid, n, p, q) <= threshold) hi = mid;
      else lo = mid + 1;
    }
    return Math.min(1, binomialLower(k, n, p, q) + binomialUpper(lo, n, p, q));
  }
  // Lower side: the pmf is non-decreasing on [0, floor(np)]; find the last x with pmf <= threshold.
  let lo = -1; // sentinel: no such x
  let hi = Math.floor(p * n);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (binomialPmf(mid, n, p, q) <= threshold) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(1, binomialLower(lo, n, p, q) + binomialUpper(k, n, p, q));
}

/**
 * Central (Clopper-Pearson) interval for the odds t = p / (1 - p) of the conditional binomial
 * count1 | count1 + count2 ~ Binomial(n, t / (1 + t)); each tail has probability <= alpha / 2.
 */
function clopperPearsonOdds(x: number, n: number, alpha: number): [number, number] {
  const half = alpha / 2;
  const guess = (x + 0.5) / (n - x + 0.5);
  // P(X >= x | t) increases with t; lower limit solves it = alpha/2.
  const lower =
    x === 0
      ? 0
      : solveIncreasingInLog((u) => {
          const t = Math.exp(u);
          return binomialUpper(x, n, t / (1 + t), 1 / (1 + t)) - half;
        }, guess);
  // P(X <= x | t) decreases with t; upper limit solves it = alpha/2.
  const upper =
    x === n
      ? Number.POSITIVE_INFINITY
      : solveIncreasingInLog((u) => {
          const t = Math.exp(u);
          return half - binomialLower(x, n, t / (1 + t), 1 / (1 + t));
        }, guess);
  return [lower, upper];
}

/**
 * Compares two Poisson rates, rate1 = count1 / exposure1 and rate2 = count2 / exposure2, through
 * their ratio, with a hypothesis test of H0: rate1 / rate2 = nullRatio (default 1) and a two-sided
 * (1 - alpha) confidence interval for the ratio.
 *
 * Tests (all identical to statsmodels `test_poisson_2indep(..., compare="ratio")`):
 * - "wald":  Gu, Ng, Tang & Schucany (2008) W1, on the ratio scale (not the log ratio):
 *            z = (y1 - y2 d) / sqrt(y1 + y2 d^2), with d = nullRatio * exposure1 / exposure2.
 * - "score": Gu et al. (2008) W2: z = (y1 - y2 d) / sqrt((y1 + y2) d).
 * - "exact": conditional test, y1 | y1 + y2 ~ Binomial(y1 + y2, d / (1 + d)) (statsmodels
 *            "exact-cond"); the two-sided p-value is the minimum-likelihood ("minlike") p-value of
 *            scipy.stats.binomtest / R binom.test, not a doubled one-sided p-value.
 * pOneSided is the one-sided p-value in the direction of the observed deviation (statsmodels
 * alternative "larger" if rate1/rate2 > nullRatio, "smaller" if below); at an exact tie it is 0.5 for
 * the normal tests and the smaller of both exact tails for "exact".
 *
 * Confidence intervals:
 * - "score": inversion of the W2 test in closed form (roots of a quadratic); equals statsmodels
 *   `confint_poisson_2indep(method="score")`, which finds the same roots numerically.
 * - "wald":  log-scale Wald interval exp(log(ratio) +- z sqrt(1/y1 + 1/y2)), statsmodels
 *   `confint_poisson_2indep(method="wald-log")`; statsmodels has no interval for W1 itself, so this
 *   interval may disagree with the W1 p-value close to the significance boundary. With a zero count it
 *   is undefined and the exact interval below is returned instead.
 * - "exact": central Clopper-Pearson interval of the conditional binomial proportion, transformed to
 *   the rate ratio; equals R `poisson.test` / exactci `poisson.exact(tsmethod="central")` (statsmodels
 *   has no exact ratio interval). Being central, it can disagree with the minlike two-sided p-value.
 *
 * Assumptions: independent Poisson counts with known exposures (no overdispersion correction).
 * Zero counts: both zero gives ratio null, z null, p-values 1 and interval [0, Infinity]; a single
 * zero gives ratio 0 or Infinity with a one-sided-open interval (score and exact handle this natively).
 * Complexity: O(1) for "wald" and "score"; "exact" costs O(sqrt(n) log n) for the p-values and about
 * 100 tail evaluations of O(sqrt(n)) each for the interval, n = count1 + count2.
 *
 * @throws RangeError for negative or non-integer counts, exposures that are not finite and > 0,
 *   alpha outside (0, 1), a nullRatio that is not finite and > 0, or an unknown method.
 */
export function poissonRateTest(input: PoissonRateTestInput): PoissonRateTestResult {
  const { count1: y1, exposure1: n1, count2: y2, exposure2: n2, method } = input;
  const alpha = input.alpha ?? 0.05;
  const nullRatio = input.nullRatio ?? 1;
  assertCount("count1", y1);
  assertCount("count2", y2);
  assertExposure("exposure1", n1);
  assertExposure("exposure2", n2);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(Number.isFinite(nullRatio) && nullRatio > 0)) {
    throw new RangeError(`nullRatio must be a finite number > 0, got ${nullRatio}`);
  }
  if (method !== "exact" && method !== "score" && method !== "wald") {
    throw new RangeError(`method must be "exact", "score" or "wald", got ${String(method)}`);
  }

  const n = y1 + y2;
  if (n === 0) {
    return { ratio: null, ci: [0, Number.POSITIVE_INFINITY], z: null, pOneSided: 1, pTwoSided: 1 };
  }
  const expRatio = n2 / n1; // statsmodels' d: converts a rate ratio to an expected count ratio
  const ratio = y1 / n1 / (y2 / n2);
  const rd = nullRatio / expRatio; // expected y1 / y2 under H0

  let z: number | null = null;
  let pOneSided: number;
  let pTwoSided: number;
  if (method === "exact") {
    const p0 = rd / (1 + rd);
    const q0 = 1 / (1 + rd);
    const upper = binomialUpper(y1, n, p0, q0);
    const lower = binomialLower(y1, n, p0, q0);
    const excess = y1 - y2 * rd;
    pOneSided = excess > 0 ? upper : excess < 0 ? lower : Math.min(upper, lower);
    pTwoSided = minlikeTwoSided(y1, n, p0, q0);
  } else {
    const diff = y1 - y2 * rd;
    z = method === "score" ? diff / Math.sqrt((y1 + y2) * rd) : diff / Math.sqrt(y1 + y2 * rd * rd);
    pOneSided = normalSf(Math.abs(z));
    pTwoSided = Math.min(1, 2 * pOneSided);
  }

  const crit = -normalQuantile(alpha / 2);
  let ci: [number, number];
  if (method === "score") {
    // (y1 - y2 t)^2 = crit^2 (y1 + y2) t, t = ratio / expRatio; stable form of the two roots.
    const b = 2 * y1 * y2 + crit * crit * n;
    const root = Math.sqrt(crit * crit * n * (4 * y1 * y2 + crit * crit * n));
    const tHigh = y2 === 0 ? Number.POSITIVE_INFINITY : (b + root) / (2 * y2 * y2);
    const tLow = (2 * y1 * y1) / (b + root);
    ci = [tLow * expRatio, tHigh * expRatio];
  } else if (method === "wald" && y1 > 0 && y2 > 0) {
    const center = (y1 / y2) * expRatio;
    const se = Math.sqrt(1 / y1 + 1 / y2);
    ci = [center * Math.exp(-crit * se), center * Math.exp(crit * se)];
  } else {
    const [tLow, tHigh] = clopperPearsonOdds(y1, n, alpha);
    ci = [tLow * expRatio, tHigh * expRatio];
  }

  return { ratio, ci, z, pOneSided: Math.min(1, pOneSided), pTwoSided };
}
