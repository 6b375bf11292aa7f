// Disclosure control for counts over periods, consistent across every table and query.
//
// The problem: a small count (1 to 4 registrations, say) is suppressed, but tables also show sums
// over periods (year to date, the last 12 months, a year) and totals over types or areas. Two
// published sums can be subtracted to reveal a suppressed month: year-to-date March minus
// year-to-date February is March. A rule per table cannot see that; the decision must cover every
// sum that any product or query may show, and stay the same wherever the cell appears.
//
// The model: a series is the monthly counts of one area and type, months 0…N−1, with prefix sums
// S(0) = 0, S(1), …, S(N). Every sum over months [a, b] is S(b+1) − S(a), so publishing it links
// boundaries a and b+1; a union-find over the N+1 boundaries of each series keeps what is linked.
// Within a component all prefix sums are known relative to one unknown offset, and the component
// of boundary 0 is known outright (S(0) = 0). Sum groups (a total equals the sum of its parts,
// month by month, so also boundary by boundary) give linear equations between the offsets of the
// components. A sum over [x, y] is computable exactly when x and y+1 share a component, or the
// difference of their offsets lies in the span of those equations (Gaussian elimination, modulo
// a large prime). Candidates are decided in priority order: one is published only if afterwards
// no protected interval (a small count) is computable.
//
// The tests check random tables against a rank computation over all published sums.

/** An interval of months [from, to], both included, of one series. */
export interface SeriesInterval {
  series: string;
  from: number;
  to: number;
}

export interface IntervalProtectionInput {
  /** Number of months N; months are numbered 0…N−1. */
  months: number;
  /** Monthly counts per series, N non-negative integers each. */
  series: { id: string; values: readonly number[] }[];
  /** Totals: `parent` equals the sum of `children`, month by month. */
  groups: { parent: string; children: string[] }[];
  /** What may be published, most wanted first. */
  candidates: SeriesInterval[];
  /** Published before (a ledger): stays published, taken as known from the start. */
  published?: SeriesInterval[];
  /** Counts 1…minimum−1 are suppressed, with everything that would reveal them. */
  minimum: number;
}

export interface IntervalProtectionResult {
  /** Keys (`intervalKey`) of the candidates (and earlier publications) that may be shown. */
  published: Set<string>;
  /** Keys of the intervals suppressed because their own count is small. */
  primary: Set<string>;
}

export const intervalKey = (i: SeriesInterval): string => `${i.series}|${i.from}|${i.to}`;

/** Union-find over month boundaries 0…N. */
class Boundaries {
  readonly root: Int32Array;

  constructor(n: number, from?: Boundaries) {
    this.root = from ? from.root.slice() : Int32Array.from({ length: n + 1 }, (_, i) => i);
  }

  find(a: number): number {
    let r = a;
    while (this.root[r] !== r) r = this.root[r] as number;
    while (this.root[a] !== r) {
      const next = this.root[a] as number;
      this.root[a] = r;
      a = next;
    }
    return r;
  }

