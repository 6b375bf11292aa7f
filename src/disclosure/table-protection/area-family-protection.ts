// Table protection for a gemeente together with its wijken and buurten. A gemeente's count is the
// sum of its wijken's counts (plus what lies in no wijk), a wijk's the sum of its buurten's: so
// the gemeente minus all other wijken gives the last wijk. A decision per area cannot see that;
// this one decides every sum of the whole family in one system of equations (interval-protection).
//
// What each level shows: the gemeente every INP type and the total (as for one area, so the
// gemeente's own decisions and ledger are the same as in monthly-counts-protection.ts); a wijk the
// INP level-1 groups and the total; a buurt only the total. The gemeente is decided first, so a
// figure of the gemeente never waits on a wijk. Hidden unknowns: the gemeente's level-1 sums and
// what lies in no wijk (or in no buurt of a wijk); when that "rest" is zero every month it is left
// out, because then the parts add up exactly, and someone who knows that could use it.

import { createHash } from "node:crypto";
import { inpPath } from "../../domain/inp-tree.ts";
import { addMonths } from "../../domain/time.ts";
import type { LedgerInterval, MonthlyCount } from "../../store/store.ts";
import { frozenMemo } from "./frozen-memo.ts";
import { intervalKey, protectIntervals, type SeriesInterval } from "./interval-protection.ts";
import { SHOW_ALL, type Shown, TOTAL, windowCandidates } from "./monthly-counts-protection.ts";

export interface FamilyCounts {
  gemeente: string;
  /** Monthly counts of the gemeente per INP type. */
  rows: readonly MonthlyCount[];
  /** Monthly counts per INP type of each wijk and buurt in the gemeente. */
  wijken: readonly (MonthlyCount & { area: string })[];
  buurten: readonly (MonthlyCount & { area: string })[];
  /** Types also shown per wijk and buurt (e.g. woninginbraak), besides main groups and totals. */
  detailTypes?: readonly string[];
  /** Splits of gemeente types (attempts, part of day, weekday, way of working): 12-month sums. */
  breakdowns?: readonly Breakdown[];
}

/** A gemeente type split into parts, e.g. woninginbraak by part of the day. */
export interface Breakdown {
  /** The INP code split. */
  parent: string;
  /** Name of the split, e.g. "dagdeel". */
  name: string;
  /** Monthly counts per part; what no part holds is a hidden rest. */
  parts: readonly { part: string; month: number; count: number }[];
}

/** Series id of one part of a breakdown: "1.1.1@dagdeel:nacht". */
export const partSeries = (parent: string, name: string, part: string) => `${parent}@${name}:${part}`;

export interface FamilyDecision {
  /** The gemeente: by INP code or "totaal", as monthly-counts-protection's Shown. */
  gemeente: Shown;
  /** A wijk: by INP level-1 code (e.g. "1") or "totaal". */
  wijk: (code: string) => Shown;
  /** A buurt: "totaal" only. */
  buurt: (code: string) => Shown;
  /** Everything shown, for the ledger: gemeente series as they are, others as "AREA|series". */
  published: LedgerInterval[];
}

/** The wijk of a CBS buurt code: BU + gemeente (4) + wijk (2) + buurt (2) → WK + gemeente + wijk. */
export function wijkOfBuurt(buurt: string): string {
  return `WK${buurt.slice(2, 8)}`;
}

/** INP level-1 code of a level-3 code, or "onbekend". */
export function groupOf(code: string): string {
  return inpPath(code.trim())?.l1.code ?? "onbekend";
}

/** Hash of counts (the store's reads are frozen, so each is hashed once). */
const rowsHash = frozenMemo((rows: readonly MonthlyCount[]) => {
  const hash = createHash("sha256");
  for (const r of rows)
    hash.update(`${(r as { area?: string }).area ?? ""},${r.month},${r.inpCode},${r.count};`);
  return hash.digest("hex");
});
const partsHash = frozenMemo((parts: Breakdown["parts"]) => {
  const hash = createHash("sha256");
  for (const p of parts) hash.update(`${p.part},${p.month},${p.count};`);
  return hash.digest("hex");
});

/** Hash of a ledger, in any order (the store's ledgers are frozen, so each is hashed once). */
const ledgerHash = frozenMemo((ledger: readonly LedgerInterval[]) =>
  createHash("sha256")
    .update(
      ledger
        .map((x) => `${x.series}|${x.from}|${x.to}`)
        .sort()
        .join(";"),
    )
    .digest("hex"),
);

const cache = new Map<string, FamilyDecision>();
const CACHE_SIZE = 100;

