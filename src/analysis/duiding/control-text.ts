// Plain Dutch (B1) sentences for an unusual-month check (`unusualMonth`): this month's count against
// the same month in earlier years. Part of the "duiding" layer (issue 3).

import { formatCount } from "../../render/format-nl.ts";
import type { UnusualMonthResult } from "../control/unusual-month.ts";

export interface DescribeUnusualMonthInput {
  /** Plural noun for what is counted, e.g. "woninginbraken". */
  subject: string;
  /** Registrations in the month under review: the `current` given to `unusualMonth`. */
  current: number;
  /** Result of `unusualMonth` for `current`. */
  result: UnusualMonthResult;
  /** Optional label of the month, e.g. "maart 2024"; without it the text says "Deze maand". */
  month?: string;
  /**
   * Optional number of earlier years (the length of `history` given to `unusualMonth`); when given it
   * is named in the text, and a single earlier year gets a warning.
   */
  years?: number;
}

/**
 * Describes whether a month's count is unusual in plain Dutch (B1), e.g.
 * "In maart 2024 was het aantal woninginbraken 58. In dezelfde maand van de 3 jaar daarvoor was het
 * gemiddeld 40. Normaal is een aantal van 28 tot en met 53. Dit aantal is dus ongewoon hoog."
 *
 * Rules:
 * - The verdict follows `result.flag` and nothing else: "hoger" → "ongewoon hoog", "lager" →
 *   "ongewoon laag", "normaal" → "valt binnen wat normaal is" (the word "ongewoon" then does not
 *   appear). The flag must agree with `current` and the band, otherwise the input is rejected.
 * - Expected value (mean of the earlier years): a whole number in Dutch notation, with "ongeveer"
 *   when the mean is not whole ("gemiddeld ongeveer 40").
 * - Band: "Normaal is een aantal van L tot en met U." (both ends count as normal, as in
 *   `unusualMonth`); "van precies L" when L = U.
 * - No earlier years (`expected` null): no verdict, but "Er zijn geen cijfers van dezelfde maand in
 *   eerdere jaren, dus is niet te zeggen of dit aantal gewoon of ongewoon is."
 * - `years` = 1: "een jaar eerder was het 40" and a last sentence that the verdict is uncertain,
 *   because one earlier year is itself a noisy comparison. `years` ≥ 2: "van de 3 jaar daarvoor".
 *   Without `years`: "in eerdere jaren".
 *
 * Complexity: O(1).
 *
 * @throws RangeError if `current` or `years` is not a non-negative integer; if the result is not
 *   consistent: `expected` null but a band, p or flag other than "normaal"; `expected` not finite
 *   and ≥ 0; limits not integers with 0 ≤ lower ≤ upper; a flag that does not match `current` and
 *   the band; `years` 0 with an expected value or ≥ 1 without one; `years` 1 with a mean that is not
 *   a whole number.
 */
export function describeUnusualMonth(input: DescribeUnusualMonthInput): string {
  const { subject, current, result, years } = input;
  validate(input);
  const first =
    input.month === undefined
      ? `Deze maand was het aantal ${subject} ${formatCount(current)}.`
      : `In ${input.month} was het aantal ${subject} ${formatCount(current)}.`;

  const { expected, lower, upper } = result;
  if (expected === null || lower === null || upper === null) {
    return (
      `${first} Er zijn geen cijfers van dezelfde maand in eerdere jaren, ` +
      "dus is niet te zeggen of dit aantal gewoon of ongewoon is."
    );
  }

  const mean = Number.isInteger(expected) ? formatCount(expected) : `ongeveer ${formatCount(expected)}`;
  let earlier: string;
  if (years === 1) earlier = `In dezelfde maand een jaar eerder was het ${mean}.`;
  else if (years === undefined) earlier = `In dezelfde maand in eerdere jaren was het gemiddeld ${mean}.`;
  else earlier = `In dezelfde maand van de ${formatCount(years)} jaar daarvoor was het gemiddeld ${mean}.`;

  const band =
    lower === upper
      ? `Normaal is een aantal van precies ${formatCount(lower)}.`
      : `Normaal is een aantal van ${formatCount(lower)} tot en met ${formatCount(upper)}.`;

  const verdict =
    result.flag === "hoger"
      ? "Dit aantal is dus ongewoon hoog."
      : result.flag === "lager"
        ? "Dit aantal is dus ongewoon laag."
        : "Dit aantal valt binnen wat normaal is.";
  const caution =
    years === 1 ? " Er is maar één eerder jaar om mee te vergelijken, dus dit oordeel is onzeker." : "";
  return `${first} ${earlier} ${band} ${verdict}${caution}`;
}

function validate(input: DescribeUnusualMonthInput): void {
  const { current, result, years } = input;
  if (!Number.isInteger(current) || current < 0) {
    throw new RangeError(`current must be a non-negative integer, got ${current}`);
  }
  if (years !== undefined && !(Number.isInteger(years) && years >= 0)) {
    throw new RangeError(`years must be a non-negative integer, got ${years}`);
  }
  const { expected, lower, upper, flag, p } = result;
  if (expected === null) {
    if (lower !== null || upper !== null || p !== null || flag !== "normaal") {
      throw new RangeError("a result without expected value must have no band, no p and flag 'normaal'");
    }
    if (years !== undefined && years !== 0) {
      throw new RangeError(`years is ${years} but the result has no expected value`);
    }
    return;
  }
  if (!(Number.isFinite(expected) && expected >= 0)) {
    throw new RangeError(`expected must be a finite number >= 0, got ${expected}`);
  }
  if (lower === null || upper === null || !Number.isInteger(lower) || !Number.isInteger(upper)) {
    throw new RangeError(`lower and upper must be integers, got ${lower} and ${upper}`);
  }
  if (!(lower >= 0 && lower <= upper)) {
    throw new RangeError(`limits must satisfy 0 <= lower <= upper, got ${lower} and ${upper}`);
  }
  const implied = current > upper ? "hoger" : current < lower ? "lager" : "normaal";
  if (flag !== implied) {
    throw new RangeError(`flag '${flag}' does not match current ${current} and band [${lower}, ${upper}]`);
  }
  if (years === 0) throw new RangeError("years is 0 but the result has an expected value");
  if (years === 1 && !Number.isInteger(expected)) {
    throw new RangeError(`with one earlier year the expected value must be a whole number, got ${expected}`);
  }
}
