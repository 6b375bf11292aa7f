// Tabellenboek: the full tables of a gemeente for the year up to the chosen month — every INP type
// per month; per wijk the INP main groups per month; per buurt the total per month — with the
// year so far against last year, and maps of the wijken and buurten. XLSX first (one sheet per
// table). The gemeente, its wijken and its buurten are protected as one family, so no small count
// of a wijk or buurt follows from the gemeente minus the others.

import type { FamilyDecision } from "../../disclosure/table-protection/area-family-protection.ts";
import { frozenMemo } from "../../disclosure/table-protection/frozen-memo.ts";
import { SHOW_ALL, type Shown, TOTAL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import {
  familyOptions,
  protectFamily,
  withoutTypes,
} from "../../disclosure/table-protection/protect-family.ts";
import { type TableProtection, withheldBelow } from "../../disclosure/table-protection/protection-rules.ts";
import { compareInpCodes, INP_TREE, inpPath } from "../../domain/inp-tree.ts";
import { monthLabelNl } from "../../domain/time.ts";
import { monthRangeNl, shortMonthNl } from "../../render/format-nl.ts";
import type { AreaMonthlyCount, MonthlyCount } from "../../store/store.ts";
import { countCell } from "../parts/area-counts.ts";
import { type AreaRef, areasWithin, gemeenteWithWijkenAndBuurten } from "../parts/areas-within.ts";
import { documentHead } from "../parts/document-head.ts";
import { type BuildKey, keptBuild } from "../parts/kept-build.ts";
import type { ProductContext, ProductDefinition, ProductStore } from "../product-definition.ts";
import type { Cell, MapFeature, ProductDocument, Row, Section, TableBlock } from "../product-document.ts";
import { periodMonths } from "../product-period.ts";

export interface TabellenboekInput {
  rows: readonly MonthlyCount[];
  wijkRows: readonly AreaMonthlyCount[];
  buurtRows: readonly AreaMonthlyCount[];
  wijken: AreaRef[];
  buurten: AreaRef[];
  /** Types left out of the wijken and buurten for this recipient (sexual offences). */
  withheldBelow: string[];
  decision: Pick<FamilyDecision, "gemeente" | "wijk" | "buurt"> | null;
}

const SECTIONS = [
  { id: "gemeente", title: "Gemeente: alle soorten per maand" },
  { id: "wijken", title: "Wijken: hoofdgroepen per maand" },
  { id: "buurten", title: "Buurten: totaal per maand" },
  { id: "uitleg", title: "Hoe lees je deze tabellen?" },
] as const;

async function load(store: ProductStore, ctx: ProductContext): Promise<TabellenboekInput> {
  const g = ctx.area.code;
  const range = { gemeente: g, fromMonth: 190001, toMonth: ctx.lastCompleteMonth };
  const [rows, wijkRows, buurtRows, wijken, buurten] = await Promise.all([
    store.monthlyCounts({ area: g, level: "gemeente", fromMonth: 190001, toMonth: ctx.lastCompleteMonth }),
    store.monthlyCountsWithin({ ...range, level: "wijk" }),
    store.monthlyCountsWithin({ ...range, level: "buurt" }),
    areasWithin(store, "wijk", ctx),
    areasWithin(store, "buurt", ctx),
  ]);
  return { rows, wijkRows, buurtRows, wijken, buurten, withheldBelow: [], decision: null };
}

async function protect(
  store: ProductStore,
  input: TabellenboekInput,
  table: TableProtection,
  ctx: ProductContext,
): Promise<TabellenboekInput> {
  if ((table.roundTo ?? 1) > 1) throw new RangeError("het tabellenboek wordt niet afgerond geleverd");
  const below = withheldBelow(table);
  const belowKey = [...new Set(below)].sort().join(",");
  const decision =
    table.minimum > 1
      ? await protectFamily(
          store,
          ctx.area.code,
          input.rows,
          familyOptions(table, ctx.lastCompleteMonth, { wijken: input.wijkRows, buurten: input.buurtRows }),
        )
      : null;
  return {
    ...input,
    wijkRows: withoutTypes(input.wijkRows, belowKey),
    buurtRows: withoutTypes(input.buurtRows, belowKey),
    withheldBelow: below,
    decision,
  };
}

/** Sums of rows per key and month. */
function sums<T extends MonthlyCount>(
  rows: readonly T[],
  key: (r: T) => string,
): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const k = key(r);
    let m = out.get(k);
    if (!m) {
      m = new Map();
      out.set(k, m);
    }
    m.set(r.month, (m.get(r.month) ?? 0) + r.count);
  }
  return out;
}

