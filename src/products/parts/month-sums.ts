// Sums of an area's monthly counts over a type ("totaal": all types) and a month range, and the
// ways a product may show them: a sum the table protection decided on (`shown`), or a sum composed
// only of shown sums (which reveals nothing a reader could not add up or subtract themselves).

import { TOTAL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import type { ProtectedCounts } from "../../disclosure/table-protection/protect-counts.ts";
import { addMonths } from "../../domain/time.ts";
import type { MonthlyCount } from "../../store/store.ts";

export interface MonthSums {
  /** Sum of `code` (TOTAL: all types) over `from`…`to` (yyyymm, inclusive); 0 without rows. */
  sum(code: string, from: number, to: number): number;
  /**
   * January of the first year with a registration (the start the table protection uses too), or
   * null without any: before it there are no figures, which is not the same as none happening.
   */
  dataStart: number | null;
}

export function monthSums(rows: readonly MonthlyCount[]): MonthSums {
  const byCode = new Map<string, Map<number, number>>();
  const add = (code: string, month: number, count: number) => {
    let m = byCode.get(code);
    if (!m) {
      m = new Map();
      byCode.set(code, m);
    }
    m.set(month, (m.get(month) ?? 0) + count);
  };
  let first = Number.POSITIVE_INFINITY;
  for (const r of rows) {
    if (r.count <= 0) continue;
    add(r.inpCode.trim(), r.month, r.count);
    add(TOTAL, r.month, r.count);
    first = Math.min(first, r.month);
  }
  return {
    sum(code, from, to) {
      const m = byCode.get(code.trim());
      if (!m) return 0;
      let total = 0;
      for (let month = from; month <= to; month = addMonths(month, 1)) total += m.get(month) ?? 0;
      return total;
    },
    dataStart: Number.isFinite(first) ? Math.floor(first / 100) * 100 + 1 : null,
  };
}

/** The sum of `code` over `from`…`to` when the protection lets it be shown; null (withheld) otherwise. */
export function shownSum(
  input: Pick<ProtectedCounts, "shown">,
  sums: MonthSums,
  code: string,
  from: number,
  to: number,
): number | null {
  return input.shown(code, from, to) ? sums.sum(code, from, to) : null;
}

/** A sum of shown parts; null (withheld) as soon as one part is withheld. */
export function sumOfShown(parts: readonly (number | null)[]): number | null {
  let total = 0;
  for (const p of parts) {
    if (p === null) return null;
    total += p;
  }
  return total;
}

/** A count rounded as the protection asks (`roundTo` 1 or absent: as it is); null stays null. */
export function roundCount(value: number | null, roundTo = 1): number | null {
  if (value === null) return null;
  return roundTo > 1 ? Math.round(value / roundTo) * roundTo : value;
}
