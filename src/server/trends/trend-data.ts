// What the trends page reads from the store inside the gate (load), and how the gate's table
// protection is applied to it (protect). The area's own counts over its whole history, protected as
// every other figure of that area is:
// - a gemeente by itself, exactly like the monthly figures page (protectCounts);
// - a wijk or buurt as part of its gemeente's family (protectFamily, as the map and the tabellenboek
//   show wijken and buurten): there the total and the detail types only;
// - a police area (basisteam, district, eenheid) as the sum of its gemeenten, each protected by
//   itself; a month (or period) of the sum is shown only when every gemeente's is, so it reveals
//   nothing a reader could not add up (as the perioderapportage does).
// For the comparison with similar gemeenten (a gemeente only), the other gemeenten's counts of one
// calendar year as open data: rounded to a multiple of 5 (as CBS publishes police counts) in
// `peersInput`, before anything is built from them.

import { populationClass } from "../../analysis/peers/peers.ts";
import { frozenMemo } from "../../disclosure/table-protection/frozen-memo.ts";
import { SHOW_ALL, type Shown } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { protectCounts } from "../../disclosure/table-protection/protect-counts.ts";
import {
  familyOptions,
  protectFamily,
  withoutTypes,
} from "../../disclosure/table-protection/protect-family.ts";
import { type TableProtection, withheldBelow } from "../../disclosure/table-protection/protection-rules.ts";
import { type AreaSummary, gemeenteOfCbsCode } from "../../domain/area.ts";
import { AccessDenied } from "../../domain/errors.ts";
import { climb, newestByCode } from "../../inventory/police-units.ts";
import { gemeentenIn } from "../../products/definitions/perioderapportage.ts";
import { OPEN_DATA_ROUNDING } from "../../products/definitions/veiligheidsanalyse.ts";
import { placingAreas } from "../../products/parts/placing-areas.ts";
import type { AreaMonthlyCount, MonthlyCount, Store } from "../../store/store.ts";
import type { TrendCounts, TrendPeersInput } from "./trend-model.ts";

export type TrendStore = Pick<
  Store,
  | "listAreas"
  | "monthlyCounts"
  | "monthlyCountsWithin"
  | "registrations"
  | "protectionLedger"
  | "addToProtectionLedger"
>;

/** The levels the trends page shows: pc4 areas are no part of a gemeente's protected family. */
export const TREND_LEVELS = ["eenheid", "district", "basisteam", "gemeente", "wijk", "buurt"] as const;
export type TrendLevel = (typeof TREND_LEVELS)[number];
export const isTrendLevel = (level: string): level is TrendLevel =>
  (TREND_LEVELS as readonly string[]).includes(level);

/** Another gemeente's counts per type in the peers' year: exact, so never shown as they are. */
interface PeerRaw {
  code: string;
  name: string;
  population: number;
  region: string | null;
  byType: ReadonlyMap<string, number>;
}

/** What the area's counts are made of, as read: needed to protect them, gone once protected. */
type TrendParts =
  | { kind: "gemeente" }
  | {
      kind: "family";
      /** The gemeente the wijk or buurt lies in, its own counts, and all its wijken and buurten. */
      gemeente: string;
      gemeenteRows: readonly MonthlyCount[];
      wijken: readonly AreaMonthlyCount[];
      buurten: readonly AreaMonthlyCount[];
    }
  | { kind: "sum"; gemeenten: { code: string; rows: readonly MonthlyCount[] }[] };

/**
 * What passes the gate: as read (`parts` set), then as protected (`parts` null). `raw` holds the
 * other gemeenten's exact counts (a gemeente only); `peersInput` rounds them before they are used.
 */
export interface TrendData extends TrendCounts {
  level: TrendLevel;
  parts: TrendParts | null;
  raw: { year: number; region: string | null; others: PeerRaw[] } | null;
}

/** Counts per type (only those above 0), remembered per read (the store's reads are frozen). */
const totalsByType = frozenMemo((rows: readonly MonthlyCount[]): ReadonlyMap<string, number> => {
  const byType = new Map<string, number>();
  for (const r of rows)
    if (r.count > 0) byType.set(r.inpCode.trim(), (byType.get(r.inpCode.trim()) ?? 0) + r.count);
  return byType;
});

/** One area's rows of a read of all wijken or buurten (kept per read and area). */
const rowsOfArea = frozenMemo(
  (rows: readonly AreaMonthlyCount[], code: string): readonly AreaMonthlyCount[] =>
    Object.freeze(rows.filter((r) => r.area === code)),
);

/** The police unit of an area (its eenheid's code), or null when unknown. */
const regionOf = (byCode: ReadonlyMap<string, AreaSummary>, code: string) =>
  climb(byCode, code)?.code ?? null;

const fromStart = (until: number) => ({ fromMonth: 190001, toMonth: until });

/**
 * Reads the area's monthly counts up to `until` (and what protecting them needs), and for a
 * gemeente (with `peersYear`) the counts per type of the other gemeenten in its population class
 * for that year. Only called inside the gate.
 */
