/**
 * Numerical building blocks for exact and asymptotic Poisson-rate inference: binomial and Poisson
 * probabilities and tails, the standard normal tail and quantile, and a log-scale root finder.
 *
 * Everything is written from first principles (no statistics dependency). Point probabilities use
 * Loader's saddle-point form (C. Loader, "Fast and accurate computation of binomial probabilities",
 * 2000; the algorithm behind R's dbinom/dpois), which keeps full relative precision for large
 * counts where a log-gamma difference would cancel. Tails are sums of point probabilities, started at
 * the far end of the tail and run outward until the terms no longer change the sum; a tail that
 * contains the mode is computed as one minus the opposite tail. The normal tail uses the identity
 * P(Z > z) = Q(1/2, z^2/2) / 2 with the regularized upper incomplete gamma function Q evaluated by
 * series or Lentz continued fraction (Numerical Recipes, 6.2), which is accurate to a few ulp.
 */

const LN_2PI = 1.8378770664093453; // log(2 * pi)
const LN_SQRT_PI = 0.5723649429247001; // log(sqrt(pi)) = log(Gamma(1/2))
const SQRT_2PI = 2.5066282746310002;

/**
 * Stirling-formula error stirlerr(n) = log(n!) - log(sqrt(2 pi n) (n/e)^n) for integer n >= 0.
 * Exact log-factorial for n <= 15 (n! is exact in double precision), asymptotic series above.
 */
function stirlerr(n: number): number {
  if (n <= 15) {
    if (n === 0) return 0;
    let fact = 1;
    for (let i = 2; i <= n; i++) fact *= i;
    return Math.log(fact) - (n + 0.5) * Math.log(n) + n - 0.5 * LN_2PI;
  }
  const nn = n * n;
  // 1/12n - 1/360n^3 + 1/1260n^5 - 1/1680n^7 + 1/1188n^9; truncation error < 1e-17 for n > 15.
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * nn)) / nn) / nn) / nn) / n;
}

/** Deviance term bd0(x, m) = x log(x/m) + m - x, computed without cancellation when x is close to m. */
function bd0(x: number, m: number): number {
  if (x === 0) return m;
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * Binomial point probability P(X = x) for X ~ Binomial(n, p); `q` must equal 1 - p and is passed
 * separately so callers can compute it without cancellation. O(1).
 */
export function binomialPmf(x: number, n: number, p: number, q: number): number {
  if (x < 0 || x > n) return 0;
  if (p === 0) return x === 0 ? 1 : 0;
  if (q === 0) return x === n ? 1 : 0;
  if (x === 0) {
    if (n === 0) return 1;
    return Math.exp(p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q));
  }
  if (x === n) {
    return Math.exp(q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p));
  }
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  const lf = LN_2PI + Math.log(x) + Math.log1p(-x / n);
  return Math.exp(lc - 0.5 * lf);
}

/** Poisson point probability P(X = x) for X ~ Poisson(lambda). O(1). */
export function poissonPmf(x: number, lambda: number): number {
  if (x < 0) return 0;
  if (lambda === 0) return x === 0 ? 1 : 0;
  if (x === 0) return Math.exp(-lambda);
  return Math.exp(-stirlerr(x) - bd0(x, lambda)) / Math.sqrt(2 * Math.PI * x);
}

/** Relative size below which a further tail term no longer changes the sum. */
const TAIL_EPS = 1e-17;

/** Binomial upper tail P(X >= k). Cost O(number of terms until negligible), about O(sqrt(n p q)). */
export function binomialUpper(k: number, n: number, p: number, q: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (q === 0) return 1;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  if (k <= mode) return 1 - binomialLower(k - 1, n, p, q);
  let term = binomialPmf(k, n, p, q);
  let sum = term;
  const odds = p / q;
  for (let x = k; x < n; x++) {
    term *= ((n - x) / (x + 1)) * odds;
    sum += term;
    if (term <= sum * TAIL_EPS) break;
  }
  return Math.min(1, sum);
}

/** Binomial lower tail P(X <= k). Same cost as {@link binomialUpper}. */
export function binomialLower(k: number, n: number, p: number, q: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p === 0) return 1;
  if (q === 0) return 0;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  if (k >= mode) return 1 - binomialUpper(k + 1, n, p, q);
  let term = binomialPmf(k, n, p, q);
  let sum = term;
  const invOdds = q / p;
  for (let x = k; x > 0; x--) {
    term *= (x / (n - x + 1)) * invOdds;
    sum += term;
    if (term <= sum * TAIL_EPS) break;
  }
  return Math.min(1, sum);
}

