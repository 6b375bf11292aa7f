import { localBuckets } from "../../domain/time.ts";

/**
 * Weekday × hour pattern of registrations in Dutch local time (Europe/Amsterdam).
 *
 * Returns a 7 × 24 matrix `m` where `m[d][h]` counts the instants whose local weekday is d
 * (0 = Monday ... 6 = Sunday, ISO order) and local hour is h (0-23). Local time comes from
 * `localBuckets` in src/domain/time.ts, so summer time is honoured: on the last Sunday of March the
 * hour 02:00-03:00 does not exist and stays empty for that day, and on the last Sunday of October
 * the hour 02:00-03:00 occurs twice and collects the registrations of both.
 *
 * Assumptions: instants are UTC epoch milliseconds of the moment a registration refers to (e.g.
 * start of the incident); what to do with unknown or imprecise times is the caller's business.
 * Complexity: O(n) for n instants, O(1) extra memory besides the 168 cells.
 *
 * @throws RangeError for an instant that is not a finite number.
 */
export function timePattern(instantsUtcMs: number[]): number[][] {
  const m = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const t of instantsUtcMs) {
    if (!Number.isFinite(t)) throw new RangeError(`instant must be a finite number, got ${t}`);
    const { weekday, hour } = localBuckets(t);
    const row = m[weekday - 1];
    if (row) row[hour] = (row[hour] ?? 0) + 1;
  }
  return m;
}
