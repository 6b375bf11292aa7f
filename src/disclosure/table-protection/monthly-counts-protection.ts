// Table protection for the monthly counts of one area: every product that shows counts of an area
// (a month, the same month last year, year to date, the last 12 months, whole years, totals over
// types) asks the same question "may this sum be shown?" and gets the same answer, because the
// decision is made once over every sum of that kind in the area's whole history.

import { createHash } from "node:crypto";
import { addMonths } from "../../domain/time.ts";
import type { MonthlyCount } from "../../store/store.ts";
import { intervalKey, protectIntervals, type SeriesInterval } from "./interval-protection.ts";

/** Whether the count of `code` ("totaal": all types) over `from`…`to` (yyyymm) may be shown. */
export type Shown = (code: string, from: number, to: number) => boolean;

export const TOTAL = "totaal";
export const SHOW_ALL: Shown = () => true;

const cache = new Map<string, Shown>();
const CACHE_SIZE = 500;

/**
 * Decides, for counts 1…minimum−1, which sums of these monthly counts may be shown, over the
 * months from January of the first year with data up to `until` (yyyymm). Sums that the decision
 * did not consider (other windows) are not shown. Results are cached by content.
 *
 * Candidates, most wanted first: for the total over all types, then for each type (by code):
 * every month, every year to date, every 12-month window (cut at the first month of data).
 */
export function protectMonthlyCounts(
  rows: readonly MonthlyCount[],
  opts: { minimum: number; until: number },
): Shown {
  if (opts.minimum <= 1) return SHOW_ALL;
  const relevant = rows.filter((r) => r.month <= opts.until && r.count > 0);
  if (relevant.length === 0) return SHOW_ALL;
  const key = createHash("sha256")
    .update(JSON.stringify([opts, relevant.map((r) => [r.inpCode.trim(), r.month, r.count]).sort()]))
    .digest("hex");
  const hit = cache.get(key);
  if (hit) return hit;

  const firstYear = Math.floor(Math.min(...relevant.map((r) => r.month)) / 100);
  const first = firstYear * 100 + 1;
  const months: number[] = [];
  for (let m = first; m <= opts.until; m = addMonths(m, 1)) months.push(m);
  const index = new Map(months.map((m, i) => [m, i]));
  const n = months.length;
  const byCode = new Map<string, number[]>();
  const total = new Array<number>(n).fill(0);
  for (const r of relevant) {
    const i = index.get(r.month) as number;
    const code = r.inpCode.trim();
    let v = byCode.get(code);
    if (!v) {
      v = new Array<number>(n).fill(0);
      byCode.set(code, v);
    }
    v[i] = (v[i] as number) + r.count;
    total[i] = (total[i] as number) + r.count;
  }
  const codes = [...byCode.keys()].sort();
  const candidates: SeriesInterval[] = [];
  for (const series of [TOTAL, ...codes]) {
    for (let i = 0; i < n; i++) candidates.push({ series, from: i, to: i });
    for (let i = 0; i < n; i++)
      candidates.push({ series, from: i - ((months[i] as number) % 100) + 1, to: i });
    // 12-month windows; those that would start before the data start from its first month.
    for (let i = 0; i < n; i++) candidates.push({ series, from: Math.max(0, i - 11), to: i });
  }
  const result = protectIntervals({
    months: n,
    series: [
      { id: TOTAL, values: total },
      ...codes.map((c) => ({ id: c, values: byCode.get(c) as number[] })),
    ],
    groups: [{ parent: TOTAL, children: codes }],
    candidates,
    minimum: opts.minimum,
  });

  const shown: Shown = (code, from, to) => {
    if (to < first) return true; // before any data: zero, nothing to hide
    const series = code.trim();
    if (series !== TOTAL && !byCode.has(series)) return true; // no registrations of this type
    const a = from < first ? 0 : index.get(from);
    const b = to > opts.until ? undefined : index.get(to);
    if (a === undefined || b === undefined || a > b) return false;
    return result.published.has(intervalKey({ series, from: a, to: b }));
  };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, shown);
  return shown;
}

/**
 * Computes the protection of every gemeente ahead of the first visitor (it is cached by content),
 * one gemeente at a time so requests are served in between. Returns when all are done or `stop`
 * says so.
 */
export async function warmMonthlyCountsProtection(
  source: {
    gemeenten: () => Promise<string[]>;
    counts: (gemeente: string) => Promise<readonly MonthlyCount[]>;
  },
  opts: { minimum: number; until: number; stop?: () => boolean },
): Promise<number> {
  let done = 0;
  for (const g of await source.gemeenten()) {
    if (opts.stop?.()) break;
    protectMonthlyCounts(await source.counts(g), opts);
    done++;
    await new Promise((r) => setImmediate(r));
  }
  return done;
}