/** Poisson upper tail P(X >= k). Cost about O(sqrt(lambda)) terms. */
export function poissonUpper(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda === 0) return 0;
  const mode = Math.floor(lambda);
  if (k <= mode) return 1 - poissonLower(k - 1, lambda);
  let term = poissonPmf(k, lambda);
  let sum = term;
  for (let x = k; x < Number.MAX_SAFE_INTEGER; x++) {
    term *= lambda / (x + 1);
    sum += term;
    if (term <= sum * TAIL_EPS) break;
  }
  return Math.min(1, sum);
}

/** Poisson lower tail P(X <= k). Cost about O(sqrt(lambda)) terms. */
export function poissonLower(k: number, lambda: number): number {
  if (k < 0) return 0;
  if (lambda === 0) return 1;
  const mode = Math.floor(lambda);
  if (k >= mode) return 1 - poissonUpper(k + 1, lambda);
  let term = poissonPmf(k, lambda);
  let sum = term;
  for (let x = k; x > 0; x--) {
    term *= x / lambda;
    sum += term;
    if (term <= sum * TAIL_EPS) break;
  }
  return Math.min(1, sum);
}

/** Regularized upper incomplete gamma Q(1/2, x) for x >= 0 (= erfc(sqrt(x))). */
function upperGammaHalf(x: number): number {
  const a = 0.5;
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - LN_SQRT_PI);
  if (x < a + 1) {
    // Series for the lower function P(a, x).
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let i = 0; i < 500; i++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-17) break;
    }
    return 1 - sum * front;
  }
  // Modified Lentz continued fraction for Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return front * h;
}

/** Standard normal upper tail P(Z > z), accurate to a few ulp also deep in the tail. O(1). */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z < 0) return 1 - normalSf(-z);
  if (z > 39) return 0; // below the smallest positive double
  return 0.5 * upperGammaHalf((z * z) / 2);
}

/** Standard normal CDF P(Z <= z). O(1). */
export function normalCdf(z: number): number {
  return normalSf(-z);
}

/**
 * Standard normal quantile: Acklam's rational approximation (relative error < 1.2e-9) followed by
 * Halley refinement steps against {@link normalCdf}, giving close to full double precision. O(1).
 */
export function normalQuantile(prob: number): number {
  if (!(prob >= 0 && prob <= 1)) return Number.NaN;
  if (prob === 0) return Number.NEGATIVE_INFINITY;
  if (prob === 1) return Number.POSITIVE_INFINITY;
  if (prob > 0.5) return -normalQuantile(1 - prob);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const at = (arr: number[], i: number): number => arr[i] ?? 0;
  let x: number;
  if (prob < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(prob));
    x =
      (((((at(c, 0) * q + at(c, 1)) * q + at(c, 2)) * q + at(c, 3)) * q + at(c, 4)) * q + at(c, 5)) /
      ((((at(d, 0) * q + at(d, 1)) * q + at(d, 2)) * q + at(d, 3)) * q + 1);
  } else {
    const q = prob - 0.5;
    const r = q * q;
    x =
      ((((((at(a, 0) * r + at(a, 1)) * r + at(a, 2)) * r + at(a, 3)) * r + at(a, 4)) * r + at(a, 5)) * q) /
      (((((at(b, 0) * r + at(b, 1)) * r + at(b, 2)) * r + at(b, 3)) * r + at(b, 4)) * r + 1);
  }
  for (let i = 0; i < 3; i++) {
    const e = normalCdf(x) - prob;
    const u = e * SQRT_2PI * Math.exp((x * x) / 2);
    const next = x - u / (1 + (x * u) / 2);
    if (!Number.isFinite(next) || next === x) break;
    x = next;
  }
  return x;
}

/**
 * Root of a function that increases in log(t): returns t > 0 with g(log t) = 0, by bracket expansion
 * around `guess` and bisection in log space until the bracket cannot shrink further (about 60 to 100
 * evaluations of g). Returns 0 or Infinity when the root lies beyond exp(-700) or exp(700).
 */
export function solveIncreasingInLog(g: (u: number) => number, guess: number): number {
  const limit = 700;
  let lo = Math.max(-limit, Math.log(guess) - 1);
  let hi = Math.min(limit, Math.log(guess) + 1);
  let step = 1;
  while (g(lo) > 0) {
    if (lo <= -limit) return 0;
    hi = lo;
    step *= 2;
    lo = Math.max(-limit, lo - step);
  }
  step = 1;
  while (g(hi) < 0) {
    if (hi >= limit) return Number.POSITIVE_INFINITY;
    lo = hi;
    step *= 2;
    hi = Math.min(limit, hi + step);
  }
  for (let i = 0; i < 400; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (g(mid) < 0) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}
