// Whether changes between two periods are clear (more than chance), for a whole table at once:
// an exact conditional test of two Poisson counts per row (equal exposure: the same area over
// periods of equal length), then Benjamini–Hochberg over the rows, so that among the changes
// called clear at most about 5% are chance on average, however many types the table has.

import { benjaminiHochbergCutoff } from "../../analysis/hotspots/fdr.ts";
import { poissonRateTest } from "../../analysis/poisson-rate/poisson-rate-test.ts";

/** False discovery rate for "clear" changes in a table. */
export const CHANGE_FDR = 0.05;

export interface ChangeTest {
  /** Two-sided p-value of the exact test, uncorrected. */
  p: number;
  /** Clear after correcting for the number of rows tested. */
  clear: boolean;
  /** 1 more, −1 fewer, 0 equal. */
  direction: -1 | 0 | 1;
}

/** The exact tests by counts, kept (pure, and the same pairs come back on every page view). */
const kept = new Map<string, ReturnType<typeof poissonRateTest>>();
const MAX_KEPT = 100_000;

/** The exact conditional test of two counts over periods of equal length (kept once made). */
export function exactChangeTest(current: number, previous: number): ReturnType<typeof poissonRateTest> {
  const key = `${current},${previous}`;
  let t = kept.get(key);
  if (t === undefined) {
    t = Object.freeze(
      poissonRateTest({ count1: current, exposure1: 1, count2: previous, exposure2: 1, method: "exact" }),
    );
    if (kept.size >= MAX_KEPT) kept.clear();
    kept.set(key, t);
  }
  return t;
}

/** One test per pair; null where a count is withheld or both are 0 (nothing to test). */
export function testChanges(
  pairs: readonly { current: number | null; previous: number | null }[],
  q = CHANGE_FDR,
): (ChangeTest | null)[] {
  const p = pairs.map(({ current, previous }) =>
    current === null || previous === null || current + previous === 0
      ? null
      : exactChangeTest(current, previous).pTwoSided,
  );
  const tested = p.filter((x): x is number => x !== null);
  const cutoff = tested.length > 0 ? benjaminiHochbergCutoff(tested, q) : Number.NEGATIVE_INFINITY;
  return pairs.map(({ current, previous }, i) => {
    const pi = p[i];
    if (pi === null || pi === undefined || current === null || previous === null) return null;
    const direction = current > previous ? 1 : current < previous ? -1 : 0;
    return { p: pi, clear: direction !== 0 && pi <= cutoff, direction };
  });
}

/** The verdict in a table cell: "duidelijk meer", "duidelijk minder", "geen duidelijke verandering". */
export function changeVerdict(t: ChangeTest | null): string | null {
  if (!t) return null;
  if (!t.clear) return "geen duidelijke verandering";
  return t.direction > 0 ? "duidelijk meer" : "duidelijk minder";
}
