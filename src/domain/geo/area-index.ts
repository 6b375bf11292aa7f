// Fast "which area contains this RD point" for many points, without a spatial database.
//
// A uniform grid over the areas' RD bounding box. Every cell is either
// - pure: no area border comes near it, so one answer (an area, or none) holds for the whole cell
//   and a lookup is a single array read; or
// - mixed: borders cross it. The cell lists the areas whose borders cross it (candidates) plus a
//   fallback: the first area that covers the whole cell. A candidate is tested by ray casting over
//   only its edges in the cell's grid row (sorted so that edges left of the cell are not visited).
//
// The answer is the first area, in input order, that contains the point by the half-open rule of
// point-in-polygon.ts; the edge test is the same arithmetic, so the index gives exactly the answer
// of pointInMultiPolygon over all areas (on a shared border: the neighbour on the +x / +y side).
// Areas without RD geometry are never returned.

import type { Area } from "../area.ts";

export interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface AreaIndexOptions {
  /** Grid cell size in metres. Default: chosen so that there are about 2 cells per edge. */
  cellSize?: number;
}

/** A growable typed array. */
class Grow<T extends Float64Array | Int32Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const growF64 = () => new Grow(new Float64Array(1024), (n) => new Float64Array(n));
const growI32 = () => new Grow(new Int32Array(1024), (n) => new Int32Array(n));

/** All edges of one area as [x1, y1, x2, y2, ...], zero-length edges left out, rings closed. */
function areaEdges(area: Area): Float64Array {
  const out = growF64();
  for (const polygon of area.rd ?? []) {
    for (const ring of polygon) {
      const n = ring.length;
      for (let i = 0; i < n; i++) {
        const p = ring[i === 0 ? n - 1 : i - 1] as [number, number];
        const q = ring[i] as [number, number];
        if (p[0] === q[0] && p[1] === q[1]) continue;
        out.push(p[0]);
        out.push(p[1]);
        out.push(q[0]);
        out.push(q[1]);
      }
    }
  }
  return out.done();
}

function edgesBBox(edges: Float64Array, into: BBox | null): BBox | null {
  let b = into;
  for (let i = 0; i < edges.length; i += 2) {
    const x = edges[i] as number;
    const y = edges[i + 1] as number;
    if (b === null) b = { minX: x, minY: y, maxX: x, maxY: y };
    else {
      if (x < b.minX) b.minX = x;
      if (x > b.maxX) b.maxX = x;
      if (y < b.minY) b.minY = y;
      if (y > b.maxY) b.maxY = y;
    }
  }
  return b;
}

/** Cell size: about `2 * edges` cells (at least 64 per area), between 1,024 and 4 million cells. */
export function chooseCellSize(bbox: BBox, edgeCount: number, areaCount: number): number {
  const w = bbox.maxX - bbox.minX;
  const h = bbox.maxY - bbox.minY;
  const target = Math.min(4_000_000, Math.max(1024, 2 * edgeCount, 64 * areaCount));
  let size = Math.sqrt((w * h) / target);
  // A long thin box: keep the number of cells along the long side within the target too.
  size = Math.max(size, w / target, h / target);
  return size > 0 && Number.isFinite(size) ? size : Math.max(w, h, 1);
}

interface Grid {
  minX: number;
  minY: number;
  size: number;
  columns: number;
  rows: number;
  /** Margin in metres by which cells count as touched: covers the rounding of the cell arithmetic. */
  eps: number;
}

function colOf(g: Grid, x: number): number {
  const c = Math.floor((x - g.minX) / g.size);
  return c < 0 ? 0 : c >= g.columns ? g.columns - 1 : c;
}

function rowOf(g: Grid, y: number): number {
  const r = Math.floor((y - g.minY) / g.size);
  return r < 0 ? 0 : r >= g.rows ? g.rows - 1 : r;
}

