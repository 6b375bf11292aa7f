// Situatierapportage: one phenomenon in depth, seen through a lens (config/lenzen.json: a title,
// a short description and its INP types). For a year: every month per type against last year,
// the year against the year before with whether each change is clear (exact Poisson test,
// Benjamini–Hochberg over the types), and the trend over the last 36 months (Mann-Kendall, with
// Sen's slope).
//
// Which sums are shown: single months and whole years (the year to date in December) per type are
// sums the table protection decides on. A lens total (a sum over types) is not: it is shown only
// when every type in it is shown for that period, and then computed from those shown counts. A
// trend is computed only from months that are all shown.
//
// The engine has no lens parameter yet: `situatierapportage(lensId)` and
// `situatierapportageVoor(lens)` make one definition per lens (id "situatierapportage-<lens>"),
// and `situatierapportageAlleLenzen` (id "situatierapportage") reports every lens in short.

import { describeChange, describeTrend } from "../../analysis/duiding/index.ts";
import { benjaminiHochbergCutoff } from "../../analysis/hotspots/fdr.ts";
import { type MannKendallResult, mannKendall } from "../../analysis/mann-kendall/mann-kendall.ts";
import type { ProtectedCounts } from "../../disclosure/table-protection/protect-counts.ts";
import type { AreaLevel } from "../../domain/area.ts";
import { InputError } from "../../domain/errors.ts";
import { inpNode } from "../../domain/inp-tree.ts";
import { addMonths, monthLabelNl } from "../../domain/time.ts";
import { monthNameNl } from "../../render/format-nl.ts";
import { countCell, loadAreaCounts, protectAreaCountsFor } from "../parts/area-counts.ts";
import { yearChangeColumns } from "../parts/change-columns.ts";
import { CHANGE_FDR, type ChangeTest, changeVerdict, testChanges } from "../parts/change-tests.ts";
import { documentHead } from "../parts/document-head.ts";
import { type Lens, lensById, loadLensConfig, typesLeftOutBelowGemeente } from "../parts/lenzen.ts";
import { type MonthSums, monthSums, shownSum, sumOfShown } from "../parts/month-sums.ts";
import { per1000Paragraph } from "../parts/population-rate.ts";
import type { ProductContext, ProductDefinition } from "../product-definition.ts";
import type { Block, Cell, ProductDocument, Row, Section, TableBlock } from "../product-document.ts";

/** Months the trend looks back over (ending with the year's December), and the fewest it needs. */
export const TREND_MONTHS = 36;
export const MIN_TREND_MONTHS = 24;

/** Below this count (in either year) no percentage is given. */
const MIN_COUNT_FOR_PERCENT = 20;

/** A count or a trend: null when withheld (or, for figures, when there are none). */
export interface LensSeries {
  code: string;
  label: string;
  /** January…December of the year and of the year before. */
  months: (number | null)[];
  previousMonths: (number | null)[];
  year: number | null;
  previousYear: number | null;
  percent: number | null;
  per1000: number | null;
  test: ChangeTest | null;
  trend: MannKendallResult | null;
  /** Why there is no trend: "afgeschermd" (a month withheld) or "te-weinig" (too few months). */
  noTrend: "afgeschermd" | "te-weinig" | null;
}

export interface LensFigures {
  lens: Lens;
  year: number;
  /** Whether there are figures for the year and the year before (after the first year with data). */
  hasYear: boolean;
  hasPreviousYear: boolean;
  types: LensSeries[];
  /** The lens total, composed of the types' shown counts. */
  total: LensSeries;
  /** The trend months (yyyymm), or null when fewer than MIN_TREND_MONTHS have figures. */
  trendMonths: number[] | null;
  /** Per type: the trend is clear after Benjamini–Hochberg over the types with a trend. */
  clearTrend: boolean[];
}

function yearOf(ctx: ProductContext): number {
  const p = ctx.period;
  if (p.kind !== "jaar" || p.from % 100 !== 1 || p.to % 100 !== 12) {
    throw new InputError(`De Situatierapportage gaat over een heel jaar, niet over ${p.label}`, "--periode");
  }
  return Math.floor(p.from / 100);
}

