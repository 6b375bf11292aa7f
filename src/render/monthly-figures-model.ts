// The view model of the monthly figures of one gemeente: pure numbers, no markup.
// This month vs the same month last year, year-to-date vs last year, the last 12 months and the
// rate per 1,000 inhabitants, per INP level-3 type grouped under levels 1 and 2.
// Significance testing comes later: nothing here says whether a change is "real".

import { SHOW_ALL, type Shown } from "../disclosure/table-protection/monthly-counts-protection.ts";
import { compareInpCodes, inpPath } from "../domain/inp-tree.ts";
import { addMonths } from "../domain/time.ts";
import type { MonthlyCount } from "../store/store.ts";

/** Below this count (in either period) a percentage change says little, so none is given. */
export const MIN_COUNT_FOR_PERCENT = 20;
/** How many types the "most frequent this month" chart shows. */
export const TOP_TYPES = 10;

export interface AreaInfo {
  code: string;
  name: string;
  population: number | null;
  populationYear?: number | null;
}

/** A count, or null where table protection withholds it. */
export type Count = number | null;

export interface Comparison {
  current: Count;
  previous: Count;
  /** current - previous; null when either is withheld. */
  difference: number | null;
  /** Change in percent of `previous`; null when either count is below MIN_COUNT_FOR_PERCENT. */
  percent: number | null;
}

export interface TypeFigures {
  /** INP level-3 code, or the delivered code when it is not in the INP tree. */
  code: string;
  label: string;
  month: Comparison;
  yearToDate: Comparison;
  /** Total of the 12 months ending with the chosen month. */
  last12Months: Count;
  /** last12Months / population × 1000; null when the population is unknown or the count withheld. */
  per1000: number | null;
}

export interface Level2Group {
  code: string;
  label: string;
  types: TypeFigures[];
}

export interface Level1Group {
  code: string;
  label: string;
  groups: Level2Group[];
}

export interface MonthTotal {
  /** 1-12 */
  monthNumber: number;
  /** Null for months of this year after the chosen month (not counted yet), or withheld. */
  current: Count;
  /** Null when withheld. */
  previous: Count;
}

export interface TopType {
  code: string;
  label: string;
  current: number;
  previous: Count;
}

/** Inclusive yyyymm ranges behind the columns. */
export interface Periods {
  month: number;
  previousMonth: number;
  yearToDate: { from: number; to: number };
  previousYearToDate: { from: number; to: number };
  last12Months: { from: number; to: number };
  /** The months the figures need from the store: from January last year up to the chosen month. */
  needed: { from: number; to: number };
}

export interface MonthlyFigures {
  area: AreaInfo;
  periods: Periods;
  year: number;
  previousYear: number;
  groups: Level1Group[];
  total: TypeFigures;
  /** Total per calendar month, this year vs last year (chart 1). */
  perMonth: MonthTotal[];
  /** The most frequent types this month, with the same month last year (chart 2). */
  top: TopType[];
  /** False when no registration at all falls in the needed months. */
  hasData: boolean;
  /** True when table protection withheld at least one count. */
  withheld: boolean;
}

export type { Shown } from "../disclosure/table-protection/monthly-counts-protection.ts";

/** The months the figures for `month` (yyyymm) need; the query range for the store. */
export function monthlyFiguresPeriods(month: number): Periods {
  const year = Math.floor(month / 100);
  const yearToDate = { from: year * 100 + 1, to: month };
  const previousYearToDate = { from: (year - 1) * 100 + 1, to: month - 100 };
  const last12Months = { from: addMonths(month, -11), to: month };
  return {
    month,
    previousMonth: month - 100,
    yearToDate,
    previousYearToDate,
    last12Months,
    needed: { from: Math.min(previousYearToDate.from, last12Months.from), to: month },
  };
}

/** Builds the comparison of two counts, with a percentage only for large enough counts. */
export function compare(current: Count, previous: Count): Comparison {
  if (current === null || previous === null) return { current, previous, difference: null, percent: null };
  const percent =
    current >= MIN_COUNT_FOR_PERCENT && previous >= MIN_COUNT_FOR_PERCENT
      ? ((current - previous) / previous) * 100
      : null;
  return { current, previous, difference: current - previous, percent };
}

type Sums = Map<number, number>;

function sumRange(byMonth: Sums | undefined, from: number, to: number): number {
  if (!byMonth) return 0;
  let total = 0;
  for (const [month, count] of byMonth) if (month >= from && month <= to) total += count;
  return total;
}

