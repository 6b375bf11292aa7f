// Time in Europe/Amsterdam: stored in UTC, bucketed in Dutch local time (DESIGN.md §5).
// The EU summer-time rule (since 1996: last Sunday of March 01:00 UTC to last Sunday of October
// 01:00 UTC) is computed directly because ingest converts millions of times; years before 1996
// go through Intl. time.test.ts checks both against Intl for every hour of several years.

import type { LocalBuckets } from "./registration.ts";

const HOUR = 3_600_000;

function lastSundayUtc(year: number, month0: number): number {
  const lastDay = new Date(Date.UTC(year, month0 + 1, 0));
  return Date.UTC(year, month0, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

const summerCache = new Map<number, [number, number]>();
function summerTime(year: number): [number, number] {
  let s = summerCache.get(year);
  if (!s) {
    s = [lastSundayUtc(year, 2), lastSundayUtc(year, 9)];
    summerCache.set(year, s);
  }
  return s;
}

const intlParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

// The summer-time window of the year last asked for: most calls in a load fall in the same year.
let cachedYearStart = 0;
let cachedYearEnd = -1;
let cachedSummer: [number, number] = [0, 0];

/** Offset of Dutch local time from UTC, in ms, at the UTC instant `utcMs`. */
export function amsterdamOffset(utcMs: number): number {
  if (utcMs >= cachedYearStart && utcMs < cachedYearEnd) {
    return utcMs >= cachedSummer[0] && utcMs < cachedSummer[1] ? 2 * HOUR : HOUR;
  }
  const year = new Date(utcMs).getUTCFullYear();
  if (year >= 1996) {
    cachedYearStart = Date.UTC(year, 0, 1);
    cachedYearEnd = Date.UTC(year + 1, 0, 1);
    cachedSummer = summerTime(year);
    return utcMs >= cachedSummer[0] && utcMs < cachedSummer[1] ? 2 * HOUR : HOUR;
  }
  const p = Object.fromEntries(intlParts.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
}

export type WallTimeResult =
  | { ok: true; utcMs: number; ambiguous: boolean }
  | { ok: false; reason: "bestaat-niet" };

/**
 * Dutch wall-clock time -> UTC. A time skipped by the spring change does not exist; a time
 * repeated in autumn is read as its first occurrence (summer time) and flagged ambiguous.
 */
export function amsterdamToUtc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): WallTimeResult {
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  const summer = naive - 2 * HOUR;
  const winter = naive - HOUR;
  const summerOk = amsterdamOffset(summer) === 2 * HOUR;
  const winterOk = amsterdamOffset(winter) === HOUR;
  if (summerOk) return { ok: true, utcMs: summer, ambiguous: winterOk };
  if (winterOk) return { ok: true, utcMs: winter, ambiguous: false };
  // Before 1996 offsets other than +1/+2 occurred (e.g. 1940-1945 war time): ask Intl.
  for (const off of [HOUR * 0, HOUR * 3, HOUR * 1.3333333]) {
    const t = naive - off;
    if (amsterdamOffset(t) === off) return { ok: true, utcMs: t, ambiguous: false };
  }
  return { ok: false, reason: "bestaat-niet" };
}

const DAY = 86_400_000;

/** Days since 1970-01-01 -> [year, month 1-12, day] (proleptic Gregorian; H. Hinnant's algorithm). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** ISO 8601 week as yyyyww for a calendar date. */
export function isoWeek(year: number, month: number, day: number): number {
  const days = Math.floor(Date.UTC(year, month - 1, day) / DAY);
  const weekday = ((((days + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (4)
  const thursday = days + 4 - weekday; // the Thursday of this week decides the year
  const [weekYear] = civilFromDays(thursday);
  const week = Math.floor((thursday - Math.floor(Date.UTC(weekYear, 0, 1) / DAY)) / 7) + 1;
  return weekYear * 100 + week;
}

/** Local Dutch buckets (date, month, year, hour, weekday, ISO week) of a UTC instant. */
export function localBuckets(utcMs: number): LocalBuckets {
  const local = utcMs + amsterdamOffset(utcMs);
  const days = Math.floor(local / DAY);
  const [year, month, day] = civilFromDays(days);
  const weekday = ((((days + 3) % 7) + 7) % 7) + 1;
  const thursday = days + 4 - weekday;
  const [weekYear] = civilFromDays(thursday);
  const week = Math.floor((thursday - Math.floor(Date.UTC(weekYear, 0, 1) / DAY)) / 7) + 1;
  return {
    day: year * 10000 + month * 100 + day,
    month: year * 100 + month,
    year,
    hour: Math.floor((local - days * DAY) / HOUR),
    weekday,
    isoWeek: weekYear * 100 + week,
  };
}

/** yyyymm plus n months (n may be negative). */
export function addMonths(yyyymm: number, n: number): number {
  const total = Math.floor(yyyymm / 100) * 12 + ((yyyymm % 100) - 1) + n;
  return Math.floor(total / 12) * 100 + (total % 12) + 1;
}

/** Dutch month names, lower case, January first. */
export const MONTHS_NL = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

/** "maart 2024" */
export function monthLabelNl(yyyymm: number): string {
  return `${MONTHS_NL[(yyyymm % 100) - 1]} ${Math.floor(yyyymm / 100)}`;
}

/** The month (yyyymm) that `now` falls in, in Dutch local time. */
export function currentMonth(now: Date): number {
  return localBuckets(now.getTime()).month;
}

/** The last month that is over (Dutch local time): the default month of the monthly figures. */
export function lastCompleteMonth(now: Date): number {
  return addMonths(currentMonth(now), -1);
}

/** The last day (yyyymmdd) of month yyyymm. */
export function lastDayOf(yyyymm: number): number {
  return yyyymm * 100 + new Date(Date.UTC(Math.floor(yyyymm / 100), yyyymm % 100, 0)).getUTCDate();
}