const percentOf = (current: number | null, previous: number | null): number | null =>
  current !== null &&
  previous !== null &&
  current >= MIN_COUNT_FOR_PERCENT &&
  previous >= MIN_COUNT_FOR_PERCENT
    ? ((current - previous) / previous) * 100
    : null;

/** The figures of one lens for the year of `ctx` (pure). */
export function lensFigures(input: ProtectedCounts, lens: Lens, ctx: ProductContext): LensFigures {
  const year = yearOf(ctx);
  const sums: MonthSums = monthSums(input.rows);
  const startYear = sums.dataStart === null ? null : Math.floor(sums.dataStart / 100);
  const hasYear = startYear !== null && year >= startYear;
  const hasPreviousYear = startYear !== null && year - 1 >= startYear;
  const population = ctx.area.population;
  const ofYear = (y: number, has: boolean) => (code: string) => ({
    months: Array.from({ length: 12 }, (_, i) =>
      has ? shownSum(input, sums, code, y * 100 + i + 1, y * 100 + i + 1) : null,
    ),
    year: has ? shownSum(input, sums, code, y * 100 + 1, y * 100 + 12) : null,
  });
  const thisYear = ofYear(year, hasYear);
  const lastYear = ofYear(year - 1, hasPreviousYear);

  // Trend months: the last TREND_MONTHS up to December, from the first year with figures on.
  const end = year * 100 + 12;
  let trendMonths: number[] | null = null;
  if (sums.dataStart !== null && hasYear) {
    const months: number[] = [];
    for (let m = addMonths(end, -(TREND_MONTHS - 1)); m <= end; m = addMonths(m, 1))
      if (m >= sums.dataStart) months.push(m);
    trendMonths = months.length >= MIN_TREND_MONTHS ? months : null;
  }
  const trendValues = (code: string) => trendMonths?.map((m) => shownSum(input, sums, code, m, m)) ?? null;

  const types = lens.inpCodes.map((code): LensSeries & { trendValues: (number | null)[] | null } => {
    const cur = thisYear(code);
    const prev = lastYear(code);
    const values = trendValues(code);
    const complete = values?.every((v) => v !== null) ?? false;
    return {
      code,
      label: inpNode(code, 3)?.label ?? code,
      months: cur.months,
      previousMonths: prev.months,
      year: cur.year,
      previousYear: prev.year,
      percent: percentOf(cur.year, prev.year),
      per1000: cur.year !== null && population && population > 0 ? (cur.year / population) * 1000 : null,
      test: null,
      trend: values && complete ? mannKendall(values) : null,
      noTrend: values === null ? "te-weinig" : complete ? null : "afgeschermd",
      trendValues: values,
    };
  });
  const tests = testChanges(
    types.map((t) => ({
      current: hasPreviousYear ? t.year : null,
      previous: hasPreviousYear ? t.previousYear : null,
    })),
  );
  types.forEach((t, i) => {
    t.test = tests[i] ?? null;
  });
  const pTrend = types.flatMap((t) => (t.trend ? [t.trend.p] : []));
  const cutoff = pTrend.length > 0 ? benjaminiHochbergCutoff(pTrend, CHANGE_FDR) : Number.NEGATIVE_INFINITY;
  const clearTrend = types.map((t) => t.trend !== null && t.trend.z !== 0 && t.trend.p <= cutoff);

  // The lens total: only where every type is shown.
  const composed = (pick: (t: LensSeries) => number | null) => sumOfShown(types.map(pick));
  const totalYear = hasYear ? sumOfShown(types.map((t) => t.year)) : null;
  const totalPrevious = hasPreviousYear ? sumOfShown(types.map((t) => t.previousYear)) : null;
  let totalTrendValues: (number | null)[] | null = null;
  if (trendMonths) {
    totalTrendValues = trendMonths.map((_, i) => sumOfShown(types.map((t) => t.trendValues?.[i] ?? null)));
  }
  const totalComplete = totalTrendValues?.every((v) => v !== null) ?? false;
  const total: LensSeries = {
    code: "totaal",
    label: `Totaal ${lens.title.toLowerCase()}`,
    months: Array.from({ length: 12 }, (_, i) => (hasYear ? composed((t) => t.months[i] ?? null) : null)),
    previousMonths: Array.from({ length: 12 }, (_, i) =>
      hasPreviousYear ? composed((t) => t.previousMonths[i] ?? null) : null,
    ),
    year: totalYear,
    previousYear: totalPrevious,
    percent: percentOf(totalYear, totalPrevious),
    per1000: totalYear !== null && population && population > 0 ? (totalYear / population) * 1000 : null,
    test: hasPreviousYear
      ? (testChanges([{ current: totalYear, previous: totalPrevious }])[0] ?? null)
      : null,
    trend: totalTrendValues && totalComplete ? mannKendall(totalTrendValues) : null,
    noTrend: totalTrendValues === null ? "te-weinig" : totalComplete ? null : "afgeschermd",
  };
  return {
    lens,
    year,
    hasYear,
    hasPreviousYear,
    types: types.map(({ trendValues: _, ...t }) => t),
    total,
    trendMonths,
    clearTrend,
  };
}

