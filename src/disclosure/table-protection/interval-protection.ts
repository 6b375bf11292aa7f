// Disclosure control for counts over periods, consistent across every table and query.
//
// The problem: a small count (1 to 4 registrations, say) is suppressed, but tables also show sums
// over periods (year to date, the last 12 months, a year) and totals over types or areas. Two
// published sums can be subtracted to reveal a suppressed month: year-to-date March minus
// year-to-date February is March. A rule per table cannot see that; the decision must cover every
// sum that any product or query may show, and stay the same wherever the cell appears.
//
// The model: a series is the monthly counts of one area and type, months 0…N−1, with prefix sums
// S(0) = 0, S(1), …, S(N) as unknowns. Publishing the sum over months [a, b] makes the equation
// S(b+1) − S(a) known; a sum group (a total equals the sum of its parts, month by month) makes
// S_total(k) − Σ S_part(k) = 0 known for every boundary k. A protected interval [x, y] (a small
// count) is computable exactly when S(y+1) − S(x) lies in the span of the known equations.
//
// The span is kept as a fully reduced row-echelon basis (modulo a large prime), updated one
// equation at a time, together with each protected vector reduced against it. A new equation e,
// reduced to r, adds exactly the direction r, so a protected vector g (not computable so far)
// becomes computable exactly when its reduction is a multiple of r. Candidates are decided in
// priority order: one is published only if no protected vector becomes computable.
//
// The tests check random tables against an independent rank computation over all published sums.

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

type Row = Map<number, number>;

/** v += f · w (modulo PRIME), dropping zeros; calls `touched(var, present)` for support changes. */
function addScaled(v: Row, f: number, w: Row, touched?: (x: number, present: boolean) => void): void {
  for (const [x, c] of w) {
    const had = v.has(x);
    const y = ((v.get(x) ?? 0) + mulmod(f, c)) % PRIME;
    if (y === 0) {
      if (had) {
        v.delete(x);
        touched?.(x, false);
      }
    } else {
      v.set(x, y);
      if (!had) touched?.(x, true);
    }
  }
}

/**
 * The span of the known equations in row-echelon form: each row has its pivot at its smallest
 * column. Reducing a vector eliminates pivots in increasing column order (new columns a row adds
 * are all larger than its pivot), leaving the unique remainder with no pivot columns.
 */
class Span {
  private readonly rows = new Map<number, Row>(); // pivot → row with 1 at the pivot

  reduce(v: Row): Row {
    const r = new Map(v);
    const heap = new MinHeap([...r.keys()]);
    for (let x = heap.pop(); x !== undefined; x = heap.pop()) {
      const row = this.rows.get(x);
      const f = r.get(x);
      if (!row || f === undefined) continue;
      addScaled(r, PRIME - f, row, (y, present) => {
        if (present) heap.push(y);
      });
    }
    return r;
  }

  /** Adds a reduced, non-zero vector; returns it normalised (1 at its pivot) and the pivot. */
  add(r: Row): { pivot: number; row: Row } {
    let pivot = -1;
    for (const x of r.keys()) if (pivot < 0 || x < pivot) pivot = x;
    const inv = invmod(r.get(pivot) as number);
    const row: Row = new Map();
    for (const [x, c] of r) row.set(x, mulmod(c, inv));
    this.rows.set(pivot, row);
    return { pivot, row };
  }
}

/** A binary min-heap of column numbers. */
class MinHeap {
  private readonly a: number[] = [];
  constructor(items: number[]) {
    for (const x of items) this.push(x);
  }
  push(x: number): void {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((a[p] as number) <= x) break;
      a[i] = a[p] as number;
      i = p;
    }
    a[i] = x;
  }
  pop(): number | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0] as number;
    const last = a.pop() as number;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && (a[r] as number) < (a[l] as number) ? r : l;
        if ((a[c] as number) >= last) break;
        a[i] = a[c] as number;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

/** True when the non-zero vectors a and b are multiples of each other. */
function parallel(a: Row, b: Row): boolean {
  if (a.size !== b.size) return false;
  let ka = -1;
  let kb = -1;
  for (const [x, cb] of b) {
    const ca = a.get(x);
    if (ca === undefined) return false;
    if (ka < 0) {
      ka = ca;
      kb = cb;
    } else if (mulmod(ca, kb) !== mulmod(cb, ka)) return false;
  }
  return true;
}

/**
 * Decides which candidate intervals may be published. Complexity per candidate: reducing its
 * two-term equation against the basis, then comparing with the protected vectors (most differ at
 * once in size); accepting it updates the basis and the protected vectors that hold its pivot.
 */
