// Point-in-polygon by even-odd ray casting, with one fixed rule for points on the boundary.
//
// A horizontal ray goes from the point towards +x. An edge counts as a crossing when
//   ay <= py < by   (a = the edge's lower end, b = its upper end; horizontal edges never count)
// and the point lies strictly to the left of the line a->b (cross product > 0).
// The point is inside when the number of crossings is odd. Holes and the parts of a
// MultiPolygon are simply more rings: a MultiPolygon is one even-odd shape over all its rings,
// which equals the union of its parts when the parts do not overlap (as GeoJSON requires).
//
// Boundary rule (half-open, like [x0, x1) x [y0, y1) for a rectangle): a point exactly on a
// non-horizontal edge belongs to the side with larger x; a point on a horizontal edge belongs to
// the side with larger y; a vertex belongs to the polygon above-right of it. Because every edge is
// evaluated with its endpoints in a fixed order (lower end first), the computation for an edge is
// bit-for-bit the same in both neighbours that share it, whatever the ring direction. So a point
// on a shared border (edge or vertex) belongs to exactly one of two neighbours that share those
// vertices; a point on the outer border of a set of areas belongs to one area or to none.
//
// Ring winding does not matter, nor whether a ring repeats its first position at the end.

import type { MultiPolygon, Polygon } from "../area.ts";

type Ring = [number, number][];

/**
 * Calls `visit(ax, ay, bx, by)` for every edge of the ring with its endpoints in the fixed order
 * (a = the lower end), so both neighbours sharing an edge compute bit for bit the same.
 */
export function forEachEdge(
  ring: Ring,
  visit: (ax: number, ay: number, bx: number, by: number) => void,
): void {
  const n = ring.length;
  if (n < 2) return;
  let prev = ring[n - 1] as [number, number];
  for (let i = 0; i < n; i++) {
    const cur = ring[i] as [number, number];
    if (prev[1] > cur[1]) visit(cur[0], cur[1], prev[0], prev[1]);
    else visit(prev[0], prev[1], cur[0], cur[1]);
    prev = cur;
  }
}

/** Whether an edge (a = its lower end) counts as a crossing of the +x ray from (px, py). */
export function crossesRay(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return ay <= py && py < by && (bx - ax) * (py - ay) - (by - ay) * (px - ax) > 0;
}

/** The number of crossings (mod 2) of the +x ray from (px, py) with one ring, as 0 or 1. */
export function ringParity(ring: Ring, px: number, py: number): number {
  // A plain loop, not forEachEdge: this runs for every registration placed.
  let parity = 0;
  const n = ring.length;
  if (n < 2) return 0;
  let prev = ring[n - 1] as [number, number];
  for (let i = 0; i < n; i++) {
    const cur = ring[i] as [number, number];
    // Fixed endpoint order: a is the lower end.
    let ax = prev[0];
    let ay = prev[1];
    let bx = cur[0];
    let by = cur[1];
    if (ay > by) {
      ax = cur[0];
      ay = cur[1];
      bx = prev[0];
      by = prev[1];
    }
    if (crossesRay(ax, ay, bx, by, px, py)) parity ^= 1;
    prev = cur;
  }
  return parity;
}

/** Is (px, py) inside the polygon (outer ring and holes), by the half-open rule above? */
export function pointInPolygon(polygon: Polygon, px: number, py: number): boolean {
  let parity = 0;
  for (const ring of polygon) parity ^= ringParity(ring, px, py);
  return parity === 1;
}

/** Is (px, py) inside the multipolygon: even-odd over all rings of all parts. */
export function pointInMultiPolygon(multi: MultiPolygon, px: number, py: number): boolean {
  let parity = 0;
  for (const polygon of multi) for (const ring of polygon) parity ^= ringParity(ring, px, py);
  return parity === 1;
}
