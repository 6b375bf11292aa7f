// Vier-, acht- en twaalfmaandsrapportage: the first 4, 8 or 12 months of a year (the year to date
// in April, August or December) against the same months last year, per INP type with whether
// each change is clear (exact Poisson test, Benjamini–Hochberg over the types), the year to date
// month by month, and for a police area (eenheid, district) its gemeenten.
//
// Which sums are shown: per gemeente the table protection decides every year to date, per type
// and for the total. A police area's figure is the sum over its gemeenten (gemeente → basisteam →
// district → eenheid), shown only when every gemeente's sum is shown: then it reveals nothing a
// reader could not add up. One withheld gemeente withholds the area's figure.
//
// Police performance figures (such as the clearance rate) are not in driehoek's data: the
// product says so and gives none.

import { describeChange, MIN_COUNT_FOR_PERCENT } from "../../analysis/duiding/index.ts";
import { SHOW_ALL, TOTAL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { type ProtectedCounts, protectCounts } from "../../disclosure/table-protection/protect-counts.ts";
import type { AreaSummary } from "../../domain/area.ts";
import { InputError } from "../../domain/errors.ts";
import { compareInpCodes, inpNode, inpPath } from "../../domain/inp-tree.ts";
import { monthNameNl, monthRangeNl } from "../../render/format-nl.ts";
import { countCell } from "../parts/area-counts.ts";
import { CLEAR_CHANGE_NOTE } from "../parts/change-columns.ts";
import { type ChangeTest, changeVerdict, testChanges } from "../parts/change-tests.ts";
import { documentHead } from "../parts/document-head.ts";
import { monthSums, shownSum } from "../parts/month-sums.ts";
import { placingAreas } from "../parts/placing-areas.ts";
import { chartOf } from "../parts/table-chart.ts";
import type { ProductContext, ProductDefinition, ProductStore } from "../product-definition.ts";
import type { Cell, ProductDocument, Row, TableBlock } from "../product-document.ts";

/** One gemeente of the area, with its counts (protected per gemeente). */
export interface AreaPart {
  code: string;
  name: string;
  population: number | null;
  counts: ProtectedCounts;
}

export interface PerioderapportageInput {
  parts: AreaPart[];
}

export const REPORT_MONTHS = [4, 8, 12] as const;

const SECTIONS = [
  { id: "cumulatief", title: "Het jaar tot nu, maand voor maand" },
  { id: "per-soort", title: "Per soort" },
  { id: "per-gemeente", title: "Per gemeente" },
  { id: "uitleg", title: "Hoe lees je deze rapportage?" },
] as const;

const POLICE_FIGURES_TEXT =
  "Prestatiecijfers van de politie, zoals het percentage opgeloste zaken, zitten niet in de gegevens van driehoek. Ze staan daarom niet in deze rapportage.";

function periodOf(ctx: ProductContext): { year: number; month: 4 | 8 | 12 } {
  const p = ctx.period;
  const month = p.to % 100;
  if (p.kind !== "maand" || !(REPORT_MONTHS as readonly number[]).includes(month)) {
    throw new InputError(
      `de Vier-, acht- en twaalfmaandsrapportage gaat over de eerste 4, 8 of 12 maanden van een jaar: kies april, augustus of december (bijvoorbeeld ${Math.floor(p.to / 100)}-08), niet ${p.label}`,
      "--periode",
    );
  }
  return { year: Math.floor(p.to / 100), month: month as 4 | 8 | 12 };
}

/** The gemeenten in an area: itself for a gemeente, else those whose chain of parents reaches it. */
export function gemeentenIn(all: readonly AreaSummary[], area: AreaSummary): AreaSummary[] {
  if (area.level === "gemeente") return [area];
  // The newest boundary year of each code.
  const newest = new Map<string, AreaSummary>();
  for (const a of all) {
    const had = newest.get(a.code);
    if (!had || a.year > had.year) newest.set(a.code, a);
  }
  const within = (a: AreaSummary): boolean => {
    const seen = new Set<string>();
    for (let p = a.parent; p !== null && !seen.has(p); p = newest.get(p)?.parent ?? null) {
      if (p === area.code) return true;
      seen.add(p);
    }
    return false;
  };
  return [...newest.values()]
    .filter((a) => a.level === "gemeente" && within(a))
    .sort((a, b) => a.code.localeCompare(b.code));
}

async function gemeenten(store: ProductStore, ctx: ProductContext): Promise<AreaSummary[]> {
  const level = ctx.area.level;
  if (level !== "gemeente" && level !== "district" && level !== "eenheid") {
    throw new InputError(
      `de rapportage is er voor een eenheid, district of gemeente, niet voor een ${level}`,
      "--gebied",
    );
  }
  const list = gemeentenIn(await placingAreas(store), ctx.area);
  if (list.length === 0)
    throw new InputError(`in ${ctx.area.name} (${ctx.area.code}) liggen geen gemeenten`, "--gebied");
  return list;
}

async function load(store: ProductStore, ctx: ProductContext): Promise<PerioderapportageInput> {
  periodOf(ctx);
  const list = await gemeenten(store, ctx);
  const parts: AreaPart[] = [];
  for (const g of list) {
    parts.push({
      code: g.code,
      name: g.name,
      population: g.population,
      counts: {
        rows: await store.monthlyCounts({
          area: g.code,
          level: "gemeente",
          fromMonth: 190001,
          toMonth: ctx.lastCompleteMonth,
        }),
        shown: SHOW_ALL,
      },
    });
  }
  return { parts };
}

/** A figure of the area: a number, withheld (null), or no figures for that period ("geen"). */
type Figure = number | null | "geen";

const figureCell = (f: Figure): Cell => (f === "geen" ? null : countCell(f));
const num = (f: Figure): number | null => (typeof f === "number" ? f : null);

/** Sums over the area's gemeenten as they may be shown. */
export function areaSums(parts: readonly AreaPart[]) {
  const each = parts.map((p) => {
    const sums = monthSums(p.counts.rows);
    return { part: p, sums, startYear: sums.dataStart === null ? null : Math.floor(sums.dataStart / 100) };
  });
  return {
    /** Year to date (January…`month` of `year`) of `code` ("totaal": all types). */
    ytd(code: string, year: number, month: number): Figure {
      let total = 0;
      let withheld = false;
      for (const e of each) {
        if (e.startYear === null || year < e.startYear) return "geen";
        const v = shownSum(e.part.counts, e.sums, code, year * 100 + 1, year * 100 + month);
        if (v === null) withheld = true;
        else total += v;
      }
      return withheld ? null : total;
    },
    /** The types with a registration in any gemeente, in INP order. */
    codes(): string[] {
      const set = new Set<string>();
      for (const p of parts) for (const r of p.counts.rows) if (r.count > 0) set.add(r.inpCode.trim());
      return [...set].sort(compareInpCodes);
    },
  };
}

const percentOf = (cur: number | null, prev: number | null): number | null =>
  cur !== null && prev !== null && cur >= MIN_COUNT_FOR_PERCENT && prev >= MIN_COUNT_FOR_PERCENT
    ? ((cur - prev) / prev) * 100
    : null;

function build(input: PerioderapportageInput, ctx: ProductContext): ProductDocument {
  const { year, month } = periodOf(ctx);
  const name = ctx.area.name;
  const police = ctx.area.level !== "gemeente";
  const a = areaSums(input.parts);
  const ytdLabel = monthRangeNl(year * 100 + 1, year * 100 + month);
  const prevLabel = monthRangeNl((year - 1) * 100 + 1, (year - 1) * 100 + month);
  const populations = input.parts.map((p) => p.population);
  const population = populations.every((p): p is number => p !== null && p > 0)
    ? populations.reduce((s, p) => s + p, 0)
    : null;

  // Per type, and the total.
  const codes = a.codes();
  const figures = codes.map((code) => ({
    code,
    cur: a.ytd(code, year, month),
    prev: a.ytd(code, year - 1, month),
  }));
  const tests = testChanges(figures.map((f) => ({ current: num(f.cur), previous: num(f.prev) })));
  const total = { code: TOTAL, cur: a.ytd(TOTAL, year, month), prev: a.ytd(TOTAL, year - 1, month) };
  const totalTest = testChanges([{ current: num(total.cur), previous: num(total.prev) }])[0] ?? null;
  const row = (
    label: string,
    f: typeof total,
    test: ChangeTest | null,
    depth: number,
    isTotal = false,
  ): Row => {
    const cur = num(f.cur);
    const prev = num(f.prev);
    return {
      depth,
      total: isTotal,
      cells: {
        soort: label,
        code: isTotal ? null : f.code,
        ditJaar: figureCell(f.cur),
        vorigJaar: figureCell(f.prev),
        verschil: cur !== null && prev !== null ? cur - prev : null,
        verschilProcent: percentOf(cur, prev),
        verandering: changeVerdict(test),
        p: test ? test.p : null,
        per1000: cur !== null && population ? (cur / population) * 1000 : null,
      },
    };
  };
  const rows: Row[] = [];
  let l1: string | null = null;
  let l2: string | null = null;
  figures.forEach((f, i) => {
    const path = inpPath(f.code);
    if (path && path.l1.code !== l1) {
      l1 = path.l1.code;
      l2 = null;
      rows.push({ depth: 0, cells: { soort: path.l1.label } });
    }
    if (path && path.l2.code !== l2) {
      l2 = path.l2.code;
      if (path.l2.label !== path.l1.label) rows.push({ depth: 1, cells: { soort: path.l2.label } });
    }
    rows.push(row(inpNode(f.code, 3)?.label ?? f.code, f, tests[i] ?? null, 2));
  });
  rows.push(row("Totaal", total, totalTest, 0, true));
  const perType: TableBlock = {
    kind: "table",
    id: "per-soort",
    caption: `Registraties per soort in ${name}, ${ytdLabel} en ${prevLabel}`,
    columns: [
      { key: "soort", label: "Soort", type: "text" },
      { key: "code", label: "Code", type: "text" },
      { key: "ditJaar", label: ytdLabel, type: "count" },
      { key: "vorigJaar", label: prevLabel, type: "count" },
      { key: "verschil", label: "Verschil", type: "count" },
      { key: "verschilProcent", label: "Verschil (%)", type: "percent" },
      { key: "verandering", label: "Verandering", type: "text" },
      { key: "p", label: "p-waarde", type: "p-value" },
      { key: "per1000", label: `Per 1.000 inwoners (${ytdLabel})`, type: "rate", decimals: 1 },
    ],
    rows,
    note: police
      ? `${CLEAR_CHANGE_NOTE} Een aantal van ${name} is de som van de gemeenten; het staat er alleen als het aantal van elke gemeente getoond mag worden.`
      : CLEAR_CHANGE_NOTE,
  };

  // The year to date month by month.
  const cumulative: TableBlock = {
    kind: "table",
    id: "cumulatief",
    caption: `Alle registraties in ${name} opgeteld vanaf januari, ${year} en ${year - 1}`,
    columns: [
      { key: "maand", label: "Tot en met", type: "text" },
      { key: "ditJaar", label: String(year), type: "count" },
      { key: "vorigJaar", label: String(year - 1), type: "count" },
    ],
    rows: Array.from({ length: month }, (_, i) => ({
      cells: {
        maand: monthNameNl(i + 1),
        ditJaar: figureCell(a.ytd(TOTAL, year, i + 1)),
        vorigJaar: figureCell(a.ytd(TOTAL, year - 1, i + 1)),
      },
    })),
  };

  // Per gemeente (police areas).
  const perGemeente: TableBlock | null = police
    ? {
        kind: "table",
        id: "per-gemeente",
        caption: `Alle registraties per gemeente in ${name}, ${ytdLabel} en ${prevLabel}`,
        columns: [
          { key: "gemeente", label: "Gemeente", type: "text" },
          { key: "code", label: "Code", type: "text" },
          { key: "ditJaar", label: ytdLabel, type: "count" },
          { key: "vorigJaar", label: prevLabel, type: "count" },
          { key: "verschilProcent", label: "Verschil (%)", type: "percent" },
        ],
        rows: input.parts.map((p) => {
          const one = areaSums([p]);
          const cur = one.ytd(TOTAL, year, month);
          const prev = one.ytd(TOTAL, year - 1, month);
          return {
            cells: {
              gemeente: p.name,
              code: p.code,
              ditJaar: figureCell(cur),
              vorigJaar: figureCell(prev),
              verschilProcent: percentOf(num(cur), num(prev)),
            },
          };
        }),
      }
    : null;

  // Summary.
  const summary: string[] = [];
  if (total.cur === "geen") summary.push(`Voor ${name} zijn er geen cijfers over ${ytdLabel}.`);
  else if (total.prev === "geen")
    summary.push(`Over ${prevLabel} zijn er geen cijfers; vergelijken met vorig jaar kan daarom niet.`);
  else if (total.cur === null || total.prev === null)
    summary.push(`Het totaal van ${name} is afgeschermd voor ${total.cur === null ? ytdLabel : prevLabel}.`);
  else
    summary.push(
      describeChange({
        subject: "registraties",
        before: total.prev,
        after: total.cur,
        test: totalTest ? { pTwoSided: totalTest.p } : null,
        periodBefore: prevLabel,
        periodAfter: ytdLabel,
      }),
    );
  if (total.cur !== "geen" && total.prev !== "geen") {
    const clear = (dir: 1 | -1) =>
      figures
        .filter((_, i) => tests[i]?.clear && tests[i]?.direction === dir)
        .map((f) => (inpNode(f.code, 3)?.label ?? f.code).toLowerCase());
    const up = clear(1);
    const down = clear(-1);
    if (up.length + down.length === 0)
      summary.push(`Bij geen enkele soort is het verschil met ${prevLabel} duidelijk groter dan toeval.`);
    if (up.length > 0) summary.push(`Duidelijk meer dan in ${prevLabel}: ${up.join(", ")}.`);
    if (down.length > 0) summary.push(`Duidelijk minder dan in ${prevLabel}: ${down.join(", ")}.`);
  }
  summary.push(POLICE_FIGURES_TEXT);

  const kind = month === 4 ? "Viermaands" : month === 8 ? "Achtmaands" : "Twaalfmaands";
  return {
    ...documentHead(ctx, "perioderapportage", `${kind}rapportage ${name}, ${ytdLabel}`, "aggregated"),
    summary,
    sections: [
      {
        id: SECTIONS[0].id,
        title: SECTIONS[0].title,
        blocks: [chartOf(cumulative, "line", "maand", ["ditJaar", "vorigJaar"]), cumulative],
      },
      { id: SECTIONS[1].id, title: SECTIONS[1].title, blocks: [perType] },
      ...(perGemeente ? [{ id: SECTIONS[2].id, title: SECTIONS[2].title, blocks: [perGemeente] }] : []),
      {
        id: SECTIONS[3].id,
        title: SECTIONS[3].title,
        blocks: [
          {
            kind: "text",
            paragraphs: [
              "Dit zijn misdrijven en incidenten die de politie heeft geregistreerd. We tellen een registratie in de maand waarin het gebeurde. Pogingen tellen mee.",
              `We tellen de maanden ${ytdLabel} op en vergelijken die met dezelfde maanden een jaar eerder.`,
              ...(police
                ? [
                    `De cijfers van ${name} zijn de optelsom van de ${input.parts.length} gemeenten erin. Is het aantal van één gemeente afgeschermd, dan is de som ook afgeschermd.`,
                  ]
                : []),
              "Een verschil heet duidelijk als het niet door toeval te verklaren is. We houden er rekening mee dat we veel soorten tegelijk bekijken.",
              "Niet alles wordt bij de politie gemeld. Een stijging kan ook komen doordat mensen vaker melden.",
              POLICE_FIGURES_TEXT,
              "Een leeg vak: voor die periode zijn er geen cijfers.",
              population
                ? `Per 1.000 inwoners: het aantal gedeeld door ${population.toLocaleString("nl-NL")} inwoners, keer 1.000.`
                : "Het aantal inwoners is niet (van elke gemeente) bekend; daarom staat er geen aantal per 1.000 inwoners.",
            ],
          },
        ],
      },
    ],
  };
}

export const perioderapportage: ProductDefinition<PerioderapportageInput> = {
  id: "perioderapportage",
  title: "Vier-, acht- en twaalfmaandsrapportage",
  description:
    "De eerste 4, 8 of 12 maanden van het jaar opgeteld en vergeleken met dezelfde maanden vorig jaar, per soort, voor een eenheid, district of gemeente. Prestatiecijfers van de politie zitten niet in de gegevens.",
  sections: SECTIONS,
  measures: [
    "aantal registraties, jaar tot nu (april, augustus, december)",
    "verschil met vorig jaar (aantal en %)",
    "duidelijke verandering (toets)",
    "per 1.000 inwoners",
    "per gemeente",
  ],
  levels: ["eenheid", "district", "gemeente"],
  defaultLevel: "gemeente",
  periodKinds: ["maand"],
  cadence: "drie-keer-per-jaar",
  audience: ["burgemeester", "oov-adviseur", "teamchef", "districtschef", "officier-van-justitie"],
  sensitivity: "aggregated",
  async disclosedAreas(store, ctx) {
    if (ctx.area.level === "gemeente") return [ctx.area.code];
    return [ctx.area.code, ...(await gemeenten(store, ctx)).map((g) => g.code)];
  },
  load,
  async protect(store, input, table, ctx) {
    const parts: AreaPart[] = [];
    for (const p of input.parts) {
      parts.push({
        ...p,
        counts: await protectCounts(store, p.code, ctx.lastCompleteMonth)(p.counts, null, table),
      });
    }
    return { parts };
  },
  build,
};