/** Call `visit(cell)` for every cell that the segment comes within `eps` of (closed cells). */
function cellsOfSegment(
  g: Grid,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  visit: (cell: number) => void,
): void {
  const ylo = Math.min(y1, y2);
  const yhi = Math.max(y1, y2);
  const r0 = rowOf(g, ylo - g.eps);
  const r1 = rowOf(g, yhi + g.eps);
  for (let r = r0; r <= r1; r++) {
    let xa = Math.min(x1, x2);
    let xb = Math.max(x1, x2);
    if (y1 !== y2) {
      // The part of the segment inside this row's strip.
      const ya = Math.max(ylo, g.minY + r * g.size - g.eps);
      const yb = Math.min(yhi, g.minY + (r + 1) * g.size + g.eps);
      const xAtA = x1 + ((x2 - x1) * (ya - y1)) / (y2 - y1);
      const xAtB = x1 + ((x2 - x1) * (yb - y1)) / (y2 - y1);
      xa = Math.max(xa, Math.min(xAtA, xAtB));
      xb = Math.min(xb, Math.max(xAtA, xAtB));
    }
    const c0 = colOf(g, xa - g.eps);
    const c1 = colOf(g, xb + g.eps);
    for (let c = c0; c <= c1; c++) visit(r * g.columns + c);
  }
}

/** The built index: flat typed arrays. See AreaIndex for the meaning. */
interface Tables {
  /** Per cell: >= 0 pure, the area; -1 pure, no area; <= -2 mixed cell number -2 - value. */
  cells: Int32Array;
  /** Per mixed cell m: candidates mixedStart[m] .. mixedStart[m + 1] - 1. */
  mixedStart: Int32Array;
  /** Per mixed cell: the answer when no candidate contains the point (area or -1). */
  mixedFallback: Int32Array;
  /** Per candidate: area number and the range of its edges (edge numbers) in `edges`. */
  candArea: Int32Array;
  candEdgeStart: Int32Array;
  candEdgeEnd: Int32Array;
  /** Non-horizontal edges as [ax, ay, bx, by] with ay < by, grouped by (area, grid row). */
  edges: Float64Array;
}

/** Per-area state shared by the build steps. */
interface Scratch {
  /** Per cell: the last area that touched it. */
  stamp: Int32Array;
  /** Per cell: the first area that contains the cell centre without touching the cell, or -1. */
  fill: Int32Array;
  candCell: Grow<Int32Array>;
  candArea: Grow<Int32Array>;
  candStart: Grow<Int32Array>;
  candEnd: Grow<Int32Array>;
  edges: Grow<Float64Array>;
}

/**
 * Add one area: its edges per grid row, a candidate entry for every cell its border touches, and
 * the cells whose centre it contains (for cells it does not touch).
 */
function addArea(g: Grid, s: Scratch, a: number, raw: Float64Array, box: BBox): void {
  const rowLo = rowOf(g, box.minY - g.eps);
  const rowHi = rowOf(g, box.maxY + g.eps);
  const perRow: number[][] = Array.from({ length: rowHi - rowLo + 1 }, () => []);
  const touched: number[] = [];
  for (let e = 0; e < raw.length; e += 4) {
    const x1 = raw[e] as number;
    const y1 = raw[e + 1] as number;
    const x2 = raw[e + 2] as number;
    const y2 = raw[e + 3] as number;
    cellsOfSegment(g, x1, y1, x2, y2, (cell) => {
      if (s.stamp[cell] !== a) {
        s.stamp[cell] = a;
        touched.push(cell);
      }
    });
    if (y1 === y2) continue; // horizontal edges never count as crossings
    const r0 = rowOf(g, Math.min(y1, y2) - g.eps);
    const r1 = rowOf(g, Math.max(y1, y2) + g.eps);
    for (let r = r0; r <= r1; r++) perRow[r - rowLo]?.push(e);
  }

  // Edges per row, lower end first, sorted by their right end (descending).
  const rowStart = new Int32Array(perRow.length);
  const rowMaxX: number[][] = [];
  perRow.forEach((list, i) => {
    const maxX = (e: number) => Math.max(raw[e] as number, raw[e + 2] as number);
    list.sort((p, q) => maxX(q) - maxX(p));
    rowStart[i] = s.edges.length / 4;
    rowMaxX.push(list.map(maxX));
    for (const e of list) {
      const lowFirst = (raw[e + 1] as number) < (raw[e + 3] as number);
      const o = lowFirst ? e : e + 2;
      const p = lowFirst ? e + 2 : e;
      s.edges.push(raw[o] as number);
      s.edges.push(raw[o + 1] as number);
      s.edges.push(raw[p] as number);
      s.edges.push(raw[p + 1] as number);
    }
  });

  // A candidate entry per touched cell, with the row's edges that reach the cell or beyond.
  for (const cell of touched) {
    const r = Math.floor(cell / g.columns);
    const x0 = g.minX + (cell - r * g.columns) * g.size - g.eps;
    const maxes = rowMaxX[r - rowLo] ?? [];
    let n = 0;
    while (n < maxes.length && (maxes[n] as number) >= x0) n++;
    const start = rowStart[r - rowLo] ?? 0;
    s.candCell.push(cell);
    s.candArea.push(a);
    s.candStart.push(start);
    s.candEnd.push(start + n);
  }

  // Scanline through the cell centres of each row: mark untouched cells whose centre is inside.
  perRow.forEach((list, i) => {
    const r = rowLo + i;
    const yc = g.minY + (r + 0.5) * g.size;
    const xs: number[] = [];
    for (const e of list) {
      let ax = raw[e] as number;
      let ay = raw[e + 1] as number;
      let bx = raw[e + 2] as number;
      let by = raw[e + 3] as number;
      if (ay > by) [ax, ay, bx, by] = [bx, by, ax, ay];
      if (ay <= yc && yc < by) xs.push(ax + ((bx - ax) * (yc - ay)) / (by - ay));
    }
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const c0 = Math.max(0, Math.ceil(((xs[k] as number) - g.minX) / g.size - 0.5));
      const c1 = Math.min(g.columns - 1, Math.ceil(((xs[k + 1] as number) - g.minX) / g.size - 0.5) - 1);
      for (let c = c0; c <= c1; c++) {
        const cell = r * g.columns + c;
        if (s.stamp[cell] !== a && s.fill[cell] === -1) s.fill[cell] = a;
      }
    }
  });
}