const subjectOf = (lens: Lens) => `registraties voor ${lens.title.toLowerCase()}`;

/** The short summary of a lens: the change of the total, clear changes per type, and the trend. */
function lensSummary(
  f: LensFigures,
  ctx: ProductContext,
  opts: { trend: boolean; corrected?: ChangeTest | null },
): string[] {
  const yearLabel = String(f.year);
  const prevLabel = String(f.year - 1);
  const out: string[] = [];
  if (!f.hasYear) return [`Voor ${ctx.area.name} zijn er geen cijfers over ${yearLabel}.`];
  const { year, previousYear, test } = f.total;
  if (!f.hasPreviousYear) {
    out.push(`Over ${prevLabel} zijn er geen cijfers; vergelijken met het jaar ervoor kan daarom niet.`);
  } else if (year !== null && previousYear !== null) {
    const sentence = describeChange({
      subject: subjectOf(f.lens),
      before: previousYear,
      after: year,
      // One lens: its own test. Several lenses: the verdict corrected over the lenses, in words.
      test: opts.corrected === undefined && test ? { pTwoSided: test.p } : null,
      periodBefore: prevLabel,
      periodAfter: yearLabel,
    });
    const verdict = opts.corrected;
    if (verdict === undefined || verdict === null || verdict.direction === 0) out.push(sentence);
    else if (verdict.clear)
      out.push(
        `${sentence} Dat is duidelijk ${verdict.direction > 0 ? "meer" : "minder"}: toeval is onwaarschijnlijk.`,
      );
    else out.push(`${sentence} Dat verschil kan toeval zijn.`);
  } else {
    out.push(
      `Het totaal voor ${f.lens.title.toLowerCase()} is niet te geven: van een of meer soorten is het aantal afgeschermd.`,
    );
  }
  if (f.hasPreviousYear && f.types.length > 1) {
    const clear = (dir: 1 | -1) =>
      f.types.filter((t) => t.test?.clear && t.test.direction === dir).map((t) => t.label.toLowerCase());
    const up = clear(1);
    const down = clear(-1);
    if (up.length + down.length === 0) {
      out.push(`Bij geen enkele soort is het verschil met ${prevLabel} duidelijk groter dan toeval.`);
    } else {
      if (up.length > 0) out.push(`Duidelijk meer dan in ${prevLabel}: ${up.join(", ")}.`);
      if (down.length > 0) out.push(`Duidelijk minder dan in ${prevLabel}: ${down.join(", ")}.`);
    }
  }
  if (opts.trend) out.push(trendSentence(f));
  return out;
}

