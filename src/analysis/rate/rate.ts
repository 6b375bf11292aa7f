import { poissonLower, poissonUpper, solveIncreasingInLog } from "../poisson-rate/distributions.ts";

export interface RatePer1000Input {
  /** Number of events (non-negative integer). */
  count: number;
  /** Population (or other exposure) the events relate to, finite and > 0. */
  population: number;
  /** Significance level of the two-sided interval; default 0.05 (95% interval). */
  alpha?: number;
}

export interface RatePer1000Result {
  /** count / population * 1000. */
  rate: number;
  /** Exact (Garwood) two-sided (1 - alpha) confidence interval for the rate per 1000. */
  ci: [number, number];
}

/**
 * Event rate per 1000 inhabitants with the exact Poisson (Garwood, 1936) confidence interval.
 *
 * The count is treated as Poisson with mean lambda = rate * population / 1000. The interval is
 * central: the lower limit solves P(X >= count | lambda) = alpha / 2, the upper limit solves
 * P(X <= count | lambda) = alpha / 2. This is the chi-square / gamma-quantile form
 * [chi2(alpha/2; 2k) / 2, chi2(1 - alpha/2; 2k + 2) / 2] = [Gamma^-1(alpha/2; k), Gamma^-1(1 - alpha/2;
 * k + 1)], here found by root finding on the Poisson tails (which equal the gamma CDF for integer k).
 * For count 0 the lower limit is 0 and the upper limit is -log(alpha / 2). Same as statsmodels
 * `confint_poisson(method="exact-c")`, R `poisson.test` and DescTools `PoissonCI(method="exact")`.
 *
 * Assumptions: independent events (no overdispersion), population known without error.
 * Complexity: about 100 Poisson tail evaluations of O(sqrt(count)) terms each per limit.
 *
 * @throws RangeError for a negative or non-integer count, a population that is not finite and > 0
 *   (population 0 included), or alpha outside (0, 1).
 */
export function ratePer1000(input: RatePer1000Input): RatePer1000Result {
  const { count, population } = input;
  const alpha = input.alpha ?? 0.05;
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  if (!(Number.isFinite(population) && population > 0)) {
    throw new RangeError(`population must be a finite number > 0, got ${population}`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);

  const half = alpha / 2;
  const guess = count + 0.5;
  // P(X >= count | lambda) increases with lambda.
  const lowerMean =
    count === 0 ? 0 : solveIncreasingInLog((u) => poissonUpper(count, Math.exp(u)) - half, guess);
  // P(X <= count | lambda) decreases with lambda.
  const upperMean = solveIncreasingInLog((u) => half - poissonLower(count, Math.exp(u)), guess);
  const scale = 1000 / population;
  return { rate: count * scale, ci: [lowerMean * scale, upperMean * scale] };
}