/** Turn the per-area results into the per-cell tables. */
function assemble(g: Grid, s: Scratch): Tables {
  const nCells = g.columns * g.rows;
  const candCell = s.candCell.done();
  // Counting sort of the candidate entries by cell; stable, so each cell's areas stay ascending.
  const count = new Int32Array(nCells + 1);
  for (const cell of candCell) count[cell + 1] = (count[cell + 1] as number) + 1;
  for (let c = 0; c < nCells; c++) count[c + 1] = (count[c + 1] as number) + (count[c] as number);
  const order = new Int32Array(candCell.length);
  const next = count.slice(0, nCells);
  candCell.forEach((cell, k) => {
    const at = next[cell] as number;
    order[at] = k;
    next[cell] = at + 1;
  });

  const cells = new Int32Array(nCells);
  const mixedStart = growI32();
  const mixedFallback = growI32();
  const candArea = growI32();
  const candEdgeStart = growI32();
  const candEdgeEnd = growI32();
  for (let c = 0; c < nCells; c++) {
    const fallback = s.fill[c] as number;
    const begin = candArea.length;
    for (let j = count[c] as number; j < (count[c + 1] as number); j++) {
      const k = order[j] as number;
      const area = s.candArea.data[k] as number;
      if (fallback >= 0 && area > fallback) break; // an earlier area covers the whole cell
      candArea.push(area);
      candEdgeStart.push(s.candStart.data[k] as number);
      candEdgeEnd.push(s.candEnd.data[k] as number);
    }
    if (candArea.length === begin) {
      cells[c] = fallback;
    } else {
      cells[c] = -2 - mixedStart.length;
      mixedStart.push(begin);
      mixedFallback.push(fallback);
    }
  }
  mixedStart.push(candArea.length);
  return {
    cells,
    mixedStart: mixedStart.done(),
    mixedFallback: mixedFallback.done(),
    candArea: candArea.done(),
    candEdgeStart: candEdgeStart.done(),
    candEdgeEnd: candEdgeEnd.done(),
    edges: s.edges.done(),
  };
}

const EMPTY_TABLES: Tables = {
  cells: new Int32Array(1).fill(-1),
  mixedStart: new Int32Array(1),
  mixedFallback: new Int32Array(0),
  candArea: new Int32Array(0),
  candEdgeStart: new Int32Array(0),
  candEdgeEnd: new Int32Array(0),
  edges: new Float64Array(0),
};

export interface AreaIndexStats {
  columns: number;
  rows: number;
  cellSize: number;
  mixedCells: number;
  candidates: number;
  edges: number;
}

