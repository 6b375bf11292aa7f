import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { Rng } from "../../demo/prng.ts";
import { type KnoxEvent, type KnoxOptions, knoxTest } from "./knox.ts";

const DAY_MS = 86_400_000;

/**
 * Chicago arsons 2016 (n = 522), the file inst/extdata/chicago_arson.csv of Steenbeek's R package
 * NearRepeat (github.com/wsteenbeek/NearRepeat, commit 0340a8d), from the Crime Open Database
 * (Ashby 2018). Columns: X, Y (Illinois State Plane, metres), date.
 */
function chicagoArson(): KnoxEvent[] {
  const text = readFileSync(new URL("./chicago-arson.csv", import.meta.url), "utf8");
  return text
    .trim()
    .split("\n")
    .map((line) => {
      const [x, y, date] = line.split(",");
      return {
        // The Near Repeat Calculator works on the coordinates rounded to 0.1 (they appear so in the
        // "SOURCE DATA" part of its verbose output); with the raw coordinates one pair at Manhattan
        // distance 399.96 would move from its "401 to 600" row to "201 to 400".
        x: Math.round(Number(x) * 10) / 10,
        y: Math.round(Number(y) * 10) / 10,
        day: Date.parse(`${date}T00:00:00Z`) / DAY_MS,
      };
    });
}

/** Independent O(n²) count of the observed matrix, straight from the band definitions. */
function bruteObserved(events: KnoxEvent[], o: KnoxOptions): number[][] {
  const K = o.spaceBands;
  const J = o.timeBands;
  const m = Array.from({ length: K + 1 }, () => new Array<number>(J).fill(0));
  for (let i = 0; i < events.length; i++) {
    for (let l = i + 1; l < events.length; l++) {
      const p = events[i] as KnoxEvent;
      const q = events[l] as KnoxEvent;
      const dx = Math.abs(p.x - q.x);
      const dy = Math.abs(p.y - q.y);
      const dist = o.metric === "manhattan" ? dx + dy : Math.sqrt(dx * dx + dy * dy);
      let row = -1;
      if (dist === 0) row = 0;
      else {
        for (let k = 1; k <= K && row < 0; k++)
          if (dist > (k - 1) * o.spaceBand && dist <= k * o.spaceBand) row = k;
      }
      const dt = Math.abs(p.day - q.day);
      let col = -1;
      if (dt <= o.timeBand) col = 0;
      else {
        for (let j = 2; j <= J && col < 0; j++)
          if (dt > (j - 1) * o.timeBand && dt <= j * o.timeBand) col = j - 1;
      }
      if (row >= 0 && col >= 0) {
        const r = m[row] as number[];
        r[col] = (r[col] as number) + 1;
      }
    }
  }
  return m;
}

/**
 * Exact mean of a cell under a uniformly random permutation of the days: a fixed pair of locations
 * receives the days of a uniformly random unordered pair of distinct events, so
 * E[c_kj] = N_k · (#event pairs with day difference in band j) / C(n, 2).
 */
function exactExpected(events: KnoxEvent[], o: KnoxOptions): number[][] {
  const n = events.length;
  const huge = 1e15;
  // N_k: observed row sums with one time band covering everything.
  const rows = bruteObserved(events, { ...o, timeBand: huge, timeBands: 1 }).map((r) => r[0] as number);
  // Pairs per time band: one space band covering everything.
  const allPairs = bruteObserved(events, { ...o, spaceBand: huge, spaceBands: 1 });
  const perBand = (allPairs[0] as number[]).map((v, j) => v + ((allPairs[1] as number[])[j] as number));
  const total = (n * (n - 1)) / 2;
  return rows.map((nk) => perBand.map((c) => (nk * c) / total));
}

function randomEvents(n: number, seed: number, side: number, days: number): KnoxEvent[] {
  const rng = new Rng(seed, "knox-test");
  return Array.from({ length: n }, () => ({
    x: Math.round(rng.range(0, side)),
    y: Math.round(rng.range(0, side)),
    day: rng.int(days),
  }));
}

const BASE: KnoxOptions = {
  spaceBand: 100,
  spaceBands: 3,
  timeBand: 7,
  timeBands: 3,
  permutations: 99,
  seed: 1,
};