function trendSentence(f: LensFigures): string {
  const t = f.total;
  if (t.trend && f.trendMonths) {
    const from = monthLabelNl(f.trendMonths[0] as number);
    const to = monthLabelNl(f.trendMonths.at(-1) as number);
    return `We bekeken de maanden ${from} tot en met ${to}. ${describeTrend({
      subject: subjectOf(f.lens),
      mk: { p: t.trend.p, senSlope: t.trend.senSlope, trend: t.trend.trend, z: t.trend.z },
      unit: "maand",
    })}`;
  }
  if (t.noTrend === "afgeschermd")
    return "Over een trend van het totaal is niets te zeggen: in sommige maanden is een aantal afgeschermd.";
  return `Over een trend is nog niets te zeggen: daarvoor zijn cijfers over minstens ${MIN_TREND_MONTHS} maanden nodig.`;
}

const c = (v: number | null, has: boolean): Cell => (has ? countCell(v) : null);

function perTypeTable(f: LensFigures, ctx: ProductContext, id: string): TableBlock {
  const yearLabel = String(f.year);
  const prevLabel = String(f.year - 1);
  const row = (t: LensSeries, total = false): Row => ({
    total,
    cells: {
      soort: t.label,
      code: total ? null : t.code,
      jaar: c(t.year, f.hasYear),
      vorigJaar: c(t.previousYear, f.hasPreviousYear),
      verschil: t.year !== null && t.previousYear !== null ? t.year - t.previousYear : null,
      verschilProcent: t.percent,
      verandering: changeVerdict(t.test),
      p: t.test ? t.test.p : null,
      per1000: t.per1000,
    },
  });
  return {
    kind: "table",
    id,
    caption: `${f.lens.title} in ${ctx.area.name}: registraties per soort, ${yearLabel} en ${prevLabel}`,
    columns: yearChangeColumns(yearLabel, prevLabel),
    rows: [...f.types.map((t) => row(t)), ...(f.types.length > 1 ? [row(f.total, true)] : [])],
    note: `Verandering: duidelijk meer of minder als toeval onwaarschijnlijk is (exacte toets op aantallen${f.types.length > 1 ? ", gecorrigeerd voor het aantal soorten" : ""}). Het totaal staat er alleen als elk aantal erin getoond mag worden. Percentages alleen bij aantallen van ${MIN_COUNT_FOR_PERCENT} of meer.`,
  };
}

function perMonthTable(f: LensFigures, ctx: ProductContext): TableBlock {
  const yearLabel = String(f.year);
  const prevLabel = String(f.year - 1);
  const several = f.types.length > 1;
  return {
    kind: "table",
    id: "per-maand",
    caption: `${f.lens.title} in ${ctx.area.name}: registraties per maand, ${yearLabel} en ${prevLabel}`,
    columns: [
      { key: "maand", label: "Maand", type: "text" },
      ...(several
        ? f.types.map((t, i) => ({
            key: `soort${i + 1}`,
            label: `${t.label} ${yearLabel}`,
            type: "count" as const,
          }))
        : []),
      { key: "ditJaar", label: several ? `Totaal ${yearLabel}` : yearLabel, type: "count" },
      { key: "vorigJaar", label: several ? `Totaal ${prevLabel}` : prevLabel, type: "count" },
    ],
    rows: Array.from({ length: 12 }, (_, i) => {
      const cells: Record<string, Cell> = { maand: monthNameNl(i + 1) };
      if (several)
        for (const [j, t] of f.types.entries()) cells[`soort${j + 1}`] = c(t.months[i] ?? null, f.hasYear);
      cells.ditJaar = c(f.total.months[i] ?? null, f.hasYear);
      cells.vorigJaar = c(f.total.previousMonths[i] ?? null, f.hasPreviousYear);
      return { cells };
    }),
    note: several
      ? "Het totaal van een maand staat er alleen als het aantal van elke soort in die maand getoond mag worden."
      : undefined,
  };
}

const trendVerdict = (t: LensSeries, clear: boolean): string => {
  if (t.noTrend === "afgeschermd") return "niet te bepalen (afgeschermd)";
  if (t.noTrend === "te-weinig" || !t.trend) return "niet te bepalen (te weinig maanden)";
  if (!clear) return "geen duidelijke trend";
  return t.trend.z > 0 ? "duidelijk stijgend" : "duidelijk dalend";
};