/** How rows are grouped for the sums the tables need. */
const SUM_KEYS: Record<string, (r: MonthlyCount & { area?: string }) => string> = {
  type: (r) => r.inpCode.trim(),
  total: () => TOTAL,
  area: (r) => r.area ?? "",
  areaGroup: (r) => `${r.area ?? ""}|${inpPath(r.inpCode.trim())?.l1.code ?? "onbekend"}`,
};

/**
 * Sums per key and month, kept per counts read (the store's reads are frozen and shared, so the
 * same read gives the same sums; read-only for the caller). `variant`: a key of SUM_KEYS, and for
 * "type" the last complete month (later months and zeros left out).
 */
const sumsOf = frozenMemo(
  (
    rows: readonly (MonthlyCount & { area?: string })[],
    variant: string,
  ): ReadonlyMap<string, Map<number, number>> => {
    const [name = "", until] = variant.split("|");
    const key = SUM_KEYS[name];
    if (!key) throw new Error(`onbekende som ${name}`);
    const upto = until === undefined ? Number.POSITIVE_INFINITY : Number(until);
    return sums(until === undefined ? rows : rows.filter((r) => r.month <= upto && r.count > 0), key);
  },
);

function build(input: TabellenboekInput, ctx: ProductContext): ProductDocument {
  const to = ctx.period.to;
  const year = Math.floor(to / 100);
  const months = periodMonths({ from: year * 100 + 1, to });
  const ytd = { from: year * 100 + 1, to };
  const prevYtd = { from: ytd.from - 100, to: ytd.to - 100 };
  const d = input.decision;
  const sumOf = (m: Map<number, number> | undefined, from: number, upto: number) => {
    let s = 0;
    for (const [k, v] of m ?? []) if (k >= from && k <= upto) s += v;
    return s;
  };
  const cell = (
    shown: Shown,
    series: string,
    m: Map<number, number> | undefined,
    from: number,
    upto: number,
  ): Cell => countCell(shown(series, from, upto) ? sumOf(m, from, upto) : null);
  const monthColumns = months.map((m) => ({
    key: `m${m}`,
    label: `${shortMonthNl(m % 100)} ${year}`,
    type: "count" as const,
  }));
  const tail = [
    { key: "jaar", label: monthRangeNl(ytd.from, ytd.to), type: "count" as const },
    { key: "vorigJaar", label: monthRangeNl(prevYtd.from, prevYtd.to), type: "count" as const },
  ];
  const rowCells = (
    shown: Shown,
    series: string,
    m: Map<number, number> | undefined,
  ): Record<string, Cell> => ({
    ...Object.fromEntries(months.map((mo) => [`m${mo}`, cell(shown, series, m, mo, mo)])),
    jaar: cell(shown, series, m, ytd.from, ytd.to),
    vorigJaar: cell(shown, series, m, prevYtd.from, prevYtd.to),
  });

  // The gemeente: every type the gemeente ever had (an absent row would tell a 0 protection hides).
  const gShown = d?.gemeente ?? SHOW_ALL;
  const byType = sumsOf(input.rows, `type|${ctx.lastCompleteMonth}`);
  const total = sumsOf(input.rows, "total").get(TOTAL);
  const gRows: Row[] = [];
  let l1: string | null = null;
  for (const code of [...byType.keys()].sort(compareInpCodes)) {
    const path = inpPath(code);
    if (path && path.l1.code !== l1) {
      l1 = path.l1.code;
      gRows.push({ depth: 0, cells: { soort: path.l1.label, code: null } });
    }
    gRows.push({
      depth: 1,
      cells: {
        soort: path?.l3.label ?? `Onbekende soort (${code})`,
        code,
        ...rowCells(gShown, code, byType.get(code)),
      },
    });
  }
  gRows.push({
    depth: 0,
    total: true,
    cells: { soort: "Totaal", code: null, ...rowCells(gShown, TOTAL, total) },
  });
  const gemeenteTable: TableBlock = {
    kind: "table",
    id: "gemeente",
    caption: `${ctx.area.name}: registraties per soort en maand, ${monthRangeNl(ytd.from, ytd.to)}`,
    columns: [
      { key: "soort", label: "Soort", type: "text" },
      { key: "code", label: "Code", type: "text" },
      ...monthColumns,
      ...tail,
    ],
    rows: gRows,
  };

  // Wijken: main groups and total per month.
  const groups = INP_TREE.filter((n) => n.level === 1);
  const wGroup = sumsOf(input.wijkRows, "areaGroup");
  const wTotal = sumsOf(input.wijkRows, "area");
  const wRows: Row[] = [];
  const wijkYtd = new Map<string, Cell>();
  for (const w of input.wijken) {
    const shown = d ? d.wijk(w.code) : SHOW_ALL;
    const present = groups.filter((g) => wGroup.has(`${w.code}|${g.code}`));
    const cells = rowCells(shown, TOTAL, wTotal.get(w.code));
    wijkYtd.set(w.code, cells.jaar ?? null);
    wRows.push({ depth: 0, cells: { gebied: `${w.name} (${w.code})`, groep: "Totaal", ...cells } });
    for (const g of present)
      wRows.push({
        depth: 1,
        cells: { gebied: "", groep: g.label, ...rowCells(shown, g.code, wGroup.get(`${w.code}|${g.code}`)) },
      });
  }
  const wijkTable: TableBlock = {
    kind: "table",
    id: "wijken",
    caption: `Registraties per wijk en hoofdgroep, ${monthRangeNl(ytd.from, ytd.to)}`,
    columns: [
      { key: "gebied", label: "Wijk", type: "text" },
      { key: "groep", label: "Hoofdgroep", type: "text" },
      ...monthColumns,
      ...tail,
    ],
    rows: wRows,
    note:
      input.withheldBelow.length > 0
        ? "Zedenmisdrijven tellen in wijken en buurten niet mee: zo kleine groepen maken slachtoffers herkenbaar."
        : undefined,
  };

  const bTotal = sumsOf(input.buurtRows, "area");
  const bRows: Row[] = input.buurten.map((b) => ({
    cells: {
      gebied: b.name,
      code: b.code,
      ...rowCells(d ? d.buurt(b.code) : SHOW_ALL, TOTAL, bTotal.get(b.code)),
    },
  }));
  const buurtTable: TableBlock = {
    kind: "table",
    id: "buurten",
    caption: `Registraties per buurt, ${monthRangeNl(ytd.from, ytd.to)}`,
    columns: [
      { key: "gebied", label: "Buurt", type: "text" },
      { key: "code", label: "Code", type: "text" },
      ...monthColumns,
      ...tail,
    ],
    rows: bRows,
    note: wijkTable.note,
  };

  const features = (areas: AreaRef[], value: (code: string) => Cell): MapFeature[] =>
    areas.flatMap((a) => {
      if (!a.wgs84) return [];
      const v = value(a.code);
      const withheld = typeof v === "object" && v !== null;
      return [
        {
          type: "Feature" as const,
          id: a.code,
          geometry: { type: "MultiPolygon" as const, coordinates: a.wgs84 },
          properties: {
            code: a.code,
            naam: a.name,
            aantal: typeof v === "number" ? v : null,
            ...(withheld ? { afgeschermd: true } : {}),
          },
        },
      ];
    });
  const buurtYtd = new Map(bRows.map((r) => [r.cells.code as string, r.cells.jaar]));
  /** A map of the areas' year-to-date counts (map "kaart-" + the table's id) above their table. */
  const mapSection = (
    section: { id: string; title: string },
    noun: "wijk" | "buurt",
    areas: AreaRef[],
    ytdOf: Map<string, Cell | undefined>,
    table: TableBlock,
  ): Section => ({
    id: section.id,
    title: section.title,
    blocks: [
      {
        kind: "map",
        id: `kaart-${table.id}`,
        caption: `Registraties per ${noun}, ${monthRangeNl(ytd.from, ytd.to)}`,
        valueKey: "aantal",
        table: table.id,
        features: features(areas, (c) => ytdOf.get(c) ?? null),
      },
      table,
    ],
  });

  const withheld = [gemeenteTable, wijkTable, buurtTable].some((t) =>
    t.rows.some((r) => Object.values(r.cells).some((c) => typeof c === "object" && c !== null)),
  );
  const ytdTotal = gRows.at(-1)?.cells.jaar;
  return {
    ...documentHead(
      ctx,
      "tabellenboek",
      `Tabellenboek ${ctx.area.name}, ${monthRangeNl(ytd.from, ytd.to)}`,
      "aggregated",
    ),
    summary: [
      typeof ytdTotal === "number"
        ? `In ${monthRangeNl(ytd.from, ytd.to)} registreerde de politie ${ytdTotal.toLocaleString("nl-NL")} misdrijven en incidenten in ${ctx.area.name}.`
        : `Het totaal van ${monthRangeNl(ytd.from, ytd.to)} is afgeschermd.`,
      `Het tabellenboek heeft ${gRows.length} regels voor de gemeente, ${input.wijken.length} wijken en ${input.buurten.length} buurten.`,
    ],
    sections: [
      { id: "gemeente", title: SECTIONS[0].title, blocks: [gemeenteTable] },
      mapSection(SECTIONS[1], "wijk", input.wijken, wijkYtd, wijkTable),
      mapSection(SECTIONS[2], "buurt", input.buurten, buurtYtd, buurtTable),
      {
        id: "uitleg",
        title: SECTIONS[3].title,
        blocks: [
          {
            kind: "text",
            paragraphs: [
              `Elke registratie telt in de maand waarin het gebeurde, in de wijk en buurt waar het gebeurde (gebiedsindeling ${ctx.area.year}). Wat niet in een wijk of buurt te plaatsen was, telt alleen mee voor de gemeente.`,
              withheld
                ? "Een streepje betekent afgeschermd: het aantal is klein, of zou samen met andere cijfers in dit tabellenboek of in andere producten een klein aantal verraden. Zo blijven mensen onherkenbaar."
                : "Er is niets afgeschermd.",
              `Gemaakt met de cijfers tot en met ${monthLabelNl(ctx.lastCompleteMonth)}.`,
            ],
          },
        ],
      },
    ],
  };
}

