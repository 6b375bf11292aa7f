// The family decision (area-family-protection.ts) with its ledgers: the gemeente's own sums in the
// gemeente's ledger (the same one the gemeente-only decision keeps), the wijken's and buurten's
// in the family ledger. Once a gemeente has a family ledger, every decision for that gemeente is
// a family decision, so no later figure of the gemeente can be set against earlier wijk figures.

import { CBS_CODE } from "../../domain/area.ts";
import type { Registration } from "../../domain/registration.ts";
import { lastDayOf } from "../../domain/time.ts";
import type { AreaMonthlyCount, LedgerInterval, MonthlyCount, Store } from "../../store/store.ts";
import { type Breakdown, decideAreaFamily, type FamilyDecision } from "./area-family-protection.ts";
import { breakdownCounts } from "./breakdown-parts.ts";
import { frozenMemo } from "./frozen-memo.ts";
import { type FamilySettings, type TableProtection, withheldBelow } from "./protection-rules.ts";

/** The split types' monthly counts per part, from the gemeente's registrations up to `until`. */
export async function loadBreakdowns(
  store: Pick<Store, "registrations">,
  gemeente: string,
  until: number,
  family: FamilySettings | undefined,
): Promise<Breakdown[]> {
  const splits = family?.breakdowns ?? [];
  if (splits.length === 0) return [];
  const lastDay = lastDayOf(until);
  const regs = await store.registrations({
    area: gemeente,
    level: "gemeente",
    fromDay: 19000101,
    toDay: lastDay,
    inpCodes: [...new Set(splits.map((s) => s.inpCode))],
  });
  return breakdownsOf(regs, JSON.stringify(splits));
}

/** The splits' parts counted from registrations (frozen, so the same reads give the same array). */
const breakdownsOf = frozenMemo((regs: readonly Registration[], splitsJson: string): Breakdown[] => {
  const splits = JSON.parse(splitsJson) as NonNullable<FamilySettings["breakdowns"]>;
  return Object.freeze(
    splits.flatMap((s) =>
      s.by.map((kind) =>
        Object.freeze({
          parent: s.inpCode,
          name: kind,
          parts: Object.freeze(breakdownCounts(regs, s.inpCode, kind)),
        }),
      ),
    ),
  ) as Breakdown[];
});

/**
 * Counts without the withheld types (`below`: their codes joined by commas, sorted); the same
 * frozen counts give the same frozen array.
 */
export const withoutTypes = frozenMemo(
  <T extends MonthlyCount>(rows: readonly T[], below: string): readonly T[] => {
    if (below === "") return rows;
    const left = new Set(below.split(","));
    return Object.freeze(rows.filter((r) => !left.has(r.inpCode.trim())));
  },
);

/** The gemeente's and the family's ledger as one (the store's are frozen: the same pair, the same array). */
const joined = new WeakMap<
  readonly LedgerInterval[],
  WeakMap<readonly LedgerInterval[], readonly LedgerInterval[]>
>();
function ledgersOf(
  own: readonly LedgerInterval[],
  family: readonly LedgerInterval[],
): readonly LedgerInterval[] {
  if (!Object.isFrozen(own) || !Object.isFrozen(family)) return [...own, ...family];
  const byFamily = joined.get(own) ?? new WeakMap();
  joined.set(own, byFamily);
  const both = byFamily.get(family) ?? Object.freeze([...own, ...family]);
  byFamily.set(family, both);
  return both;
}

/** Decisions found to add nothing to a ledger (frozen), so the next request need not check again. */
const settled = new WeakMap<readonly LedgerInterval[], WeakSet<FamilyDecision>>();

export type FamilyStore = Pick<
  Store,
  "protectionLedger" | "addToProtectionLedger" | "monthlyCountsWithin" | "registrations"
>;

/** Ledger key of the wijken and buurten of a gemeente. */
export const familyLedgerKey = (gemeente: string) => `${gemeente}|familie`;

/** Whether wijk or buurt figures of this gemeente were ever shown at this minimum. */
export async function hasFamilyLedger(
  store: Pick<Store, "protectionLedger">,
  gemeente: string,
  minimum: number,
): Promise<boolean> {
  return (
    CBS_CODE.gemeente.test(gemeente) &&
    (await store.protectionLedger(familyLedgerKey(gemeente), minimum)).length > 0
  );
}

