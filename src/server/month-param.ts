// The `maand` query parameter (YYYY-MM) and the default month of the monthly figures.

import { addMonths, localBuckets } from "../domain/time.ts";

/** "2024-03" -> 202403; null for anything else (including month 00 or 13). */
export function parseMonthParam(value: string): number | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900) return null;
  return year * 100 + Number(m[2]);
}

/** The month (yyyymm) that `now` falls in, in Dutch local time. */
export function currentMonth(now: Date): number {
  return localBuckets(now.getTime()).month;
}

/** The last month that is over (Dutch local time): the default month of the monthly figures. */
export function lastCompleteMonth(now: Date): number {
  return addMonths(currentMonth(now), -1);
}
