// `protect` for the monthly counts of one area, as every page, API answer and product uses it:
// which sums may be shown, decided over the whole history up to `until` with the area's ledger,
// types withheld for the recipient left out, and (where the caller can show it) rounding.

import { AccessDenied } from "../../domain/errors.ts";
import type { MonthlyCount, Store } from "../../store/store.ts";
import { protectAreaCounts, type Shown } from "./monthly-counts-protection.ts";
import { type FamilyStore, hasFamilyLedger, protectFamily } from "./protect-family.ts";
import type { TableProtection } from "./protection-rules.ts";

/** Monthly counts with the decision which sums may be shown, and the rounding asked (1: none). */
export interface ProtectedCounts {
  rows: readonly MonthlyCount[];
  shown: Shown;
  roundTo?: number;
}

/**
 * `protect` for monthly counts: which sums may be shown, decided over the whole history up to
 * `until`. Rounding (open data) is refused unless the caller shows rounded counts (`rounding`).
 */
export function protectCounts(
  ledger: Pick<Store, "protectionLedger" | "addToProtectionLedger"> &
    Partial<Pick<Store, "monthlyCountsWithin" | "registrations">>,
  area: string,
  until: number,
  opts: { rounding?: boolean } = {},
) {
  return async <T extends ProtectedCounts>(data: T, _o: unknown, table: TableProtection): Promise<T> => {
    if ((table.roundTo ?? 1) > 1 && !opts.rounding) {
      throw new AccessDenied("Afgeronde cijfers worden hier (nog) niet gegeven.", "maandcijfers");
    }
    const withheld = new Set(table.withholdTypes ?? []);
    const rows = withheld.size > 0 ? data.rows.filter((r) => !withheld.has(r.inpCode.trim())) : data.rows;
    // The ledger is per area and minimum; leaving types out changes the area's table, so it gets
    // its own ledger key.
    const key = withheld.size > 0 ? `${area}|zonder:${[...withheld].sort().join(",")}` : area;
    // Once wijk or buurt figures of a gemeente were shown, its own figures are decided with them.
    const family =
      withheld.size === 0 && table.minimum > 1 && ledger.monthlyCountsWithin && ledger.registrations
        ? (ledger as FamilyStore)
        : null;
    const shown =
      family && (await hasFamilyLedger(family, area, table.minimum))
        ? (
            await protectFamily(family, area, rows, {
              minimum: table.minimum,
              until,
              withholdBelow: table.withholdBelow,
              family: table.family,
            })
          ).gemeente
        : await protectAreaCounts(ledger, key, rows, { minimum: table.minimum, until });
    return { ...data, rows, shown, roundTo: table.roundTo ?? 1 };
  };
}
