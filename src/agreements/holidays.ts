// Public holidays as data (config/feestdagen.json): the days that do not count as working days for
// the delivery day of agreements (see calendar.ts nthWorkingDayAfter). A holiday is either on a
// fixed date each year (with an optional other date for when that date is a Sunday) or a number of
// days after Easter Sunday. Local configuration for the beheerder, not law text.

import { z } from "zod";
import { DEFAULT_CONFIG_DIR, readConfigFile } from "../disclosure/config-file.ts";
import { addDays, type HolidayPredicate, isIsoDate, weekday } from "./calendar.ts";

/** "MM-DD", a date that exists in some year (29 February included). */
const monthDay = z.string().refine((s) => /^\d{2}-\d{2}$/.test(s) && isIsoDate(`2000-${s}`), {
  message: "schrijf een bestaande datum als MM-DD, bijvoorbeeld 12-25",
});
const name = z.string().trim().min(1);

const file = z
  .object({
    versie: z.string().min(1),
    toelichting: z.string().optional(),
    vast: z.array(z.object({ naam: name, datum: monthDay, opZondag: monthDay.optional() }).strict()),
    naPaaszondag: z.array(
      z
        .object({
          naam: name,
          dagen: z
            .number()
            .int("schrijf een heel aantal dagen")
            .min(-60, "schrijf een aantal dagen van -60 tot 200")
            .max(200, "schrijf een aantal dagen van -60 tot 200"),
        })
        .strict(),
    ),
  })
  .strict();

/** A holiday on the same date each year. */
export interface FixedHoliday {
  name: string;
  /** "MM-DD". */
  date: string;
  /** "MM-DD": the holiday's date instead, in a year when `date` is a Sunday. */
  onSunday?: string;
}

/**
 * A holiday a number of days after Easter Sunday (negative: before). Easter Sunday is between 22
 * March and 25 April, so -60 to 200 days always stays in the same year.
 */
export interface EasterHoliday {
  name: string;
  daysAfterEaster: number;
}

export interface HolidayConfig {
  version: string;
  fixed: readonly FixedHoliday[];
  easter: readonly EasterHoliday[];
}

/** Reads and checks config/feestdagen.json from `dir` (default: the shipped config/). */
export function loadHolidayConfig(dir: string = DEFAULT_CONFIG_DIR): HolidayConfig {
  const { data } = readConfigFile(dir, "feestdagen.json", file);
  return {
    version: data.versie,
    fixed: data.vast.map((h) => ({
      name: h.naam,
      date: h.datum,
      ...(h.opZondag ? { onSunday: h.opZondag } : {}),
    })),
    easter: data.naPaaszondag.map((h) => ({ name: h.naam, daysAfterEaster: h.dagen })),
  };
}

/** Easter Sunday of a Gregorian year as yyyymmdd (the anonymous algorithm, as given by Meeus). */
export function easterSunday(year: number): number {
  if (!Number.isInteger(year) || year < 1583) {
    throw new RangeError(`easterSunday: ${year} is not a Gregorian year`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return year * 10000 + month * 100 + day;
}

/** "MM-DD" in `year` as yyyymmdd; null when that date does not exist then (29 February). */
function dayIn(year: number, monthDay: string): number | null {
  return isIsoDate(`${year}-${monthDay}`) ? year * 10000 + Number(monthDay.replace("-", "")) : null;
}

/** The holidays of `year` (yyyymmdd). */
export function holidaysOf(year: number, config: HolidayConfig): Set<number> {
  const out = new Set<number>();
  for (const h of config.fixed) {
    const day = dayIn(year, h.date);
    if (day === null) continue;
    const moved = h.onSunday && weekday(day) === 7 ? dayIn(year, h.onSunday) : day;
    if (moved !== null) out.add(moved);
  }
  const easter = easterSunday(year);
  for (const h of config.easter) out.add(addDays(easter, h.daysAfterEaster));
  return out;
}

/** Whether a day (yyyymmdd) is a holiday under `config`; each year is worked out once. */
export function isHoliday(config: HolidayConfig): HolidayPredicate {
  const byYear = new Map<number, Set<number>>();
  return (yyyymmdd) => {
    const year = Math.floor(yyyymmdd / 10000);
    let days = byYear.get(year);
    if (!days) {
      days = holidaysOf(year, config);
      byYear.set(year, days);
    }
    return days.has(yyyymmdd);
  };
}
