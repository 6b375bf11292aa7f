// Plain Dutch (B1) sentence for a change between two counts, with an honest statement about
// statistical significance. Part of the "duiding" layer (issue 3).

import { formatCount, formatPercentChange } from "../../render/format-nl.ts";

/** Both counts must be at least this large before a percentage change is shown. */
export const MIN_COUNT_FOR_PERCENT = 20;

export interface DescribeChangeInput {
  /** Plural noun for what is counted, e.g. "woninginbraken". */
  subject: string;
  /** Count in the earlier period (non-negative integer). */
  before: number;
  /** Count in the later period (non-negative integer). */
  after: number;
  /**
   * Result of a test of the same comparison (e.g. `poissonRateTest`), or null when no test was
   * done. Only `pTwoSided` is used; it must be in [0, 1]. The test must compare the same two
   * periods, so that a significant result supports the direction of the change in the counts.
   */
  test: { pTwoSided: number } | null;
  /** Significance level in (0, 1); default 0.05. Significant means `pTwoSided < alpha`. */
  alpha?: number;
  /** Optional label of the earlier period, e.g. "2023": "van 41 in 2023 naar …". */
  periodBefore?: string;
  /** Optional label of the later period, e.g. "2024". */
  periodAfter?: string;
}

/**
 * Describes a change in a count in plain Dutch (B1), e.g.
 * "Het aantal woninginbraken steeg van 41 naar 58 (+41%). Die stijging is statistisch significant."
 *
 * Rules:
 * - Numbers in Dutch notation ("12.345").
 * - Direction: "steeg" / "daalde" / "bleef gelijk" (equal counts).
 * - A percentage (whole percent, with sign, half away from zero) only when both counts are at
 *   least {@link MIN_COUNT_FOR_PERCENT}; so never from zero and never on small numbers. A change
 *   that rounds to 0% is shown as "(minder dan 1%)".
 * - Significance: `pTwoSided < alpha` → "Die stijging/daling is statistisch significant.";
 *   otherwise → "Die stijging/daling kan toeval zijn." — the word "significant" then does not
 *   appear at all. No test → nothing is said about significance. Equal counts → nothing is said
 *   about significance either (there is no change to qualify).
 *
 * Complexity: O(1).
 *
 * @throws RangeError if a count is not a non-negative integer, `alpha` is not in (0, 1), or
 *   `pTwoSided` is not in [0, 1] (NaN included).
 */
export function describeChange(input: DescribeChangeInput): string {
  const { subject, before, after, test } = input;
  const alpha = input.alpha ?? 0.05;
  assertCount("before", before);
  assertCount("after", after);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (test !== null && !(test.pTwoSided >= 0 && test.pTwoSided <= 1)) {
    throw new RangeError(`pTwoSided must be in [0, 1], got ${test.pTwoSided}`);
  }

  const from = withPeriod(formatCount(before), input.periodBefore);
  const to = withPeriod(formatCount(after), input.periodAfter);

  if (before === after) {
    if (input.periodBefore === undefined && input.periodAfter === undefined) {
      return `Het aantal ${subject} bleef gelijk op ${formatCount(after)}.`;
    }
    return `Het aantal ${subject} bleef gelijk: ${from} en ${to}.`;
  }

  const rising = after > before;
  const verb = rising ? "steeg" : "daalde";
  const percent = percentPart(before, after);
  const first = `Het aantal ${subject} ${verb} van ${from} naar ${to}${percent}.`;
  if (test === null) return first;

  const noun = rising ? "stijging" : "daling";
  const second =
    test.pTwoSided < alpha ? `Die ${noun} is statistisch significant.` : `Die ${noun} kan toeval zijn.`;
  return `${first} ${second}`;
}

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

function withPeriod(count: string, period: string | undefined): string {
  return period === undefined ? count : `${count} in ${period}`;
}

/** " (+41%)", " (minder dan 1%)" or "" when a count is too small for a percentage. */
function percentPart(before: number, after: number): string {
  if (before < MIN_COUNT_FOR_PERCENT || after < MIN_COUNT_FOR_PERCENT) return "";
  // Multiply before dividing: for whole counts the numerator is exact, so exact halves
  // (e.g. 12.5%) stay exact and round away from zero as intended.
  const percent = ((after - before) * 100) / before;
  const rounded = Math.sign(percent) * Math.round(Math.abs(percent));
  if (rounded === 0) return " (minder dan 1%)";
  return ` (${formatPercentChange(rounded)})`;
}