export async function loadTrendData(
  store: TrendStore,
  area: AreaSummary & { level: TrendLevel },
  until: number,
  peersYear: number | null,
): Promise<TrendData> {
  const base = { shown: SHOW_ALL, withheldTypes: [], level: area.level, raw: null };
  if (area.level === "wijk" || area.level === "buurt") {
    const gemeente = gemeenteOfCbsCode(area.code);
    const within = { gemeente, ...fromStart(until) };
    const wijken = await store.monthlyCountsWithin({ ...within, level: "wijk" });
    const buurten = await store.monthlyCountsWithin({ ...within, level: "buurt" });
    const gemeenteRows = await store.monthlyCounts({
      area: gemeente,
      level: "gemeente",
      ...fromStart(until),
    });
    return {
      ...base,
      rows: rowsOfArea(area.level === "wijk" ? wijken : buurten, area.code),
      parts: { kind: "family", gemeente, gemeenteRows, wijken, buurten },
    };
  }
  if (area.level !== "gemeente") {
    const gemeenten = [];
    for (const g of gemeentenIn(await placingAreas(store), area))
      gemeenten.push({
        code: g.code,
        rows: await store.monthlyCounts({ area: g.code, level: "gemeente", ...fromStart(until) }),
      });
    return { ...base, rows: gemeenten.flatMap((g) => g.rows), parts: { kind: "sum", gemeenten } };
  }
  const rows = await store.monthlyCounts({ area: area.code, level: "gemeente", ...fromStart(until) });
  const own = { ...base, rows, parts: { kind: "gemeente" } as const };
  if (peersYear === null || !area.population || area.population <= 0) return own;
  const byCode = newestByCode(await placingAreas(store));
  // Peers are always in the gemeente's own population class (see analysis/peers): read only those.
  const cls = populationClass(area.population);
  const candidates = [...byCode.values()].filter(
    (g) =>
      g.level === "gemeente" &&
      g.code !== area.code &&
      g.population !== null &&
      g.population > 0 &&
      populationClass(g.population) === cls,
  );
  const others: PeerRaw[] = [];
  for (const g of candidates) {
    const counts = await store.monthlyCounts({
      area: g.code,
      level: "gemeente",
      fromMonth: peersYear * 100 + 1,
      toMonth: peersYear * 100 + 12,
    });
    const byType = totalsByType(counts);
    if (byType.size === 0) continue; // no figures for that year
    others.push({
      code: g.code,
      name: g.name,
      population: g.population as number,
      region: regionOf(byCode, g.code),
      byType,
    });
  }
  others.sort((a, b) => a.code.localeCompare(b.code));
  return { ...own, raw: { year: peersYear, region: regionOf(byCode, area.code), others } };
}

/** Shown when every part's sum is shown. */
const everyShown =
  (parts: readonly Shown[]): Shown =>
  (code, from, to) =>
    parts.every((shown) => shown(code, from, to));

/**
 * `protect` for the trends page (see the top of this file). Withheld types are left out of the
 * rows and named in `withheldTypes`; for a wijk or buurt under table protection, `levelTypes`
 * names the types shown there besides the total.
 */
export function protectTrendData(store: TrendStore, area: string, until: number) {
  const counts = (code: string) => protectCounts(store, code, until);
  return async (data: TrendData, obligations: unknown, table: TableProtection): Promise<TrendData> => {
    const parts = data.parts;
    if (parts === null) throw new Error("trends: de cijfers zijn al beveiligd");
    if (parts.kind === "gemeente") {
      const own = await counts(area)(data, obligations, table);
      return { ...own, withheldTypes: (table.withholdTypes ?? []).map((t) => t.trim()), parts: null };
    }
    if (parts.kind === "sum") {
      const protectedParts = [];
      for (const g of parts.gemeenten)
        protectedParts.push(await counts(g.code)({ rows: g.rows, shown: SHOW_ALL }, obligations, table));
      return {
        ...data,
        rows: protectedParts.flatMap((p) => p.rows),
        shown: everyShown(protectedParts.map((p) => p.shown)),
        withheldTypes: (table.withholdTypes ?? []).map((t) => t.trim()),
        parts: null,
      };
    }
    if ((table.roundTo ?? 1) > 1)
      throw new AccessDenied("Afgeronde cijfers worden hier (nog) niet gegeven.", "trends");
    const below = withheldBelow(table);
    const rows = withoutTypes(data.rows, [...below].sort().join(","));
    if (table.minimum <= 1) return { ...data, rows, withheldTypes: below, parts: null };
    const decision = await protectFamily(
      store,
      parts.gemeente,
      parts.gemeenteRows,
      familyOptions(table, until, { wijken: parts.wijken, buurten: parts.buurten }),
    );
    return {
      ...data,
      rows,
      shown: data.level === "wijk" ? decision.wijk(area) : decision.buurt(area),
      withheldTypes: below,
      levelTypes: (table.family?.detailTypes ?? []).map((t) => t.trim()),
      parts: null,
    };
  };
}

/**
 * The comparison with other gemeenten: their counts of `type` ("" for all types; types withheld
 * from the recipient left out) rounded to OPEN_DATA_ROUNDING. None when the type itself is
 * withheld, or for an area that is no gemeente.
 */
export function peersInput(data: TrendData, type: string): TrendPeersInput | null {
  const raw = data.raw;
  const left = new Set(data.withheldTypes);
  if (raw === null || (type !== "" && left.has(type))) return null;
  return {
    year: raw.year,
    region: raw.region,
    others: raw.others.map((o) => {
      let n = 0;
      for (const [code, count] of o.byType) if (type === "" ? !left.has(code) : code === type) n += count;
      return {
        code: o.code,
        name: o.name,
        population: o.population,
        region: o.region,
        roundedCount: Math.round(n / OPEN_DATA_ROUNDING) * OPEN_DATA_ROUNDING,
      };
    }),
  };
}