function trendTable(f: LensFigures, ctx: ProductContext): TableBlock {
  const months = f.trendMonths;
  const span = months
    ? `${monthLabelNl(months[0] as number)} t/m ${monthLabelNl(months.at(-1) as number)}`
    : "";
  const total = f.total;
  const totalClear = total.trend !== null && total.trend.z !== 0 && total.trend.p < 0.05;
  const row = (t: LensSeries, clear: boolean, isTotal = false): Row => ({
    total: isTotal,
    cells: {
      soort: t.label,
      trend: trendVerdict(t, clear),
      perJaar: t.trend && Number.isFinite(t.trend.senSlope) ? t.trend.senSlope * 12 : null,
      p: t.trend ? t.trend.p : null,
    },
  });
  return {
    kind: "table",
    id: "trend",
    caption: months
      ? `${f.lens.title} in ${ctx.area.name}: trend per maand, ${span}`
      : `${f.lens.title} in ${ctx.area.name}: trend`,
    columns: [
      { key: "soort", label: "Soort", type: "text" },
      { key: "trend", label: "Trend", type: "text" },
      { key: "perJaar", label: "Verandering per jaar (mediaan)", type: "number", decimals: 1 },
      { key: "p", label: "p-waarde", type: "p-value" },
    ],
    rows: [
      ...f.types.map((t, i) => row(t, f.clearTrend[i] ?? false)),
      ...(f.types.length > 1 ? [row(total, totalClear, true)] : []),
    ],
    note: "Trend: Mann-Kendall-toets op de aantallen per maand; per soort gecorrigeerd voor het aantal soorten. Verandering per jaar: de mediaan van de hellingen tussen alle paren maanden (Sen), keer 12.",
  };
}

function explanation(lens: Lens | null, ctx: ProductContext): string[] {
  return [
    ...(lens ? [`${lens.title}: ${lens.description}`] : []),
    "Dit zijn misdrijven en incidenten die de politie heeft geregistreerd. We tellen een registratie in de maand waarin het gebeurde. Pogingen tellen mee.",
    "Niet alles wordt bij de politie gemeld. De cijfers laten dus niet alles zien. Een stijging kan ook komen doordat mensen vaker melden.",
    "Een verschil heet duidelijk als het niet door toeval te verklaren is. Kleine aantallen gaan vaak op en neer; dan is een verschil meestal niet duidelijk.",
    "Sommige aantallen zijn afgeschermd: kleine aantallen, en wat je daaruit zou kunnen terugrekenen, worden niet getoond. Een totaal van meer soorten staat er alleen als elk aantal in dat totaal getoond mag worden.",
    `Een trend kijken we na over de laatste ${TREND_MONTHS} maanden (minstens ${MIN_TREND_MONTHS}), met de aantallen per maand. Een trend heet duidelijk als die niet door toeval te verklaren is. Seizoenen (bijvoorbeeld meer in de zomer) kunnen een trend minder goed zichtbaar maken.`,
    "Een leeg vak: voor die periode zijn er geen cijfers.",
    per1000Paragraph(ctx, "het jaar"),
  ];
}

const LENS_SECTIONS = [
  { id: "per-maand", title: "Per maand" },
  { id: "per-soort", title: "Per soort" },
  { id: "trend", title: "Trend" },
  { id: "uitleg", title: "Hoe lees je deze rapportage?" },
] as const;

