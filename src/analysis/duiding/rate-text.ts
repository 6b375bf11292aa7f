// Plain Dutch (B1) sentences for a rate per 1,000 inhabitants with its exact Poisson confidence
// interval (`ratePer1000`). Part of the "duiding" layer (issue 3).

import { formatCount, formatRate } from "../../render/format-nl.ts";
import type { RatePer1000Result } from "../rate/rate.ts";
import { MIN_COUNT_FOR_PERCENT } from "./change-text.ts";

export interface DescribeRateInput {
  /** Plural noun for what is counted, e.g. "woninginbraken". */
  subject: string;
  /** Number of registrations the rate was computed from (non-negative integer). */
  count: number;
  /** Inhabitants the rate was computed with (finite, > 0); shown as a whole number. */
  population: number;
  /** Result of `ratePer1000({ count, population, alpha })` for the same count and population. */
  result: RatePer1000Result;
  /** Optional name of the area, e.g. "Utrecht": "In Utrecht waren er …". */
  area?: string;
  /** The alpha given to `ratePer1000`, in (0, 1); default 0.05 (95% interval). Only used for the label. */
  alpha?: number;
}

/**
 * Describes a rate per 1,000 inhabitants in plain Dutch (B1), e.g.
 * "In Utrecht waren er 125 woninginbraken op 45.000 inwoners: 2,8 per 1.000 inwoners. Het werkelijke
 * cijfer ligt waarschijnlijk tussen 2,3 en 3,3 (95%-betrouwbaarheidsinterval)."
 *
 * Rules:
 * - Numbers in Dutch notation: counts and inhabitants whole ("45.000"), rates with
 *   {@link formatRateNl} (one decimal from 1 up, two below 1, two significant digits below 0,005).
 * - Count 1 reads "was het aantal woninginbraken 1" (the subject is a plural noun); count 0 reads
 *   "waren er geen woninginbraken".
 * - Interval: "Het werkelijke cijfer ligt waarschijnlijk tussen L en U (95%-betrouwbaarheidsinterval)."
 *   The level is 100 × (1 − alpha). When L and U look the same after rounding (very large counts), it
 *   says "heel dicht bij R" instead of "tussen R en R".
 * - Small count (1 up to {@link MIN_COUNT_FOR_PERCENT} − 1): an extra sentence "Het aantal is klein,
 *   dus dit cijfer is onzeker." before the interval.
 * - Count 0: no rate of "0,0" and no "tussen 0 en U"; instead it says that zero registrations do not
 *   mean the chance is zero, and that the real rate is probably below U (the upper limit).
 *
 * Complexity: O(1).
 *
 * @throws RangeError if `count` is not a non-negative integer, `population` is not finite and > 0,
 *   `alpha` is not in (0, 1), the rate or a limit is not finite (NaN included), the limits are not
 *   0 ≤ lower ≤ rate ≤ upper, or `result.rate` does not equal count / population × 1000.
 */
export function describeRate(input: DescribeRateInput): string {
  const { subject, count, population, result } = input;
  const alpha = input.alpha ?? 0.05;
  validate(count, population, result, alpha);
  const [lower, upper] = result.ci;
  const level = `${levelFormat.format((1 - alpha) * 100)}%-betrouwbaarheidsinterval`;
  const inhabitants = `${formatCount(population)} inwoners`;
  const where = input.area === undefined ? "" : `In ${input.area} `;

  if (count === 0) {
    const first =
      input.area === undefined
        ? `Er waren geen ${subject} op ${inhabitants}.`
        : `${where}waren er geen ${subject} op ${inhabitants}.`;
    return (
      `${first} Dat betekent niet dat de kans nul is: het werkelijke cijfer ligt waarschijnlijk ` +
      `onder ${formatRateNl(upper)} per 1.000 inwoners (${level}).`
    );
  }

  const perThousand = `${formatRateNl(result.rate)} per 1.000 inwoners`;
  let first: string;
  if (count === 1) {
    first =
      input.area === undefined
        ? `Het aantal ${subject} was 1 op ${inhabitants}: ${perThousand}.`
        : `${where}was het aantal ${subject} 1 op ${inhabitants}: ${perThousand}.`;
  } else {
    const counted = `${formatCount(count)} ${subject} op ${inhabitants}: ${perThousand}.`;
    first = input.area === undefined ? `Er waren ${counted}` : `${where}waren er ${counted}`;
  }
  const small = count < MIN_COUNT_FOR_PERCENT ? " Het aantal is klein, dus dit cijfer is onzeker." : "";
  const low = formatRateNl(lower);
  const high = formatRateNl(upper);
  const range = low === high ? `heel dicht bij ${low}` : `tussen ${low} en ${high}`;
  return `${first}${small} Het werkelijke cijfer ligt waarschijnlijk ${range} (${level}).`;
}

const levelFormat = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });
const smallRate = new Intl.NumberFormat("nl-NL", { maximumSignificantDigits: 2 });

/**
 * A rate per 1,000 in Dutch notation: {@link formatRate} (one decimal from 1 up, two below 1), except
 * that a rate above 0 and below 0,005 gets two significant digits ("0,0041") so it never reads "0,00".
 */
export function formatRateNl(rate: number): string {
  return rate > 0 && rate < 0.005 ? smallRate.format(rate) : formatRate(rate);
}

function validate(count: number, population: number, result: RatePer1000Result, alpha: number): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  if (!(Number.isFinite(population) && population > 0)) {
    throw new RangeError(`population must be a finite number > 0, got ${population}`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const { rate, ci } = result;
  const [lower, upper] = ci;
  if (!(Number.isFinite(rate) && Number.isFinite(lower) && Number.isFinite(upper))) {
    throw new RangeError(`rate and limits must be finite, got ${rate} [${lower}, ${upper}]`);
  }
  if (!(lower >= 0 && lower <= rate && rate <= upper)) {
    throw new RangeError(`limits must satisfy 0 <= lower <= rate <= upper, got ${rate} [${lower}, ${upper}]`);
  }
  const expected = (count / population) * 1000;
  if (Math.abs(rate - expected) > 1e-9 * Math.max(1, expected)) {
    throw new RangeError(`rate ${rate} does not match count ${count} and population ${population}`);
  }
}