describe("knoxTest — published Near Repeat Calculator run on chicago_arson (NearRepeat package)", () => {
  // Reference: inst/extdata/chicago_arson_NRverbose_2019-09-23_145637.csv in wsteenbeek/NearRepeat,
  // NRC 1.3, Manhattan distance, spatial bandwidth 200 × 3 bands, temporal bandwidth 1 × 3 bands,
  // 99 iterations. Its "Observed frequencies distribution" (rows same location, 1–200, 201–400,
  // 401–600; columns "0 to 1", "2 to 2", "3 to 3" days):
  //   same [0, 2, 0], 1–200 [9, 1, 1], 201–400 [4, 0, 0], 401–600 [6, 0, 0].
  // As NearRepeat's vignette "NRC" shows, those columns really hold day differences 0, 1 and 2, and
  // the rows distances 0, [0.1, 200), [200, 400), [400, 600). No pair of this data set lies exactly on
  // 200, 400 or 600 within 3 days, so with T = 1, J = 2 our band 1 (0…1 days) is NRC columns 1 + 2
  // and our band 2 (2 days) is NRC column 3:
  const NRC_OBSERVED = [
    [0 + 2, 0],
    [9 + 1, 1],
    [4 + 0, 0],
    [6 + 0, 0],
  ];
  // NRC "Mean" of its 99 simulated tables, per cell, summed the same way.
  const NRC_MEAN = [
    [0.0101010101010101 + 0.0707070707070707, 0.0909090909090909],
    [0.121212121212121 + 0.272727272727273, 0.252525252525253],
    [0.343434343434343 + 0.767676767676768, 0.838383838383838],
    [0.777777777777778 + 1.16161616161616, 1.35353535353535],
  ];
  const opts: KnoxOptions = {
    spaceBand: 200,
    spaceBands: 3,
    timeBand: 1,
    timeBands: 2,
    permutations: 999,
    seed: 2016,
    metric: "manhattan",
  };
  const events = chicagoArson();
  const r = knoxTest(events, opts);

  it("reads all 522 records, as the NRC did", () => {
    assert.equal(events.length, 522);
  });

  it("observed matches the NRC table exactly", () => {
    assert.deepEqual(r.observed, NRC_OBSERVED);
  });

  it("expected agrees with the NRC means and with the exact permutation mean", () => {
    const exact = exactExpected(events, opts);
    r.expected.forEach((row, k) => {
      row.forEach((e, j) => {
        const lambda = (exact[k] as number[])[j] as number;
        const nrc = (NRC_MEAN[k] as number[])[j] as number;
        // Standard errors of a mean of Poisson-like counts over 999 (ours) and 99 (NRC) draws.
        const seOurs = Math.sqrt(lambda / 999);
        const seBoth = Math.sqrt(lambda / 999 + lambda / 99);
        assert.ok(Math.abs(e - lambda) <= 5 * seOurs + 1e-9, `cell ${k},${j}: ${e} vs exact ${lambda}`);
        assert.ok(Math.abs(e - nrc) <= 5 * seBoth + 1e-9, `cell ${k},${j}: ${e} vs NRC ${nrc}`);
      });
    });
  });

  it("p-values: significant where the NRC found p = 0.01, exactly 1 where observed is 0", () => {
    // Same-day-or-next near repeats (NRC p = 0.01 in all four source cells) — 10 pairs where about
    // 0.39 are expected: no permutation reaches it.
    assert.equal(r.p[1]?.[0], 1 / 1000);
    for (const k of [0, 2, 3]) assert.ok((r.p[k]?.[0] ?? 1) < 0.05, `row ${k}: p = ${r.p[k]?.[0]}`);
    for (const [k, j] of [
      [0, 1],
      [2, 1],
      [3, 1],
    ] as const) {
      assert.equal(r.p[k]?.[j], 1);
    }
    assert.ok((r.p[1]?.[1] ?? 0) > 0.1, "1 pair at 2 days within 200 m is not unusual (NRC p = 0.23)");
  });

  it("knoxRatio = observed / expected", () => {
    r.knoxRatio.forEach((row, k) => {
      row.forEach((v, j) => {
        const e = r.expected[k]?.[j] as number;
        assert.equal(v, (r.observed[k]?.[j] as number) / e);
      });
    });
  });
});

