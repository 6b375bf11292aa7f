// Analysis benchmarks (issue 3 targets): Gi* on a grid, Knox near-repeat, Gi on points.

import { getisOrdG } from "../src/analysis/getis-ord/getis-ord.ts";
import { gridHotspots } from "../src/analysis/hotspots/grid-hotspots.ts";
import { knoxTest } from "../src/analysis/knox/knox.ts";
import { Rng } from "../src/demo/prng.ts";
import { fmt, log } from "./bench-doc.ts";

/** Points in a 30 km square: a uniform background plus 40 clusters (as crime is). */
function clusteredPoints(n: number, seed: number): { x: number; y: number }[] {
  const rng = new Rng(seed, "bench-punten");
  const centres = Array.from({ length: 40 }, () => [rng.next() * 30_000, rng.next() * 30_000] as const);
  return Array.from({ length: n }, (_, i) => {
    if (i % 2 === 0) return { x: 120_000 + rng.next() * 30_000, y: 480_000 + rng.next() * 30_000 };
    const [cx, cy] = centres[i % centres.length] ?? [0, 0];
    return { x: 120_000 + cx + (rng.next() - 0.5) * 600, y: 480_000 + cy + (rng.next() - 0.5) * 600 };
  });
}

/** Median wall time over `runs` runs after one warm-up run. */
function time(runs: number, work: () => unknown): number {
  work();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)] ?? 0;
}

export async function runAnalysisBench(): Promise<string> {
  log("Analysemethoden meten…");
  const points = clusteredPoints(200_000, 1);
  const grid = time(5, () => gridHotspots(points, { cell: 100, distance: 300 }));
  const gi = time(3, () =>
    getisOrdG(
      points.map((p) => ({ ...p, value: 1 })),
      { distance: 300, star: true, transform: "binary" },
    ),
  );
  const rng = new Rng(2, "bench-knox");
  const events = clusteredPoints(12_000, 3).map((p) => ({ ...p, day: Math.floor(rng.next() * 3 * 365) }));
  const knoxOpts = { spaceBand: 100, spaceBands: 5, timeBand: 7, timeBands: 5, permutations: 999, seed: 1 };
  const knox = time(3, () => knoxTest(events, knoxOpts));
  const uniform = Array.from({ length: 12_000 }, () => ({
    x: rng.next() * 20_000,
    y: rng.next() * 20_000,
    day: Math.floor(rng.next() * 3 * 365),
  }));
  const knoxUniform = time(3, () => knoxTest(uniform, knoxOpts));
  const decade = clusteredPoints(12_000, 4).map((p) => ({ ...p, day: Math.floor(rng.next() * 10 * 365) }));
  const knoxDecade = time(3, () => knoxTest(decade, knoxOpts));
  return `## Analysis methods

Median wall time, one warm-up run first; 200,000 points in a 30 km square, half uniform and half
in 40 clusters of 600 m (\`bench/analysis.ts\`, \`npm run bench -- --onderdelen analyse\`).
Knox's cost grows with the number of pairs within the largest space band (each permutation
recounts them), so strongly clustered events cost more than uniform ones; on a long period it
recounts only the pairs that a permutation puts within the time bands (see \`knox.ts\`).

| method | data | target | time |
|---|---|---:|---:|
| \`gridHotspots\` (Gi* per 100 m cell, 300 m band, FDR classes) | 200,000 points | ≤ 200 ms | ${fmt(grid)} ms |
| \`knoxTest\` (5 × 100 m, 5 × 7 days, 999 permutations) | 12,000 events over 3 years, uniform in 20 km square | ≤ 3,000 ms | ${fmt(knoxUniform)} ms |
| \`knoxTest\` (same settings) | 12,000 events over 3 years, half in 40 clusters of 600 m | ≤ 3,000 ms | ${fmt(knox)} ms |
| \`knoxTest\` (same settings) | 12,000 events over 10 years, half in 40 clusters of 600 m | ≤ 3,000 ms | ${fmt(knoxDecade)} ms |
| \`getisOrdG\` (Gi* on the points themselves, 300 m band) | 200,000 points | – | ${fmt(gi)} ms |
`;
}
