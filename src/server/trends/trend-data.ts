// What the trends page reads from the store inside the gate (load), and how the gate's table
// protection is applied to it (protect): the gemeente's own monthly counts over its whole history
// (protected exactly like the monthly figures page), and, for the comparison with similar
// gemeenten, the other gemeenten's counts of one calendar year as open data: rounded to a multiple
// of 5 (as CBS publishes police counts) in `protect`, before anything is built from them.

import { populationClass } from "../../analysis/peers/peers.ts";
import { frozenMemo } from "../../disclosure/table-protection/frozen-memo.ts";
import { SHOW_ALL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { protectCounts } from "../../disclosure/table-protection/protect-counts.ts";
import type { TableProtection } from "../../disclosure/table-protection/protection-rules.ts";
import type { AreaSummary } from "../../domain/area.ts";
import { OPEN_DATA_ROUNDING } from "../../products/definitions/veiligheidsanalyse.ts";
import type { MonthlyCount, Store } from "../../store/store.ts";
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

/** Another gemeente's counts per type in the peers' year: exact, so never shown as they are. */
interface PeerRaw {
  code: string;
  name: string;
  population: number;
  region: string | null;
  byType: ReadonlyMap<string, number>;
}

/**
 * What passes the gate: as read (`raw` set, `peers` null), then as protected (`raw` null: the
 * exact counts of other gemeenten are gone; `peers` holds their rounded counts of one type).
 */
export interface TrendData extends TrendCounts {
  raw: { year: number; region: string | null; others: PeerRaw[] } | null;
  peers: TrendPeersInput | null;
}

/** Counts per type (only those above 0), remembered per read (the store's reads are frozen). */
const totalsByType = frozenMemo((rows: readonly MonthlyCount[]): ReadonlyMap<string, number> => {
  const byType = new Map<string, number>();
  for (const r of rows)
    if (r.count > 0) byType.set(r.inpCode.trim(), (byType.get(r.inpCode.trim()) ?? 0) + r.count);
  return byType;
});

/** The newest boundary year's entry of every area code. */
async function newestAreas(store: Pick<Store, "listAreas">): Promise<Map<string, AreaSummary>> {
  const byCode = new Map<string, AreaSummary>();
  for (const a of await store.listAreas()) {
    const had = byCode.get(a.code);
    if (!had || a.year > had.year) byCode.set(a.code, a);
  }
  return byCode;
}

/** The police unit of an area: follow the parents up to the eenheid. */
function regionOf(byCode: ReadonlyMap<string, AreaSummary>, code: string): string | null {
  const seen = new Set<string>();
  for (let a = byCode.get(code); a && !seen.has(a.code); a = a.parent ? byCode.get(a.parent) : undefined) {
    if (a.level === "eenheid") return a.code;
    seen.add(a.code);
  }
  return null;
}

/**
 * Reads the gemeente's monthly counts up to `until`, and (with `peersYear`) the counts per type of
 * the other gemeenten in its population class for that year. Only called inside the gate.
 */
export async function loadTrendData(
  store: TrendStore,
  area: AreaSummary,
  until: number,
  peersYear: number | null,
): Promise<TrendData> {
  const rows = await store.monthlyCounts({
    area: area.code,
    level: "gemeente",
    fromMonth: 190001,
    toMonth: until,
  });
  if (peersYear === null || !area.population || area.population <= 0)
    return { rows, shown: SHOW_ALL, withheldTypes: [], raw: null, peers: null };
  const byCode = await newestAreas(store);
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
  const raw = { year: peersYear, region: regionOf(byCode, area.code), others };
  return { rows, shown: SHOW_ALL, withheldTypes: [], raw, peers: null };
}

/**
 * `protect` for the trends page: the gemeente's counts as the monthly figures page protects them
 * (protectCounts, with the area's ledger), and the other gemeenten's counts of `type` ("" for all
 * types; types withheld from the recipient left out) rounded to OPEN_DATA_ROUNDING. Without a
 * comparison when the type itself is withheld.
 */
export function protectTrendData(store: TrendStore, area: string, until: number, type: string) {
  const counts = protectCounts(store, area, until);
  return async (data: TrendData, obligations: unknown, table: TableProtection): Promise<TrendData> => {
    const withheldTypes = (table.withholdTypes ?? []).map((t) => t.trim());
    const own = await counts(data, obligations, table);
    const left = new Set(withheldTypes);
    const raw = data.raw;
    const peers =
      raw === null || (type !== "" && left.has(type))
        ? null
        : {
            year: raw.year,
            region: raw.region,
            others: raw.others.map((o) => {
              let n = 0;
              for (const [code, count] of o.byType)
                if (type === "" ? !left.has(code) : code === type) n += count;
              return {
                code: o.code,
                name: o.name,
                population: o.population,
                region: o.region,
                roundedCount: Math.round(n / OPEN_DATA_ROUNDING) * OPEN_DATA_ROUNDING,
              };
            }),
          };
    return { ...own, withheldTypes, raw: null, peers };
  };
}
