// The period a product covers, as asked on the command line and in agreements:
// YYYY-MM (month), YYYY-Qn (quarter), YYYY-Hn (half year), YYYY (year), YYYY-Www (ISO week) or
// YYYY-MM-DD (day). Months are yyyymm numbers; weeks and days also carry their days (yyyymmdd).

import { InputError } from "../domain/errors.ts";
import { addMonths, civilFromDays, isoWeek, lastDayOf, MONTHS_NL, monthLabelNl } from "../domain/time.ts";

export type PeriodKind = "dag" | "week" | "maand" | "kwartaal" | "halfjaar" | "jaar";

/** "een maand", "een kwartaal", …, for messages. */
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  dag: "dag",
  week: "week",
  maand: "maand",
  kwartaal: "kwartaal",
  halfjaar: "halfjaar",
  jaar: "jaar",
};

export interface ProductPeriod {
  kind: PeriodKind;
  /** As written: "2024-03", "2024-Q1", "2024-H2", "2024", "2024-W12", "2024-03-05". */
  id: string;
  /** Dutch: "maart 2024", "1e kwartaal 2024", "2e halfjaar 2024", "2024", "week 12 van 2024", "5 maart 2024". */
  label: string;
  /** First and last month touched (yyyymm, inclusive). */
  from: number;
  to: number;
  /** First and last day (yyyymmdd, inclusive). */
  days: { from: number; to: number };
}

const DAY_MS = 86_400_000;
const ymd = (y: number, m: number, d: number) => y * 10000 + m * 100 + d;
const daysOf = (yyyymmdd: number) =>
  Math.floor(
    Date.UTC(Math.floor(yyyymmdd / 10000), (Math.floor(yyyymmdd / 100) % 100) - 1, yyyymmdd % 100) / DAY_MS,
  );
const fromDays = (days: number) => {
  const [y, m, d] = civilFromDays(days);
  return ymd(y, m, d);
};
function monthsPeriod(kind: PeriodKind, id: string, label: string, from: number, to: number): ProductPeriod {
  return { kind, id, label, from, to, days: { from: from * 100 + 1, to: lastDayOf(to) } };
}

/** Parses a period; throws InputError (field "--periode") with the accepted forms otherwise. */
export function parsePeriod(text: string): ProductPeriod {
  const s = text.trim().toUpperCase();
  const bad = () =>
    new InputError(
      `periode "${text}" klopt niet: gebruik JJJJ-MM (maand), JJJJ-Qn (kwartaal), JJJJ-Hn (halfjaar), JJJJ (jaar), JJJJ-Www (week) of JJJJ-MM-DD (dag)`,
      "--periode",
    );
  const year = s.match(/^(\d{4})$/);
  if (year) {
    const y = Number(year[1]);
    return monthsPeriod("jaar", s, String(y), y * 100 + 1, y * 100 + 12);
  }
  const month = s.match(/^(\d{4})-(\d{2})$/);
  if (month) {
    const y = Number(month[1]);
    const mo = Number(month[2]);
    if (mo < 1 || mo > 12) throw bad();
    return monthsPeriod("maand", s, monthLabelNl(y * 100 + mo), y * 100 + mo, y * 100 + mo);
  }
  const quarter = s.match(/^(\d{4})-Q([1-4])$/);
  if (quarter) {
    const y = Number(quarter[1]);
    const q = Number(quarter[2]);
    return monthsPeriod("kwartaal", s, `${q}e kwartaal ${y}`, y * 100 + 3 * q - 2, y * 100 + 3 * q);
  }
  const half = s.match(/^(\d{4})-H([12])$/);
  if (half) {
    const y = Number(half[1]);
    const h = Number(half[2]);
    return monthsPeriod("halfjaar", s, `${h}e halfjaar ${y}`, y * 100 + 6 * h - 5, y * 100 + 6 * h);
  }
  const week = s.match(/^(\d{4})-W(\d{2})$/);
  if (week) {
    const y = Number(week[1]);
    const w = Number(week[2]);
    // The Monday of week 1 is the Monday on or before 4 January.
    const jan4 = daysOf(ymd(y, 1, 4));
    const monday = jan4 - ((((jan4 + 3) % 7) + 7) % 7) + (w - 1) * 7;
    const first = fromDays(monday);
    if (
      w < 1 ||
      isoWeek(Math.floor(first / 10000), Math.floor(first / 100) % 100, first % 100) !== y * 100 + w
    )
      throw bad();
    const last = fromDays(monday + 6);
    return {
      kind: "week",
      id: `${y}-W${String(w).padStart(2, "0")}`,
      label: `week ${w} van ${y}`,
      from: Math.floor(first / 100),
      to: Math.floor(last / 100),
      days: { from: first, to: last },
    };
  }
  const day = s.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (day) {
    const [y, mo, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > lastDayOf(y * 100 + mo) % 100) throw bad();
    const date = ymd(y, mo, d);
    return {
      kind: "dag",
      id: s,
      label: `${d} ${MONTHS_NL[mo - 1]} ${y}`,
      from: y * 100 + mo,
      to: y * 100 + mo,
      days: { from: date, to: date },
    };
  }
  throw bad();
}

/** The same period one year earlier (for comparisons). */
export function previousYearPeriod(p: ProductPeriod): ProductPeriod {
  const y = Number(p.id.slice(0, 4)) - 1;
  if (p.kind === "week" && p.id.endsWith("W53")) return parsePeriod(`${y}-W52`);
  // 29 February compares with 28 February.
  if (p.kind === "dag" && p.id.endsWith("-02-29")) return parsePeriod(`${y}-02-28`);
  return parsePeriod(`${y}${p.id.slice(4)}`);
}

/** The period of this kind that ended last before `now` (Europe/Amsterdam month `currentMonth`). */
export function lastCompletePeriod(
  kind: "maand" | "kwartaal" | "halfjaar" | "jaar",
  currentMonth: number,
): ProductPeriod {
  const last = addMonths(currentMonth, -1);
  const y = Math.floor(last / 100);
  const mo = last % 100;
  const pad = (n: number) => String(n).padStart(2, "0");
  switch (kind) {
    case "maand":
      return parsePeriod(`${y}-${pad(mo)}`);
    case "kwartaal":
      return mo % 3 === 0
        ? parsePeriod(`${y}-Q${mo / 3}`)
        : lastCompletePeriod(kind, addMonths(currentMonth, -1));
    case "halfjaar":
      return mo % 6 === 0
        ? parsePeriod(`${y}-H${mo / 6}`)
        : lastCompletePeriod(kind, addMonths(currentMonth, -1));
    case "jaar":
      return mo === 12 ? parsePeriod(`${y}`) : lastCompletePeriod(kind, addMonths(currentMonth, -1));
  }
}

/** Months of a period, in order. */
export function periodMonths(p: Pick<ProductPeriod, "from" | "to">): number[] {
  const out: number[] = [];
  for (let m = p.from; m <= p.to; m = addMonths(m, 1)) out.push(m);
  return out;
}
