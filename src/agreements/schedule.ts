// When agreed products are due. A product of an item is due for a recipient and a period when the
// period is complete, its delivery day (the n-th working day after the period, see agreement.ts;
// public holidays do not count when a holiday predicate is given, see holidays.ts) has come, that
// day is not before the agreement's geldigVanaf, and it was not delivered yet.
// Normally that is the last complete period of the item's cadence. When the scheduler did not run
// on a delivery day it catches up: periods whose delivery day lies at most CATCH_UP_DAYS back are
// still delivered (a weekend's daily reports on Monday, a month after a server was down); older
// ones are not sent automatically (`driehoek product` makes them on request). Pure; days are
// Dutch local days, so a run at 00:30 on 1 November (23:30 UTC on 31 October) sees October as
// complete.

import { isoWeek } from "../domain/time.ts";
import {
  lastCompletePeriod,
  type PeriodKind,
  type ProductPeriod,
  parsePeriod,
} from "../products/product-period.ts";
import type { Agreement, AgreementItem } from "./agreement.ts";
import { periodKindOf } from "./cadence.ts";
import {
  addDays,
  daysBetween,
  dayToIsoDate,
  type HolidayPredicate,
  isoDateToDay,
  localToday,
  nthWorkingDayAfter,
} from "./calendar.ts";

/** How far back (in days from today) a missed delivery day is still caught up. */
export const CATCH_UP_DAYS = 31;

export interface DueDelivery {
  /** See deliveryKey. */
  key: string;
  gemeente: string;
  /** Position of the item in the agreement's producten. */
  itemIndex: number;
  item: AgreementItem;
  recipient: string;
  period: ProductPeriod;
  /** The agreed delivery day (yyyymmdd). */
  deliveryDay: number;
}

/** What makes a delivery one: the same key is never delivered twice. */
export function deliveryKey(d: {
  gemeente: string;
  product: string;
  area: string;
  period: string;
  recipient: string;
}): string {
  return `${d.gemeente}|${d.product}|${d.area}|${d.period}|${d.recipient}`;
}

function weekOf(yyyymmdd: number): ProductPeriod {
  const w = isoWeek(Math.floor(yyyymmdd / 10000), Math.floor(yyyymmdd / 100) % 100, yyyymmdd % 100);
  return parsePeriod(`${Math.floor(w / 100)}-W${String(w % 100).padStart(2, "0")}`);
}

/** The last period of this kind that ended before `today` (yyyymmdd). */
export function lastCompleteOf(kind: PeriodKind, today: number): ProductPeriod {
  switch (kind) {
    case "dag":
      return parsePeriod(dayToIsoDate(addDays(today, -1)));
    case "week":
      return weekOf(addDays(today, -7));
    default:
      return lastCompletePeriod(kind, Math.floor(today / 100));
  }
}

/** The period of the same kind just before `p`. */
export function periodBefore(p: ProductPeriod): ProductPeriod {
  switch (p.kind) {
    case "dag":
      return parsePeriod(dayToIsoDate(addDays(p.days.from, -1)));
    case "week":
      return weekOf(addDays(p.days.from, -7));
    default:
      return lastCompletePeriod(p.kind, p.from);
  }
}

/** The agreed delivery day of a period (yyyymmdd); days for which `isHoliday` is true do not count. */
export function deliveryDayOf(
  item: Pick<AgreementItem, "dagVanLevering">,
  p: ProductPeriod,
  isHoliday?: HolidayPredicate,
): number {
  return nthWorkingDayAfter(p.days.to, item.dagVanLevering, isHoliday);
}

/** The periods of an item due by `today` (oldest first), with their delivery days. */
function duePeriods(
  item: AgreementItem,
  from: number,
  today: number,
  isHoliday?: HolidayPredicate,
): { period: ProductPeriod; day: number }[] {
  const kind = periodKindOf(item.cadans);
  if (!kind) return [];
  const out: { period: ProductPeriod; day: number }[] = [];
  let p = lastCompleteOf(kind, today);
  // Delivery days only get earlier going back, so the walk ends at the first one too old.
  for (let guard = 0; guard < 1000; guard++) {
    const day = deliveryDayOf(item, p, isHoliday);
    if (day < from || daysBetween(day, today) >= CATCH_UP_DAYS) break;
    if (day <= today) out.push({ period: p, day });
    p = periodBefore(p);
  }
  return out.reverse();
}

/**
 * Every (agreement item, recipient, period) due at `now` and not in `alreadyDelivered` (keys).
 * `isHoliday`: the public holidays, which are not working days (without it, every weekday counts).
 */
export function dueDeliveries(
  agreements: readonly Agreement[],
  alreadyDelivered: ReadonlySet<string>,
  now: Date,
  opts: { isHoliday?: HolidayPredicate } = {},
): DueDelivery[] {
  const today = localToday(now);
  const due: DueDelivery[] = [];
  for (const a of agreements) {
    const from = isoDateToDay(a.geldigVanaf);
    a.producten.forEach((item, itemIndex) => {
      for (const { period, day } of duePeriods(item, from, today, opts.isHoliday)) {
        for (const recipient of item.ontvangers) {
          const key = deliveryKey({
            gemeente: a.gemeente,
            product: item.product,
            area: item.gebied,
            period: period.id,
            recipient,
          });
          if (alreadyDelivered.has(key)) continue;
          due.push({ key, gemeente: a.gemeente, itemIndex, item, recipient, period, deliveryDay: day });
        }
      }
    });
  }
  return due;
}