export function protectIntervals(input: IntervalProtectionInput): IntervalProtectionResult {
  const n = input.months;
  const seriesIndex = new Map(input.series.map((s, i) => [s.id, i]));
  const values = new Map(input.series.map((s) => [s.id, s.values]));
  const node = (series: string, k: number): number => {
    const i = seriesIndex.get(series);
    if (i === undefined) throw new RangeError(`unknown series ${series}`);
    // Columns month by month, and within a month the series in reverse order: callers list
    // totals before their parts, so the parts' unknowns become pivots first. The span is the
    // same in any order; this one keeps the rows short (3.7× faster on a gemeente with 24 wijken
    // and 193 buurten than series by series).
    return k * input.series.length + (input.series.length - 1 - i);
  };
  const sum = (i: SeriesInterval): number => {
    const v = values.get(i.series);
    if (!v) throw new RangeError(`unknown series ${i.series}`);
    let s = 0;
    for (let m = i.from; m <= i.to; m++) s += v[m] as number;
    return s;
  };
  const equation = (i: SeriesInterval): Row =>
    new Map([
      [node(i.series, i.to + 1), 1],
      [node(i.series, i.from), PRIME - 1],
    ]);

  // Protected: every small month, and every candidate interval whose own count is small.
  const primary = new Set<string>();
  const guardedIntervals: SeriesInterval[] = [];
  const protect = (i: SeriesInterval) => {
    const key = intervalKey(i);
    if (primary.has(key)) return;
    primary.add(key);
    guardedIntervals.push(i);
  };
  for (const s of input.series) {
    s.values.forEach((v, m) => {
      if (!Number.isInteger(v) || v < 0)
        throw new RangeError(`series ${s.id} month ${m}: not a count (${v})`);
      if (v > 0 && v < input.minimum) protect({ series: s.id, from: m, to: m });
    });
  }
  for (const c of input.candidates) {
    if (c.from < 0 || c.to >= n || c.from > c.to)
      throw new RangeError(`interval ${intervalKey(c)} outside 0…${n - 1}`);
    const t = sum(c);
    if (t > 0 && t < input.minimum) protect(c);
  }

  // What is known from the start: S(0) = 0 for every series, and every sum group.
  const span = new Span();
  const guarded: Row[] = guardedIntervals.map(equation);
  const holding = new Map<number, Set<number>>(); // column → guarded vectors holding it
  const track = (g: number, x: number, present: boolean) => {
    let set = holding.get(x);
    if (present) {
      if (!set) {
        set = new Set();
        holding.set(x, set);
      }
      set.add(g);
    } else set?.delete(g);
  };
  // Guarded vectors by support signature (size and sum of columns): a vector can only be
  // parallel to one with the same support, so a candidate is compared with few of them.
  const signature = (v: Row) => {
    let sum = 0;
    for (const x of v.keys()) sum += x;
    return `${v.size}:${sum}`;
  };
  const bySignature = new Map<string, Set<number>>();
  const signatureOf: string[] = [];
  const file = (g: number) => {
    const key = signature(guarded[g] as Row);
    signatureOf[g] = key;
    let set = bySignature.get(key);
    if (!set) {
      set = new Set();
      bySignature.set(key, set);
    }
    set.add(g);
  };
  guarded.forEach((g, i) => {
    for (const x of g.keys()) track(i, x, true);
    file(i);
  });
  const learn = (e: Row): Row | null => {
    const r = span.reduce(e);
    if (r.size === 0) return null;
    const { pivot, row } = span.add(r);
    for (const g of [...(holding.get(pivot) ?? [])]) {
      const v = guarded[g] as Row;
      const f = v.get(pivot) as number;
      bySignature.get(signatureOf[g] as string)?.delete(g);
      addScaled(v, PRIME - f, row, (x, present) => track(g, x, present));
      file(g);
    }
    return row;
  };
  /** Whether some guarded vector (not yet computable) is a multiple of r, i.e. r would reveal it. */
  const reveals = (r: Row) => {
    for (const g of bySignature.get(signature(r)) ?? []) {
      const v = guarded[g] as Row;
      if (v.size > 0 && parallel(v, r)) return true;
    }
    return false;
  };
  for (const s of input.series) learn(new Map([[node(s.id, 0), 1]]));
  for (const g of input.groups) {
    for (let k = 1; k <= n; k++) {
      const e: Row = new Map([[node(g.parent, k), 1]]);
      for (const c of g.children) addScaled(e, PRIME - 1, new Map([[node(c, k), 1]]));
      learn(e);
    }
  }

  const published = new Set<string>();
  for (const p of input.published ?? []) {
    learn(equation(p));
    published.add(intervalKey(p));
  }
  for (const c of input.candidates) {
    const key = intervalKey(c);
    if (published.has(key) || primary.has(key)) continue;
    const r = span.reduce(equation(c));
    if (r.size > 0 && reveals(r)) continue;
    if (r.size > 0) learn(r);
    published.add(key);
  }
  return { published, primary };
}
