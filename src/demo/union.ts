// Union of polygons that tile a region edge to edge (Voronoi cells of one diagram): shared edges
// cancel out and the remaining edges are chained into rings. Vertices closer than 2 cm are taken
// as the same vertex, which absorbs the rounding between neighbouring cells.

import type { Point, Ring } from "./polygon.ts";
import { signedArea } from "./polygon.ts";

/** A polygon as an outer ring followed by its holes (all open rings). */
export type PolygonRings = Ring[];

const CELL = 0.05;
const TOLERANCE = 0.02;

class VertexSnap {
  readonly points: Point[] = [];
  private readonly grid = new Map<string, number[]>();

  id(p: Point): number {
    const ix = Math.floor(p[0] / CELL);
    const iy = Math.floor(p[1] / CELL);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const id of this.grid.get(`${ix + dx},${iy + dy}`) ?? []) {
          const q = this.points[id] as Point;
          if (Math.abs(q[0] - p[0]) <= TOLERANCE && Math.abs(q[1] - p[1]) <= TOLERANCE) return id;
        }
      }
    }
    const id = this.points.length;
    this.points.push([p[0], p[1]]);
    const key = `${ix},${iy}`;
    const list = this.grid.get(key);
    if (list) list.push(id);
    else this.grid.set(key, [id]);
    return id;
  }
}

/** The union of counter-clockwise rings that meet edge to edge, as polygons with holes. */
export function unionRings(rings: readonly Ring[]): PolygonRings[] {
  const snap = new VertexSnap();
  const edges = new Map<number, number>(); // key a * 2^26 + b -> b (directed edge a -> b)
  const K = 67108864;
  for (const ring of rings) {
    const ids: number[] = [];
    for (const p of ring) {
      const id = snap.id(p);
      if (ids[ids.length - 1] !== id) ids.push(id);
    }
    while (ids.length > 1 && ids[0] === ids[ids.length - 1]) ids.pop();
    if (ids.length < 3) continue;
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i] as number;
      const b = ids[(i + 1) % ids.length] as number;
      const reverse = b * K + a;
      if (edges.has(reverse)) edges.delete(reverse);
      else edges.set(a * K + b, b);
    }
  }
  const outgoing = new Map<number, number[]>();
  for (const key of edges.keys()) {
    const a = Math.floor(key / K);
    const b = key - a * K;
    const list = outgoing.get(a);
    if (list) list.push(b);
    else outgoing.set(a, [b]);
  }
  const traced: Ring[] = [];
  const starts = [...outgoing.keys()].sort((a, b) => a - b);
  for (const start of starts) {
    while ((outgoing.get(start)?.length ?? 0) > 0) {
      const ring: number[] = [start];
      let prev = start;
      let cur = takeNext(outgoing, snap.points, -1, start);
      let guard = 0;
      while (cur !== start && cur >= 0 && guard++ < 1_000_000) {
        ring.push(cur);
        const next = takeNext(outgoing, snap.points, prev, cur);
        prev = cur;
        cur = next;
      }
      if (cur === start && ring.length >= 3) traced.push(ring.map((id) => snap.points[id] as Point));
    }
  }
  const outers = traced.filter((r) => signedArea(r) > 0);
  const holes = traced.filter((r) => signedArea(r) < 0);
  const polygons: PolygonRings[] = outers
    .sort((a, b) => signedArea(b) - signedArea(a))
    .map((outer) => [outer]);
  for (const hole of holes) {
    const p = hole[0] as Point;
    const owner = polygons.find((poly) => pointInRing(poly[0] as Ring, p[0], p[1]));
    if (owner) owner.push(hole);
  }
  return polygons;
}

/** Removes and returns the outgoing edge of `at` that turns most to the right after prev -> at. */
function takeNext(outgoing: Map<number, number[]>, pts: Point[], prev: number, at: number): number {
  const list = outgoing.get(at);
  if (!list || list.length === 0) return -1;
  let best = 0;
  if (list.length > 1 && prev >= 0) {
    const a = pts[prev] as Point;
    const o = pts[at] as Point;
    const inAngle = Math.atan2(o[1] - a[1], o[0] - a[0]);
    let bestTurn = Number.POSITIVE_INFINITY;
    list.forEach((b, i) => {
      const q = pts[b] as Point;
      let turn = Math.atan2(q[1] - o[1], q[0] - o[0]) - inAngle;
      while (turn <= -Math.PI) turn += 2 * Math.PI;
      while (turn > Math.PI) turn -= 2 * Math.PI;
      if (turn < bestTurn) {
        bestTurn = turn;
        best = i;
      }
    });
  }
  const [next] = list.splice(best, 1);
  return next ?? -1;
}

/** Even-odd ray casting. */
export function pointInRing(ring: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i] as Point;
    const q = ring[j] as Point;
    if (p[1] > y !== q[1] > y && x < ((q[0] - p[0]) * (y - p[1])) / (q[1] - p[1]) + p[0]) inside = !inside;
  }
  return inside;
}
