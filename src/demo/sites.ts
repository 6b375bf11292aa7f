// Placing sites (seed points of Voronoi cells) and grouping points into compact clusters.

import type { Point, Ring } from "./polygon.ts";
import { bbox, convexInset } from "./polygon.ts";
import type { Rng } from "./prng.ts";

/**
 * Mitchell's best-candidate sampling: each new site is the candidate (out of `k`) farthest from
 * the sites so far, which spreads sites evenly. `candidate` draws one candidate point; it
 * defaults to uniform inside the ring. `scale` divides the distance, so sites crowd where it is
 * small.
 */
export function bestCandidateSites(
  rng: Rng,
  ring: Ring,
  n: number,
  options: {
    margin?: number;
    k?: number;
    initial?: Point[];
    candidate?: () => Point;
    scale?: (p: Point) => number;
  } = {},
): Point[] {
  const margin = options.margin ?? 0;
  const k = options.k ?? 8;
  const box = bbox(ring);
  const uniform = (): Point => [rng.range(box.minX, box.maxX), rng.range(box.minY, box.maxY)];
  const draw = options.candidate ?? uniform;
  const sites: Point[] = [...(options.initial ?? [])];
  while (sites.length < n) {
    let best: Point | null = null;
    let bestScore = -1;
    for (let c = 0; c < k; c++) {
      let p: Point | null = null;
      for (let t = 0; t < 50 && !p; t++) {
        const q = t < 25 ? draw() : uniform();
        if (convexInset(ring, q[0], q[1]) >= margin) p = q;
      }
      if (!p) continue;
      let d = Number.POSITIVE_INFINITY;
      for (const s of sites) d = Math.min(d, Math.hypot(s[0] - p[0], s[1] - p[1]));
      const score = d / (options.scale ? options.scale(p) : 1);
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
    if (!best) break;
    if (bestScore < 1e-3) best = [best[0] + 0.5, best[1] + 0.5]; // never two sites on one spot
    sites.push(best);
  }
  return sites;
}

/**
 * k-means clustering of points (deterministic: farthest-point initialisation from `first`).
 * Returns the cluster index of each point; every cluster gets at least one point.
 */
export function clusterPoints(points: readonly Point[], k: number, first = 0): number[] {
  const n = points.length;
  const kk = Math.max(1, Math.min(k, n));
  const centres: Point[] = [points[first] ?? [0, 0]];
  while (centres.length < kk) {
    let far = 0;
    let farD = -1;
    points.forEach((p, i) => {
      let d = Number.POSITIVE_INFINITY;
      for (const c of centres) d = Math.min(d, Math.hypot(c[0] - p[0], c[1] - p[1]));
      if (d > farD) {
        farD = d;
        far = i;
      }
    });
    centres.push(points[far] ?? [0, 0]);
  }
  const assign = new Array<number>(n).fill(0);
  for (let iter = 0; iter < 12; iter++) {
    points.forEach((p, i) => {
      let best = 0;
      let bestD = Number.POSITIVE_INFINITY;
      centres.forEach((c, j) => {
        const d = Math.hypot(c[0] - p[0], c[1] - p[1]);
        if (d < bestD) {
          bestD = d;
          best = j;
        }
      });
      assign[i] = best;
    });
    for (let j = 0; j < kk; j++) {
      const members = points.filter((_, i) => assign[i] === j);
      if (members.length === 0) {
        // Re-seed an empty cluster at the point farthest from its own centre.
        let far = 0;
        let farD = -1;
        points.forEach((p, i) => {
          const c = centres[assign[i] ?? 0] as Point;
          const d = Math.hypot(c[0] - p[0], c[1] - p[1]);
          if (d > farD) {
            farD = d;
            far = i;
          }
        });
        assign[far] = j;
        centres[j] = points[far] ?? [0, 0];
        continue;
      }
      centres[j] = [
        members.reduce((s, p) => s + p[0], 0) / members.length,
        members.reduce((s, p) => s + p[1], 0) / members.length,
      ];
    }
  }
  // Make sure no cluster ended empty after the last assignment.
  for (let j = 0; j < kk; j++) {
    if (!assign.includes(j)) {
      const counts = new Array<number>(kk).fill(0);
      for (const a of assign) counts[a] = (counts[a] ?? 0) + 1;
      const donor = assign.findIndex((a) => (counts[a] ?? 0) > 1);
      if (donor >= 0) assign[donor] = j;
    }
  }
  return assign;
}
