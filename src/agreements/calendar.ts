// Calendar days for agreements: dates as yyyymmdd numbers in Dutch local time (Europe/Amsterdam),
// ISO dates ("2026-11-05") as written in agreement files, and working days (Monday to Friday, not
// a public holiday: which days are holidays is data, config/feestdagen.json, see holidays.ts).

import { civilFromDays, localBuckets, MONTHS_NL } from "../domain/time.ts";

const DAY_MS = 86_400_000;

/** Today in Dutch local time as yyyymmdd (so 2026-10-31T23:30Z is 20261101). */
export function localToday(now: Date): number {
  return localBuckets(now.getTime()).day;
}

/** yyyymmdd → days since 1970-01-01. */
export function dayNumber(yyyymmdd: number): number {
  const y = Math.floor(yyyymmdd / 10000);
  const m = Math.floor(yyyymmdd / 100) % 100;
  const d = yyyymmdd % 100;
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Days since 1970-01-01 → yyyymmdd. */
export function fromDayNumber(days: number): number {
  const [y, m, d] = civilFromDays(days);
  return y * 10000 + m * 100 + d;
}

export function addDays(yyyymmdd: number, n: number): number {
  return fromDayNumber(dayNumber(yyyymmdd) + n);
}

/** Number of days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: number, b: number): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(yyyymmdd: number): number {
  return ((((dayNumber(yyyymmdd) + 3) % 7) + 7) % 7) + 1;
}

/** Whether a day (yyyymmdd) is a public holiday. */
export type HolidayPredicate = (yyyymmdd: number) => boolean;

/**
 * The n-th working day after `yyyymmdd`; n ≥ 1. A working day is Monday to Friday and not a day
 * for which `isHoliday` is true (without it, every weekday counts).
 */
export function nthWorkingDayAfter(yyyymmdd: number, n: number, isHoliday?: HolidayPredicate): number {
  let day = yyyymmdd;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (weekday(day) <= 5 && !isHoliday?.(day)) left--;
  }
  return day;
}

/** "2026-11-05" → 20261105 (the text is assumed valid: see isIsoDate). */
export function isoDateToDay(text: string): number {
  return Number(text.replaceAll("-", ""));
}

/** 20261105 → "2026-11-05". */
export function dayToIsoDate(yyyymmdd: number): string {
  const s = String(yyyymmdd);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** Whether `text` is a real calendar date written as JJJJ-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const day = Number(`${m[1]}${m[2]}${m[3]}`);
  return fromDayNumber(dayNumber(day)) === day && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** 20261105 → "5 november 2026". */
export function dayLabelNl(yyyymmdd: number): string {
  const s = String(yyyymmdd);
  return `${Number(s.slice(6, 8))} ${MONTHS_NL[Number(s.slice(4, 6)) - 1]} ${s.slice(0, 4)}`;
}