describe("knoxTest — observed against an independent O(n²) count", () => {
  it("300 random events, Euclidean and Manhattan, several band settings", () => {
    const events = randomEvents(300, 7, 2000, 120);
    const settings: KnoxOptions[] = [
      { ...BASE, spaceBand: 100, spaceBands: 5, timeBand: 7, timeBands: 5 },
      { ...BASE, spaceBand: 250, spaceBands: 2, timeBand: 3, timeBands: 4, metric: "manhattan" },
      { ...BASE, spaceBand: 37.5, spaceBands: 12, timeBand: 1.5, timeBands: 9 },
      { ...BASE, spaceBand: 3000, spaceBands: 1, timeBand: 200, timeBands: 1 },
    ];
    for (const o of settings) {
      for (const counting of ["pairs", "window"] as const) {
        const r = knoxTest(events, { ...o, counting });
        assert.deepEqual(r.observed, bruteObserved(events, o), `${counting} ${JSON.stringify(o)}`);
      }
    }
  });

  it("both ways of recounting permutations give identical results, whichever is chosen", () => {
    // The permutations are the same draws; only how their pairs are counted differs.
    const events = randomEvents(400, 9, 1500, 400);
    for (const o of [
      { ...BASE, permutations: 49 },
      { ...BASE, permutations: 49, metric: "manhattan" as const, timeBand: 1.5, timeBands: 9 },
      { ...BASE, permutations: 49, spaceBand: 800, spaceBands: 2, timeBand: 200, timeBands: 3 },
    ]) {
      const pairs = knoxTest(events, { ...o, counting: "pairs" });
      assert.deepEqual(knoxTest(events, { ...o, counting: "window" }), pairs, JSON.stringify(o));
      assert.deepEqual(knoxTest(events, o), pairs, JSON.stringify(o));
    }
  });

  it("clustered events with repeated locations and days (hot spots)", () => {
    const rng = new Rng(11, "clustered");
    const sites = Array.from({ length: 20 }, () => ({
      x: rng.intBetween(0, 1000),
      y: rng.intBetween(0, 1000),
    }));
    const events: KnoxEvent[] = Array.from({ length: 300 }, () => {
      const s = rng.pick(sites);
      const jitter = rng.chance(0.5) ? 0 : 50;
      return { x: s.x + rng.intBetween(-jitter, jitter), y: s.y, day: rng.intBetween(0, 30) };
    });
    const o: KnoxOptions = { ...BASE, spaceBand: 50, spaceBands: 4, timeBand: 2, timeBands: 6 };
    for (const counting of ["pairs", "window"] as const) {
      assert.deepEqual(knoxTest(events, { ...o, counting }).observed, bruteObserved(events, o), counting);
    }
  });

  it("when the time bands cover every difference, expected row sums equal observed row sums", () => {
    // Every close pair lands in some time band under any permutation, so each permuted row sums to
    // the number N_k of pairs in space band k.
    const events = randomEvents(300, 8, 1500, 30);
    const r = knoxTest(events, { ...BASE, timeBand: 10, timeBands: 3 });
    r.observed.forEach((row, k) => {
      const o = row.reduce((a, b) => a + b, 0);
      const e = (r.expected[k] as number[]).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(o - e) < 1e-9, `row ${k}: ${o} vs ${e}`);
    });
  });
});

