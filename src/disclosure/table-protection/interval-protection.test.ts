import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Rng } from "../../demo/prng.ts";
import { intervalKey, protectIntervals, type SeriesInterval } from "./interval-protection.ts";

const months = (series: string, n: number): SeriesInterval[] =>
  Array.from({ length: n }, (_, m) => ({ series, from: m, to: m }));
const yearToDate = (series: string, n: number): SeriesInterval[] =>
  Array.from({ length: n }, (_, m) => ({ series, from: 0, to: m }));
const shown = (r: { published: Set<string> }, i: SeriesInterval) => r.published.has(intervalKey(i));

describe("protectIntervals: one series", () => {
  it("suppresses a small month and every year-to-date that would give it away", () => {
    // Month 0 has 3; all other months are published, so each year-to-date minus the months after
    // January would reveal it: all year-to-date sums must go (the classic differencing attack).
    const values = [3, 10, 12, 0, 7, 9];
    const r = protectIntervals({
      months: 6,
      series: [{ id: "a", values }],
      groups: [],
      candidates: [...months("a", 6), ...yearToDate("a", 6)],
      minimum: 5,
    });
    assert.equal(shown(r, { series: "a", from: 0, to: 0 }), false);
    for (let m = 1; m < 6; m++) assert.equal(shown(r, { series: "a", from: m, to: m }), true, `month ${m}`);
    for (let m = 0; m < 6; m++) assert.equal(shown(r, { series: "a", from: 0, to: m }), false, `ytd ${m}`);
  });

  it("publishes year-to-date once two suppressed months protect each other", () => {
    // Months 0 and 1 are small (3 and 2); their sum 5 may be shown, and so may every later total.
    const r = protectIntervals({
      months: 5,
      series: [{ id: "a", values: [3, 2, 10, 8, 6] }],
      groups: [],
      candidates: [...months("a", 5), ...yearToDate("a", 5)],
      minimum: 5,
    });
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((m) => shown(r, { series: "a", from: m, to: m })),
      [false, false, true, true, true],
    );
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((m) => shown(r, { series: "a", from: 0, to: m })),
      [false, true, true, true, true],
    );
  });

  it("respects earlier publications: what was shown stays shown, and later choices adapt", () => {
    // Last month's report showed year-to-date up to month 1 (13 = 3 + 10); month 2 is small now.
    const values = [3, 10, 2, 9];
    const r = protectIntervals({
      months: 4,
      series: [{ id: "a", values }],
      groups: [],
      published: [{ series: "a", from: 0, to: 1 }],
      candidates: [...yearToDate("a", 4), ...months("a", 4)],
      minimum: 5,
    });
    assert.equal(shown(r, { series: "a", from: 0, to: 1 }), true);
    // Year-to-date 2 would reveal month 2 (= ytd2 − ytd1): not shown.
    assert.equal(shown(r, { series: "a", from: 0, to: 2 }), false);
  });

  it("shows everything when nothing is small, and refuses values that are not counts", () => {
    const r = protectIntervals({
      months: 3,
      series: [{ id: "a", values: [0, 12, 30] }],
      groups: [],
      candidates: [...months("a", 3), ...yearToDate("a", 3)],
      minimum: 5,
    });
    assert.equal(r.published.size, 5, "month 0 and year-to-date 0 are the same interval");
    assert.throws(() =>
      protectIntervals({
        months: 1,
        series: [{ id: "a", values: [1.5] }],
        groups: [],
        candidates: [],
        minimum: 5,
      }),
    );
  });
});

describe("protectIntervals: totals over types", () => {
  it("suppresses a second type in the month when the total would reveal the first", () => {
    // Total = burglary + theft + violence. Burglary has 2 in month 0; with the total and theft and
    // violence shown, burglary would follow; so one more cell of month 0 goes (secondary).
    const r = protectIntervals({
      months: 2,
      series: [
        { id: "totaal", values: [40, 45] },
        { id: "inbraak", values: [2, 10] },
        { id: "diefstal", values: [20, 15] },
        { id: "geweld", values: [18, 20] },
      ],
      groups: [{ parent: "totaal", children: ["inbraak", "diefstal", "geweld"] }],
      candidates: [
        ...months("totaal", 2),
        ...months("inbraak", 2),
        ...months("diefstal", 2),
        ...months("geweld", 2),
      ],
      minimum: 5,
    });
    assert.equal(shown(r, { series: "totaal", from: 0, to: 0 }), true);
    assert.equal(shown(r, { series: "inbraak", from: 0, to: 0 }), false);
    const others = ["diefstal", "geweld"].filter((s) => shown(r, { series: s, from: 0, to: 0 }));
    assert.equal(others.length, 1, "exactly one secondary suppression");
  });
});

