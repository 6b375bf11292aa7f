// Dutch wall-clock time for the generator, as "wall minutes": minutes since 1970-01-01 00:00 of
// the naive local time (no zone). The generator does its arithmetic on wall minutes, then makes
// sure no time falls in the hour skipped by the spring change (last Sunday of March 02:00-02:59)
// and formats times as `YYYY-MM-DD HH:MM` (no offset) or ISO 8601 with the offset.

const MINUTES_PER_DAY = 1440;

function lastSundayDay(year: number, month0: number): number {
  const last = new Date(Date.UTC(year, month0 + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

interface DstWall {
  /** First skipped wall minute (02:00 on the last Sunday of March). */
  springGap: number;
  /** First wall minute read as winter time again (03:00 on the last Sunday of October). */
  autumnEnd: number;
}

const dstCache = new Map<number, DstWall>();

function dstWall(year: number): DstWall {
  let d = dstCache.get(year);
  if (!d) {
    d = {
      springGap: Date.UTC(year, 2, lastSundayDay(year, 2), 2) / 60000,
      autumnEnd: Date.UTC(year, 9, lastSundayDay(year, 9), 3) / 60000,
    };
    dstCache.set(year, d);
  }
  return d;
}

/** Wall minute of a local date and time. */
export function wallMinute(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) / 60000;
}

let cachedYear = 1970;
let cachedStart = 0;
let cachedEnd = 0;

/** The calendar year of a wall minute. */
export function wallYear(wall: number): number {
  if (wall >= cachedStart && wall < cachedEnd) return cachedYear;
  cachedYear = new Date(wall * 60000).getUTCFullYear();
  cachedStart = Date.UTC(cachedYear, 0, 1) / 60000;
  cachedEnd = Date.UTC(cachedYear + 1, 0, 1) / 60000;
  return cachedYear;
}

let gapYear = -1;
let gapStart = 0;

/** True if the wall minute does not exist in Dutch time (skipped by the spring change). */
export function inSpringGap(wall: number): boolean {
  const year = wallYear(wall);
  if (year !== gapYear) {
    gapYear = year;
    gapStart = dstWall(year).springGap;
  }
  return wall >= gapStart && wall < gapStart + 60;
}

/** The wall minute moved out of the spring gap (one hour later) when it falls inside it. */
export function existingWall(wall: number): number {
  return inSpringGap(wall) ? wall + 60 : wall;
}

let offsetYear = -1;
let summerStart = 0;
let summerEnd = 0;

/** UTC offset in minutes (60 or 120) of an existing wall minute; the repeated autumn hour is read as summer time. */
export function wallOffsetMinutes(wall: number): number {
  const year = wallYear(wall);
  if (year !== offsetYear) {
    const d = dstWall(year);
    offsetYear = year;
    summerStart = d.springGap + 60;
    summerEnd = d.autumnEnd;
  }
  return wall >= summerStart && wall < summerEnd ? 120 : 60;
}

const pad2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const hhmm = Array.from({ length: MINUTES_PER_DAY }, (_, i) => `${pad2[Math.floor(i / 60)]}:${pad2[i % 60]}`);
const dayStrings = new Map<number, string>();

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  let s = dayStrings.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dayStrings.set(day, s);
  }
  return s;
}

/** `YYYY-MM-DD HH:MM`, Dutch local time without offset. */
export function formatWall(wall: number): string {
  const day = Math.floor(wall / MINUTES_PER_DAY);
  return `${formatDay(day)} ${hhmm[wall - day * MINUTES_PER_DAY]}`;
}

/** ISO 8601 with seconds and offset, e.g. `2024-03-02T10:15:07+01:00`. */
export function formatIsoOffset(wall: number, second: number): string {
  const day = Math.floor(wall / MINUTES_PER_DAY);
  const off = wallOffsetMinutes(wall) === 120 ? "+02:00" : "+01:00";
  return `${formatDay(day)}T${hhmm[wall - day * MINUTES_PER_DAY]}:${pad2[second]}${off}`;
}

/** Number of days in a month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