describe("knoxTest — band edges (hand-computed)", () => {
  const run = (events: KnoxEvent[], o: Partial<KnoxOptions>) => {
    const observed = knoxTest(events, { ...BASE, permutations: 0, ...o, counting: "pairs" }).observed;
    assert.deepEqual(
      knoxTest(events, { ...BASE, permutations: 0, ...o, counting: "window" }).observed,
      observed,
    );
    return observed;
  };

  it("distance exactly k·S is in band k, just above it in band k+1", () => {
    const o = { spaceBand: 100, spaceBands: 3, timeBand: 7, timeBands: 1 };
    assert.deepEqual(run([ev(0, 0, 0), ev(100, 0, 0)], o), [[0], [1], [0], [0]]);
    assert.deepEqual(run([ev(0, 0, 0), ev(100.001, 0, 0)], o), [[0], [0], [1], [0]]);
    assert.deepEqual(run([ev(0, 0, 0), ev(0, 300, 0)], o), [[0], [0], [0], [1]]);
    assert.deepEqual(run([ev(0, 0, 0), ev(0, 300.001, 0)], o), [[0], [0], [0], [0]]);
    // 3-4-5 triangle: Euclidean distance exactly 5 = 2 × 2.5; Manhattan 7 is in (5, 7.5].
    assert.deepEqual(run([ev(0, 0, 0), ev(3, 4, 0)], { ...o, spaceBand: 2.5 }), [[0], [0], [1], [0]]);
    assert.deepEqual(run([ev(0, 0, 0), ev(3, 4, 0)], { ...o, spaceBand: 2.5, metric: "manhattan" }), [
      [0],
      [0],
      [0],
      [1],
    ]);
  });

  it("same location is band 0, any positive distance is not", () => {
    const o = { spaceBand: 100, spaceBands: 1, timeBand: 7, timeBands: 1 };
    assert.deepEqual(run([ev(5, 5, 0), ev(5, 5, 3)], o), [[1], [0]]);
    assert.deepEqual(run([ev(5, 5, 0), ev(5, 5.000001, 3)], o), [[0], [1]]);
  });

  it("time band 1 holds 0…T days, band j holds ((j−1)·T, j·T]", () => {
    const o = { spaceBand: 100, spaceBands: 1, timeBand: 7, timeBands: 3 };
    const at = (d: number) => run([ev(0, 0, 0), ev(0, 0, d)], o)[0];
    assert.deepEqual(at(0), [1, 0, 0]); // same day
    assert.deepEqual(at(7), [1, 0, 0]);
    assert.deepEqual(at(8), [0, 1, 0]);
    assert.deepEqual(at(14), [0, 1, 0]);
    assert.deepEqual(at(15), [0, 0, 1]);
    assert.deepEqual(at(21), [0, 0, 1]);
    assert.deepEqual(at(22), [0, 0, 0]); // beyond J·T
    assert.deepEqual(at(-8), [0, 1, 0]); // order of the events does not matter
  });

  it("non-integer timeBand: T = 1.5 puts 1 day in band 1, 2–3 days in band 2, 4 days in band 3", () => {
    const o = { spaceBand: 100, spaceBands: 1, timeBand: 1.5, timeBands: 3 };
    const at = (d: number) => run([ev(0, 0, 0), ev(0, 0, d)], o)[0];
    assert.deepEqual(at(1), [1, 0, 0]);
    assert.deepEqual(at(2), [0, 1, 0]);
    assert.deepEqual(at(3), [0, 1, 0]);
    assert.deepEqual(at(4), [0, 0, 1]);
    assert.deepEqual(at(5), [0, 0, 0]);
  });

  it("each unordered pair counts once: three events give three pairs", () => {
    const o = { spaceBand: 10, spaceBands: 2, timeBand: 1, timeBands: 2 };
    // A–B same place 1 day apart; A–C 10 away same day; B–C 10 away 1 day; D far away.
    const r = run([ev(0, 0, 5), ev(0, 0, 6), ev(10, 0, 5), ev(1000, 0, 5)], o);
    assert.deepEqual(r, [
      [1, 0],
      [2, 0],
      [0, 0],
    ]);
  });
});