export interface FamilyOptions {
  minimum: number;
  until: number;
  withholdBelow?: readonly string[];
  /** Detail types and splits (config); every decision for a gemeente must use the same. */
  family?: FamilySettings;
  /** The wijk and buurt counts when the caller read them already (whole history up to `until`). */
  within?: { wijken: readonly AreaMonthlyCount[]; buurten: readonly AreaMonthlyCount[] };
}

/**
 * The family decision's options as the gate's table protection asks them: its minimum and detail
 * types, and the types withheld below the gemeente (`withholdBelow`, else those withheld
 * altogether).
 */
export function familyOptions(
  table: TableProtection,
  until: number,
  within?: FamilyOptions["within"],
): FamilyOptions {
  return {
    minimum: table.minimum,
    until,
    withholdBelow: withheldBelow(table),
    family: table.family,
    within,
  };
}

/**
 * Decides for the gemeente with its wijken and buurten (types in `withholdBelow` left out of the
 * wijken and buurten), reading and growing both ledgers.
 */
export async function protectFamily(
  store: FamilyStore,
  gemeente: string,
  rows: readonly MonthlyCount[],
  opts: FamilyOptions,
): Promise<FamilyDecision> {
  const { decision, record } = await decideWithLedgers(store, gemeente, rows, opts);
  await record();
  return decision;
}

/**
 * Decides as `protectFamily` would now, without adding to the ledgers (nothing is shown), so the
 * decision is cached for the first request: for the warm-up at server start.
 */
export async function warmFamily(
  store: FamilyStore,
  gemeente: string,
  rows: readonly MonthlyCount[],
  opts: FamilyOptions,
): Promise<FamilyDecision> {
  return (await decideWithLedgers(store, gemeente, rows, opts)).decision;
}

async function decideWithLedgers(
  store: FamilyStore,
  gemeente: string,
  rows: readonly MonthlyCount[],
  opts: FamilyOptions,
): Promise<{ decision: FamilyDecision; record: () => Promise<void> }> {
  const below = new Set(opts.withholdBelow ?? []);
  const belowKey = [...below].sort().join(",");
  const range = { gemeente, fromMonth: 190001, toMonth: opts.until };
  const wijken = withoutTypes(
    opts.within?.wijken ?? (await store.monthlyCountsWithin({ ...range, level: "wijk" })),
    belowKey,
  );
  const buurten = withoutTypes(
    opts.within?.buurten ?? (await store.monthlyCountsWithin({ ...range, level: "buurt" })),
    belowKey,
  );
  // The family ledger is per set of withheld types, like the gemeente-only ledger.
  const familyKey =
    below.size > 0 ? `${familyLedgerKey(gemeente)}|zonder:${belowKey}` : familyLedgerKey(gemeente);
  const own = await store.protectionLedger(gemeente, opts.minimum);
  const family = await store.protectionLedger(familyKey, opts.minimum);
  const published = ledgersOf(own, family);
  const decision = decideAreaFamily(
    {
      gemeente,
      rows,
      wijken,
      buurten,
      detailTypes: opts.family?.detailTypes,
      breakdowns: await loadBreakdowns(store, gemeente, opts.until, opts.family),
    },
    { minimum: opts.minimum, until: opts.until, published },
  );
  const record = async () => {
    if (settled.get(published)?.has(decision)) return;
    const had = new Set(published.map((x) => `${x.series}|${x.from}|${x.to}`));
    const fresh = decision.published.filter((x) => !had.has(`${x.series}|${x.from}|${x.to}`));
    if (fresh.length === 0 && Object.isFrozen(published)) {
      const decisions = settled.get(published) ?? new WeakSet();
      settled.set(published, decisions);
      decisions.add(decision);
      return;
    }
    const isChild = (x: LedgerInterval) => x.series.includes("|") || x.series.includes("@");
    const ownFresh = fresh.filter((x) => !isChild(x));
    const familyFresh = fresh.filter(isChild);
    if (ownFresh.length > 0) await store.addToProtectionLedger(gemeente, opts.minimum, ownFresh);
    if (familyFresh.length > 0) await store.addToProtectionLedger(familyKey, opts.minimum, familyFresh);
  };
  return { decision, record };
}
