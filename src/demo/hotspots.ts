// Point clusters and neighbourhood lookups on the address points: the shopping street and the
// nightlife area of each gemeente (hot spots), and a 200 m grid to find addresses near a burglary
// for near-repeats.

import type { Rng } from "./prng.ts";
import type { DemoRegion } from "./region-types.ts";

export interface Hotspots {
  /** Address indices per gemeente near the shopping centre. */
  winkel: Int32Array[];
  /** Address indices per gemeente in the nightlife area. */
  uitgaan: Int32Array[];
}

export function buildHotspots(region: DemoRegion, rng: Rng): Hotspots {
  const a = region.addresses;
  const byGemeente: number[][] = region.gemeenten.map(() => []);
  for (let i = 0; i < a.count; i++) {
    const b = region.buurten[a.buurt[i] ?? 0];
    if (b) byGemeente[b.gemeente]?.push(i);
  }
  const within = (list: number[], x: number, y: number, r: number): Int32Array => {
    const inside = list.filter((i) => Math.hypot((a.xDm[i] ?? 0) / 10 - x, (a.yDm[i] ?? 0) / 10 - y) <= r);
    if (inside.length >= 6) return Int32Array.from(inside);
    const nearest = [...list]
      .sort(
        (p, q) =>
          Math.hypot((a.xDm[p] ?? 0) / 10 - x, (a.yDm[p] ?? 0) / 10 - y) -
            Math.hypot((a.xDm[q] ?? 0) / 10 - x, (a.yDm[q] ?? 0) / 10 - y) || p - q,
      )
      .slice(0, 8);
    return Int32Array.from(nearest);
  };
  const winkel: Int32Array[] = [];
  const uitgaan: Int32Array[] = [];
  region.gemeenten.forEach((g, gi) => {
    const list = byGemeente[gi] ?? [];
    const pop = g.plannedPopulation;
    const [cx, cy] = g.core;
    const shop = within(list, cx, cy, Math.min(600, 200 + 100 * Math.sqrt(pop / 20_000)));
    winkel.push(shop);
    if (g.stedelijkheid <= 3) {
      const angle = rng.range(0, 2 * Math.PI);
      const d = rng.range(150, 400);
      uitgaan.push(
        within(
          list,
          cx + Math.cos(angle) * d,
          cy + Math.sin(angle) * d,
          Math.min(300, 150 + 50 * Math.sqrt(pop / 50_000)),
        ),
      );
    } else {
      uitgaan.push(shop);
    }
  });
  return { winkel, uitgaan };
}

/** Address indices on a square grid, for "addresses within r metres". */
export class AddressGrid {
  private readonly minX: number;
  private readonly minY: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly start: Int32Array;
  private readonly items: Int32Array;

  constructor(
    private readonly region: DemoRegion,
    private readonly cell = 200,
  ) {
    const a = region.addresses;
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < a.count; i++) {
      const x = (a.xDm[i] ?? 0) / 10;
      const y = (a.yDm[i] ?? 0) / 10;
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
    this.minX = minX;
    this.minY = minY;
    this.cols = Math.max(1, Math.floor((maxX - minX) / cell) + 1);
    this.rows = Math.max(1, Math.floor((maxY - minY) / cell) + 1);
    const counts = new Int32Array(this.cols * this.rows + 1);
    const cellOf = new Int32Array(a.count);
    for (let i = 0; i < a.count; i++) {
      const c = this.cellIndex((a.xDm[i] ?? 0) / 10, (a.yDm[i] ?? 0) / 10);
      cellOf[i] = c;
      counts[c + 1] = (counts[c + 1] ?? 0) + 1;
    }
    for (let c = 1; c < counts.length; c++) counts[c] = (counts[c] ?? 0) + (counts[c - 1] ?? 0);
    this.start = counts;
    this.items = new Int32Array(a.count);
    const fill = counts.slice(0, -1);
    for (let i = 0; i < a.count; i++) {
      const c = cellOf[i] ?? 0;
      this.items[fill[c] ?? 0] = i;
      fill[c] = (fill[c] ?? 0) + 1;
    }
  }

  private cellIndex(x: number, y: number): number {
    const cx = Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.minX) / this.cell)));
    const cy = Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.minY) / this.cell)));
    return cy * this.cols + cx;
  }

  /** A random residential address within `r` metres of address `from` (not `from` itself), or -1. */
  randomNear(rng: Rng, from: number, r: number, tries = 16): number {
    const a = this.region.addresses;
    const x = (a.xDm[from] ?? 0) / 10;
    const y = (a.yDm[from] ?? 0) / 10;
    const cx = Math.floor((x - this.minX) / this.cell);
    const cy = Math.floor((y - this.minY) / this.cell);
    for (let t = 0; t < tries; t++) {
      const gx = cx + rng.intBetween(-1, 1);
      const gy = cy + rng.intBetween(-1, 1);
      if (gx < 0 || gy < 0 || gx >= this.cols || gy >= this.rows) continue;
      const c = gy * this.cols + gx;
      const s = this.start[c] ?? 0;
      const n = (this.start[c + 1] ?? 0) - s;
      if (n === 0) continue;
      const cand = this.items[s + rng.int(n)] ?? -1;
      if (cand < 0 || cand === from) continue;
      if (this.region.buurten[a.buurt[cand] ?? 0]?.kind === "bedrijven") continue;
      const dx = (a.xDm[cand] ?? 0) / 10 - x;
      const dy = (a.yDm[cand] ?? 0) / 10 - y;
      if (dx * dx + dy * dy <= r * r) return cand;
    }
    return -1;
  }
}