/** Point-in-area lookups on RD New coordinates (metres). Built once, then read-only. */
export class AreaIndex {
  /** The areas as given; `locateIndex` and `locateMany` return positions in this list. */
  readonly areas: readonly Area[];
  /** The bounding box of all RD geometry, or null when no area has any. */
  readonly bbox: BBox | null;
  private readonly grid: Grid;
  private readonly inv: number;
  private readonly t: Tables;

  constructor(areas: readonly Area[], opts: AreaIndexOptions = {}) {
    this.areas = areas;
    const raws = areas.map(areaEdges);
    let box: BBox | null = null;
    for (const raw of raws) box = edgesBBox(raw, box);
    this.bbox = box;
    if (box === null) {
      this.grid = { minX: 0, minY: 0, size: 1, columns: 1, rows: 1, eps: 0 };
      this.inv = 0;
      this.t = EMPTY_TABLES;
      return;
    }
    const edgeCount = raws.reduce((n, r) => n + r.length / 4, 0);
    const size = opts.cellSize ?? chooseCellSize(box, edgeCount, areas.length);
    const span = Math.abs(box.minX) + Math.abs(box.minY) + (box.maxX - box.minX) + (box.maxY - box.minY);
    const g: Grid = {
      minX: box.minX,
      minY: box.minY,
      size,
      columns: Math.floor((box.maxX - box.minX) / size) + 1,
      rows: Math.floor((box.maxY - box.minY) / size) + 1,
      eps: size * 1e-6 + span * 1e-12,
    };
    const nCells = g.columns * g.rows;
    const s: Scratch = {
      stamp: new Int32Array(nCells).fill(-1),
      fill: new Int32Array(nCells).fill(-1),
      candCell: growI32(),
      candArea: growI32(),
      candStart: growI32(),
      candEnd: growI32(),
      edges: growF64(),
    };
    raws.forEach((raw, a) => {
      const areaBox = edgesBBox(raw, null);
      if (areaBox) addArea(g, s, a, raw, areaBox);
    });
    this.grid = g;
    this.inv = 1 / size;
    this.t = assemble(g, s);
  }

  /** Position in `areas` of the first area containing (x, y), or -1. */
  locateIndex(x: number, y: number): number {
    const g = this.grid;
    const fx = (x - g.minX) * this.inv;
    const fy = (y - g.minY) * this.inv;
    // Written so that NaN ends up outside.
    if (!(fx >= 0 && fy >= 0 && fx < g.columns && fy < g.rows)) return -1;
    const t = this.t;
    const v = t.cells[Math.floor(fy) * g.columns + Math.floor(fx)] as number;
    if (v >= -1) return v;
    const m = -2 - v;
    const end = t.mixedStart[m + 1] as number;
    const edges = t.edges;
    for (let k = t.mixedStart[m] as number; k < end; k++) {
      let inside = false;
      const stop = (t.candEdgeEnd[k] as number) * 4;
      for (let i = (t.candEdgeStart[k] as number) * 4; i < stop; i += 4) {
        const ay = edges[i + 1] as number;
        const by = edges[i + 3] as number;
        if (ay <= y && y < by) {
          const ax = edges[i] as number;
          if (((edges[i + 2] as number) - ax) * (y - ay) - (by - ay) * (x - ax) > 0) inside = !inside;
        }
      }
      if (inside) return t.candArea[k] as number;
    }
    return t.mixedFallback[m] as number;
  }

  /** The first area containing (x, y) (RD metres), or null. */
  locate(x: number, y: number): Area | null {
    const i = this.locateIndex(x, y);
    return i < 0 ? null : (this.areas[i] ?? null);
  }

  /** `locateIndex` for many points at once: positions in `areas`, -1 for none. */
  locateMany(xs: Float64Array, ys: Float64Array): Int32Array {
    const n = Math.min(xs.length, ys.length);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.locateIndex(xs[i] as number, ys[i] as number);
    return out;
  }

  /** Sizes of the index, for tuning and reports. */
  stats(): AreaIndexStats {
    return {
      columns: this.grid.columns,
      rows: this.grid.rows,
      cellSize: this.grid.size,
      mixedCells: this.t.mixedFallback.length,
      candidates: this.t.candArea.length,
      edges: this.t.edges.length / 4,
    };
  }
}
