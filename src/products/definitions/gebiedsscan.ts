// Gebiedsscan criminaliteit & overlast: for a gemeente and a year (or the 12 months up to a month)
// where registrations cluster (hot spots: Gi* over a 100 m grid with a false-discovery-rate
// correction, and a smoothed density map), the places with repeat registrations (police only),
// how the total, the main groups, the most registered types and the wijken develop (change
// against the 12 months before, Mann-Kendall trend over 36 months), and what the police team,
// residents, partners and the gemeente know, with the gemeente's priorities (local knowledge).
//
// What is shown to whom. Counts are only sums the gemeente's family decision shows (gemeente
// types and total, wijk totals), or sums composed of shown sums (main groups from their types);
// a trend only from months that are all shown. Grid cells are no decided sums: a recipient with
// table protection gets no cell counts — only Gi* classes, and the density as a map of five
// levels drawn only where at least `minimum` registrations lie within the kernel's radius — and
// no hot places (those are for the police, and never with an address: a place is shown by its
// buurt and the 100 m cell it lies in). Types withheld below the gemeente (sexual offences) are
// left out of the grid for such recipients as well.

import { rdPointNl } from "../../analysis/duiding/hotspots-text.ts";
import { describeDensity, describeTrend } from "../../analysis/duiding/index.ts";
import { benjaminiHochbergCutoff } from "../../analysis/hotspots/fdr.ts";
import {
  type GridHotspotsResult,
  gridHotspots,
  type HotspotCell,
} from "../../analysis/hotspots/grid-hotspots.ts";
import { denseCells } from "../../analysis/kde/dense-cells.ts";
import { type MannKendallResult, mannKendall } from "../../analysis/mann-kendall/mann-kendall.ts";
import { repeatPlaces } from "../../analysis/repeat-places/repeat-places.ts";
import {
  type FamilyDecision,
  groupOf,
  wijkOfBuurt,
} from "../../disclosure/table-protection/area-family-protection.ts";
import { frozenMemo } from "../../disclosure/table-protection/frozen-memo.ts";
import { SHOW_ALL, type Shown, TOTAL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import {
  familyOptions,
  protectFamily,
  withoutTypes,
} from "../../disclosure/table-protection/protect-family.ts";
import { type TableProtection, withheldBelow } from "../../disclosure/table-protection/protection-rules.ts";
import type { MultiPolygon } from "../../domain/area.ts";
import { pointInMultiPolygon } from "../../domain/geo/point-in-polygon.ts";
import { rdToWgs84 } from "../../domain/geo/rd.ts";
import { compareInpCodes, inpNode } from "../../domain/inp-tree.ts";
import type { Registration } from "../../domain/registration.ts";
import { addMonths, monthLabelNl } from "../../domain/time.ts";
import { formatCount, monthRangeNl } from "../../render/format-nl.ts";
import type { AreaMonthlyCount, MonthlyCount, Store } from "../../store/store.ts";
import { countCell } from "../parts/area-counts.ts";
import { type AreaRef, areasWithin, gemeenteWithWijkenAndBuurten } from "../parts/areas-within.ts";
import { CLEAR_CHANGE_NOTE } from "../parts/change-columns.ts";
import { CHANGE_FDR, changeVerdict, testChanges } from "../parts/change-tests.ts";
import { documentHead } from "../parts/document-head.ts";
import { type BuildKey, keptBuild } from "../parts/kept-build.ts";
import {
  knowledgeBlocks,
  type LocalKnowledgeBody,
  readLocalKnowledge,
  SECTION_TITLES,
  TEXT_SECTIONS,
} from "../parts/local-knowledge.ts";
import { sumOfShown } from "../parts/month-sums.ts";
import { pointsOf, pointsOnly, pointsWithout, type RegistrationPoint } from "../parts/registration-points.ts";
import { chartOf } from "../parts/table-chart.ts";
import type { ProductContext, ProductDefinition, ProductStore } from "../product-definition.ts";
import type {
  Block,
  Cell,
  MapFeature,
  ProductDocument,
  Row,
  Section,
  TableBlock,
} from "../product-document.ts";

/** A registration as the grid uses it: its place and type, nothing else. */
export type GridPoint = RegistrationPoint;

/** A registration as the hot places use it (police only): an opaque place key, never the address. */
export interface PlaceItem {
  /** "p<n>" for the n-th address in the window; null without an address (then the 25 m cell). */
  address: string | null;
  x: number | null;
  y: number | null;
  buurt: string | null;
  inpCode: string | null;
}

export interface GebiedsscanInput {
  rows: readonly MonthlyCount[];
  wijkRows: readonly AreaMonthlyCount[];
  wijken: AreaRef[];
  buurten: AreaRef[];
  gemeenteRd: MultiPolygon | null;
  /** Registrations in the 12 months with a place (RD). */
  points: readonly GridPoint[];
  /** For hot places; null when the recipient gets none (table protection). */
  places: readonly PlaceItem[] | null;
  /** The newest local knowledge for the gemeente and the year. */
  knowledge: LocalKnowledgeBody | null;
  decision: Pick<FamilyDecision, "gemeente" | "wijk"> | null;
  /** The table protection's minimum (≤ 1: none, as for the police). */
  minimum: number;
}

const SECTIONS = [
  { id: "hotspots", title: "Hotspots: waar is het opvallend vaak raak?" },
  { id: "dichtheid", title: "Dichtheid: waar liggen registraties dicht bij elkaar?" },
  { id: "hotspotlocaties", title: "Plekken met herhaalde registraties (alleen politie)" },
  { id: "ontwikkeling", title: "Ontwikkeling: meer of minder, en de trend" },
  { id: "wijken", title: "Wijken" },
  { id: "prioriteiten", title: SECTION_TITLES.prioriteiten },
  { id: "lokale-kennis", title: "Lokale kennis" },
  { id: "uitleg", title: "Hoe lees je deze gebiedsscan?" },
] as const;

/** Gi*: 100 m cells, neighbours within 300 m (29 cells), Benjamini–Hochberg at 5%. */
export const GRID = { cell: 100, distance: 300, fdr: 0.05 } as const;
/** Density: 200 m cells, quartic kernel with a 500 m radius. */
export const DENSITY = { cell: 200, radius: 500 } as const;
/** A place with at least this many registrations in the 12 months is a hot place; at most this many shown. */
export const REPEAT = { min: 5, cell: 25, shown: 25 } as const;
/** Months the trend looks back over, and the fewest it needs. */
export const TREND_MONTHS = 36;
export const MIN_TREND_MONTHS = 24;
/** Most registered types shown. */
const TOP_TYPES = 10;
/** Hot-spot cells listed (the map shows them all). */
const LISTED_CELLS = 50;

const lastDayOf = (yyyymm: number) =>
  Number(
    new Date(Date.UTC(Math.floor(yyyymm / 100), yyyymm % 100, 0))
      .toISOString()
      .slice(0, 10)
      .replaceAll("-", ""),
  );

/** The 12 months the scan covers: the year, or the 12 months up to the month. */
export function scanWindow(ctx: ProductContext): { from: number; to: number } {
  return { from: addMonths(ctx.period.to, -11), to: ctx.period.to };
}

/**
 * The store's documents, when the engine's store has them: local knowledge is written for this
 * product by people, not data of registrations, so it needs no protection (ProductStore does not
 * list `documents` yet).
 */
function documentsOf(store: ProductStore): Pick<Store, "documents"> | null {
  const s = store as ProductStore & Partial<Pick<Store, "documents">>;
  return typeof s.documents === "function" ? { documents: s.documents.bind(store) } : null;
}

async function load(store: ProductStore, ctx: ProductContext): Promise<GebiedsscanInput> {
  const g = ctx.area.code;
  const w = scanWindow(ctx);
  const range = { gemeente: g, fromMonth: 190001, toMonth: ctx.lastCompleteMonth };
  const docs = documentsOf(store);
  const [rows, wijkRows, wijken, buurten, gemeenten, regs, knowledge] = await Promise.all([
    store.monthlyCounts({ area: g, level: "gemeente", fromMonth: 190001, toMonth: ctx.lastCompleteMonth }),
    store.monthlyCountsWithin({ ...range, level: "wijk" }),
    areasWithin(store, "wijk", ctx),
    areasWithin(store, "buurt", ctx),
    store.areas("gemeente", ctx.area.year),
    store.registrations({ area: g, level: "gemeente", fromDay: w.from * 100 + 1, toDay: lastDayOf(w.to) }),
    docs ? readLocalKnowledge(docs, g, Math.floor(w.to / 100)) : Promise.resolve(null),
  ]);
  return {
    rows,
    wijkRows,
    wijken,
    buurten,
    gemeenteRd: gemeenten.find((a) => a.code === g)?.rd ?? null,
    points: pointsOf(regs),
    places: placesOf(regs),
    knowledge: knowledge?.body ?? null,
    decision: null,
    minimum: 0,
  };
}

/** The registrations as the hot places use them, each address an opaque key (kept per read). */
const placesOf = frozenMemo((regs: readonly Registration[]): readonly PlaceItem[] => {
  const addresses = new Map<string, string>();
  return Object.freeze(
    regs.map((r) => {
      let address: string | null = null;
      if (r.postcode && r.houseNumber) {
        const key = `${r.postcode.replace(/\s+/g, "").toUpperCase()} ${r.houseNumber.trim().toUpperCase()}`;
        address = addresses.get(key) ?? `p${addresses.size + 1}`;
        addresses.set(key, address);
      }
      return Object.freeze({ address, x: r.x, y: r.y, buurt: r.placement.buurt, inpCode: r.inpCode });
    }),
  );
});

async function protect(
  store: ProductStore,
  input: GebiedsscanInput,
  table: TableProtection,
  ctx: ProductContext,
): Promise<GebiedsscanInput> {
  if ((table.roundTo ?? 1) > 1) throw new RangeError("de gebiedsscan wordt niet afgerond geleverd");
  const belowKey = [...withheldBelow(table)].sort().join(",");
  // The same reads give the same arrays, so the document can be kept (keptBuild).
  const points = pointsWithout(input.points, belowKey);
  const wijkRows = withoutTypes(input.wijkRows, belowKey);
  if (table.minimum <= 1) return { ...input, points, wijkRows, minimum: table.minimum };
  const decision = await protectFamily(
    store,
    ctx.area.code,
    input.rows,
    familyOptions(table, ctx.lastCompleteMonth),
  );
  // No types and no places: the grid needs only where registrations are.
  return {
    ...input,
    points: pointsOnly(points),
    wijkRows,
    places: null,
    decision,
    minimum: table.minimum,
  };
}

// --- building blocks --------------------------------------------------------------------------

const KLASSE_LABEL: Record<string, string> = {
  "hot-99": "hotspot, 99% betrouwbaarheid",
  "hot-95": "hotspot, 95% betrouwbaarheid",
  "hot-90": "hotspot, 90% betrouwbaarheid",
  "cold-99": "coldspot, 99% betrouwbaarheid",
  "cold-95": "coldspot, 95% betrouwbaarheid",
  "cold-90": "coldspot, 90% betrouwbaarheid",
};
const isHot = (c: HotspotCell) => c.klasse.startsWith("hot-");
const isCold = (c: HotspotCell) => c.klasse.startsWith("cold-");
const confidence = (c: HotspotCell) => Number(c.klasse.slice(-2));

/** A square of RD corners as a WGS84 polygon (counter-clockwise, closed). */
function cellPolygon(x0: number, y0: number, x1: number, y1: number): MapFeature["geometry"] {
  const sw = rdToWgs84(x0, y0);
  return {
    type: "Polygon",
    coordinates: [[sw, rdToWgs84(x1, y0), rdToWgs84(x1, y1), rdToWgs84(x0, y1), [sw[0], sw[1]]]],
  };
}

/** The buurt whose (RD) outline holds the point; null when none. */
function buurtAt(buurten: readonly AreaRef[], x: number, y: number): AreaRef | null {
  for (const b of buurten) if (b.rd && pointInMultiPolygon(b.rd, x, y)) return b;
  return null;
}

const rdLabel = (x: number, y: number) => `${Math.round(x)}, ${Math.round(y)}`;

function hotspotSentences(result: GridHotspotsResult, police: boolean): string[] {
  const cells = result.cells;
  if (cells.length === 0) return ["Er zijn geen registraties met een plek, dus ook geen hotspots."];
  const hot = cells.filter(isHot);
  const cold = cells.filter(isCold);
  const level = (xs: HotspotCell[], c: number) => xs.filter((x) => confidence(x) === c).length;
  const count = (n: number, kind: string) =>
    `${formatCount(n)} ${n === 1 ? "cel is een" : "cellen zijn een"} ${kind}`;
  const out = [
    `We hebben ${formatCount(cells.length)} cellen van ${GRID.cell} bij ${GRID.cell} meter onderzocht. Een hotspot is een cel waar, samen met de cellen tot ${GRID.distance} meter eromheen, opvallend veel registraties zijn; een coldspot juist opvallend weinig.`,
    hot.length > 0
      ? `${count(hot.length, "hotspot")} (${[99, 95, 90]
          .filter((c) => level(hot, c) > 0)
          .map((c) => `${formatCount(level(hot, c))} met ${c}%`)
          .join(" en ")} betrouwbaarheid).`
      : "Er zijn geen hotspots gevonden.",
    cold.length > 0 ? `${count(cold.length, "coldspot")}.` : "Er zijn geen coldspots gevonden.",
    `Daarbij is rekening gehouden met het grote aantal toetsen (false discovery rate, q = ${GRID.fdr * 100}%).`,
  ];
  const strongest = hot.reduce<HotspotCell | null>((s, c) => (s === null || c.z > s.z ? c : s), null);
  if (strongest) {
    const x = (strongest.x0 + strongest.x1) / 2;
    const y = (strongest.y0 + strongest.y1) / 2;
    out.push(
      `De sterkste hotspot is de cel rond ${rdPointNl(x, y)}` +
        (police ? `; daar zijn ${formatCount(strongest.count)} registraties.` : "."),
    );
  }
  return out;
}

function trendLabel(
  t: MannKendallResult | null,
  clear: boolean,
  why: "afgeschermd" | "te-weinig" | null,
): string {
  if (!t) return why === "afgeschermd" ? "afgeschermd" : "te weinig maanden";
  if (!clear) return "geen duidelijke trend";
  return t.z > 0 ? "stijgend" : "dalend";
}

// --- build ------------------------------------------------------------------------------------

function build(input: GebiedsscanInput, ctx: ProductContext): ProductDocument {
  const w = scanWindow(ctx);
  const prev = { from: addMonths(w.from, -12), to: addMonths(w.to, -12) };
  const label = ctx.period.kind === "jaar" ? ctx.period.label : monthRangeNl(w.from, w.to);
  const prevLabel =
    ctx.period.kind === "jaar" ? String(Math.floor(prev.to / 100)) : monthRangeNl(prev.from, prev.to);
  const police = input.minimum <= 1;
  const d = input.decision;
  const gShown: Shown = d?.gemeente ?? SHOW_ALL;
  const wShown = (code: string): Shown => (d ? d.wijk(code) : SHOW_ALL);

  // Monthly sums of the gemeente per type.
  const byType = new Map<string, Map<number, number>>();
  let first = Number.POSITIVE_INFINITY;
  for (const r of input.rows) {
    if (r.count <= 0 || r.month > ctx.lastCompleteMonth) continue;
    const code = r.inpCode.trim();
    let m = byType.get(code);
    if (!m) {
      m = new Map();
      byType.set(code, m);
    }
    m.set(r.month, (m.get(r.month) ?? 0) + r.count);
    first = Math.min(first, r.month);
  }
  const dataStart = Number.isFinite(first) ? Math.floor(first / 100) * 100 + 1 : null;
  const rawSum = (code: string, from: number, to: number) => {
    let s = 0;
    const codes = code === TOTAL ? [...byType.keys()] : [code];
    for (const c of codes) for (const [mo, v] of byType.get(c) ?? []) if (mo >= from && mo <= to) s += v;
    return s;
  };
  /** A decided sum of the gemeente (a type or the total), or null when withheld or before the data. */
  const shown = (code: string, from: number, to: number): number | null =>
    dataStart !== null && from >= dataStart && gShown(code, from, to) ? rawSum(code, from, to) : null;
  const types = [...byType.keys()].sort(compareInpCodes);
  const groups = [...new Set(types.map(groupOf))].filter((g) => g !== "onbekend").sort(compareInpCodes);
  /** A main group: composed of its types' shown sums. */
  const groupSum = (g: string, from: number, to: number) =>
    sumOfShown(types.filter((t) => groupOf(t) === g).map((t) => shown(t, from, to)));

  // Development: total and main groups, the window against the 12 months before, and the trend.
  const trendMonths: number[] = [];
  if (dataStart !== null)
    for (let m = addMonths(w.to, -(TREND_MONTHS - 1)); m <= w.to; m = addMonths(m, 1))
      if (m >= dataStart) trendMonths.push(m);
  const hasTrend = trendMonths.length >= MIN_TREND_MONTHS;
  const series = [
    { key: TOTAL, label: "Totaal", sum: (f: number, t: number) => shown(TOTAL, f, t) },
    ...groups.map((g) => ({
      key: g,
      label: inpNode(g, 1)?.label ?? g,
      sum: (f: number, t: number) => groupSum(g, f, t),
    })),
  ].map((s) => {
    const values = hasTrend ? trendMonths.map((m) => s.sum(m, m)) : null;
    const complete = values?.every((v) => v !== null) ?? false;
    return {
      ...s,
      current: s.sum(w.from, w.to),
      previous: s.sum(prev.from, prev.to),
      trend: values && complete ? mannKendall(values as number[]) : null,
      why: values === null ? ("te-weinig" as const) : complete ? null : ("afgeschermd" as const),
    };
  });
  const changes = testChanges(series.map((s) => ({ current: s.current, previous: s.previous })));
  const pTrends = series.flatMap((s) => (s.trend ? [s.trend.p] : []));
  const trendCut =
    pTrends.length > 0 ? benjaminiHochbergCutoff(pTrends, CHANGE_FDR) : Number.NEGATIVE_INFINITY;
  const difference = (a: number | null, b: number | null): Cell => (a === null || b === null ? null : a - b);
  /** Before the first year with data there is no figure (empty), which is not the same as withheld. */
  const figure = (value: number | null, from: number): Cell =>
    dataStart === null || from < dataStart ? null : countCell(value);
  const groupTable: TableBlock = {
    kind: "table",
    id: "per-hoofdgroep",
    caption: `Registraties per hoofdgroep, ${label} tegen ${prevLabel}`,
    columns: [
      { key: "groep", label: "Hoofdgroep", type: "text" },
      { key: "aantal", label, type: "count" },
      { key: "vorig", label: prevLabel, type: "count" },
      { key: "verschil", label: "Verschil", type: "count" },
      { key: "verandering", label: "Verandering", type: "text" },
      { key: "trend", label: `Trend over ${trendMonths.length} maanden`, type: "text" },
      { key: "pTrend", label: "p-waarde trend", type: "p-value" },
    ],
    rows: series.map((s, i) => ({
      total: s.key === TOTAL,
      depth: s.key === TOTAL ? 0 : 1,
      cells: {
        groep: s.label,
        aantal: figure(s.current, w.from),
        vorig: figure(s.previous, prev.from),
        verschil: difference(s.current, s.previous),
        verandering: changeVerdict(changes[i] ?? null),
        trend: trendLabel(s.trend, s.trend !== null && s.trend.z !== 0 && s.trend.p <= trendCut, s.why),
        pTrend: s.trend ? s.trend.p : null,
      },
    })),
    note: `${CLEAR_CHANGE_NOTE} Trend: Mann-Kendall-toets over de maanden, gecorrigeerd voor het aantal rijen; een hoofdgroep is de som van zijn soorten en staat er alleen als elke soort getoond mag worden.`,
  };
  const monthTable: TableBlock = {
    kind: "table",
    id: "totaal-per-maand",
    caption: `Alle registraties per maand, ${trendMonths.length > 0 ? monthRangeNl(trendMonths[0] as number, w.to) : label}`,
    columns: [
      { key: "maand", label: "Maand", type: "text" },
      { key: "aantal", label: "Aantal", type: "count" },
    ],
    rows: trendMonths.map((m) => ({
      cells: { maand: monthLabelNl(m), aantal: countCell(shown(TOTAL, m, m)) },
    })),
  };
  const totalSeries = series[0];
  const trendText = totalSeries?.trend
    ? describeTrend({ subject: "registraties", mk: totalSeries.trend, unit: "maand" })
    : totalSeries?.why === "afgeschermd"
      ? "De trend van het totaal is afgeschermd."
      : "Er zijn te weinig maanden met cijfers voor een trend.";

  // Most registered types (among the types whose count may be shown).
  const top = types
    .map((t) => ({ code: t, current: shown(t, w.from, w.to), previous: shown(t, prev.from, prev.to) }))
    .filter(
      (t): t is { code: string; current: number; previous: number | null } =>
        t.current !== null && t.current > 0,
    )
    .sort((a, b) => b.current - a.current || compareInpCodes(a.code, b.code))
    .slice(0, TOP_TYPES);
  const topTests = testChanges(top.map((t) => ({ current: t.current, previous: t.previous })));
  const topTable: TableBlock = {
    kind: "table",
    id: "meest-geregistreerd",
    caption: `De ${TOP_TYPES} meest geregistreerde soorten, ${label}`,
    columns: [
      { key: "soort", label: "Soort", type: "text" },
      { key: "code", label: "Code", type: "text" },
      { key: "aantal", label, type: "count" },
      { key: "vorig", label: prevLabel, type: "count" },
      { key: "verandering", label: "Verandering", type: "text" },
    ],
    rows: top.map((t, i) => ({
      cells: {
        soort: inpNode(t.code, 3)?.label ?? t.code,
        code: t.code,
        aantal: t.current,
        vorig: figure(t.previous, prev.from),
        verandering: changeVerdict(topTests[i] ?? null),
      },
    })),
  };

  // Wijken: the total over the window and the 12 months before (decided sums of the family).
  const wijkSum = (code: string, from: number, to: number): number | null => {
    if (!wShown(code)(TOTAL, from, to) || dataStart === null || from < dataStart) return null;
    return input.wijkRows.reduce(
      (s, r) => s + (r.area === code && r.month >= from && r.month <= to ? r.count : 0),
      0,
    );
  };
  const wijkFigures = input.wijken.map((a) => ({
    area: a,
    current: wijkSum(a.code, w.from, w.to),
    previous: wijkSum(a.code, prev.from, prev.to),
  }));
  const wijkTests = testChanges(wijkFigures);
  const wijkTable: TableBlock = {
    kind: "table",
    id: "per-wijk",
    caption: `Registraties per wijk, ${label} tegen ${prevLabel}`,
    columns: [
      { key: "wijk", label: "Wijk", type: "text" },
      { key: "code", label: "Code", type: "text" },
      { key: "aantal", label, type: "count" },
      { key: "vorig", label: prevLabel, type: "count" },
      { key: "verschil", label: "Verschil", type: "count" },
      { key: "verandering", label: "Verandering", type: "text" },
    ],
    rows: wijkFigures.map((f, i) => ({
      cells: {
        wijk: f.area.name,
        code: f.area.code,
        aantal: figure(f.current, w.from),
        vorig: figure(f.previous, prev.from),
        verschil: difference(f.current, f.previous),
        verandering: changeVerdict(wijkTests[i] ?? null),
      },
    })),
    note: police
      ? "Alle soorten samen, ook zedenmisdrijven."
      : "Alle soorten samen, zonder zedenmisdrijven: die staan onder het niveau van de gemeente niet in de cijfers.",
  };
  const wijkMap: Block = {
    kind: "map",
    id: "kaart-wijken",
    caption: `Registraties per wijk, ${label}`,
    valueKey: "aantal",
    table: wijkTable.id,
    features: wijkFigures.flatMap((f) =>
      f.area.wgs84
        ? [
            {
              type: "Feature" as const,
              id: f.area.code,
              geometry: { type: "MultiPolygon" as const, coordinates: f.area.wgs84 },
              properties: {
                code: f.area.code,
                naam: f.area.name,
                aantal: f.current,
                ...(f.current === null ? { afgeschermd: true } : {}),
              },
            },
          ]
        : [],
    ),
  };

  // Hot spots (Gi*), over the registrations with a place.
  const gi = gridHotspots(input.points, {
    cell: GRID.cell,
    distance: GRID.distance,
    fdr: GRID.fdr,
    area: input.gemeenteRd ?? undefined,
  });
  const marked = gi.cells
    .filter((c) => c.klasse !== "niet-significant")
    .sort(
      (a, b) =>
        Number(isCold(a)) - Number(isCold(b)) ||
        Math.abs(b.z) - Math.abs(a.z) ||
        a.row - b.row ||
        a.col - b.col,
    );
  const cellBuurt = new Map<HotspotCell, AreaRef | null>();
  for (const c of marked) cellBuurt.set(c, buurtAt(input.buurten, (c.x0 + c.x1) / 2, (c.y0 + c.y1) / 2));
  const hotMap: Block = {
    kind: "map",
    id: "kaart-hotspots",
    caption: `Hotspots (cellen van ${GRID.cell} bij ${GRID.cell} meter), ${label}`,
    valueKey: "betrouwbaarheid",
    features: marked.filter(isHot).map((c) => ({
      type: "Feature" as const,
      id: `cel-${c.x0}-${c.y0}`,
      geometry: cellPolygon(c.x0, c.y0, c.x1, c.y1),
      properties: {
        naam: `Hotspot, ${confidence(c)}% betrouwbaarheid`,
        klasse: c.klasse,
        betrouwbaarheid: confidence(c),
        ...(police ? { aantal: c.count } : {}),
      },
    })),
  };
  const listed = marked.slice(0, LISTED_CELLS);
  const cellTable: TableBlock = {
    kind: "table",
    id: "hotspot-cellen",
    caption: `Hotspots en coldspots, de sterkste ${LISTED_CELLS}, ${label}`,
    columns: [
      { key: "klasse", label: "Soort cel", type: "text" },
      { key: "buurt", label: "Buurt", type: "text" },
      { key: "midden", label: "Midden van de cel (RD x, y)", type: "text" },
      { key: "z", label: "z-waarde", type: "number", decimals: 1 },
      ...(police ? [{ key: "aantal", label: "Registraties in de cel", type: "count" as const }] : []),
    ],
    rows: listed.map((c) => ({
      cells: {
        klasse: KLASSE_LABEL[c.klasse] ?? c.klasse,
        buurt: cellBuurt.get(c)?.name ?? "buiten de buurten",
        midden: rdLabel((c.x0 + c.x1) / 2, (c.y0 + c.y1) / 2),
        z: c.z,
        ...(police ? { aantal: c.count } : {}),
      },
    })),
    note:
      marked.length > LISTED_CELLS
        ? `Nog ${formatCount(marked.length - LISTED_CELLS)} cellen staan alleen op de kaart.`
        : undefined,
  };
  const perWijk = new Map<string, { hot: number; cold: number }>();
  for (const c of marked) {
    const b = cellBuurt.get(c);
    const key = b ? wijkOfBuurt(b.code) : "";
    const e = perWijk.get(key) ?? { hot: 0, cold: 0 };
    if (isHot(c)) e.hot++;
    else e.cold++;
    perWijk.set(key, e);
  }
  const hotWijkTable: TableBlock = {
    kind: "table",
    id: "hotspots-per-wijk",
    caption: `Hotspot- en coldspotcellen per wijk, ${label}`,
    columns: [
      { key: "wijk", label: "Wijk", type: "text" },
      { key: "hotspots", label: "Hotspotcellen", type: "number", decimals: 0 },
      { key: "coldspots", label: "Coldspotcellen", type: "number", decimals: 0 },
    ],
    rows: input.wijken
      .map((a) => ({
        cells: {
          wijk: a.name,
          hotspots: perWijk.get(a.code)?.hot ?? 0,
          coldspots: perWijk.get(a.code)?.cold ?? 0,
        },
      }))
      .filter((r) => r.cells.hotspots > 0 || r.cells.coldspots > 0),
    note: "Het aantal cellen, niet het aantal registraties.",
  };

  // Density (quartic kernel) as a map of five levels, only where enough registrations lie close.
  const { kde, cells: dense } = denseCells(input.points, {
    cell: DENSITY.cell,
    radius: DENSITY.radius,
    minimum: input.minimum,
    outline: input.gemeenteRd,
  });
  const densityMap: Block = {
    kind: "map",
    id: "kaart-dichtheid",
    caption: `Dichtheid van registraties in vijf niveaus (1 = laag, 5 = hoog), ${label}`,
    valueKey: "niveau",
    features: dense.map(({ x0, y0, v, niveau }) => {
      return {
        type: "Feature" as const,
        id: `dichtheid-${x0}-${y0}`,
        geometry: cellPolygon(x0, y0, x0 + kde.cell, y0 + kde.cell),
        properties: {
          naam: `Niveau ${niveau}`,
          niveau,
          ...(police ? { perKm2: Math.round(v * 1e6) } : {}),
        },
      };
    }),
  };
  const densityText = police
    ? describeDensity({ subject: "registraties", result: kde, radius: DENSITY.radius })
    : `De kaart laat zien waar registraties dicht bij elkaar liggen: elke registratie telt mee tot ${DENSITY.radius} meter om haar plek, hoe dichterbij hoe zwaarder. Niveau 5 is de hoogste dichtheid in de gemeente. Een vak staat alleen op de kaart als er minstens ${input.minimum} registraties binnen ${DENSITY.radius} meter liggen.`;

  // Hot places (police only), never with an address.
  const placeBlocks: Block[] = [];
  let placeSentence: string;
  if (input.places) {
    const items = input.places.map((p, i) => ({ address: p.address, x: p.x, y: p.y, i }));
    const found = repeatPlaces(items, { min: REPEAT.min, cell: REPEAT.cell });
    const members = new Map<string, PlaceItem[]>();
    for (const p of input.places) {
      const key =
        p.address ??
        (p.x !== null && p.y !== null
          ? `cel:${Math.floor(p.x / REPEAT.cell) * REPEAT.cell},${Math.floor(p.y / REPEAT.cell) * REPEAT.cell}`
          : null);
      if (key === null) continue;
      const list = members.get(key) ?? [];
      list.push(p);
      members.set(key, list);
    }
    const buurtName = new Map(input.buurten.map((b) => [b.code, b.name]));
    const mostCommon = <T>(xs: T[]): T | null => {
      const n = new Map<T, number>();
      for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
      return [...n].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))[0]?.[0] ?? null;
    };
    const total = found.reduce((s, p) => s + p.count, 0);
    placeSentence =
      found.length === 0
        ? `Er is geen plek met ${REPEAT.min} of meer registraties in ${label}.`
        : `Op ${formatCount(found.length)} ${found.length === 1 ? "plek zijn" : "plekken zijn"} ${REPEAT.min} of meer registraties gedaan, samen ${formatCount(total)} van de ${formatCount(input.places.length)}.`;
    placeBlocks.push(
      { kind: "text", paragraphs: [placeSentence] },
      {
        kind: "table",
        id: "hotspotlocaties",
        caption: `Plekken met ${REPEAT.min} of meer registraties, de ${REPEAT.shown} met de meeste, ${label}`,
        columns: [
          { key: "plek", label: "Plek", type: "text" },
          { key: "buurt", label: "Buurt", type: "text" },
          { key: "omgeving", label: `Vak van ${GRID.cell} m (RD x, y van het midden)`, type: "text" },
          { key: "aantal", label: "Registraties", type: "count" },
          { key: "soort", label: "Meest geregistreerd", type: "text" },
        ],
        rows: found.slice(0, REPEAT.shown).map((p, i): Row => {
          const list = members.get(p.key) ?? [];
          const withPlace = list.find((x) => x.x !== null && x.y !== null);
          const c = GRID.cell;
          const type = mostCommon(list.map((x) => x.inpCode?.trim() ?? "").filter((x) => x !== ""));
          const buurt = mostCommon(list.map((x) => x.buurt ?? "").filter((x) => x !== ""));
          return {
            cells: {
              plek: `${i + 1}${p.key.startsWith("cel:") ? " (zonder adres)" : ""}`,
              buurt: buurt ? (buurtName.get(buurt) ?? buurt) : null,
              omgeving:
                withPlace && withPlace.x !== null && withPlace.y !== null
                  ? rdLabel(Math.floor(withPlace.x / c) * c + c / 2, Math.floor(withPlace.y / c) * c + c / 2)
                  : null,
              aantal: p.count,
              soort: type ? (inpNode(type, 3)?.label ?? type) : null,
            },
          };
        }),
        note: `Een plek is een adres, of zonder adres een vak van ${REPEAT.cell} bij ${REPEAT.cell} meter. Adressen staan hier niet: de plek is aangegeven met het vak van ${GRID.cell} meter waarin ze ligt.`,
      },
    );
  } else {
    placeSentence =
      "Plekken met herhaalde registraties (hotspotlocaties) staan alleen in de versie voor de politie: het gaat om enkele adressen, en die zijn herleidbaar.";
    placeBlocks.push({ kind: "text", paragraphs: [placeSentence] });
  }

  // Local knowledge and priorities.
  const k = input.knowledge;
  const priorityBlocks = knowledgeBlocks(k, "prioriteiten");
  const knowledgeSections: Block[] = TEXT_SECTIONS.flatMap((s) => {
    const blocks = knowledgeBlocks(k, s);
    return blocks.length > 0 ? [{ kind: "text" as const, paragraphs: [SECTION_TITLES[s]] }, ...blocks] : [];
  });

  const hotText = hotspotSentences(gi, police);
  const total = shown(TOTAL, w.from, w.to);
  const summary = [
    total !== null
      ? `In ${label} registreerde de politie ${formatCount(total)} misdrijven en incidenten in ${ctx.area.name}.`
      : `Het totaal van ${label} is afgeschermd.`,
    hotText[1] as string,
    trendText,
  ];
  if (!k) summary.push(`Er is nog geen lokale kennis ingevuld voor ${Math.floor(w.to / 100)}.`);

  const sections: Section[] = [
    {
      id: "hotspots",
      title: SECTIONS[0].title,
      blocks: [{ kind: "text", paragraphs: hotText }, hotMap, cellTable, hotWijkTable],
    },
    {
      id: "dichtheid",
      title: SECTIONS[1].title,
      blocks: [{ kind: "text", paragraphs: [densityText] }, densityMap],
    },
    { id: "hotspotlocaties", title: SECTIONS[2].title, blocks: placeBlocks },
    {
      id: "ontwikkeling",
      title: SECTIONS[3].title,
      blocks: [
        { kind: "text", paragraphs: [trendText] },
        groupTable,
        chartOf(monthTable, "line", "maand", ["aantal"]),
        monthTable,
        topTable,
      ],
    },
    { id: "wijken", title: SECTIONS[4].title, blocks: [wijkMap, wijkTable] },
    {
      id: "prioriteiten",
      title: SECTIONS[5].title,
      blocks:
        priorityBlocks.length > 0
          ? priorityBlocks
          : [
              {
                kind: "text",
                paragraphs: ["De gemeente heeft voor dit jaar nog geen prioriteiten ingevuld."],
              },
            ],
    },
    {
      id: "lokale-kennis",
      title: SECTIONS[6].title,
      blocks:
        knowledgeSections.length > 0
          ? knowledgeSections
          : [
              {
                kind: "text",
                paragraphs: ["Politie en gemeente hebben voor dit jaar nog geen lokale kennis ingevuld."],
              },
            ],
    },
    {
      id: "uitleg",
      title: SECTIONS[7].title,
      blocks: [
        {
          kind: "text",
          paragraphs: [
            `De scan gaat over ${label}: alle misdrijven en incidenten die de politie registreerde, op de dag dat ze gebeurden.`,
            `Hotspots: de gemeente is verdeeld in vakken van ${GRID.cell} bij ${GRID.cell} meter. Per vak is getoetst of er, samen met de vakken tot ${GRID.distance} meter eromheen, meer registraties zijn dan toeval doet verwachten (Getis-Ord Gi*).`,
            police
              ? "Deze versie is voor de politie: met aantallen per vak en de plekken met herhaalde registraties."
              : "Aantallen per vak staan er niet in: een vak is zo klein dat een aantal naar personen kan leiden. Daarom staan alleen de hotspots en een kaart van de dichtheid in vijf niveaus in deze versie.",
            "Een streepje betekent afgeschermd: het aantal is klein, of zou samen met andere cijfers een klein aantal verraden.",
            "Lokale kennis en prioriteiten schrijven politie en gemeente zelf; ze staan er zoals ze zijn geschreven.",
          ],
        },
      ],
    },
  ];

  return {
    ...documentHead(
      ctx,
      "gebiedsscan",
      `Gebiedsscan criminaliteit en overlast ${ctx.area.name}, ${label}`,
      "aggregated",
    ),
    summary,
    sections,
  };
}

