// Test support for the product definitions: monthly counts drawn from a seeded generator, a fixed
// context, and independent reference computations (plain sums over the rows, the exact Poisson
// test as a minimum-likelihood binomial test, Benjamini–Hochberg, Mann-Kendall with Sen's slope),
// written here from their definitions rather than by calling the code under test.

import { seededUniform } from "../../demo/prng.ts";
import type { AreaSummary } from "../../domain/area.ts";
import type { MonthlyCount } from "../../store/store.ts";
import type { ProductContext } from "../product-definition.ts";
import type { Cell, ProductDocument, Row, TableBlock } from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";

export const TEST_AREA: AreaSummary = {
  code: "GM9999",
  level: "gemeente",
  year: 2026,
  name: "Teststad",
  parent: null,
  population: 48_000,
  populationYear: 2026,
};

export const TEST_NOW = new Date("2026-07-15T08:00:00Z");

export function testContext(period: string, lastCompleteMonth = 202606): ProductContext {
  return { area: TEST_AREA, period: parsePeriod(period), lastCompleteMonth, now: TEST_NOW };
}

/** Every month from `from` to `to` (yyyymm), written out without the code's helpers. */
export function monthsBetween(from: number, to: number): number[] {
  const out: number[] = [];
  let y = Math.floor(from / 100);
  let m = from % 100;
  while (y * 100 + m <= to) {
    out.push(y * 100 + m);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/**
 * Poisson counts per type and month: `mean` per month in the first year, times `growth` per later
 * year (so some types change clearly), drawn with Knuth's method from a seeded uniform stream.
 */
export function generateRows(
  seed: number,
  types: Record<string, { mean: number; growth?: number }>,
  from: number,
  to: number,
): MonthlyCount[] {
  const u = seededUniform(seed, "definition-tests");
  const firstYear = Math.floor(from / 100);
  const rows: MonthlyCount[] = [];
  for (const month of monthsBetween(from, to)) {
    for (const [code, t] of Object.entries(types)) {
      const lambda = t.mean * (t.growth ?? 1) ** (Math.floor(month / 100) - firstYear);
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = u();
      while (p > limit) {
        k++;
        p *= u();
      }
      if (k > 0) rows.push({ month, inpCode: code, count: k, attempts: 0 });
    }
  }
  return rows;
}

/** Sum of `code` (or all types for "totaal") over from…to, straight from the rows. */
export function sumRows(rows: readonly MonthlyCount[], code: string, from: number, to: number): number {
  return rows
    .filter((r) => (code === "totaal" || r.inpCode === code) && r.month >= from && r.month <= to)
    .reduce((a, r) => a + r.count, 0);
}

// --- exact test -------------------------------------------------------------------------------

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++)
    logFactorials.push((logFactorials[i - 1] as number) + Math.log(i));
  return logFactorials[n] as number;
}

/**
 * Two-sided p-value of the conditional test of two Poisson counts with equal exposure: given
 * n = a + b, a ~ Binomial(n, 1/2); minimum likelihood: the sum of P(X = x) over the x with
 * P(X = x) ≤ P(X = a) (with a relative tolerance of 1e-7, as scipy).
 */
export function exactPoissonP(a: number, b: number): number {
  const n = a + b;
  const logPmf = (x: number) => logFactorial(n) - logFactorial(x) - logFactorial(n - x) - n * Math.LN2;
  const threshold = logPmf(a) + Math.log1p(1e-7);
  let p = 0;
  for (let x = 0; x <= n; x++) {
    const lp = logPmf(x);
    if (lp <= threshold) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

/** Benjamini–Hochberg at level q: which of `p` are rejected (step-up). */
export function bhRejects(p: readonly number[], q = 0.05): boolean[] {
  const order = p.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0]);
  let k = -1;
  order.forEach(([v], rank) => {
    if (v <= ((rank + 1) / p.length) * q) k = rank;
  });
  const cutoff = k >= 0 ? (order[k] as readonly [number, number])[0] : Number.NEGATIVE_INFINITY;
  return p.map((v) => v <= cutoff);
}

// --- Mann-Kendall -----------------------------------------------------------------------------

/** Standard normal upper tail, Abramowitz & Stegun 26.2.17 (absolute error below 7.5e-8). */
function normalUpperTail(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const poly =
    t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)) * poly;
  return z >= 0 ? tail : 1 - tail;
}

/** Mann-Kendall S, p (two-sided, continuity corrected, ties corrected) and Sen's slope, pair by pair. */
export function referenceMannKendall(xs: readonly number[]): { s: number; p: number; slope: number } {
  const n = xs.length;
  let s = 0;
  const slopes: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const d = (xs[j] as number) - (xs[i] as number);
      s += Math.sign(d);
      slopes.push(d / (j - i));
    }
  const ties = new Map<number, number>();
  for (const x of xs) ties.set(x, (ties.get(x) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = s > 0 ? (s - 1) / Math.sqrt(varS) : s < 0 ? (s + 1) / Math.sqrt(varS) : 0;
  slopes.sort((a, b) => a - b);
  const mid = slopes.length / 2;
  const slope =
    slopes.length % 2 === 1
      ? (slopes[Math.floor(mid)] as number)
      : ((slopes[mid - 1] as number) + (slopes[mid] as number)) / 2;
  return { s, p: 2 * normalUpperTail(Math.abs(z)), slope };
}

// --- documents --------------------------------------------------------------------------------

export function tableOf(doc: ProductDocument, id: string): TableBlock {
  for (const s of doc.sections) for (const b of s.blocks) if (b.kind === "table" && b.id === id) return b;
  throw new Error(`no table ${id}`);
}

/** The row whose `key` cell is `value`. */
export function rowWhere(table: TableBlock, key: string, value: Cell): Row {
  const row = table.rows.find((r) => r.cells[key] === value);
  if (!row) throw new Error(`no row with ${key} = ${String(value)} in ${table.id}`);
  return row;
}

/** Every text a reader sees: title, summary, paragraphs, captions, notes, text cells, labels. */
export function allTexts(doc: ProductDocument): string[] {
  const out = [doc.title, ...doc.summary];
  for (const s of doc.sections) {
    out.push(s.title);
    for (const b of s.blocks) {
      if (b.kind === "text") out.push(...b.paragraphs);
      if (b.kind === "chart") out.push(b.title);
      if (b.kind === "table") {
        out.push(b.caption, b.note ?? "", ...b.columns.map((c) => c.label));
        for (const r of b.rows)
          for (const v of Object.values(r.cells)) if (typeof v === "string") out.push(v);
      }
    }
  }
  return out;
}

/** A `shown` that remembers every sum it was asked about and what it answered. */
export function recordingShown(shown: (code: string, from: number, to: number) => boolean) {
  const asked = new Map<string, boolean>();
  const fn = (code: string, from: number, to: number) => {
    const answer = shown(code, from, to);
    asked.set(`${code}|${from}|${to}`, answer);
    return answer;
  };
  return { shown: fn, asked };
}
