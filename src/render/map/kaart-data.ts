// The data of the Kaart page, in the three steps the gate runs: load (raw counts and public
// reference data), protect (the table protection the gate asks for: the gemeente decided together
// with its wijken and buurten, exactly as the tabellenboek and the gebiedsscan decide it) and
// present (the values per area, their classes, Gi* and the density layer, built only from what
// protection lets through).
//
// What is shown to whom. A count of an area for the chosen type and period is shown when the
// family decision shows that sum (gemeente: every type and the total; wijk: the main groups, the
// detail types and the total; buurt: the detail types and the total), or when it is composed of
// shown sums (a main group or subgroup of the gemeente from its types). Otherwise it is withheld
// (null), and so are its rate, class and Gi* class. Gi* and the classes are computed from the shown
// values only. Postcode areas (pc4) are not part of the family: a recipient with table protection
// gets no pc4 counts at all. The density layer follows the gebiedsscan: for a recipient with table
// protection only five levels, drawn only where at least `minimum` registrations lie within the
// kernel's radius, and without the types withheld below the gemeente.

import { ckmeansClasses } from "../../analysis/classes/ckmeans-classes.ts";
import { classBreaks } from "../../analysis/classes/class-breaks.ts";
import { classOf } from "../../analysis/classes/class-of.ts";
import { getisOrdG } from "../../analysis/getis-ord/getis-ord.ts";
import { denseCells } from "../../analysis/kde/dense-cells.ts";
import type { FamilyDecision } from "../../disclosure/table-protection/area-family-protection.ts";
import { SHOW_ALL, type Shown, TOTAL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import {
  familyOptions,
  protectFamily,
  withoutTypes,
} from "../../disclosure/table-protection/protect-family.ts";
import { type TableProtection, withheldBelow } from "../../disclosure/table-protection/protection-rules.ts";
import type { AreaSummary, MultiPolygon } from "../../domain/area.ts";
import { INP_TYPES, inpNode, inpPath } from "../../domain/inp-tree.ts";
import {
  pointsOf,
  pointsOnly,
  pointsWithout,
  type RegistrationPoint,
} from "../../products/parts/registration-points.ts";
import type { ProductPeriod } from "../../products/product-period.ts";
import type { AreaMonthlyCount, MonthlyCount, Store } from "../../store/store.ts";
import { type MapAreas, type MapLevel, mapAreas } from "./map-geometry.ts";

export type Measure = "absoluut" | "per-1000";

/** Gi* classes, as the gebiedsscan names them; only 99% and 95% (p < 0.05, as the duiding does). */
export type GiKlasse = "hot-99" | "hot-95" | "cold-99" | "cold-95" | "niet-significant";

export const GI_LABELS: Record<GiKlasse, string> = {
  "hot-99": "hotspot, 99% betrouwbaarheid",
  "hot-95": "hotspot, 95% betrouwbaarheid",
  "cold-99": "coldspot, 99% betrouwbaarheid",
  "cold-95": "coldspot, 95% betrouwbaarheid",
  "niet-significant": "niet opvallend",
};

/** Density: 200 m cells, quartic kernel with a 500 m radius (as the gebiedsscan). */
export const KAART_DENSITY = { cell: 200, radius: 500 } as const;
/** Number of classes asked of ckmeans. */
export const KAART_CLASSES = 5;

export interface KaartQuery {
  gemeente: AreaSummary;
  level: MapLevel;
  /** INP code of any level, or null for all registrations. */
  soort: string | null;
  period: ProductPeriod;
  measure: Measure;
  /** The last month with complete data (yyyymm). */
  lastCompleteMonth: number;
  /** Whether to read the registrations' points for the density layer (the page; not the data). */
  density: boolean;
}

export type KaartStore = Pick<
  Store,
  | "areas"
  | "listAreas"
  | "boundaryYears"
  | "monthlyCounts"
  | "monthlyCountsWithin"
  | "registrations"
  | "protectionLedger"
  | "addToProtectionLedger"
>;

export interface KaartInput {
  rows: readonly MonthlyCount[];
  wijkRows: readonly AreaMonthlyCount[];
  buurtRows: readonly AreaMonthlyCount[];
  /** Registrations of the period per pc4 (level pc4 only). */
  pc4: ReadonlyMap<string, number> | null;
  areas: MapAreas;
  gemeenteRd: MultiPolygon | null;
  /** Points of the period's registrations of the type (RD), for the density layer. */
  points: readonly { x: number; y: number; inpCode: string }[] | null;
  decision: Pick<FamilyDecision, "gemeente" | "wijk" | "buurt"> | null;
  /** Types left out below the gemeente for this recipient. */
  withheldBelow: readonly string[];
  /** Table protection's minimum (≤ 1: none, as for the police). */
  minimum: number;
}

/** The level-3 types a soort covers (all for null). */
export function typesOf(soort: string | null): string[] {
  if (soort === null) return INP_TYPES.map((n) => n.code);
  const node = inpNode(soort);
  if (!node) return [];
  return INP_TYPES.filter((t) => {
    const p = inpPath(t.code);
    if (!p) return false;
    return node.level === 1 ? p.l1.code === soort : node.level === 2 ? p.l2.code === soort : t.code === soort;
  }).map((t) => t.code);
}

/** The Dutch name of a soort ("alle registraties" for null). */
export function soortLabel(soort: string | null): string {
  if (soort === null) return "alle registraties";
  return inpNode(soort)?.label ?? soort;
}

/** Reads what the map needs (raw). */
export async function loadKaart(store: KaartStore, q: KaartQuery): Promise<KaartInput> {
  const g = q.gemeente.code;
  const range = { gemeente: g, fromMonth: 190001, toMonth: q.lastCompleteMonth };
  const types = typesOf(q.soort);
  const readRegs = q.density || q.level === "pc4";
  const [rows, wijkRows, buurtRows, areas, gemeenten, regs] = await Promise.all([
    store.monthlyCounts({ area: g, level: "gemeente", fromMonth: 190001, toMonth: q.lastCompleteMonth }),
    store.monthlyCountsWithin({ ...range, level: "wijk" }),
    store.monthlyCountsWithin({ ...range, level: "buurt" }),
    mapAreas(store, q.gemeente, q.level),
    q.density ? store.areas("gemeente", q.gemeente.year) : Promise.resolve([]),
    readRegs
      ? store.registrations({
          area: g,
          level: "gemeente",
          fromDay: q.period.days.from,
          toDay: q.period.days.to,
          inpCodes: q.soort === null ? undefined : types,
        })
      : Promise.resolve([]),
  ]);
  let pc4: Map<string, number> | null = null;
  if (q.level === "pc4") {
    pc4 = new Map();
    for (const r of regs) {
      const code = r.placement.pc4;
      if (code) pc4.set(code, (pc4.get(code) ?? 0) + 1);
    }
  }
  return {
    rows,
    wijkRows,
    buurtRows,
    pc4,
    areas,
    gemeenteRd: gemeenten.find((a) => a.code === g)?.rd ?? null,
    points: q.density ? pointsOf(regs) : null,
    decision: null,
    withheldBelow: [],
    minimum: 0,
  };
}

/** Applies the table protection the gate asks for (the gate calls it only when it asks some). */
export async function protectKaart(
  store: KaartStore,
  input: KaartInput,
  table: TableProtection,
  q: KaartQuery,
): Promise<KaartInput> {
  if ((table.roundTo ?? 1) > 1) throw new RangeError("de kaart wordt niet afgerond geleverd");
  const below = withheldBelow(table);
  const left = new Set(below);
  const key = [...left].sort().join(",");
  const wijkRows = withoutTypes(input.wijkRows, key);
  const buurtRows = withoutTypes(input.buurtRows, key);
  const points = input.points && left.size > 0 ? pointsWithout(input.points, key) : input.points;
  if (table.minimum <= 1) return { ...input, wijkRows, buurtRows, points, withheldBelow: below, minimum: 0 };
  const decision = await protectFamily(
    store,
    q.gemeente.code,
    input.rows,
    familyOptions(table, q.lastCompleteMonth, { wijken: input.wijkRows, buurten: input.buurtRows }),
  );
  return {
    ...input,
    wijkRows,
    buurtRows,
    // pc4 areas are no part of the family: no counts for a protected recipient.
    pc4: null,
    // Only where registrations are, not their types.
    points: points ? pointsOnly(points) : null,
    decision,
    withheldBelow: below,
    minimum: table.minimum,
  };
}

// --- present -------------------------------------------------------------------------------------

export interface KaartArea {
  code: string;
  name: string;
  population: number | null;
  /** Registrations of the type in the period; null when withheld (or not counted). */
  count: number | null;
  /** Per 1,000 inhabitants (one decimal); null when the count is withheld or the population unknown. */
  per1000: number | null;
  /** Class of the chosen measure, 1 (lowest) … number of classes; null without a value. */
  klasse: number | null;
  /** Gi* class of the chosen measure; null when it cannot be computed (no value, too few areas). */
  gi: GiKlasse | null;
  z: number | null;
}

export interface DensityCell {
  x0: number;
  y0: number;
  /** 1 (low) … 5 (the highest density in the gemeente). */
  niveau: number;
  /** Registrations per km² (only without table protection). */
  perKm2: number | null;
}

export interface KaartModel {
  gemeente: { code: string; name: string };
  level: MapLevel;
  year: number;
  soort: string | null;
  period: { id: string; label: string };
  measure: Measure;
  areas: KaartArea[];
  /** Class bounds of the measure (lower bound, then each class's upper bound). */
  bounds: number[];
  /** Gi* distance band between area centres (m); null when not computed. */
  giDistance: number | null;
  /** Whether the recipient's figures are protected (minimum > 1). */
  protected: boolean;
  minimum: number;
  withheldBelow: readonly string[];
  density: { cell: number; radius: number; cells: DensityCell[]; points: number } | null;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** A sum of rows over the period and the types. */
function periodSum(rows: readonly MonthlyCount[], period: ProductPeriod, types: ReadonlySet<string>): number {
  let s = 0;
  for (const r of rows)
    if (r.month >= period.from && r.month <= period.to && types.has(r.inpCode.trim())) s += r.count;
  return s;
}

/**
 * The shown count of one area: the decided sum of the soort, or (for a main group or subgroup,
 * or the total) the sum of its types when every type the area ever had is shown; else null.
 */
function shownCount(
  rows: readonly MonthlyCount[],
  shown: Shown,
  soort: string | null,
  types: ReadonlySet<string>,
  period: ProductPeriod,
  until: number,
): number | null {
  const series = soort === null ? TOTAL : soort;
  if (shown === SHOW_ALL || shown(series, period.from, period.to)) return periodSum(rows, period, types);
  // A single type that is not shown cannot be composed of anything else.
  if (soort !== null && (inpNode(soort)?.level ?? 3) === 3) return null;
  const present = new Set<string>();
  for (const r of rows)
    if (r.count > 0 && r.month <= until && types.has(r.inpCode.trim())) present.add(r.inpCode.trim());
  for (const t of present) if (!shown(t, period.from, period.to)) return null;
  return periodSum(rows, period, types);
}

/** Rows per area; kept per read (the store's reads are frozen and shared), so grouped once. */
const groupMemo = new WeakMap<readonly AreaMonthlyCount[], Map<string, AreaMonthlyCount[]>>();
function groupByArea(rows: readonly AreaMonthlyCount[]): Map<string, AreaMonthlyCount[]> {
  const known = groupMemo.get(rows);
  if (known) return known;
  const out = groupByAreaOnce(rows);
  groupMemo.set(rows, out);
  return out;
}

function groupByAreaOnce(rows: readonly AreaMonthlyCount[]): Map<string, AreaMonthlyCount[]> {
  const out = new Map<string, AreaMonthlyCount[]>();
  for (const r of rows) {
    let list = out.get(r.area);
    if (!list) {
      list = [];
      out.set(r.area, list);
    }
    list.push(r);
  }
  return out;
}

/** Gi* (binary distance band, the point itself included) of the shown values, per area code. */
function giStar(values: { code: string; centre: [number, number]; value: number }[]): {
  byCode: Map<string, { klasse: GiKlasse; z: number }>;
  distance: number | null;
} {
  const byCode = new Map<string, { klasse: GiKlasse; z: number }>();
  if (values.length < 3) return { byCode, distance: null };
  // The smallest band that gives every area at least one neighbour (libpysal's min_threshold_distance).
  let distance = 0;
  for (const a of values) {
    let nearest = Number.POSITIVE_INFINITY;
    for (const b of values) {
      if (a === b) continue;
      const d = Math.hypot(a.centre[0] - b.centre[0], a.centre[1] - b.centre[1]);
      if (d < nearest) nearest = d;
    }
    if (nearest > distance) distance = nearest;
  }
  distance = Math.ceil(distance);
  const { results } = getisOrdG(
    values.map((v) => ({ x: v.centre[0], y: v.centre[1], value: v.value })),
    { distance, star: true, transform: "binary" },
  );
  results.forEach((r, i) => {
    const code = (values[i] as { code: string }).code;
    const klasse: GiKlasse =
      r.p < 0.01
        ? r.z > 0
          ? "hot-99"
          : "cold-99"
        : r.p < 0.05
          ? r.z > 0
            ? "hot-95"
            : "cold-95"
          : "niet-significant";
    byCode.set(code, { klasse: r.z === 0 ? "niet-significant" : klasse, z: r.z });
  });
  return { byCode, distance };
}

/** Builds the map's values, classes, Gi* and density from protected input. Pure. */
export function presentKaart(input: KaartInput, q: KaartQuery): KaartModel {
  const types = new Set(typesOf(q.soort));
  const d = input.decision;
  const below = new Set(input.withheldBelow);
  const belowGemeente = q.level !== "gemeente";
  const soortWithheld = belowGemeente && [...types].length > 0 && [...types].every((t) => below.has(t));
  const wijkRows = q.level === "wijk" ? groupByArea(input.wijkRows) : new Map();
  const buurtRows = q.level === "buurt" ? groupByArea(input.buurtRows) : new Map();

  const countOf = (code: string): number | null => {
    if (soortWithheld) return null;
    switch (q.level) {
      case "gemeente":
        return shownCount(input.rows, d?.gemeente ?? SHOW_ALL, q.soort, types, q.period, q.lastCompleteMonth);
      case "wijk":
        return shownCount(
          wijkRows.get(code) ?? [],
          d ? d.wijk(code) : SHOW_ALL,
          q.soort,
          types,
          q.period,
          q.lastCompleteMonth,
        );
      case "buurt":
        return shownCount(
          buurtRows.get(code) ?? [],
          d ? d.buurt(code) : SHOW_ALL,
          q.soort,
          types,
          q.period,
          q.lastCompleteMonth,
        );
      case "pc4":
        return input.pc4 ? (input.pc4.get(code) ?? 0) : null;
    }
  };

  const areas: KaartArea[] = input.areas.areas.map((a) => {
    const count = countOf(a.code);
    const per1000 =
      count !== null && a.population !== null && a.population > 0
        ? round1((count / a.population) * 1000)
        : null;
    return {
      code: a.code,
      name: a.name,
      population: a.population,
      count,
      per1000,
      klasse: null,
      gi: null,
      z: null,
    };
  });
  const measureOf = (a: KaartArea) => (q.measure === "per-1000" ? a.per1000 : a.count);

  const values = areas.flatMap((a) => {
    const v = measureOf(a);
    return v === null ? [] : [v];
  });
  const breaks = classBreaks(ckmeansClasses(values, KAART_CLASSES));
  for (const a of areas) {
    const v = measureOf(a);
    const k = v === null ? null : classOf(breaks, v);
    a.klasse = k === null ? null : k + 1;
  }

  const centres = new Map(input.areas.areas.map((a) => [a.code, a.centre]));
  const giInput = areas.flatMap((a) => {
    const v = measureOf(a);
    const c = centres.get(a.code);
    return v === null || !c ? [] : [{ code: a.code, centre: c, value: v }];
  });
  const gi = giStar(giInput);
  for (const a of areas) {
    const r = gi.byCode.get(a.code);
    if (r) {
      a.gi = r.klasse;
      a.z = round1(r.z);
    }
  }

  return {
    gemeente: { code: q.gemeente.code, name: q.gemeente.name },
    level: q.level,
    year: input.areas.year,
    soort: q.soort,
    period: { id: q.period.id, label: q.period.label },
    measure: q.measure,
    areas,
    bounds: breaks.bounds,
    giDistance: gi.distance,
    protected: input.minimum > 1,
    minimum: input.minimum,
    withheldBelow: input.withheldBelow,
    density: input.points ? keptDensity(input.points, input.gemeenteRd, input.minimum) : null,
  };
}

/** Density layers made, per points read and outline (frozen, shared: read-only for the caller). */
const densities = new WeakMap<
  readonly object[],
  Map<MultiPolygon | null, Map<number, KaartModel["density"]>>
>();
function keptDensity(
  points: readonly RegistrationPoint[],
  outline: MultiPolygon | null,
  minimum: number,
): NonNullable<KaartModel["density"]> {
  if (!Object.isFrozen(points)) return densityLayer(points, outline, minimum);
  const byOutline = densities.get(points) ?? new Map();
  // Outlines are the store's shared areas; a few per read at most (kept bounded all the same).
  if (byOutline.size > 8) byOutline.clear();
  densities.set(points, byOutline);
  const byMinimum = byOutline.get(outline) ?? new Map();
  byOutline.set(outline, byMinimum);
  const kept = byMinimum.get(minimum) ?? densityLayer(points, outline, minimum);
  byMinimum.set(minimum, kept);
  return kept;
}

/** The density layer: five levels, only where enough registrations lie within the radius. */
function densityLayer(
  points: readonly { x: number; y: number }[],
  outline: MultiPolygon | null,
  minimum: number,
): NonNullable<KaartModel["density"]> {
  const { cell, radius } = KAART_DENSITY;
  if (points.length === 0) return { cell, radius, cells: [], points: 0 };
  const { cells } = denseCells(points, { cell, radius, minimum, outline });
  return {
    cell,
    radius,
    points: points.length,
    cells: cells.map((c) => ({
      x0: c.x0,
      y0: c.y0,
      niveau: c.niveau,
      perKm2: minimum > 1 ? null : Math.round(c.v * 1e6),
    })),
  };
}