/** Builds the Situatierapportage of one lens (pure). */
export function buildSituatierapportage(
  input: ProtectedCounts,
  ctx: ProductContext,
  lens: Lens,
  productId = `situatierapportage-${lens.id}`,
): ProductDocument {
  const f = lensFigures(input, lens, ctx);
  const perMonth = perMonthTable(f, ctx);
  const chart: Block = {
    kind: "chart",
    table: perMonth.id,
    title: `${lens.title}: ${f.types.length > 1 ? "totaal " : ""}per maand, ${f.year} en ${f.year - 1}`,
    type: "line",
    x: "maand",
    y: ["ditJaar", "vorigJaar"],
  };
  const trendParagraphs = [trendSentence(f)];
  f.types.forEach((t, i) => {
    if (f.types.length > 1 && f.clearTrend[i] && t.trend)
      trendParagraphs.push(
        `${t.label}: ${t.trend.z > 0 ? "duidelijk stijgend" : "duidelijk dalend"}, ook als we rekening houden met het aantal soorten.`,
      );
  });
  return {
    ...documentHead(
      ctx,
      productId,
      `Situatierapportage ${lens.title.toLowerCase()}, ${ctx.area.name}, ${f.year}`,
      "aggregated",
    ),
    summary: lensSummary(f, ctx, { trend: true }),
    sections: [
      { id: "per-maand", title: LENS_SECTIONS[0].title, blocks: [chart, perMonth] },
      { id: "per-soort", title: LENS_SECTIONS[1].title, blocks: [perTypeTable(f, ctx, "per-soort")] },
      {
        id: "trend",
        title: LENS_SECTIONS[2].title,
        blocks: [{ kind: "text", paragraphs: trendParagraphs }, trendTable(f, ctx)],
      },
      {
        id: "uitleg",
        title: LENS_SECTIONS[3].title,
        blocks: [{ kind: "text", paragraphs: explanation(lens, ctx) }],
      },
    ],
  };
}

/** Builds the overview of every lens (pure): per lens its total, change and trend, and its types. */
export function buildSituatierapportageAlleLenzen(
  input: ProtectedCounts,
  ctx: ProductContext,
  lenses: readonly Lens[],
): ProductDocument {
  const all = lenses.map((l) => lensFigures(input, l, ctx));
  const year = yearOf(ctx);
  // Changes and trends of the lens totals, corrected over the lenses.
  const tests = testChanges(all.map((f) => ({ current: f.total.year, previous: f.total.previousYear })));
  const corrected = (i: number) => (all[i]?.hasPreviousYear ? (tests[i] ?? null) : null);
  const pTrend = all.flatMap((f) => (f.total.trend ? [f.total.trend.p] : []));
  const cutoff = pTrend.length > 0 ? benjaminiHochbergCutoff(pTrend, CHANGE_FDR) : Number.NEGATIVE_INFINITY;
  const overview: TableBlock = {
    kind: "table",
    id: "lenzen",
    caption: `Alle onderwerpen in ${ctx.area.name}, ${year} en ${year - 1}`,
    columns: [
      { key: "onderwerp", label: "Onderwerp", type: "text" },
      { key: "jaar", label: String(year), type: "count" },
      { key: "vorigJaar", label: String(year - 1), type: "count" },
      { key: "verschil", label: "Verschil", type: "count" },
      { key: "verschilProcent", label: "Verschil (%)", type: "percent" },
      { key: "verandering", label: "Verandering", type: "text" },
      { key: "p", label: "p-waarde", type: "p-value" },
      { key: "trend", label: `Trend (${TREND_MONTHS} maanden)`, type: "text" },
    ],
    rows: all.map((f, i) => {
      const t = f.total;
      const test = corrected(i);
      return {
        cells: {
          onderwerp: f.lens.title,
          jaar: c(t.year, f.hasYear),
          vorigJaar: c(t.previousYear, f.hasPreviousYear),
          verschil: t.year !== null && t.previousYear !== null ? t.year - t.previousYear : null,
          verschilProcent: t.percent,
          verandering: changeVerdict(test),
          p: test ? test.p : null,
          trend: trendVerdict(t, t.trend !== null && t.trend.z !== 0 && t.trend.p <= cutoff),
        },
      };
    }),
    note: "Het totaal van een onderwerp staat er alleen als het aantal van elke soort erin getoond mag worden. Verandering en trend: duidelijk als toeval onwaarschijnlijk is, gecorrigeerd voor het aantal onderwerpen. Een soort kan bij meer dan één onderwerp horen.",
  };
  const summary = all.flatMap((f, i) => {
    const s = lensSummary(f, ctx, { trend: false, corrected: corrected(i) })[0];
    return s ? [`${f.lens.title}: ${s.charAt(0).toLowerCase()}${s.slice(1)}`] : [];
  });
  const lensSections: Section[] = all.map((f, i) => ({
    id: `lens-${f.lens.id}`,
    title: f.lens.title,
    blocks: [
      {
        kind: "text",
        paragraphs: [f.lens.description, ...lensSummary(f, ctx, { trend: false, corrected: corrected(i) })],
      },
      perTypeTable(f, ctx, `per-soort-${f.lens.id}`),
    ],
  }));
  return {
    ...documentHead(ctx, "situatierapportage", `Situatierapportage ${ctx.area.name}, ${year}`, "aggregated"),
    summary,
    sections: [
      { id: "lenzen", title: "Alle onderwerpen", blocks: [overview] },
      ...lensSections,
      {
        id: "uitleg",
        title: "Hoe lees je deze rapportage?",
        blocks: [{ kind: "text", paragraphs: explanation(null, ctx) }],
      },
    ],
  };
}

