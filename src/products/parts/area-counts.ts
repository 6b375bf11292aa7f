// The monthly counts of the product's area over its whole history (table protection decides over
// all of it, so a count is treated the same in every product, page and API answer), and their
// protection with the area's ledger.

import { SHOW_ALL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { type ProtectedCounts, protectCounts } from "../../disclosure/table-protection/protect-counts.ts";
import type { TableProtection } from "../../disclosure/table-protection/protection-rules.ts";
import { InputError } from "../../domain/errors.ts";
import type { ProductContext, ProductStore } from "../product-definition.ts";
import { type Cell, WITHHELD } from "../product-document.ts";

export async function loadAreaCounts(store: ProductStore, ctx: ProductContext): Promise<ProtectedCounts> {
  const level = ctx.area.level;
  if (level !== "gemeente" && level !== "wijk" && level !== "buurt" && level !== "pc4") {
    throw new InputError(`cijfers per ${level} worden (nog) niet geteld`, "--gebied");
  }
  return {
    rows: await store.monthlyCounts({
      area: ctx.area.code,
      level,
      fromMonth: 190001,
      toMonth: ctx.lastCompleteMonth,
    }),
    shown: SHOW_ALL,
  };
}

export function protectAreaCountsFor(opts: { rounding?: boolean } = {}) {
  return (store: ProductStore, input: ProtectedCounts, table: TableProtection, ctx: ProductContext) =>
    protectCounts(store, ctx.area.code, ctx.lastCompleteMonth, opts)(input, null, table);
}

/** A count as a cell: withheld (null) marked, rounded when the protection asks it. */
export function countCell(value: number | null, roundTo = 1): Cell {
  if (value === null) return WITHHELD;
  return roundTo > 1 ? Math.round(value / roundTo) * roundTo : value;
}
