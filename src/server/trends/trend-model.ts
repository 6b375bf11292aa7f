// The trends page as numbers and sentences (pure, no markup): the monthly series of one type (or
// all types) in one gemeente, the change in the last (up to 12) months of the series against the
// same months a year earlier or the average of the 5 years before, the trend over the series, the
// pattern through the year, the unusual months, and the comparison with similar gemeenten.
//
// Every statistic comes from src/analysis and every sentence from src/analysis/duiding; nothing
// here computes statistics of its own. Table protection: a month's count is shown only when the
// protection decided it may be (`shown`); a sum over months only when the protection decided on
// that sum, or when every month in it is shown (then it is their sum, which tells nothing new).
// Withheld counts are left out of every statistic; the model says what was left out, so the page
// can say it.

import { unusualMonth } from "../../analysis/control/unusual-month.ts";
import { decompose } from "../../analysis/decompose/decompose.ts";
import {
  describeChange,
  describeSeason,
  describeTrend,
  describeUnusualMonth,
} from "../../analysis/duiding/index.ts";
import { FEW_PEERS, PEER_Z_LIMIT } from "../../analysis/duiding/peers-text.ts";
import { formatRateNl } from "../../analysis/duiding/rate-text.ts";
import { type MannKendallResult, seasonalMannKendall } from "../../analysis/mann-kendall/mann-kendall.ts";
import type { PeersResult } from "../../analysis/peers/peers.ts";
import {
  type PoissonRateTestResult,
  poissonRateTest,
} from "../../analysis/poisson-rate/poisson-rate-test.ts";
import { TOTAL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import type { ProtectedCounts } from "../../disclosure/table-protection/protect-counts.ts";
import type { AreaLevel } from "../../domain/area.ts";
import { addMonths, monthLabelNl } from "../../domain/time.ts";
import { OPEN_DATA_ROUNDING, openDataPeers } from "../../products/definitions/veiligheidsanalyse.ts";
import { monthSums, sumOfShown } from "../../products/parts/month-sums.ts";
import { monthNameNl, monthRangeNl } from "../../render/format-nl.ts";
import type { Comparison, TrendParams } from "./trend-params.ts";

/** Earlier years the comparison "gemiddelde-5-jaar" and the unusual-month check look back over. */
export const LOOKBACK_YEARS = 5;
/** The change compares at most this many months at the end of the series. */
export const CHANGE_MONTHS = 12;
/** The trend and the seasonal pattern need at least this many months (two full years). */
export const MIN_SEASON_MONTHS = 24;

/** The gemeente's counts as the gate protected them, and the types it withholds altogether. */
export interface TrendCounts extends ProtectedCounts {
  /** Types the recipient gets no counts of at all (left out of the rows and of the total). */
  withheldTypes: readonly string[];
  /**
   * For a wijk or buurt under table protection: the only types shown there besides the total (as
   * INP codes). Absent: every type.
   */
  levelTypes?: readonly string[];
}

/** Another gemeente as open data: the count of the chosen type in a whole year, rounded. */
export interface PeerGemeente {
  code: string;
  name: string;
  population: number;
  /** Police unit (eenheid); null when unknown. */
  region: string | null;
  /** Registrations of the type in `year`, rounded to OPEN_DATA_ROUNDING. */
  roundedCount: number;
}

export interface TrendPeersInput {
  /** The calendar year compared. */
  year: number;
  /** The police unit of the gemeente itself. */
  region: string | null;
  /** Other gemeenten in the same population class with figures for the year. */
  others: PeerGemeente[];
}

export interface TrendModelInput {
  area: {
    code: string;
    name: string;
    level: AreaLevel;
    population: number | null;
    populationYear?: number | null;
  };
  /** INP code and label of the type; code "" for all types. */
  type: { code: string; label: string };
  params: TrendParams;
  counts: TrendCounts;
  /** Null when the comparison with other gemeenten is not possible (e.g. unknown population). */
  peers: TrendPeersInput | null;
}

/** "getoond": a count; "afgeschermd": withheld; "geen-cijfers": before the area's first data. */
export type CountStatus = "getoond" | "afgeschermd" | "geen-cijfers";

export interface UnusualFinding {
  flag: "hoger" | "lager";
  expected: number;
  lower: number;
  upper: number;
  /** Earlier years compared with. */
  years: number;
  text: string;
}

export interface MonthFigure {
  month: number;
  /** Null unless status is "getoond". */
  value: number | null;
  status: CountStatus;
  /** Set when the month is unusually high or low against the same month in earlier years. */
  unusual: UnusualFinding | null;
}

export interface PeriodCount {
  from: number;
  to: number;
  count: number | null;
  status: CountStatus;
}

export interface ChangeFigures {
  comparison: Comparison;
  current: PeriodCount;
  /** The earlier periods (one, or up to 5), newest first. */
  earlier: PeriodCount[];
  /** The earlier periods that count (shown); their mean. */
  used: number;
  mean: number | null;
  test: PoissonRateTestResult | null;
  /** The sentence from describeChange; null when there is nothing to compare. */
  text: string | null;
  /** Why there is no comparison, or what was left out. */
  notes: string[];
}

export interface TrendFigures {
  result: MannKendallResult | null;
  text: string;
  /** Months in the series that count (shown). */
  used: number;
}

export interface SeasonFigures {
  /** Per calendar month (January first): above (+) or below (−) the average; null: no pattern computed. */
  byMonth: (number | null)[];
  text: string;
  computed: boolean;
}

export interface UnusualFigures {
  /** Months that could be checked (shown, with at least one earlier year shown). */
  checked: number;
  /** Months with a count that could not be checked, and why, in Dutch. */
  notes: string[];
  found: MonthFigure[];
}

export interface PeerRow {
  code: string;
  name: string;
  population: number;
  roundedCount: number;
  rate: number;
  own: boolean;
}

export interface PeersFigures {
  year: number;
  result: PeersResult | null;
  rows: PeerRow[];
  paragraphs: string[];
}

export interface TrendModel {
  area: TrendModelInput["area"];
  type: TrendModelInput["type"];
  params: TrendParams;
  /** Plural noun for the sentences: "registraties" or "registraties (woninginbraak)". */
  subject: string;
  months: MonthFigure[];
  /** Counts in the series: how many withheld, how many before the first data. */
  withheldMonths: number;
  noDataMonths: number;
  /** The chosen type is withheld from this recipient altogether. */
  typeWithheld: boolean;
  /**
   * The chosen type is not shown for an area of this level (a wijk or buurt shows the total and
   * these types only); null when it is.
   */
  typeNotAtLevel: { shown: readonly string[] } | null;
  /** Other types withheld altogether (left out of the total). */
  withheldTypes: readonly string[];
  change: ChangeFigures;
  trend: TrendFigures;
  season: SeasonFigures;
  unusual: UnusualFigures;
  peers: PeersFigures | null;
}

const roundOpen = (n: number) => Math.round(n / OPEN_DATA_ROUNDING) * OPEN_DATA_ROUNDING;

function monthsOf(from: number, to: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The subject of the sentences for a type. */
export function subjectFor(type: { code: string; label: string }): string {
  return type.code === "" ? "registraties" : `registraties (${type.label.toLowerCase()})`;
}

export function buildTrendModel(input: TrendModelInput): TrendModel {
  const { params, counts } = input;
  const code = input.type.code === "" ? TOTAL : input.type.code;
  const subject = subjectFor(input.type);
  const typeWithheld = input.type.code !== "" && counts.withheldTypes.includes(input.type.code);
  const levelTypes = counts.levelTypes;
  const typeNotAtLevel =
    !typeWithheld && input.type.code !== "" && levelTypes && !levelTypes.includes(input.type.code)
      ? { shown: levelTypes }
      : null;
  const hidden = typeWithheld || typeNotAtLevel !== null;
  const sums = monthSums(counts.rows);
  const start = sums.dataStart;

  /** A sum over months as it may be shown (see the top of this file). */
  const periodCount = (from: number, to: number): PeriodCount => {
    if (start === null || from < start) return { from, to, count: null, status: "geen-cijfers" };
    if (hidden) return { from, to, count: null, status: "afgeschermd" };
    if (counts.shown(code, from, to)) return { from, to, count: sums.sum(code, from, to), status: "getoond" };
    const parts = monthsOf(from, to).map((m) => (counts.shown(code, m, m) ? sums.sum(code, m, m) : null));
    const count = sumOfShown(parts);
    return { from, to, count, status: count === null ? "afgeschermd" : "getoond" };
  };

  const months: MonthFigure[] = monthsOf(params.from, params.to).map((month) => {
    const c = periodCount(month, month);
    return { month, value: c.count, status: c.status, unusual: null };
  });
  const withheldMonths = months.filter((m) => m.status === "afgeschermd").length;
  const noDataMonths = months.filter((m) => m.status === "geen-cijfers").length;

  // Unusual months: each shown month against the same month in up to 5 earlier years (shown ones).
  const unusualNotes: string[] = [];
  let checked = 0;
  let withoutHistory = 0;
  let leftOutYears = 0;
  for (const m of months) {
    if (m.value === null) continue;
    const history: number[] = [];
    for (let k = 1; k <= LOOKBACK_YEARS; k++) {
      const earlier = periodCount(m.month - 100 * k, m.month - 100 * k);
      if (earlier.status === "afgeschermd") leftOutYears++;
      if (earlier.count !== null) history.push(earlier.count);
    }
    if (history.length === 0) {
      withoutHistory++;
      continue;
    }
    checked++;
    const result = unusualMonth({ current: m.value, history });
    if (
      result.flag !== "normaal" &&
      result.expected !== null &&
      result.lower !== null &&
      result.upper !== null
    ) {
      m.unusual = {
        flag: result.flag,
        expected: result.expected,
        lower: result.lower,
        upper: result.upper,
        years: history.length,
        text: describeUnusualMonth({
          subject,
          current: m.value,
          result,
          month: monthLabelNl(m.month),
          years: history.length,
        }),
      };
    }
  }
  if (withoutHistory > 0)
    unusualNotes.push(
      `${withoutHistory === 1 ? "1 maand is" : `${withoutHistory} maanden zijn`} niet beoordeeld: van dezelfde maand in eerdere jaren zijn geen cijfers.`,
    );
  if (leftOutYears > 0)
    unusualNotes.push(
      "Afgeschermde aantallen van dezelfde maand in eerdere jaren tellen niet mee in het gemiddelde; het gemiddelde gaat dan over minder jaren.",
    );

  return {
    area: input.area,
    type: input.type,
    params,
    subject,
    months,
    withheldMonths,
    noDataMonths,
    typeWithheld,
    typeNotAtLevel,
    withheldTypes: counts.withheldTypes,
    change: changeFigures(params, subject, periodCount),
    trend: trendFigures(months, subject),
    season: seasonFigures(months, subject),
    unusual: { checked, notes: unusualNotes, found: months.filter((m) => m.unusual !== null) },
    peers: input.peers ? peersFigures(input, subject, periodCount) : null,
  };
}

function changeFigures(
  params: TrendParams,
  subject: string,
  periodCount: (from: number, to: number) => PeriodCount,
): ChangeFigures {
  const to = params.to;
  const from = Math.max(params.from, addMonths(to, -(CHANGE_MONTHS - 1)));
  const current = periodCount(from, to);
  const years = params.comparison === "vorig-jaar" ? 1 : LOOKBACK_YEARS;
  const earlier = Array.from({ length: years }, (_, i) =>
    periodCount(from - 100 * (i + 1), to - 100 * (i + 1)),
  );
  const notes: string[] = [];
  const used = earlier.filter((e) => e.count !== null);
  const none = { comparison: params.comparison, current, earlier, used: used.length, mean: null, test: null };
  if (current.count === null) {
    notes.push(
      current.status === "afgeschermd"
        ? `Het aantal van ${monthRangeNl(from, to)} is afgeschermd; vergelijken kan niet.`
        : `Voor ${monthRangeNl(from, to)} zijn er geen cijfers; vergelijken kan niet.`,
    );
    return { ...none, text: null, notes };
  }
  if (used.length === 0) {
    notes.push(
      earlier.some((e) => e.status === "afgeschermd")
        ? "Het aantal van de periode om mee te vergelijken is afgeschermd; vergelijken kan niet."
        : "Van de periode om mee te vergelijken zijn er geen cijfers; vergelijken kan niet.",
    );
    return { ...none, text: null, notes };
  }
  const total = used.reduce((s, e) => s + (e.count as number), 0);
  const mean = total / used.length;
  // Exact conditional test of the two rates: the current period (exposure 1) against the earlier
  // periods together (exposure: how many there are).
  const test = poissonRateTest({
    count1: current.count,
    exposure1: 1,
    count2: total,
    exposure2: used.length,
    method: "exact",
  });
  const single = used.length === 1 ? used[0] : undefined;
  const text = describeChange({
    subject,
    before: single ? total : Math.round(mean),
    after: current.count,
    test,
    periodBefore: single
      ? monthRangeNl(single.from, single.to)
      : `dezelfde maanden van ${used.length} eerdere jaren (gemiddeld, afgerond)`,
    periodAfter: monthRangeNl(from, to),
  });
  if (years > 1 && used.length < years) {
    const missing = years - used.length;
    const withheld = earlier.filter((e) => e.status === "afgeschermd").length;
    notes.push(
      `Het gemiddelde gaat over ${used.length === 1 ? "1 jaar" : `${used.length} jaar`} in plaats van ${years}: ` +
        (withheld === missing
          ? "de andere jaren zijn afgeschermd."
          : withheld === 0
            ? "van de andere jaren zijn geen cijfers."
            : "van de andere jaren zijn geen cijfers of ze zijn afgeschermd."),
    );
  }
  return { ...none, mean, test, text, notes };
}

/** The series from its first month with data: the values, null where withheld. */
function countedSeries(months: readonly MonthFigure[]): MonthFigure[] {
  const first = months.findIndex((m) => m.status !== "geen-cijfers");
  return first < 0 ? [] : months.slice(first);
}

function trendFigures(months: readonly MonthFigure[], subject: string): TrendFigures {
  const series = countedSeries(months);
  const used = series.filter((m) => m.value !== null).length;
  if (used < MIN_SEASON_MONTHS)
    return {
      result: null,
      used,
      text: `Voor een trend zijn minstens ${MIN_SEASON_MONTHS} maanden met cijfers nodig; hier zijn er ${used}.`,
    };
  // Seasonal Mann-Kendall: each month is compared with the same month in other years only, so
  // the pattern through the year does not look like a trend. Withheld months are left out.
  const result = seasonalMannKendall(
    series.map((m) => m.value),
    12,
  );
  return { result, used, text: describeTrend({ subject, mk: result, unit: "jaar" }) };
}

function seasonFigures(months: readonly MonthFigure[], subject: string): SeasonFigures {
  const series = countedSeries(months);
  const none = (text: string): SeasonFigures => ({ byMonth: Array(12).fill(null), text, computed: false });
  if (series.length < MIN_SEASON_MONTHS)
    return none(
      `Voor een patroon door het jaar zijn minstens ${MIN_SEASON_MONTHS} maanden met cijfers nodig; hier zijn er ${series.length}.`,
    );
  if (series.some((m) => m.value === null))
    return none(
      "Het patroon door het jaar is niet te bepalen: in sommige maanden is het aantal afgeschermd, en daarvoor is elke maand nodig.",
    );
  const first = (series[0] as MonthFigure).month % 100;
  const result = decompose(
    series.map((m) => m.value as number),
    { period: 12, model: "additive" },
  );
  // Position i of the cycle is calendar month (first + i): name the positions by their months.
  const labels = Array.from({ length: 12 }, (_, i) => monthNameNl(((first - 1 + i) % 12) + 1));
  const byMonth: (number | null)[] = Array(12).fill(null);
  for (let i = 0; i < 12; i++) byMonth[(first - 1 + i) % 12] = result.seasonal[i] as number;
  return {
    byMonth,
    computed: true,
    text: describeSeason({ subject, result, period: 12, model: "additive", labels }),
  };
}

function peersFigures(
  input: TrendModelInput,
  subject: string,
  periodCount: (from: number, to: number) => PeriodCount,
): PeersFigures {
  const p = input.peers as TrendPeersInput;
  const { name, population } = input.area;
  const year = p.year;
  const own = periodCount(year * 100 + 1, year * 100 + 12);
  const out: PeersFigures = { year, result: null, rows: [], paragraphs: [] };
  if (!population || population <= 0) {
    out.paragraphs.push(`Het aantal inwoners van ${name} is niet bekend; vergelijken kan niet.`);
    return out;
  }
  if (own.count === null) {
    out.paragraphs.push(
      own.status === "afgeschermd"
        ? `Het aantal van ${name} in ${year} is afgeschermd; vergelijken kan niet.`
        : `Voor ${name} zijn er geen cijfers over heel ${year}; vergelijken kan niet.`,
    );
    return out;
  }
  const ownRounded = roundOpen(own.count);
  const result = openDataPeers(
    { code: input.area.code, population, region: p.region, count: ownRounded },
    p.others.map((o) => ({
      code: o.code,
      population: o.population,
      region: o.region,
      count: o.roundedCount,
    })),
  );
  out.result = result;
  const chosen = p.others.filter((o) => result.peers.includes(o.code));
  const rate = (count: number, pop: number) => (count / pop) * 1000;
  out.rows = [
    { code: input.area.code, name, population, roundedCount: ownRounded, rate: result.rate, own: true },
    ...chosen
      .map((o) => ({ ...o, rate: rate(o.roundedCount, o.population), own: false }))
      .sort((a, b) => b.rate - a.rate || a.name.localeCompare(b.name, "nl")),
  ];
  const paragraphs = [
    `In ${name} waren er in ${year} ${formatRateNl(result.rate)} ${subject} per 1.000 inwoners.`,
  ];
  if (chosen.length === 0) {
    paragraphs.push("Er zijn geen vergelijkbare gemeenten gevonden, dus vergelijken is niet mogelijk.");
  } else {
    const where = result.step === 3 ? "uit het hele land" : "uit dezelfde politie-eenheid";
    paragraphs.push(
      `${chosen.length === 1 ? "Er is 1 vergelijkbare gemeente" : `Er zijn ${chosen.length} vergelijkbare gemeenten`}: met ongeveer evenveel inwoners (dezelfde inwonersklasse), ${where}. Daar waren er gemiddeld ${formatRateNl(result.peerMean as number)} per 1.000 inwoners.`,
      `${name} staat op plaats ${result.rank} van ${chosen.length + 1} (plaats 1 is het hoogste cijfer).`,
    );
    const z = result.z;
    if (z === null)
      paragraphs.push(
        chosen.length === 1
          ? "Met één gemeente is niet te zeggen of het verschil duidelijk is."
          : "De vergelijkbare gemeenten hebben allemaal hetzelfde cijfer, dus is niet te zeggen of het verschil duidelijk is.",
      );
    else if (Math.abs(z) >= PEER_Z_LIMIT)
      paragraphs.push(
        `Het cijfer van ${name} is duidelijk ${z > 0 ? "hoger" : "lager"} dan bij vergelijkbare gemeenten.`,
      );
    else paragraphs.push(`Het cijfer van ${name} is niet duidelijk anders dan bij vergelijkbare gemeenten.`);
    if (chosen.length < FEW_PEERS)
      paragraphs.push("Er zijn weinig vergelijkbare gemeenten, dus deze vergelijking is onzeker.");
  }
  out.paragraphs = paragraphs;
  return out;
}

/** The calendar year the peers are compared over: the last whole year up to `to` (yyyymm). */
export function peersYear(to: number): number {
  return to % 100 === 12 ? Math.floor(to / 100) : Math.floor(to / 100) - 1;
}
