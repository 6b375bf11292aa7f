// Plane geometry on RD metres for the demo: convex rings (open, counter-clockwise, as [x, y]
// pairs), clipping by half-planes, areas, centroids, containment and sampling.

import type { Rng } from "./prng.ts";

export type Point = [number, number];
/** An open ring (first vertex not repeated), counter-clockwise. */
export type Ring = Point[];

/** Signed area (positive for counter-clockwise). */
export function signedArea(ring: readonly Point[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i] as Point;
    const q = ring[j] as Point;
    a += q[0] * p[1] - p[0] * q[1];
  }
  return a / 2;
}

export function area(ring: readonly Point[]): number {
  return Math.abs(signedArea(ring));
}

/** Area centroid. */
export function centroid(ring: readonly Point[]): Point {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const o = ring[0] ?? [0, 0];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i] as Point;
    const q = ring[j] as Point;
    const px = p[0] - o[0];
    const py = p[1] - o[1];
    const qx = q[0] - o[0];
    const qy = q[1] - o[1];
    const f = qx * py - px * qy;
    a += f;
    cx += (qx + px) * f;
    cy += (qy + py) * f;
  }
  if (a === 0) return [o[0], o[1]];
  return [o[0] + cx / (3 * a), o[1] + cy / (3 * a)];
}

/**
 * Clips a convex ring to the half-plane a*x + b*y <= c (Sutherland-Hodgman). Vertices closer
 * than a micrometre to the previous one are dropped.
 */
export function clipHalfPlane(ring: readonly Point[], a: number, b: number, c: number): Ring {
  const out: Ring = [];
  const n = ring.length;
  if (n === 0) return out;
  const push = (x: number, y: number) => {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0] - x) < 1e-6 && Math.abs(last[1] - y) < 1e-6) return;
    out.push([x, y]);
  };
  let prev = ring[n - 1] as Point;
  let prevIn = a * prev[0] + b * prev[1] - c <= 0;
  for (let i = 0; i < n; i++) {
    const cur = ring[i] as Point;
    const fPrev = a * prev[0] + b * prev[1] - c;
    const fCur = a * cur[0] + b * cur[1] - c;
    const curIn = fCur <= 0;
    if (curIn !== prevIn) {
      const t = fPrev / (fPrev - fCur);
      push(prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1]));
    }
    if (curIn) push(cur[0], cur[1]);
    prev = cur;
    prevIn = curIn;
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (
    out.length > 1 &&
    first &&
    last &&
    Math.abs(first[0] - last[0]) < 1e-6 &&
    Math.abs(first[1] - last[1]) < 1e-6
  ) {
    out.pop();
  }
  return out.length >= 3 ? out : [];
}

/**
 * Smallest distance from (x, y) to the edges of a convex counter-clockwise ring, positive
 * inside, negative outside (distance to the most violated edge line).
 */
export function convexInset(ring: readonly Point[], x: number, y: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[j] as Point;
    const q = ring[i] as Point;
    const ex = q[0] - p[0];
    const ey = q[1] - p[1];
    const len = Math.sqrt(ex * ex + ey * ey);
    if (len === 0) continue;
    // Left of the edge is inside for a counter-clockwise ring.
    const d = (ex * (y - p[1]) - ey * (x - p[0])) / len;
    if (d < min) min = d;
  }
  return min;
}

export interface Bbox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function bbox(ring: readonly Point[]): Bbox {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/** A convex, slightly irregular polygon around a centre: an ellipse with jittered vertices. */
export function blobRing(rng: Rng, cx: number, cy: number, rx: number, ry: number, vertices: number): Ring {
  const ring: Ring = [];
  for (let i = 0; i < vertices; i++) {
    const t = ((i + rng.range(-0.25, 0.25)) / vertices) * 2 * Math.PI;
    const f = rng.range(0.92, 1.04);
    ring.push([cx + Math.cos(t) * rx * f, cy + Math.sin(t) * ry * f]);
  }
  return convexHull(ring);
}

/** Convex hull (monotone chain), counter-clockwise. */
export function convexHull(points: readonly Point[]): Ring {
  const pts = [...points].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  if (pts.length < 3) return pts;
  const cross = (o: Point, a: Point, b: Point) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Point[] = [];
  for (const p of pts) {
    while (
      lower.length >= 2 &&
      cross(lower[lower.length - 2] as Point, lower[lower.length - 1] as Point, p) <= 0
    ) {
      lower.pop();
    }
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i] as Point;
    while (
      upper.length >= 2 &&
      cross(upper[upper.length - 2] as Point, upper[upper.length - 1] as Point, p) <= 0
    ) {
      upper.pop();
    }
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}
