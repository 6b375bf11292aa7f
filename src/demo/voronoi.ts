// Voronoi cells of sites inside a convex container, by clipping the container with the
// perpendicular bisectors of the nearest other sites. Every cell is convex and the cells tile the
// container without gaps or overlaps (up to rounding in the last bits).

import type { Point, Ring } from "./polygon.ts";
import { clipHalfPlane } from "./polygon.ts";

/** The cell of each site (in the order of `sites`); a cell is empty only if its site lies outside the container. */
export function voronoiCells(container: Ring, sites: readonly Point[]): Ring[] {
  const n = sites.length;
  const cells: Ring[] = [];
  const order = new Int32Array(n);
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = sites[i] as Point;
    for (let j = 0; j < n; j++) {
      const o = sites[j] as Point;
      order[j] = j;
      dist[j] = Math.hypot(o[0] - s[0], o[1] - s[1]);
    }
    const sorted = Array.from(order).sort((a, b) => (dist[a] ?? 0) - (dist[b] ?? 0) || a - b);
    let cell: Ring = container.map((p) => [p[0], p[1]] as Point);
    let reach = maxDistance(cell, s);
    for (const j of sorted) {
      if (j === i) continue;
      const d = dist[j] ?? 0;
      if (d > 2 * reach) break; // no farther site can cut this cell
      const o = sites[j] as Point;
      if (d === 0) continue; // duplicate site: the earlier index keeps the cell
      const a = o[0] - s[0];
      const b = o[1] - s[1];
      const c = (a * (s[0] + o[0])) / 2 + (b * (s[1] + o[1])) / 2;
      cell = clipHalfPlane(cell, a, b, c);
      if (cell.length === 0) break;
      reach = maxDistance(cell, s);
    }
    cells.push(cell);
  }
  return cells;
}

function maxDistance(ring: Ring, s: Point): number {
  let m = 0;
  for (const p of ring) {
    const d = Math.hypot(p[0] - s[0], p[1] - s[1]);
    if (d > m) m = d;
  }
  return m;
}