/**
 * What the document is built from, besides the context: the store's frozen reads and what is kept
 * per read (points, places), the decision, the local knowledge and the areas, by identity (null
 * when a read is not frozen: then nothing is kept).
 */
const NONE = Object.freeze({});
function buildKey(input: GebiedsscanInput): BuildKey | null {
  const objects = [
    input.rows,
    input.wijkRows,
    input.points,
    input.places ?? NONE,
    input.knowledge ?? NONE,
    ...input.wijken,
    ...input.buurten,
  ];
  if (!objects.every((x) => Object.isFrozen(x))) return null;
  // The gemeente's outline: the store shares its areas (never changed), so the same outline is the
  // same array.
  return [input.rows, input.decision, input.minimum, input.gemeenteRd, ...objects];
}

export const gebiedsscan: ProductDefinition<GebiedsscanInput> = {
  id: "gebiedsscan",
  title: "Gebiedsscan criminaliteit & overlast",
  description:
    "Waar registraties zich ophopen (hotspots en dichtheid), plekken met herhaalde registraties (politie), de ontwikkeling en trend, en de lokale kennis en prioriteiten van politie en gemeente.",
  sections: SECTIONS,
  measures: [
    "hotspots (Gi* over vakken van 100 m)",
    "dichtheid (kernel density)",
    "plekken met herhaalde registraties (alleen politie)",
    "ontwikkeling per hoofdgroep, soort en wijk, trend",
    "prioriteiten en lokale kennis",
  ],
  levels: ["gemeente"],
  defaultLevel: "gemeente",
  periodKinds: ["jaar", "maand"],
  cadence: "jaarlijks",
  audience: ["burgemeester", "oov-adviseur", "analist-gemeente", "teamchef", "politie-analist"],
  sensitivity: "aggregated",
  disclosedAreas: gemeenteWithWijkenAndBuurten,
  load,
  protect,
  build: keptBuild(build, buildKey),
};
