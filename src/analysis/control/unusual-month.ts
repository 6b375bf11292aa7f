import { normalQuantile, poissonLower, poissonUpper } from "../poisson-rate/distributions.ts";

export interface UnusualMonthInput {
  /** Registrations in the month under review (non-negative integer). */
  current: number;
  /** Registrations in the same calendar month in earlier years (non-negative integers); may be empty. */
  history: number[];
  /** Two-sided significance level of the band; default 0.05 (95% band). */
  alpha?: number;
}

/** "hoger": above the band, "lager": below it, "normaal": inside it (or no history). */
export type UnusualMonthFlag = "hoger" | "lager" | "normaal";

export interface UnusualMonthResult {
  /** Mean of `history`; null without history. */
  expected: number | null;
  /** Lower limit of the band: Poisson(expected) quantile at alpha/2; null without history. */
  lower: number | null;
  /** Upper limit of the band: Poisson(expected) quantile at 1 - alpha/2; null without history. */
  upper: number | null;
  flag: UnusualMonthFlag;
  /** Two-sided exact Poisson p-value of `current` against `expected`; null without history. */
  p: number | null;
}

/**
 * Poisson quantile as R's `qpois` / scipy's `poisson.ppf`: the smallest integer k with
 * P(X <= k) >= prob for X ~ Poisson(lambda). Starts from the normal approximation and walks to the
 * exact answer, so it costs a few tail evaluations of O(sqrt(lambda)) terms each.
 */
export function poissonQuantile(prob: number, lambda: number): number {
  if (lambda === 0) return 0;
  // Normal-approximation start; the walks below make the answer exact.
  const start = lambda + Math.sqrt(lambda) * normalQuantile(prob);
  let k = Number.isFinite(start) ? Math.max(0, Math.floor(start)) : Math.floor(lambda);
  while (k > 0 && poissonLower(k - 1, lambda) >= prob) k--;
  while (poissonLower(k, lambda) < prob) k++;
  return k;
}

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

/**
 * Is this month's number of registrations unusual compared with the same calendar month in earlier
 * years? A simplified exceedance check in the spirit of the Farrington et al. (1996) surveillance
 * algorithm and of the "bandbreedte" (expected range) police and CBS use in crime-figure dashboards:
 *
 * - expected = mean of `history` (the same month in earlier years, so no seasonal correction is
 *   needed; no trend term, no reweighting of past outbreaks, unlike full Farrington);
 * - the count is modelled as X ~ Poisson(expected); the band [lower, upper] runs from the exact
 *   Poisson quantile at alpha/2 to the one at 1 - alpha/2 (R `qpois` convention: smallest k with
 *   P(X <= k) >= prob), so each side holds at most alpha/2 probability outside it;
 * - flag "hoger" when current > upper, "lager" when current < lower, otherwise "normaal". This is
 *   equivalent to P(X >= current) <= alpha/2 (hoger) and P(X <= current) < alpha/2 (lager);
 * - p = min(1, 2 min(P(X >= current), P(X <= current))), the doubled-tail exact Poisson test
 *   (R `poisson.test(..., alternative = "two.sided")` uses minimum-likelihood instead; the doubled
 *   tail keeps p <= alpha consistent with the band on the "hoger" side).
 *
 * History of length 0: expected, lower, upper and p are null and the flag is "normaal" (nothing to
 * compare with). Length 1: the single year is the expected value; the band then only reflects
 * Poisson noise around one earlier year, which is noisy itself, so treat the result with care.
 * Expected 0 (all earlier years zero): band [0, 0], any registration is "hoger" with p = 0.
 *
 * Assumptions: registrations are independent (Poisson, no overdispersion — real crime counts are
 * often overdispersed, which makes this band too narrow); the expected value is treated as known,
 * i.e. the estimation uncertainty of the mean of few years is ignored; no trend over the years.
 * Complexity: O(h) for the mean of h years plus a few Poisson tail sums of O(sqrt(expected)) terms.
 *
 * @throws RangeError for a negative or non-integer current or history value, or alpha outside (0, 1).
 */
export function unusualMonth(input: UnusualMonthInput): UnusualMonthResult {
  const { current, history } = input;
  const alpha = input.alpha ?? 0.05;
  assertCount("current", current);
  for (const h of history) assertCount("history value", h);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);

  if (history.length === 0) return { expected: null, lower: null, upper: null, flag: "normaal", p: null };

  const expected = history.reduce((s, h) => s + h, 0) / history.length;
  const lower = poissonQuantile(alpha / 2, expected);
  const upper = poissonQuantile(1 - alpha / 2, expected);
  const flag: UnusualMonthFlag = current > upper ? "hoger" : current < lower ? "lager" : "normaal";
  const p = Math.min(1, 2 * Math.min(poissonUpper(current, expected), poissonLower(current, expected)));
  return { expected, lower, upper, flag, p };
}
