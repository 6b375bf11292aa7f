// Driehoeksmonitor misdrijven en incidenten: the gemeente's IVP priorities against its targets
// (streefcijfers, entered by the oov-adviseur, see parts/streefcijfers.ts), and the crimes and
// incidents of the year so far against the same months last year, for a driehoeksoverleg.
//
// Periods: a month (the year to date up to that month) or a quarter (the quarter itself, and the
// year to date up to its last month).
//
// Which sums are shown: the table protection decides, per type and for the total, every year to
// date. A quarter after the first is no such sum: it is the year to date at its end minus the
// year to date before it, shown only when both are shown. A sum over types (a priority, a main
// group) is shown only when every type's sum is shown; then it is their sum (it reveals nothing a
// reader could not add up). The targets are the gemeente's own figures and shown as entered.
//
// On track: the target path runs straight from the baseline (base year) to the target (target
// year). The part of this year's path value that belongs to the months so far follows last year's
// pattern (last year's months so far / last year's whole year, both shown), else months / 12. On
// track means the count so far is at or below that (at or above, for a target above the baseline).
// It is a comparison, not a test.

import { MIN_COUNT_FOR_PERCENT } from "../../analysis/duiding/index.ts";
import { TOTAL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { type ProtectedCounts, protectCounts } from "../../disclosure/table-protection/protect-counts.ts";
import { InputError } from "../../domain/errors.ts";
import { compareInpCodes, INP_TREE, inpPath } from "../../domain/inp-tree.ts";
import { formatCount, monthRangeNl } from "../../render/format-nl.ts";
import type { Store } from "../../store/store.ts";
import { countCell, loadAreaCounts } from "../parts/area-counts.ts";
import { type ChangeTest, changeVerdict, testChanges } from "../parts/change-tests.ts";
import { documentHead } from "../parts/document-head.ts";
import { type MonthSums, monthSums, shownSum, sumOfShown } from "../parts/month-sums.ts";
import {
  currentTargets,
  type Priority,
  pathValue,
  priorityTypes,
  type StoredTargets,
  targetValue,
} from "../parts/streefcijfers.ts";
import type { ProductContext, ProductDefinition, ProductStore } from "../product-definition.ts";
import type { Block, Cell, ProductDocument, Row, TableBlock } from "../product-document.ts";

export interface DriehoeksmonitorInput extends ProtectedCounts {
  /** The gemeente's newest priorities and targets; null when none are stored. */
  targets: StoredTargets | null;
}

const SECTIONS = [
  { id: "prioriteiten", title: "Prioriteiten en streefcijfers" },
  { id: "misdrijven-incidenten", title: "Misdrijven en incidenten" },
  { id: "uitleg", title: "Hoe lees je deze monitor?" },
] as const;

export type Course = "op koers" | "niet op koers";

/** The months of the request: the year, the last month, and the first month (a quarter's). */
function periodOf(ctx: ProductContext): { year: number; month: number; first: number } {
  const p = ctx.period;
  if (p.kind !== "maand" && p.kind !== "kwartaal") {
    throw new InputError(
      `De Driehoeksmonitor gaat over een maand of kwartaal, niet over ${p.label}`,
      "--periode",
    );
  }
  return { year: Math.floor(p.to / 100), month: p.to % 100, first: p.kind === "kwartaal" ? p.from % 100 : 1 };
}

const percentOf = (cur: number | null, prev: number | null): number | null =>
  cur !== null && prev !== null && cur >= MIN_COUNT_FOR_PERCENT && prev >= MIN_COUNT_FOR_PERCENT
    ? ((cur - prev) / prev) * 100
    : null;

/** Sums of types over months as shown: per type as decided, over types only when all are shown. */
export interface ShownSums {
  /** Year to date (January…`month`) of `year` over `types`; null: withheld (or no figures). */
  ytd(types: readonly string[], year: number, month: number): number | null;
  /** Months `first`…`last` of `year`: the difference of two years to date, both shown. */
  months(types: readonly string[], year: number, first: number, last: number): number | null;
  /** Whether `year` has figures (from the first year with a registration on). */
  hasYear(year: number): boolean;
}

export function shownSums(input: ProtectedCounts): ShownSums {
  const sums: MonthSums = monthSums(input.rows);
  const startYear = sums.dataStart === null ? null : Math.floor(sums.dataStart / 100);
  const hasYear = (y: number) => startYear !== null && y >= startYear;
  const typeYtd = (code: string, y: number, m: number) =>
    shownSum(input, sums, code, y * 100 + 1, y * 100 + m);
  const typeMonths = (code: string, y: number, first: number, last: number): number | null => {
    if (first === 1) return typeYtd(code, y, last);
    const end = typeYtd(code, y, last);
    const before = typeYtd(code, y, first - 1);
    return end === null || before === null ? null : end - before;
  };
  return {
    ytd: (types, y, m) => (hasYear(y) ? sumOfShown(types.map((c) => typeYtd(c, y, m))) : null),
    months: (types, y, first, last) =>
      hasYear(y) ? sumOfShown(types.map((c) => typeMonths(c, y, first, last))) : null,
    hasYear,
  };
}

export interface PriorityResult {
  priority: Priority;
  types: string[];
  target: number;
  /** This year's value on the path from baseline to target. */
  path: number;
  current: number | null;
  previous: number | null;
  /** The part of `path` for the months so far; null when there is nothing to compare. */
  pathSoFar: number | null;
  course: Course | null;
  /** Why there is no verdict on the course. */
  noCourse: string | null;
  percent: number | null;
  test: ChangeTest | null;
  /** The quarter (kwartaal requests only). */
  quarter: {
    current: number | null;
    previous: number | null;
    percent: number | null;
    test: ChangeTest | null;
  };
}

/** The priorities against their targets (pure). */
export function priorityResults(
  input: DriehoeksmonitorInput,
  ctx: ProductContext,
  priorities: readonly Priority[],
): PriorityResult[] {
  const { year, month, first } = periodOf(ctx);
  const s = shownSums(input);
  const results = priorities.map((priority): PriorityResult => {
    const types = priorityTypes(priority);
    const current = s.ytd(types, year, month);
    const previous = s.ytd(types, year - 1, month);
    const previousYear = s.ytd(types, year - 1, 12);
    const target = targetValue(priority);
    const path = pathValue(priority, year);
    const share =
      previous !== null && previousYear !== null && previousYear > 0 ? previous / previousYear : month / 12;
    let pathSoFar: number | null = path * share;
    let course: Course | null = null;
    let noCourse: string | null = null;
    if (year < priority.basisjaar) {
      pathSoFar = null;
      noCourse = `niet te zeggen: het plan begint in ${priority.basisjaar}`;
    } else if (!s.hasYear(year)) noCourse = "niet te zeggen: geen cijfers";
    else if (current === null) noCourse = "niet te zeggen: afgeschermd";
    else {
      const lowerIsBetter = target <= priority.basiswaarde;
      const ok = lowerIsBetter ? current <= (pathSoFar as number) : current >= (pathSoFar as number);
      course = ok ? "op koers" : "niet op koers";
    }
    const qCur = first === 1 ? current : s.months(types, year, first, month);
    const qPrev = first === 1 ? previous : s.months(types, year - 1, first, month);
    return {
      priority,
      types,
      target,
      path,
      current,
      previous,
      pathSoFar,
      course,
      noCourse,
      percent: percentOf(current, previous),
      test: null,
      quarter: { current: qCur, previous: qPrev, percent: percentOf(qCur, qPrev), test: null },
    };
  });
  const ytdTests = testChanges(results.map((r) => r));
  const qTests = testChanges(results.map((r) => r.quarter));
  results.forEach((r, i) => {
    r.test = ytdTests[i] ?? null;
    r.quarter.test = qTests[i] ?? null;
  });
  return results;
}

const round0 = (v: number | null): number | null => (v === null ? null : Math.round(v));

function cell(v: number | null, has: boolean): Cell {
  return has ? countCell(v) : null;
}

function build(input: DriehoeksmonitorInput, ctx: ProductContext): ProductDocument {
  const { year, month, first } = periodOf(ctx);
  const isQuarter = ctx.period.kind === "kwartaal";
  const s = shownSums(input);
  const hasNow = s.hasYear(year);
  const hasPrev = s.hasYear(year - 1);
  const ytdLabel = monthRangeNl(year * 100 + 1, year * 100 + month);
  const prevYtdLabel = monthRangeNl((year - 1) * 100 + 1, (year - 1) * 100 + month);
  const quarterLabel = ctx.period.label;
  const prevQuarterLabel = monthRangeNl((year - 1) * 100 + first, (year - 1) * 100 + month);
  const name = ctx.area.name;
  const summary: string[] = [];

  // Priorities.
  const stored = input.targets;
  const results = stored ? priorityResults(input, ctx, stored.targets.prioriteiten) : [];
  const priorityBlocks: Block[] = [];
  if (!stored) {
    const text = `Voor ${name} zijn nog geen prioriteiten en streefcijfers vastgelegd. De adviseur openbare orde en veiligheid kan ze vastleggen met 'driehoek streefcijfers bewaar'.`;
    summary.push(text);
    priorityBlocks.push({ kind: "text", paragraphs: [text] });
  } else {
    const rows: Row[] = results.map((r) => ({
      cells: {
        prioriteit: r.priority.titel,
        codes: r.priority.inpCodes.join(", "),
        basisjaar: String(r.priority.basisjaar),
        basiswaarde: r.priority.basiswaarde,
        doeljaar: String(r.priority.doel.jaar),
        streefwaarde: round0(r.target),
        koerswaarde: round0(r.path),
        ditJaar: cell(r.current, hasNow),
        vorigJaar: cell(r.previous, hasPrev),
        verschilProcent: r.percent,
        verandering: changeVerdict(r.test),
        p: r.test ? r.test.p : null,
        streefTotNu: round0(r.pathSoFar),
        koers: r.course ?? r.noCourse,
      },
    }));
    const table: TableBlock = {
      kind: "table",
      id: "prioriteiten",
      caption: `Prioriteiten van ${name}: ${ytdLabel} tegen het streefcijfer`,
      columns: [
        { key: "prioriteit", label: "Prioriteit", type: "text" },
        { key: "codes", label: "INP-codes", type: "text" },
        { key: "basisjaar", label: "Basisjaar", type: "text" },
        { key: "basiswaarde", label: "Basiswaarde", type: "count" },
        { key: "doeljaar", label: "Doeljaar", type: "text" },
        { key: "streefwaarde", label: "Streefcijfer (per jaar)", type: "count" },
        { key: "koerswaarde", label: `Koers voor ${year} (per jaar)`, type: "count" },
        { key: "ditJaar", label: ytdLabel, type: "count" },
        { key: "vorigJaar", label: prevYtdLabel, type: "count" },
        { key: "verschilProcent", label: "Verschil (%)", type: "percent" },
        { key: "verandering", label: "Verandering", type: "text" },
        { key: "p", label: "p-waarde", type: "p-value" },
        { key: "streefTotNu", label: `Streefcijfer ${ytdLabel}`, type: "count" },
        { key: "koers", label: "Op koers?", type: "text" },
      ],
      rows,
      note: `Basiswaarde en streefcijfer zijn door de gemeente vastgelegd (versie ${stored.version}). Een prioriteit van meer soorten staat er alleen als het aantal van elke soort getoond mag worden. Verandering: duidelijk meer of minder als toeval onwaarschijnlijk is (exacte toets, gecorrigeerd voor het aantal prioriteiten). Percentages alleen bij aantallen van ${MIN_COUNT_FOR_PERCENT} of meer.`,
    };
    priorityBlocks.push(table);
    if (isQuarter) {
      priorityBlocks.push({
        kind: "table",
        id: "prioriteiten-kwartaal",
        caption: `Prioriteiten van ${name}: ${quarterLabel} en dezelfde maanden een jaar eerder`,
        columns: [
          { key: "prioriteit", label: "Prioriteit", type: "text" },
          { key: "kwartaal", label: quarterLabel, type: "count" },
          { key: "vorigKwartaal", label: prevQuarterLabel, type: "count" },
          { key: "verschilProcent", label: "Verschil (%)", type: "percent" },
          { key: "verandering", label: "Verandering", type: "text" },
          { key: "p", label: "p-waarde", type: "p-value" },
        ],
        rows: results.map((r) => ({
          cells: {
            prioriteit: r.priority.titel,
            kwartaal: cell(r.quarter.current, hasNow),
            vorigKwartaal: cell(r.quarter.previous, hasPrev),
            verschilProcent: r.quarter.percent,
            verandering: changeVerdict(r.quarter.test),
            p: r.quarter.test ? r.quarter.test.p : null,
          },
        })),
        note:
          first === 1
            ? "Het 1e kwartaal is januari tot en met maart."
            : "Een kwartaal is het jaar tot en met de laatste maand, min het jaar tot de eerste maand. Is een van die twee afgeschermd, dan is het kwartaal ook afgeschermd.",
      });
    }
    const sentences = results.map((r) => prioritySentence(r, ytdLabel, prevYtdLabel, hasPrev));
    priorityBlocks.push({ kind: "text", paragraphs: sentences });
    const on = results.filter((r) => r.course === "op koers").length;
    const off = results.filter((r) => r.course === "niet op koers").length;
    summary.push(
      `${name} heeft ${results.length === 1 ? "1 prioriteit" : `${results.length} prioriteiten`} met een streefcijfer. Over ${ytdLabel}: ${on} op koers, ${off} niet op koers${results.length - on - off > 0 ? `, ${results.length - on - off} niet te zeggen` : ""}.`,
    );
    for (const r of results)
      if (r.course === "niet op koers") summary.push(prioritySentence(r, ytdLabel, prevYtdLabel, hasPrev));
  }

  // Crimes and incidents: the total and the main groups, year to date against last year.
  const codes = [...new Set(input.rows.filter((r) => r.count > 0).map((r) => r.inpCode.trim()))].sort(
    compareInpCodes,
  );
  const groups = INP_TREE.filter((n) => n.level === 1)
    .map((g) => ({
      label: g.label,
      code: g.code,
      types: codes.filter((c) => inpPath(c)?.l1.code === g.code),
    }))
    .filter((g) => g.types.length > 0);
  const groupPairs = groups.map((g) => ({
    current: s.ytd(g.types, year, month),
    previous: s.ytd(g.types, year - 1, month),
  }));
  const totalPair = { current: s.ytd([TOTAL], year, month), previous: s.ytd([TOTAL], year - 1, month) };
  const groupTests = testChanges(
    hasPrev ? groupPairs : groupPairs.map(() => ({ current: null, previous: null })),
  );
  const totalTest = hasPrev ? (testChanges([totalPair])[0] ?? null) : null;
  const groupRow = (
    label: string,
    code: string | null,
    pair: typeof totalPair,
    test: ChangeTest | null,
    total = false,
  ): Row => ({
    total,
    cells: {
      groep: label,
      code,
      ditJaar: cell(pair.current, hasNow),
      vorigJaar: cell(pair.previous, hasPrev),
      verschil: pair.current !== null && pair.previous !== null ? pair.current - pair.previous : null,
      verschilProcent: percentOf(pair.current, pair.previous),
      verandering: changeVerdict(test),
      p: test ? test.p : null,
    },
  });
  const crimes: TableBlock = {
    kind: "table",
    id: "hoofdgroepen",
    caption: `Misdrijven en incidenten in ${name} per hoofdgroep, ${ytdLabel} en ${prevYtdLabel}`,
    columns: [
      { key: "groep", label: "Hoofdgroep", type: "text" },
      { key: "code", label: "Code", type: "text" },
      { key: "ditJaar", label: ytdLabel, type: "count" },
      { key: "vorigJaar", label: prevYtdLabel, type: "count" },
      { key: "verschil", label: "Verschil", type: "count" },
      { key: "verschilProcent", label: "Verschil (%)", type: "percent" },
      { key: "verandering", label: "Verandering", type: "text" },
      { key: "p", label: "p-waarde", type: "p-value" },
    ],
    rows: [
      ...groups.map((g, i) =>
        groupRow(g.label, g.code, groupPairs[i] as typeof totalPair, groupTests[i] ?? null),
      ),
      groupRow("Totaal", null, totalPair, totalTest, true),
    ],
    note: "Een hoofdgroep staat er alleen als het aantal van elke soort erin getoond mag worden. Verandering: duidelijk meer of minder als toeval onwaarschijnlijk is (exacte toets; bij de hoofdgroepen gecorrigeerd voor het aantal groepen).",
  };
  if (!hasNow) summary.push(`Voor ${name} zijn er geen cijfers over ${ytdLabel}.`);
  else if (totalPair.current !== null) {
    summary.push(
      hasPrev && totalPair.previous !== null
        ? `Alle misdrijven en incidenten samen: ${formatCount(totalPair.current)} in ${ytdLabel}, tegen ${formatCount(totalPair.previous)} in ${prevYtdLabel} (${changeVerdict(totalTest) ?? "niet te toetsen"}).`
        : `Alle misdrijven en incidenten samen: ${formatCount(totalPair.current)} in ${ytdLabel}.`,
    );
  }

  return {
    ...documentHead(ctx, "driehoeksmonitor", `Driehoeksmonitor ${name}, ${ctx.period.label}`, "aggregated"),
    summary,
    sections: [
      { id: SECTIONS[0].id, title: SECTIONS[0].title, blocks: priorityBlocks },
      { id: SECTIONS[1].id, title: SECTIONS[1].title, blocks: [crimes] },
      {
        id: SECTIONS[2].id,
        title: SECTIONS[2].title,
        blocks: [
          {
            kind: "text",
            paragraphs: [
              "De prioriteiten en streefcijfers komen uit het integraal veiligheidsplan van de gemeente. De gemeente legt ze vast; de cijfers erbij zijn misdrijven en incidenten die de politie heeft geregistreerd, geteld in de maand waarin ze gebeurden.",
              `We tellen het jaar tot nu: ${ytdLabel}. We vergelijken met dezelfde maanden een jaar eerder.`,
              "Het streefcijfer geldt voor een heel jaar. De koers loopt in een rechte lijn van de basiswaarde in het basisjaar naar het streefcijfer in het doeljaar. Het streefcijfer tot nu is het deel van de koers van dit jaar dat bij de maanden tot nu hoort: even groot als vorig jaar het deel van die maanden was (is dat niet bekend, dan naar het aantal maanden).",
              "Op koers: het aantal tot nu is niet hoger dan het streefcijfer tot nu (niet lager, als het streefcijfer hoger ligt dan de basiswaarde). Dit is een vergelijking, geen toets: kleine aantallen gaan vaak vanzelf op en neer.",
              "Een verschil met vorig jaar heet duidelijk als het niet door toeval te verklaren is.",
              "Sommige aantallen zijn afgeschermd: kleine aantallen, en wat je daaruit zou kunnen terugrekenen, worden niet getoond. Een som van meer soorten staat er alleen als elk aantal erin getoond mag worden.",
              "Een leeg vak: voor die periode zijn er geen cijfers.",
            ],
          },
        ],
      },
    ],
  };
}

function prioritySentence(
  r: PriorityResult,
  ytdLabel: string,
  prevYtdLabel: string,
  hasPrev: boolean,
): string {
  const t = r.priority.titel;
  if (r.current === null) return `${t}: ${r.noCourse ?? "niet te zeggen"}.`;
  const prev = hasPrev && r.previous !== null ? ` (${prevYtdLabel}: ${formatCount(r.previous)})` : "";
  const goal =
    r.pathSoFar === null
      ? ""
      : `; het streefcijfer tot nu is ongeveer ${formatCount(Math.round(r.pathSoFar))}`;
  const course = r.course ?? r.noCourse ?? "niet te zeggen";
  return `${t}: ${formatCount(r.current)} in ${ytdLabel}${prev}${goal}. ${course.charAt(0).toUpperCase()}${course.slice(1)}.`;
}

/** The store's documents, where the store offers them (the engine passes the whole store). */
function documentsOf(store: ProductStore): Pick<Store, "documents"> | null {
  const documents = (store as Partial<Store>).documents;
  return typeof documents === "function" ? { documents: documents.bind(store) } : null;
}

async function load(store: ProductStore, ctx: ProductContext): Promise<DriehoeksmonitorInput> {
  periodOf(ctx);
  const counts = await loadAreaCounts(store, ctx);
  const docs = documentsOf(store);
  return { ...counts, targets: docs ? await currentTargets(docs, ctx.area.code) : null };
}

export const driehoeksmonitor: ProductDefinition<DriehoeksmonitorInput> = {
  id: "driehoeksmonitor",
  title: "Driehoeksmonitor misdrijven en incidenten",
  description:
    "De prioriteiten uit het integraal veiligheidsplan tegen hun streefcijfers, en de misdrijven en incidenten van het jaar tot nu vergeleken met vorig jaar, voor het driehoeksoverleg.",
  sections: SECTIONS,
  measures: [
    "aantal registraties per prioriteit, jaar tot nu",
    "streefcijfer en koers",
    "op koers of niet",
    "verschil met vorig jaar (%)",
    "duidelijke verandering (toets)",
  ],
  levels: ["gemeente"],
  defaultLevel: "gemeente",
  periodKinds: ["maand", "kwartaal"],
  cadence: "per-driehoeksoverleg",
  audience: ["burgemeester", "oov-adviseur", "teamchef", "officier-van-justitie"],
  sensitivity: "aggregated",
  load,
  protect: (store, input, table, ctx) =>
    protectCounts(store, ctx.area.code, ctx.lastCompleteMonth)(input, null, table),
  build,
};
