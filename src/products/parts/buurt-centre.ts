// The "centre" of a buurt where record-level products place a registration (DESIGN.md §4: place
// coarsened to the buurt centre): a point that always lies inside the buurt. The area centroid of
// the largest part when it lies inside; otherwise (a crescent, a U shape) the middle of the widest
// stretch inside the part along the horizontal line through the centroid. Whole metres (RD New).

import type { MultiPolygon, Polygon } from "../../domain/area.ts";
import { pointInPolygon } from "../../domain/geo/point-in-polygon.ts";

type Ring = [number, number][];

/** Signed shoelace area of a ring (closed or not). */
function signedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[(i + 1) % ring.length] as [number, number];
    s += x0 * y1 - x1 * y0;
  }
  return s / 2;
}

/** Area centroid of a polygon (outer ring minus holes); null for a degenerate polygon. */
function centroid(polygon: Polygon): [number, number] | null {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const [i, ring] of polygon.entries()) {
    // Holes count negatively whatever their winding.
    const sign = i === 0 ? 1 : -1;
    if (ring.length < 3) continue;
    // Shift to the first vertex: keeps the products small for RD coordinates (≈ 10^5 m).
    const [ox, oy] = ring[0] as [number, number];
    let rx = 0;
    let ry = 0;
    let twiceArea = 0;
    for (let k = 0; k < ring.length; k++) {
      const [x0, y0] = ring[k] as [number, number];
      const [x1, y1] = ring[(k + 1) % ring.length] as [number, number];
      const cross = (x0 - ox) * (y1 - oy) - (x1 - ox) * (y0 - oy);
      rx += (x0 - ox + x1 - ox) * cross;
      ry += (y0 - oy + y1 - oy) * cross;
      twiceArea += cross;
    }
    if (twiceArea === 0) continue;
    const ringArea = twiceArea / 2;
    // rx / (6 · signedArea) is the ring's centroid relative to (ox, oy), whatever the winding.
    const gx = ox + rx / (6 * ringArea);
    const gy = oy + ry / (6 * ringArea);
    const weight = sign * Math.abs(ringArea);
    a += weight;
    cx += weight * gx;
    cy += weight * gy;
  }
  return a > 0 ? [cx / a, cy / a] : null;
}

/** The middle of the widest stretch of the polygon on the line y = `y`, or null. */
function widestStretchAt(polygon: Polygon, y: number): [number, number] | null {
  const xs: number[] = [];
  for (const ring of polygon) {
    for (let k = 0; k < ring.length; k++) {
      const [x0, y0] = ring[k] as [number, number];
      const [x1, y1] = ring[(k + 1) % ring.length] as [number, number];
      // Half-open in y, so a vertex on the line counts once.
      if (y0 <= y !== y1 <= y) xs.push(x0 + ((y - y0) * (x1 - x0)) / (y1 - y0));
    }
  }
  xs.sort((p, q) => p - q);
  let best: [number, number] | null = null;
  let width = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const a = xs[i] as number;
    const b = xs[i + 1] as number;
    if (b - a > width) {
      width = b - a;
      best = [(a + b) / 2, y];
    }
  }
  return best;
}

/** A point inside the buurt (RD New, whole metres), or null when it has no usable geometry. */
export function buurtCentre(geometry: MultiPolygon | null): [number, number] | null {
  if (!geometry || geometry.length === 0) return null;
  let largest: Polygon | null = null;
  let largestArea = 0;
  for (const polygon of geometry) {
    const outer = polygon[0];
    const a = outer ? Math.abs(signedArea(outer)) : 0;
    if (a > largestArea) {
      largestArea = a;
      largest = polygon;
    }
  }
  if (!largest) return null;
  const c = centroid(largest);
  const round = (p: [number, number]): [number, number] => [Math.round(p[0]), Math.round(p[1])];
  if (c && pointInPolygon(largest, c[0], c[1])) {
    const r = round(c);
    if (pointInPolygon(largest, r[0], r[1])) return r;
  }
  const outer = largest[0] as Ring;
  const ys = outer.map((p) => p[1]);
  const lines = [c?.[1], (Math.min(...ys) + Math.max(...ys)) / 2].filter((v): v is number => v !== undefined);
  for (const y of lines) {
    const s = widestStretchAt(largest, y);
    if (!s) continue;
    const r = round(s);
    return pointInPolygon(largest, r[0], r[1]) ? r : s;
  }
  return null;
}