function typeFigures(
  code: string,
  label: string,
  byMonth: Sums | undefined,
  p: Periods,
  population: number | null,
  shown: Shown,
): TypeFigures {
  const count = (from: number, to: number): Count =>
    shown(code, from, to) ? sumRange(byMonth, from, to) : null;
  const last12Months = count(p.last12Months.from, p.last12Months.to);
  return {
    code,
    label,
    month: compare(count(p.month, p.month), count(p.previousMonth, p.previousMonth)),
    yearToDate: compare(
      count(p.yearToDate.from, p.yearToDate.to),
      count(p.previousYearToDate.from, p.previousYearToDate.to),
    ),
    last12Months,
    per1000:
      last12Months !== null && population && population > 0 ? (last12Months / population) * 1000 : null,
  };
}

const UNCLASSIFIED = { code: "onbekend", label: "Niet ingedeeld" };

/** Builds the monthly figures for `area` and `month` (yyyymm) from the store's rows. */
export function buildMonthlyFigures(
  area: AreaInfo,
  month: number,
  rows: readonly MonthlyCount[],
  shown: Shown = SHOW_ALL,
): MonthlyFigures {
  const periods = monthlyFiguresPeriods(month);
  const { from, to } = periods.needed;

  // Counts per type and month within the needed months (duplicate rows add up).
  const byType = new Map<string, Sums>();
  const allTypes: Sums = new Map();
  for (const row of rows) {
    if (row.month < from || row.month > to || row.count === 0) continue;
    const code = row.inpCode.trim();
    let sums = byType.get(code);
    if (!sums) {
      sums = new Map();
      byType.set(code, sums);
    }
    sums.set(row.month, (sums.get(row.month) ?? 0) + row.count);
    allTypes.set(row.month, (allTypes.get(row.month) ?? 0) + row.count);
  }

  const population = area.population;
  const groups: Level1Group[] = [];
  // With table protection, leaving out a type that has no registrations in these months would
  // itself tell that its counts are 0; so every type the area ever had keeps its row.
  if (shown !== SHOW_ALL) {
    for (const row of rows) {
      if (row.month <= to && row.count > 0 && !byType.has(row.inpCode.trim()))
        byType.set(row.inpCode.trim(), new Map());
    }
  }
  const codes = [...byType.keys()].sort(compareInpCodes);
  const known = codes.filter((c) => inpPath(c));
  const unknown = codes.filter((c) => !inpPath(c)).sort();
  for (const code of known) {
    const path = inpPath(code);
    if (!path) continue;
    let l1 = groups.at(-1);
    if (l1?.code !== path.l1.code) {
      l1 = { code: path.l1.code, label: path.l1.label, groups: [] };
      groups.push(l1);
    }
    let l2 = l1.groups.at(-1);
    if (l2?.code !== path.l2.code) {
      l2 = { code: path.l2.code, label: path.l2.label, types: [] };
      l1.groups.push(l2);
    }
    l2.types.push(typeFigures(code, path.l3.label, byType.get(code), periods, population, shown));
  }
  if (unknown.length > 0) {
    groups.push({
      ...UNCLASSIFIED,
      groups: [
        {
          ...UNCLASSIFIED,
          types: unknown.map((code) =>
            typeFigures(
              code,
              code === "" ? "Zonder soort" : `Onbekende soort (${code})`,
              byType.get(code),
              periods,
              population,
              shown,
            ),
          ),
        },
      ],
    });
  }

  const year = Math.floor(month / 100);
  const monthNumber = month % 100;
  const perMonth: MonthTotal[] = [];
  const totalIn = (ym: number): Count => (shown("totaal", ym, ym) ? (allTypes.get(ym) ?? 0) : null);
  for (let m = 1; m <= 12; m++) {
    perMonth.push({
      monthNumber: m,
      current: m <= monthNumber ? totalIn(year * 100 + m) : null,
      previous: totalIn((year - 1) * 100 + m),
    });
  }

  const allFigures = groups.flatMap((g) => g.groups.flatMap((g2) => g2.types));
  const top = allFigures
    .flatMap((t) =>
      t.month.current !== null && t.month.current > 0 ? [{ t, current: t.month.current }] : [],
    )
    .sort(
      (a, b) =>
        b.current - a.current ||
        (b.t.month.previous ?? -1) - (a.t.month.previous ?? -1) ||
        compareInpCodes(a.t.code, b.t.code),
    )
    .slice(0, TOP_TYPES)
    .map(({ t, current }) => ({ code: t.code, label: t.label, current, previous: t.month.previous }));
  const total = typeFigures("totaal", "Totaal", allTypes, periods, population, shown);
  const withheld = [...allFigures, total].some(
    (t) =>
      t.month.current === null ||
      t.month.previous === null ||
      t.yearToDate.current === null ||
      t.yearToDate.previous === null ||
      t.last12Months === null,
  );

  return {
    area,
    periods,
    year,
    previousYear: year - 1,
    groups,
    total,
    perMonth,
    top,
    hasData: allTypes.size > 0,
    withheld: withheld || perMonth.some((m) => m.previous === null),
  };
}