  /** Links a and b; false when they were linked already. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    // The component of boundary 0 keeps its root, so "known outright" is "root is find(0)".
    if (rb === this.find(0)) this.root[ra] = rb;
    else this.root[rb] = ra;
    return true;
  }
}

/** A prime below √(2^53), so products of residues stay exact in doubles. */
const PRIME = 94_906_249;
const mulmod = (a: number, b: number) => (a * b) % PRIME;
function invmod(a: number): number {
  let [t, nt, r, nr] = [0, 1, PRIME, ((a % PRIME) + PRIME) % PRIME];
  while (nr !== 0) {
    const q = Math.floor(r / nr);
    [t, nt] = [nt, t - q * nt];
    [r, nr] = [nr, r - q * nr];
  }
  return ((t % PRIME) + PRIME) % PRIME;
}

/**
 * Decides which candidate intervals may be published. Complexity per candidate: building the
 * equations between component offsets, O(groups × N × group size), and eliminating them,
 * O(equations × unknowns × rank), where the unknowns are only the components not yet tied to
 * boundary 0 — few once most months are published.
 */
export function protectIntervals(input: IntervalProtectionInput): IntervalProtectionResult {
  const n = input.months;
  const values = new Map(input.series.map((s) => [s.id, s.values]));
  let uf = new Map(input.series.map((s) => [s.id, new Boundaries(n)]));
  for (const g of input.groups) {
    for (const id of [g.parent, ...g.children]) {
      if (!values.has(id)) throw new RangeError(`group names unknown series ${id}`);
    }
  }
  const sum = (i: SeriesInterval): number => {
    const v = values.get(i.series);
    if (!v) throw new RangeError(`unknown series ${i.series}`);
    let s = 0;
    for (let m = i.from; m <= i.to; m++) s += v[m] as number;
    return s;
  };

  // Protected: every small month, and every candidate interval whose own count is small.
  const guarded: SeriesInterval[] = [];
  const primary = new Set<string>();
  const protect = (i: SeriesInterval) => {
    const key = intervalKey(i);
    if (primary.has(key)) return;
    primary.add(key);
    guarded.push(i);
  };
  for (const s of input.series) {
    s.values.forEach((v, m) => {
      if (!Number.isInteger(v) || v < 0)
        throw new RangeError(`series ${s.id} month ${m}: not a count (${v})`);
      if (v > 0 && v < input.minimum) protect({ series: s.id, from: m, to: m });
    });
  }
  for (const c of input.candidates) {
    const t = sum(c);
    if (t > 0 && t < input.minimum) protect(c);
  }

  /** True when some protected interval can be computed from what is linked now. */
  const revealed = (): boolean => {
    // Unknowns: the components of each series that do not hold boundary 0.
    const unknown = new Map<string, number>();
    const variable = (series: string, boundary: number): number => {
      const u = uf.get(series) as Boundaries;
      const r = u.find(boundary);
      if (r === u.find(0)) return -1;
      const key = `${series}|${r}`;
      let v = unknown.get(key);
      if (v === undefined) {
        v = unknown.size;
        unknown.set(key, v);
      }
      return v;
    };
    for (const g of guarded) {
      const u = uf.get(g.series) as Boundaries;
      if (u.find(g.from) === u.find(g.to + 1)) return true;
    }
    if (input.groups.length === 0) return false;
    // Equations: per group and boundary, offset(parent) − Σ offset(children) = known.
    const rows: Map<number, number>[] = [];
    for (const g of input.groups) {
      for (let k = 1; k <= n; k++) {
        const row = new Map<number, number>();
        const add = (v: number, c: number) => {
          if (v < 0) return;
          const x = ((row.get(v) ?? 0) + c + PRIME) % PRIME;
          if (x === 0) row.delete(v);
          else row.set(v, x);
        };
        add(variable(g.parent, k), 1);
        for (const c of g.children) add(variable(c, k), -1);
        if (row.size > 0) rows.push(row);
      }
    }
    // Gaussian elimination to a basis with distinct pivots (sparse rows).
    const basis = new Map<number, Map<number, number>>(); // pivot → row normalised to 1 at pivot
    const reduce = (row: Map<number, number>): Map<number, number> => {
      const r = new Map(row);
      for (;;) {
        let pivot = -1;
        for (const v of r.keys()) if (basis.has(v) && (pivot < 0 || v < pivot)) pivot = v;
        if (pivot < 0) return r;
        const f = r.get(pivot) as number;
        for (const [v, c] of basis.get(pivot) as Map<number, number>) {
          const x = ((((r.get(v) ?? 0) - mulmod(f, c)) % PRIME) + PRIME) % PRIME;
          if (x === 0) r.delete(v);
          else r.set(v, x);
        }
      }
    };
    for (const row of rows) {
      const r = reduce(row);
      if (r.size === 0) continue;
      let pivot = -1;
      for (const v of r.keys()) if (pivot < 0 || v < pivot) pivot = v;
      const inv = invmod(r.get(pivot) as number);
      for (const [v, c] of r) r.set(v, mulmod(c, inv));
      basis.set(pivot, r);
    }
    for (const g of guarded) {
      const a = variable(g.series, g.from);
      const b = variable(g.series, g.to + 1);
      const target = new Map<number, number>();
      if (b >= 0) target.set(b, 1);
      if (a >= 0) target.set(a, ((target.get(a) ?? 0) - 1 + PRIME) % PRIME);
      for (const [v, c] of [...target]) if (c === 0) target.delete(v);
      if (target.size > 0 && reduce(target).size === 0) return true;
    }
    return false;
  };

  /** Links the interval; keeps it unless that reveals a protected interval (or `force`). */
  const attempt = (i: SeriesInterval, force: boolean): boolean => {
    const before = uf;
    const copy = new Map(uf);
    copy.set(i.series, new Boundaries(n, uf.get(i.series)));
    uf = copy;
    const linked = (uf.get(i.series) as Boundaries).union(i.from, i.to + 1);
    if (!linked || force || !revealed()) return true;
    uf = before;
    return false;
  };

  const published = new Set<string>();
  for (const p of input.published ?? []) {
    attempt(p, true);
    published.add(intervalKey(p));
  }
  for (const c of input.candidates) {
    const key = intervalKey(c);
    if (published.has(key) || primary.has(key)) continue;
    if (c.from < 0 || c.to >= n || c.from > c.to) throw new RangeError(`interval ${key} outside 0…${n - 1}`);
    if (attempt(c, false)) published.add(key);
  }
  return { published, primary };
}