/** Levels for types from configuration: below the gemeente only without types left out there. */
function levelsFor(lenses: readonly Lens[]): readonly AreaLevel[] {
  const leftOut = typesLeftOutBelowGemeente();
  return lenses.some((l) => l.inpCodes.some((code) => leftOut.has(code)))
    ? ["gemeente"]
    : ["gemeente", "wijk", "buurt"];
}

const COMMON = {
  periodKinds: ["jaar"],
  defaultLevel: "gemeente",
  cadence: "op-verzoek",
  audience: ["burgemeester", "oov-adviseur", "analist-gemeente", "teamchef", "politie-analist"],
  sensitivity: "aggregated",
  load: loadAreaCounts,
  protect: protectAreaCountsFor(),
} as const satisfies Partial<ProductDefinition<ProtectedCounts>>;

/** The Situatierapportage of one lens (id "situatierapportage-<lens id>"). */
export function situatierapportageVoor(lens: Lens): ProductDefinition<ProtectedCounts> {
  return {
    ...COMMON,
    id: `situatierapportage-${lens.id}`,
    title: `Situatierapportage ${lens.title.toLowerCase()}`,
    description: `Eén onderwerp uitgediept: ${lens.title.toLowerCase()}. ${lens.description} Per maand, het jaar vergeleken met het jaar ervoor, en de trend.`,
    sections: LENS_SECTIONS,
    measures: [
      "aantal registraties per soort en maand",
      "verschil met vorig jaar (aantal en %)",
      "duidelijke verandering (toets)",
      "trend over 36 maanden (Mann-Kendall)",
      "per 1.000 inwoners",
    ],
    levels: levelsFor([lens]),
    build: (input, ctx) => buildSituatierapportage(input, ctx, lens),
  };
}

/** The Situatierapportage of the lens with this id in config/lenzen.json; InputError when unknown. */
export function situatierapportage(lensId: string): ProductDefinition<ProtectedCounts> {
  return situatierapportageVoor(lensById(lensId));
}

/** The Situatierapportage over every lens in config/lenzen.json, in short (id "situatierapportage"). */
export function situatierapportageAlleLenzenVoor(
  lenses: readonly Lens[],
): ProductDefinition<ProtectedCounts> {
  return {
    ...COMMON,
    id: "situatierapportage",
    title: "Situatierapportage",
    description:
      "Onderwerpen zoals jeugdoverlast, drugs, explosies, woninginbraak en geweld: per onderwerp het jaar vergeleken met het jaar ervoor, de trend, en de soorten die erbij horen.",
    sections: [
      { id: "lenzen", title: "Alle onderwerpen" },
      ...lenses.map((l) => ({ id: `lens-${l.id}`, title: l.title })),
      { id: "uitleg", title: "Hoe lees je deze rapportage?" },
    ],
    measures: [
      "aantal registraties per onderwerp en soort",
      "verschil met vorig jaar (aantal en %)",
      "duidelijke verandering (toets)",
      "trend over 36 maanden (Mann-Kendall)",
      "per 1.000 inwoners",
    ],
    levels: levelsFor(lenses),
    build: (input, ctx) => buildSituatierapportageAlleLenzen(input, ctx, lenses),
  };
}

export const situatierapportageAlleLenzen: ProductDefinition<ProtectedCounts> =
  situatierapportageAlleLenzenVoor(loadLensConfig().lenses);