/** As `decideFamily`, cached by content (the same counts, ledger and settings give the same decision). */
export function decideAreaFamily(
  input: FamilyCounts,
  opts: { minimum: number; until: number; published?: readonly LedgerInterval[] },
): FamilyDecision {
  const hash = createHash("sha256");
  hash.update(JSON.stringify([input.gemeente, opts.minimum, opts.until, input.detailTypes ?? []]));
  for (const b of input.breakdowns ?? []) hash.update(`|${b.parent}@${b.name}|${partsHash(b.parts)}`);
  for (const rows of [input.rows, input.wijken, input.buurten]) hash.update(`|${rowsHash(rows)}`);
  const base = hash.digest("hex");
  const keyFor = (ledger: readonly LedgerInterval[]) => `${base}|${ledgerHash(ledger)}`;
  const key = keyFor(opts.published ?? []);
  const hit = cache.get(key);
  if (hit) return hit;
  const decision = decideFamily(input, opts);
  if (cache.size >= CACHE_SIZE - 1) cache.delete(cache.keys().next().value as string);
  cache.set(key, decision);
  // The same decision follows with its own publications in the ledger (the next request's ledger).
  cache.set(keyFor(decision.published), decision);
  return decision;
}

function decideFamily(
  input: FamilyCounts,
  opts: { minimum: number; until: number; published?: readonly LedgerInterval[] },
): FamilyDecision {
  if (opts.minimum <= 1)
    return { gemeente: SHOW_ALL, wijk: () => SHOW_ALL, buurt: () => SHOW_ALL, published: [] };
  const all = [...input.rows, ...input.wijken, ...input.buurten].filter(
    (r) => r.month <= opts.until && r.count > 0,
  );
  if (all.length === 0)
    return { gemeente: SHOW_ALL, wijk: () => SHOW_ALL, buurt: () => SHOW_ALL, published: [] };
  const first =
    Math.floor(all.reduce((m, r) => Math.min(m, r.month), Number.POSITIVE_INFINITY) / 100) * 100 + 1;
  const months: number[] = [];
  for (let m = first; m <= opts.until; m = addMonths(m, 1)) months.push(m);
  const n = months.length;
  const index = new Map(months.map((m, i) => [m, i]));

  const series = new Map<string, number[]>();
  const add = (id: string, month: number, count: number) => {
    const i = index.get(month);
    if (i === undefined) return;
    let v = series.get(id);
    if (!v) {
      v = new Array<number>(n).fill(0);
      series.set(id, v);
    }
    v[i] = (v[i] as number) + count;
  };
  const relevant = <T extends MonthlyCount>(rows: readonly T[]) =>
    rows.filter((r) => r.month <= opts.until && r.count > 0);
  for (const r of relevant(input.rows)) {
    add(r.inpCode.trim(), r.month, r.count);
    add(TOTAL, r.month, r.count);
    add(`L1|${groupOf(r.inpCode)}`, r.month, r.count);
  }
  const codes = [...series.keys()].filter((k) => k !== TOTAL && !k.startsWith("L1|")).sort();
  const groups = [...series.keys()]
    .filter((k) => k.startsWith("L1|"))
    .map((k) => k.slice(3))
    .sort();
  const detail = new Set((input.detailTypes ?? []).filter((t) => series.has(t)));
  for (const r of relevant(input.wijken)) {
    add(`${r.area}|${groupOf(r.inpCode)}`, r.month, r.count);
    add(`${r.area}|${TOTAL}`, r.month, r.count);
    if (detail.has(r.inpCode.trim())) add(`${r.area}|${r.inpCode.trim()}`, r.month, r.count);
  }
  for (const r of relevant(input.buurten)) {
    add(`${r.area}|${TOTAL}`, r.month, r.count);
    if (detail.has(r.inpCode.trim())) add(`${r.area}|${r.inpCode.trim()}`, r.month, r.count);
  }
  const breakdowns = (input.breakdowns ?? []).filter((b) => series.has(b.parent));
  for (const b of breakdowns)
    for (const p of b.parts)
      if (p.month <= opts.until && p.count > 0) add(partSeries(b.parent, b.name, p.part), p.month, p.count);
  const wijken = [...new Set(relevant(input.wijken).map((r) => r.area))].sort();
  const buurten = [...new Set(relevant(input.buurten).map((r) => r.area))].sort();

  const equations: { parent: string; children: string[] }[] = [];
  const rest = (parent: string, children: string[], id: string) => {
    const p = series.get(parent) ?? new Array<number>(n).fill(0);
    const left = p.map((v, i) => v - children.reduce((s, c) => s + ((series.get(c)?.[i] as number) ?? 0), 0));
    if (left.some((v) => v < 0)) throw new RangeError(`${parent}: the parts add up to more than the whole`);
    if (left.some((v) => v > 0)) {
      series.set(id, left);
      children = [...children, id];
    }
    equations.push({ parent, children });
  };
  equations.push({ parent: TOTAL, children: codes });
  for (const g of groups) {
    equations.push({ parent: `L1|${g}`, children: codes.filter((c) => groupOf(c) === g) });
    rest(
      `L1|${g}`,
      wijken.filter((w) => series.has(`${w}|${g}`)).map((w) => `${w}|${g}`),
      `rest|${g}`,
    );
  }
  for (const w of wijken) {
    equations.push({
      parent: `${w}|${TOTAL}`,
      children: groups.filter((g) => series.has(`${w}|${g}`)).map((g) => `${w}|${g}`),
    });
    rest(
      `${w}|${TOTAL}`,
      buurten.filter((b) => wijkOfBuurt(b) === w).map((b) => `${b}|${TOTAL}`),
      `${w}|rest`,
    );
  }

  // Detail types: a wijk's main group holds its detail types and a hidden rest; the gemeente's
  // type is the sum over its wijken; a buurt's total holds its detail types; a wijk's detail type
  // is the sum over its buurten.
  const details = [...detail].sort();
  for (const t of details) {
    rest(
      t,
      wijken.filter((w) => series.has(`${w}|${t}`)).map((w) => `${w}|${t}`),
      `rest|${t}`,
    );
  }
  for (const w of wijken) {
    for (const g of groups) {
      const inGroup = details.filter((t) => groupOf(t) === g && series.has(`${w}|${t}`));
      if (inGroup.length > 0)
        rest(
          `${w}|${g}`,
          inGroup.map((t) => `${w}|${t}`),
          `${w}|${g}~rest`,
        );
    }
    for (const t of details) {
      const inWijk = buurten.filter((b) => wijkOfBuurt(b) === w && series.has(`${b}|${t}`));
      if (series.has(`${w}|${t}`))
        rest(
          `${w}|${t}`,
          inWijk.map((b) => `${b}|${t}`),
          `${w}|${t}~rest`,
        );
    }
  }
  for (const b of buurten) {
    const own = details.filter((t) => series.has(`${b}|${t}`));
    if (own.length > 0)
      rest(
        `${b}|${TOTAL}`,
        own.map((t) => `${b}|${t}`),
        `${b}|~rest`,
      );
  }
  const partIds = new Set<string>();
  for (const b of breakdowns) {
    const ids = [...new Set(b.parts.map((p) => partSeries(b.parent, b.name, p.part)))]
      .filter((id) => series.has(id))
      .sort();
    for (const id of ids) partIds.add(id);
    rest(b.parent, ids, partSeries(b.parent, b.name, "~rest"));
  }

  const candidates: SeriesInterval[] = [
    ...[TOTAL, ...codes].flatMap((s) => windowCandidates(s, months)),
    ...wijken.flatMap((w) =>
      [TOTAL, ...groups]
        .filter((g) => series.has(`${w}|${g}`))
        .flatMap((g) => windowCandidates(`${w}|${g}`, months)),
    ),
    ...buurten.flatMap((b) => windowCandidates(`${b}|${TOTAL}`, months)),
    ...details.flatMap((t) => [
      ...wijken.filter((w) => series.has(`${w}|${t}`)).flatMap((w) => windowCandidates(`${w}|${t}`, months)),
      ...buurten.filter((b) => series.has(`${b}|${t}`)).flatMap((b) => windowCandidates(`${b}|${t}`, months)),
    ]),
    // Parts of a split only as 12-month sums (those starting before the data start from there).
    ...[...partIds]
      .sort()
      .flatMap((id) => months.map((_, i) => ({ series: id, from: Math.max(0, i - 11), to: i }))),
  ];
  const earlier: SeriesInterval[] = (opts.published ?? []).flatMap((x) => {
    const a = index.get(x.from);
    const b = index.get(x.to);
    return series.has(x.series) && a !== undefined && b !== undefined && a <= b
      ? [{ series: x.series, from: a, to: b }]
      : [];
  });
  const result = protectIntervals({
    months: n,
    series: [...series].map(([id, values]) => ({ id, values })),
    groups: equations,
    candidates,
    published: earlier,
    minimum: opts.minimum,
  });

  const shownFor =
    (prefix: string, exists: (s: string) => boolean): Shown =>
    (code, from, to) => {
      if (to < first) return true;
      const s = `${prefix}${code.trim()}`;
      if (!series.has(s)) return !exists(code.trim()); // nothing registered: zero, nothing to hide
      const a = from < first ? 0 : index.get(from);
      const b = to > opts.until ? undefined : index.get(to);
      if (a === undefined || b === undefined || a > b) return false;
      return result.published.has(intervalKey({ series: s, from: a, to: b }));
    };
  const seen = new Set<string>();
  const wijkSet = new Set(wijken);
  const buurtSet = new Set(buurten);
  // Series kinds an area shows; anything else is never shown (not taken for a zero).
  const detailAll = new Set(input.detailTypes ?? []);
  const notInWijk = (s: string) => !(s === TOTAL || /^\d+$/.test(s) || detailAll.has(s));
  const notInBuurt = (s: string) => !(s === TOTAL || detailAll.has(s));
  return {
    gemeente: shownFor("", () => false),
    wijk: (code) =>
      wijkSet.has(code)
        ? shownFor(`${code}|`, notInWijk)
        : (s, f, t) => !notInWijk(s) || (SHOW_ALL(s, f, t) && false),
    buurt: (code) => (buurtSet.has(code) ? shownFor(`${code}|`, notInBuurt) : (s) => !notInBuurt(s)),
    published: [...candidates, ...earlier]
      .filter((c) => result.published.has(intervalKey(c)))
      .map((c) => ({ series: c.series, from: months[c.from] as number, to: months[c.to] as number }))
      .filter((x) => {
        const key = `${x.series}|${x.from}|${x.to}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
  };
}