/**
 * What the document is built from, besides the context: the store's frozen reads, the decision and
 * the areas by identity (null when a read or an area is not frozen: then nothing is kept).
 */
function buildKey(input: TabellenboekInput): BuildKey | null {
  const { rows, wijkRows, buurtRows } = input;
  const areas = [...input.wijken, ...input.buurten];
  if (![rows, wijkRows, buurtRows, ...areas].every((x) => Object.isFrozen(x))) return null;
  return [
    rows,
    wijkRows,
    buurtRows,
    input.decision,
    input.withheldBelow.join(","),
    input.wijken.length,
    ...areas,
  ];
}

export const tabellenboek: ProductDefinition<TabellenboekInput> = {
  id: "tabellenboek",
  title: "Tabellenboek",
  description:
    "Alle cijfers in tabellen: elke soort per maand voor de gemeente, de hoofdgroepen per wijk en het totaal per buurt, met het jaar tot nu en vorig jaar. Vooral als Excel-bestand.",
  sections: SECTIONS,
  measures: ["aantal registraties per maand", "jaar tot nu", "vorig jaar tot nu"],
  levels: ["gemeente"],
  defaultLevel: "gemeente",
  periodKinds: ["maand", "jaar"],
  cadence: "maandelijks",
  audience: ["oov-adviseur", "analist-gemeente", "politie-analist"],
  sensitivity: "aggregated",
  disclosedAreas: gemeenteWithWijkenAndBuurten,
  load,
  protect,
  build: keptBuild(build, buildKey),
};
