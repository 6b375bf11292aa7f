// Table protection prepared at server start, before the first visitor: for every gemeente the
// decision its own figures get (exactly as a request makes it, with its ledger; a gemeente whose
// wijk figures were shown is decided as a family), and the decision with its wijken and buurten
// that products showing them need (made and cached, not recorded: nothing is shown yet). One
// gemeente at a time, so requests are served in between.

import type { MonthlyCount, Store } from "../../store/store.ts";
import type { FamilyDecision } from "./area-family-protection.ts";
import { SHOW_ALL } from "./monthly-counts-protection.ts";
import { protectCounts } from "./protect-counts.ts";
import { type FamilyStore, warmFamily } from "./protect-family.ts";
import { type TableProtection, withheldBelow } from "./protection-rules.ts";

export interface WarmEffects {
  /** After each gemeente: its family decision (null when the table shows everything). */
  warmed?: (gemeente: string, family: FamilyDecision | null) => void;
  /** Checked before each gemeente; true ends the warm-up. */
  stop?: () => boolean;
}

/** Warms `gemeenten` in order; returns how many were done. */
export async function warmProtection(
  store: FamilyStore & Pick<Store, "monthlyCounts">,
  gemeenten: readonly string[],
  opts: { table: TableProtection; until: number },
  fx: WarmEffects = {},
): Promise<number> {
  const { table, until } = opts;
  let done = 0;
  for (const g of gemeenten) {
    if (fx.stop?.()) break;
    const rows: readonly MonthlyCount[] = await store.monthlyCounts({
      area: g,
      level: "gemeente",
      fromMonth: 190001,
      toMonth: until,
    });
    await protectCounts(store, g, until)({ rows, shown: SHOW_ALL }, null, table);
    // As the products that show wijken and buurten ask it (tabellenboek, woninginbraakmonitor).
    const family =
      table.minimum > 1 && (table.roundTo ?? 1) <= 1
        ? await warmFamily(store, g, rows, {
            minimum: table.minimum,
            until,
            withholdBelow: withheldBelow(table),
            family: table.family,
          })
        : null;
    done++;
    fx.warmed?.(g, family);
    await new Promise((r) => setImmediate(r));
  }
  return done;
}