describe("knoxTest — degenerate inputs", () => {
  it("zero events: zero counts, expected 0, knoxRatio NaN, p = 1", () => {
    const r = knoxTest([], BASE);
    assert.equal(r.observed.length, 4);
    for (let k = 0; k < 4; k++) {
      assert.deepEqual(r.observed[k], [0, 0, 0]);
      assert.deepEqual(r.expected[k], [0, 0, 0]);
      assert.ok(r.knoxRatio[k]?.every(Number.isNaN));
      assert.deepEqual(r.p[k], [1, 1, 1]);
    }
  });

  it("one event: the same as zero events", () => {
    const r = knoxTest([ev(1, 2, 3)], BASE);
    assert.deepEqual(r.observed, knoxTest([], BASE).observed);
    assert.deepEqual(r.p, knoxTest([], BASE).p);
  });

  it("all events at one place: permuting days changes nothing, so expected = observed and p = 1", () => {
    const events = Array.from({ length: 40 }, (_, i) => ev(10, 20, (i * 3) % 25));
    const r = knoxTest(events, { ...BASE, permutations: 199 });
    assert.deepEqual(r.observed, bruteObserved(events, BASE));
    assert.ok((r.observed[0]?.[0] ?? 0) > 0, "pairs at the same place within 7 days exist");
    assert.deepEqual(r.expected, r.observed);
    assert.deepEqual(r.p, [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    assert.deepEqual(r.knoxRatio[0], [1, 1, 1]);
    assert.ok(r.knoxRatio[1]?.every(Number.isNaN), "expected 0 gives NaN");
  });

  it("all events on one day: every permutation is the same", () => {
    const events = randomEvents(50, 3, 300, 1);
    const r = knoxTest(events, BASE);
    assert.deepEqual(r.expected, r.observed);
    assert.ok(r.p.flat().every((p) => p === 1));
  });

  it("permutations = 0: observed only, expected and knoxRatio NaN, p = 1", () => {
    const events = randomEvents(50, 4, 300, 20);
    const r = knoxTest(events, { ...BASE, permutations: 0 });
    assert.deepEqual(r.observed, bruteObserved(events, BASE));
    assert.ok(r.expected.flat().every(Number.isNaN));
    assert.ok(r.knoxRatio.flat().every(Number.isNaN));
    assert.ok(r.p.flat().every((p) => p === 1));
  });

  it("rejects invalid input", () => {
    const e = [ev(0, 0, 0), ev(1, 1, 1)];
    assert.throws(() => knoxTest(e, { ...BASE, spaceBand: 0 }), RangeError);
    assert.throws(() => knoxTest(e, { ...BASE, spaceBands: 0 }), RangeError);
    assert.throws(() => knoxTest(e, { ...BASE, spaceBands: 1.5 }), RangeError);
    assert.throws(() => knoxTest(e, { ...BASE, timeBand: -1 }), RangeError);
    assert.throws(() => knoxTest(e, { ...BASE, timeBands: 0 }), RangeError);
    assert.throws(() => knoxTest(e, { ...BASE, permutations: -1 }), RangeError);
    assert.throws(() => knoxTest(e, { ...BASE, seed: Number.NaN }), RangeError);
    assert.throws(() => knoxTest([ev(0, 0, 0.5)], BASE), RangeError);
    assert.throws(() => knoxTest([ev(Number.NaN, 0, 0)], BASE), RangeError);
  });
});

describe("knoxTest — permutations", () => {
  const events = randomEvents(300, 9, 1000, 60);

  it("is reproducible: the same seed gives the same result, another seed other draws", () => {
    const a = knoxTest(events, { ...BASE, seed: 5 });
    const b = knoxTest(events, { ...BASE, seed: 5 });
    const c = knoxTest(events, { ...BASE, seed: 6 });
    assert.deepEqual(a, b);
    assert.deepEqual(c.observed, a.observed);
    assert.notDeepEqual(c.expected, a.expected);
  });

  it("p lies in [1/(P+1), 1] and is a multiple of 1/(P+1)", () => {
    const r = knoxTest(events, { ...BASE, permutations: 49 });
    for (const p of r.p.flat()) {
      assert.ok(p >= 1 / 50 && p <= 1);
      assert.ok(Math.abs(p * 50 - Math.round(p * 50)) < 1e-9);
    }
  });

  it("under the null (independent random days) p-values are not systematically small", () => {
    // 20 independent data sets; with no space–time interaction P(p ≤ 0.05) ≤ 0.05 per cell.
    let small = 0;
    let cellsTested = 0;
    for (let s = 0; s < 20; s++) {
      const r = knoxTest(randomEvents(300, 100 + s, 1000, 60), { ...BASE, seed: s });
      r.p.forEach((row, k) => {
        row.forEach((p, j) => {
          if ((r.observed[k]?.[j] ?? 0) === 0) return;
          cellsTested++;
          if (p <= 0.05) small++;
        });
      });
    }
    // Binomial(cellsTested ≈ 240, 0.05): mean ≈ 12; 30 is far in the tail.
    assert.ok(small <= 30, `${small} of ${cellsTested} cells with p ≤ 0.05`);
  });

  it("detects a planted near-repeat pattern", () => {
    // Background plus 30 follow-ups 20 m and 2 days after a background event.
    const base = randomEvents(200, 12, 3000, 365);
    const planted = base.slice(0, 30).map((e) => ev(e.x + 20, e.y, e.day + 2));
    const r = knoxTest([...base, ...planted], { ...BASE, permutations: 199 });
    assert.ok((r.knoxRatio[1]?.[0] ?? 0) > 5, `knox ratio ${r.knoxRatio[1]?.[0]}`);
    assert.equal(r.p[1]?.[0], 1 / 200);
  });
});

function ev(x: number, y: number, day: number): KnoxEvent {
  return { x, y, day };
}