// ---- independent check: linear algebra over all published sums ------------------------------

const P = (1n << 61n) - 1n; // a Mersenne prime: rank mod P equals the rank over the rationals here
const mod = (a: bigint) => ((a % P) + P) % P;
function inverse(a: bigint): bigint {
  let [t, newT, r, newR] = [0n, 1n, P, mod(a)];
  while (newR !== 0n) {
    const q = r / newR;
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}

/** Row-reduced basis of the rows; `inSpan(v)` says whether v is a combination of them. */
function span(rows: bigint[][], width: number) {
  const basis: { pivot: number; row: bigint[] }[] = [];
  const reduce = (v: bigint[]) => {
    const r = v.map(mod);
    for (const b of basis) {
      const f = r[b.pivot] as bigint;
      if (f !== 0n) for (let j = 0; j < width; j++) r[j] = mod((r[j] as bigint) - f * (b.row[j] as bigint));
    }
    return r;
  };
  for (const row of rows) {
    const r = reduce(row);
    const pivot = r.findIndex((x) => x !== 0n);
    if (pivot < 0) continue;
    const inv = inverse(r[pivot] as bigint);
    const norm = r.map((x) => mod(x * inv));
    for (const b of basis) {
      const f = b.row[pivot] as bigint;
      if (f !== 0n)
        for (let j = 0; j < width; j++) b.row[j] = mod((b.row[j] as bigint) - f * (norm[j] as bigint));
    }
    basis.push({ pivot, row: norm });
  }
  return { inSpan: (v: bigint[]) => reduce(v).every((x) => x === 0n), rank: basis.length };
}

describe("protectIntervals against an exact computation (random tables)", () => {
  it("never leaves a small count computable from everything published, over 300 random tables", () => {
    const rng = new Rng(20261122, "tabelbeveiliging");
    let suppressedSeen = 0;
    for (let t = 0; t < 300; t++) {
      const n = 3 + rng.int(6);
      const kids = 2 + rng.int(3);
      const children = Array.from({ length: kids }, (_, i) => ({
        id: `t${i}`,
        values: Array.from({ length: n }, () =>
          rng.chance(0.35) ? 1 + rng.int(4) : rng.int(3) === 0 ? 0 : 5 + rng.int(20),
        ),
      }));
      const total = {
        id: "tot",
        values: Array.from({ length: n }, (_, m) =>
          children.reduce((s, c) => s + (c.values[m] as number), 0),
        ),
      };
      const series = [total, ...children];
      const candidates: SeriesInterval[] = [];
      for (const s of series) {
        candidates.push(...months(s.id, n), ...yearToDate(s.id, n));
        for (let m = 2; m < n; m++) candidates.push({ series: s.id, from: m - 2, to: m }); // 3-month windows
      }
      // A random priority order: the protection must hold whatever order products ask in.
      for (let i = candidates.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [candidates[i], candidates[j]] = [candidates[j] as SeriesInterval, candidates[i] as SeriesInterval];
      }
      const r = protectIntervals({
        months: n,
        series,
        groups: [{ parent: "tot", children: children.map((c) => c.id) }],
        candidates,
        minimum: 5,
      });
      // Unknowns: one per series and month. Equations: every published sum, and total = Σ parts.
      const col = (s: number, m: number) => s * n + m;
      const width = series.length * n;
      const vec = (i: SeriesInterval) => {
        const v = new Array<bigint>(width).fill(0n);
        const s = series.findIndex((x) => x.id === i.series);
        for (let m = i.from; m <= i.to; m++) v[col(s, m)] = 1n;
        return v;
      };
      const rows = candidates.filter((c) => r.published.has(intervalKey(c))).map(vec);
      for (let m = 0; m < n; m++) {
        const v = new Array<bigint>(width).fill(0n);
        v[col(0, m)] = 1n;
        for (let s = 1; s < series.length; s++) v[col(s, m)] = -1n;
        rows.push(v);
      }
      const known = span(rows, width);
      for (const key of r.primary) {
        const [id, from, to] = key.split("|");
        const v = vec({ series: id as string, from: Number(from), to: Number(to) });
        if (known.inSpan(v) && process.env.DEBUGTABLE) {
          console.log(
            JSON.stringify({ t, key, n, series, published: [...r.published], primary: [...r.primary] }),
          );
        }
        assert.equal(known.inSpan(v), false, `table ${t}: ${key} is computable from the published sums`);
        suppressedSeen++;
      }
    }
    assert.ok(suppressedSeen > 300, `the random tables had small counts to protect (${suppressedSeen})`);
  });
});

describe("protectIntervals: overlapping areas (a gemeente and its wijken) × types, exact", () => {
  it("never leaves a small count of a wijk computable from the gemeente minus the other wijken, over 150 random tables", () => {
    const rng = new Rng(20261123, "wijken");
    let guarded = 0;
    for (let t = 0; t < 150; t++) {
      const n = 3 + rng.int(4);
      const types = ["a", "b"];
      const wijken = ["W1", "W2", 2 + rng.int(2) === 3 ? "W3" : "W2"].filter(
        (w, i, xs) => xs.indexOf(w) === i,
      );
      const value = () => (rng.chance(0.4) ? 1 + rng.int(4) : rng.int(3) === 0 ? 0 : 5 + rng.int(15));
      const cells = new Map<string, number[]>();
      for (const w of wijken)
        for (const ty of types) cells.set(`${ty}@${w}`, Array.from({ length: n }, value));
      const sum = (ids: string[]) =>
        Array.from({ length: n }, (_, m) =>
          ids.reduce((x, id) => x + ((cells.get(id) as number[])[m] as number), 0),
        );
      for (const ty of types) cells.set(`${ty}@G`, sum(wijken.map((w) => `${ty}@${w}`)));
      for (const area of [...wijken, "G"]) cells.set(`tot@${area}`, sum(types.map((ty) => `${ty}@${area}`)));
      const series = [...cells].map(([id, values]) => ({ id, values }));
      const groups = [
        ...[...wijken, "G"].map((area) => ({
          parent: `tot@${area}`,
          children: types.map((ty) => `${ty}@${area}`),
        })),
        ...[...types, "tot"].map((ty) => ({ parent: `${ty}@G`, children: wijken.map((w) => `${ty}@${w}`) })),
      ];
      const candidates: SeriesInterval[] = [];
      // The gemeente first (as a product would), then the wijken; months and year to date.
      for (const s of [...series].sort((x, y) => Number(y.id.endsWith("@G")) - Number(x.id.endsWith("@G")))) {
        candidates.push(...months(s.id, n), ...yearToDate(s.id, n));
      }
      const r = protectIntervals({ months: n, series, groups, candidates, minimum: 5 });
      const ids = series.map((x) => x.id);
      const width = ids.length * n;
      const col = (id: string, m: number) => ids.indexOf(id) * n + m;
      const vec = (i: SeriesInterval) => {
        const v = new Array<bigint>(width).fill(0n);
        for (let m = i.from; m <= i.to; m++) v[col(i.series, m)] = 1n;
        return v;
      };
      const rows = candidates.filter((c) => r.published.has(intervalKey(c))).map(vec);
      for (const g of groups) {
        for (let m = 0; m < n; m++) {
          const v = new Array<bigint>(width).fill(0n);
          v[col(g.parent, m)] = 1n;
          for (const ch of g.children) v[col(ch, m)] = -1n;
          rows.push(v);
        }
      }
      const known = span(rows, width);
      for (const key of r.primary) {
        const [id, from, to] = key.split("|");
        assert.equal(
          known.inSpan(vec({ series: id as string, from: Number(from), to: Number(to) })),
          false,
          `table ${t}: ${key}`,
        );
        guarded++;
      }
    }
    assert.ok(guarded > 150, `small counts were there to protect (${guarded})`);
  });
});
