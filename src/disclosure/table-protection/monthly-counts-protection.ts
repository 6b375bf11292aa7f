// Table protection for the monthly counts of one area: every product that shows counts of an area
// (a month, the same month last year, year to date, the last 12 months, whole years, totals over
// types) asks the same question "may this sum be shown?" and gets the same answer, because the
// decision is made once over every sum of that kind in the area's whole history.

import { createHash } from "node:crypto";
import { addMonths } from "../../domain/time.ts";
import type { LedgerInterval, MonthlyCount, Store } from "../../store/store.ts";
import { intervalKey, protectIntervals, type SeriesInterval } from "./interval-protection.ts";

/** Whether the count of `code` ("totaal": all types) over `from`…`to` (yyyymm) may be shown. */
export type Shown = (code: string, from: number, to: number) => boolean;

export const TOTAL = "totaal";
export const SHOW_ALL: Shown = () => true;

/**
 * The sums every product may show of one series, most wanted first: every month, every year to
 * date, every 12-month window (those that would start before the first month start there).
 * `months` are consecutive yyyymm values starting in January; intervals are indexes into them.
 */
export function windowCandidates(series: string, months: readonly number[]): SeriesInterval[] {
  const n = months.length;
  const out: SeriesInterval[] = [];
  for (let i = 0; i < n; i++) out.push({ series, from: i, to: i });
  for (let i = 0; i < n; i++) out.push({ series, from: i - ((months[i] as number) % 100) + 1, to: i });
  for (let i = 0; i < n; i++) out.push({ series, from: Math.max(0, i - 11), to: i });
  return out;
}

/** A decision: what may be shown, and the sums (yyyymm) it lets through, for the ledger. */
export interface CountsDecision {
  shown: Shown;
  published: LedgerInterval[];
}

const cache = new Map<string, CountsDecision>();
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
  return decideMonthlyCounts(rows, opts).shown;
}

/**
 * As `protectMonthlyCounts`, taking the sums let through before (`published`, the ledger) as
 * given, so a later decision never withholds what an earlier one showed; returns the sums it lets
 * through now (to add to the ledger).
 */
export function decideMonthlyCounts(
  rows: readonly MonthlyCount[],
  opts: { minimum: number; until: number; published?: readonly LedgerInterval[] },
): CountsDecision {
  if (opts.minimum <= 1) return { shown: SHOW_ALL, published: [] };
  const relevant = rows.filter((r) => r.month <= opts.until && r.count > 0);
  if (relevant.length === 0) return { shown: SHOW_ALL, published: [] };
  const counts = relevant.map((r) => [r.inpCode.trim(), r.month, r.count]).sort();
  const keyFor = (ledger: readonly LedgerInterval[]) =>
    createHash("sha256")
      .update(
        JSON.stringify([
          opts.minimum,
          opts.until,
          ledger.map((x) => `${x.series}|${x.from}|${x.to}`).sort(),
          counts,
        ]),
      )
      .digest("hex");
  const key = keyFor(opts.published ?? []);
  const hit = cache.get(key);
  if (hit) return hit;

  const firstYear = Math.floor(
    relevant.reduce((m, r) => Math.min(m, r.month), Number.POSITIVE_INFINITY) / 100,
  );
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
  const candidates = [TOTAL, ...codes].flatMap((series) => windowCandidates(series, months));
  // Earlier publications inside these months and series are kept (forced).
  const known = new Set([TOTAL, ...codes]);
  const earlier: SeriesInterval[] = (opts.published ?? []).flatMap((x) => {
    const a = index.get(x.from);
    const b = index.get(x.to);
    return known.has(x.series) && a !== undefined && b !== undefined && a <= b
      ? [{ series: x.series, from: a, to: b }]
      : [];
  });
  const result = protectIntervals({
    months: n,
    series: [
      { id: TOTAL, values: total },
      ...codes.map((c) => ({ id: c, values: byCode.get(c) as number[] })),
    ],
    groups: [{ parent: TOTAL, children: codes }],
    candidates,
    published: earlier,
    minimum: opts.minimum,
  });
  const published: LedgerInterval[] = [...candidates, ...earlier]
    .filter((c) => result.published.has(intervalKey(c)))
    .map((c) => ({ series: c.series, from: months[c.from] as number, to: months[c.to] as number }));

  const shown: Shown = (code, from, to) => {
    if (to < first) return true; // before any data: zero, nothing to hide
    const series = code.trim();
    if (series !== TOTAL && !byCode.has(series)) return true; // no registrations of this type
    const a = from < first ? 0 : index.get(from);
    const b = to > opts.until ? undefined : index.get(to);
    if (a === undefined || b === undefined || a > b) return false;
    return result.published.has(intervalKey({ series, from: a, to: b }));
  };
  const decision = {
    shown,
    published: [...new Map(published.map((p) => [`${p.series}|${p.from}|${p.to}`, p])).values()],
  };
  if (cache.size >= CACHE_SIZE - 1) cache.delete(cache.keys().next().value as string);
  cache.set(key, decision);
  // With its own choices in the ledger the same decision follows; remember it under that ledger
  // too, so the next request (which reads the grown ledger) does not decide again.
  cache.set(keyFor(decision.published), decision);
  return decision;
}

/**
 * The decision for one area with its ledger: reads the sums shown before, decides, and adds what
 * is newly let through to the ledger.
 */
/**
 * Decisions that added nothing to the ledger, per counts read (the store's reads are frozen and
 * shared) and area, minimum and month: the same counts with the same ledger give the same decision.
 */
const settled = new WeakMap<
  readonly MonthlyCount[],
  Map<string, { ledger: readonly LedgerInterval[]; shown: Shown }>
>();

export async function protectAreaCounts(
  ledger: Pick<Store, "protectionLedger" | "addToProtectionLedger">,
  area: string,
  rows: readonly MonthlyCount[],
  opts: { minimum: number; until: number },
): Promise<Shown> {
  if (opts.minimum <= 1) return SHOW_ALL;
  const before = await ledger.protectionLedger(area, opts.minimum);
  const key = `${area}|${opts.minimum}|${opts.until}`;
  const hit = Object.isFrozen(rows) ? settled.get(rows)?.get(key) : undefined;
  if (hit && hit.ledger === before) return hit.shown;
  const decision = decideMonthlyCounts(rows, { ...opts, published: before });
  const had = new Set(before.map((x) => `${x.series}|${x.from}|${x.to}`));
  const added = decision.published.filter((x) => !had.has(`${x.series}|${x.from}|${x.to}`));
  if (added.length > 0) await ledger.addToProtectionLedger(area, opts.minimum, added);
  else if (Object.isFrozen(rows) && Object.isFrozen(before)) {
    const byKey = settled.get(rows) ?? new Map();
    settled.set(rows, byKey);
    byKey.set(key, { ledger: before, shown: decision.shown });
  }
  return decision.shown;
}
