import type { MultiPolygon } from "../../domain/area.ts";
import { crossesRay, forEachEdge } from "../../domain/geo/point-in-polygon.ts";
import { rdToWgs84 } from "../../domain/geo/rd.ts";
import { twoSidedNormalP } from "../getis-ord/getis-ord.ts";
import { benjaminiHochbergCutoffs } from "./fdr.ts";

export type HotspotKlasse =
  | "hot-99"
  | "hot-95"
  | "hot-90"
  | "cold-99"
  | "cold-95"
  | "cold-90"
  | "niet-significant";

export interface GridHotspotsOptions {
  /** Cell size (side of the square cells), in the unit of the coordinates (RD: metres); > 0. */
  cell: number;
  /** Distance band between cell centres, inclusive: `dist ≤ distance`; ≥ 0, same unit. */
  distance: number;
  /** Study area in RD New (EPSG:28992) metres: the grid covers its bounding box, cells whose centre lies outside are dropped. */
  area?: MultiPolygon;
  /** False-discovery-rate level q of the Benjamini–Hochberg procedure that decides significance; in (0, 0.10], default 0.05. */
  fdr?: number;
}

export interface HotspotCell {
  /** Column index in the grid, 0 = westernmost column of the grid. */
  col: number;
  /** Row index in the grid, 0 = southernmost row (y grows northward, as in RD). */
  row: number;
  /** The cell is `[x0, x1) × [y0, y1)`. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Number of points in the cell. */
  count: number;
  /** esda's `Gs` for this cell (Gi*, binary weights). */
  gi: number;
  /** esda's `Zs`; positive = more points around this cell than expected. */
  z: number;
  /** Two-sided normal p-value of `z`, not corrected for multiple testing. */
  p: number;
  klasse: HotspotKlasse;
}

export interface GridHotspotsResult {
  /** All cells of the grid (or of the area), row-major: row 0 first, within a row col 0 first. */
  cells: HotspotCell[];
  /**
   * The Benjamini–Hochberg p cut-offs used for the classes (`-Infinity` = no cell at that level):
   * a cell is in class 99 when `p ≤ p99`, 95 when `p ≤ p95`, 90 when `p ≤ p90` (and significant).
   */
  cutoffs: { p99: number; p95: number; p90: number };
}

/** Grids larger than this are refused (memory: about 100 bytes per cell in the result). */
const MAX_CELLS = 20_000_000;
const HOT: readonly HotspotKlasse[] = ["hot-99", "hot-95", "hot-90"];
const COLD: readonly HotspotKlasse[] = ["cold-99", "cold-95", "cold-90"];
/** Relative slack for the inclusive band test, see the doc comment. */
const BAND_SLACK = 1e-9;

/**
 * Hot and cold spots of point incidents on a square grid: count the points per cell, then the
 * local Getis–Ord Gi* of the counts with binary distance-band weights between cell centres, then
 * ArcGIS-style confidence classes with a Benjamini–Hochberg false-discovery-rate correction.
 *
 * Grid. The cells are `[c·cell, (c+1)·cell) × [r·cell, (r+1)·cell)` in absolute coordinates (so
 * the grid is aligned to multiples of `cell`, and the same cell has the same edges in every run);
 * a point belongs to column `⌊x / cell⌋` and row `⌊y / cell⌋`. Without `area` the grid covers
 * every cell from the one holding the smallest x/y to the one holding the largest x/y of the
 * points — empty cells included, because zero counts are observations too. With `area` it covers
 * the cells of the area's bounding box whose centre lies in the area (the half-open even-odd rule
 * of `pointInMultiPolygon` in src/domain/geo/point-in-polygon.ts, evaluated with the identical
 * edge test, row by row); points that fall outside those cells are ignored, points in a kept cell
 * count even when they lie just outside the polygon (the cell is the unit of analysis).
 *
 * Statistic. For the set S of cells (n = |S|) with counts y, cell j is a neighbour of cell i when
 * the distance between their centres is ≤ `distance`, and for Gi* the cell itself is included.
 * Then `G*_i = Σ_{j∈J_i} y_j / Σ_S y`, `W_i = |J_i|` (neighbours in S only: near the area's edge
 * or the grid's border there are fewer), `E = W_i / n`,
 * `Var = W_i (n − W_i) / (n − 1) / n² · s² / ȳ²` (s² the population variance of all counts),
 * `z = (G*_i − E) / √Var`, `p = 2 (1 − Φ(|z|))` — exactly `getisOrdG(cell centres with counts,
 * { distance, star: true, transform: "binary" })` and thus esda's `G_Local(star=True,
 * transform="B")` (cell centres are distinct, so libpysal's duplicate-point caveat does not apply).
 * Degenerate cases give `z = 0, p = 1` as in `getisOrdG`: no points, all counts equal, or a band
 * that covers every cell (`W_i = n`). The band test is `dc² + dr² ≤ (distance / cell)² · (1 + 1e-9)`
 * in whole cells, so a band that is a whole multiple of the cell size in decimal (300 m over
 * 100 m cells) includes that ring despite binary rounding.
 *
 * Classes (reading of ArcGIS Hot Spot Analysis with "Apply False Discovery Rate (FDR)
 * Correction", whose `fdrTransform` compares the sorted p-values with the lines `(k/m)·α` for
 * α = 0.10, 0.05 and 0.01): m = n, the number of cells tested (empty cells included). For each
 * level α ∈ {0.01, 0.05, 0.10} the Benjamini–Hochberg cut-off `p*_α` is the largest sorted
 * p-value with `p_(k) ≤ (k/m)·α` (−∞ if none); BH at α rejects every cell with `p ≤ p*_α`.
 * 1. Significance: a cell is significant when BH at level `fdr` rejects it (`p ≤ p*_fdr`); all
 *    others are "niet-significant".
 * 2. Confidence level of a significant cell: 99 if `p ≤ p*_0.01`, else 95 if `p ≤ p*_0.05`,
 *    else 90 (it is then rejected at 0.10, because `fdr ≤ 0.10` and the BH cut-off never decreases
 *    with the level). "hot" when `z > 0`, "cold" when `z < 0`.
 * So with the default `fdr = 0.05` a cell must pass BH at 5 % to be coloured, and the 90 % class
 * stays empty; `fdr: 0.10` reproduces ArcGIS's Gi_Bin (±3/±2/±1) with FDR exactly.
 * `p` itself is the raw, uncorrected p-value (as ArcGIS's GiPValue field); `cutoffs` in the
 * result gives the corrected thresholds.
 *
 * Assumptions: planar coordinates in metres (RD New), the same unit for `cell` and `distance`.
 * Counts per cell are the variable; Gi* assumes approximate normality of the statistic, which is
 * poor when most cells are empty — choose `cell` and `distance` so that the band holds a fair
 * number of points (ArcGIS advises at least 8 neighbours per feature and 30 features).
 *
 * Complexity: binning O(N) for N points; the neighbour sums use a prefix sum per grid row, so a
 * cell's band sum is `2R + 1` row-span look-ups (R = ⌊distance / cell⌋): O(C · (2R + 1)) for C
 * cells, whatever the number of points in the band; the FDR cut-offs O(C + s log s) for the s
 * cells with p ≤ 0.10; area masking O(E + C) for E polygon edges (each edge is bucketed into the
 * rows it spans). Memory O(C).
 * Measured (Node 20, one core): 200,000 clustered random points in a 30 km square, 100 m cells
 * (90,000 cells), 300 m band: 30–75 ms per call once warm (GC-dependent), 100–130 ms for the
 * first, cold call — within the 200 ms. About a third of it is building the 90,000
 * result objects, a quarter the normal p-values.
 *
 * @throws RangeError if `cell` is not a positive finite number, `distance` negative or not finite,
 *   `fdr` outside (0, 0.10], a coordinate not finite, or the grid would exceed 20 million cells.
 */
export function gridHotspots(
  points: readonly { x: number; y: number }[],
  opts: GridHotspotsOptions,
): GridHotspotsResult {
  const { cell, distance, area } = opts;
  const fdr = opts.fdr ?? 0.05;
  if (!Number.isFinite(cell) || cell <= 0)
    throw new RangeError(`cell must be a finite number > 0, got ${cell}`);
  if (!Number.isFinite(distance) || distance < 0) {
    throw new RangeError(`distance must be a finite number >= 0, got ${distance}`);
  }
  if (!(fdr > 0 && fdr <= 0.1)) throw new RangeError(`fdr must be in (0, 0.10], got ${fdr}`);
  for (let i = 0; i < points.length; i++) {
    const pt = points[i] as { x: number; y: number };
    if (!Number.isFinite(pt.x) || !Number.isFinite(pt.y)) {
      throw new RangeError(`point ${i} has a non-finite coordinate`);
    }
  }

  // Grid extent in absolute cell indices [c0, c0 + cols) × [r0, r0 + rows).
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  if (area) {
    for (const polygon of area) {
      for (const ring of polygon) {
        for (const [x, y] of ring) {
          if (!Number.isFinite(x) || !Number.isFinite(y))
            throw new RangeError("area has a non-finite coordinate");
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
      }
    }
  } else {
    for (const pt of points) {
      if (pt.x < minX) minX = pt.x;
      if (pt.x > maxX) maxX = pt.x;
      if (pt.y < minY) minY = pt.y;
      if (pt.y > maxY) maxY = pt.y;
    }
  }
  const empty = {
    cells: [],
    cutoffs: { p99: Number.NEGATIVE_INFINITY, p95: Number.NEGATIVE_INFINITY, p90: Number.NEGATIVE_INFINITY },
  };
  if (!(minX <= maxX)) return empty; // no points, or an area without vertices
  const c0 = Math.floor(minX / cell);
  const r0 = Math.floor(minY / cell);
  const cols = Math.floor(maxX / cell) - c0 + 1;
  const rows = Math.floor(maxY / cell) - r0 + 1;
  if (cols * rows > MAX_CELLS) {
    throw new RangeError(`grid of ${cols} × ${rows} cells exceeds ${MAX_CELLS} cells; use a larger cell`);
  }
  const size = cols * rows;

  // Which cells take part (1) — all, or those whose centre is in the area.
  const mask = new Uint8Array(size);
  if (area) maskArea(mask, area, cell, c0, r0, cols, rows);
  else mask.fill(1);

  // Counts per cell; points outside the grid or in dropped cells are ignored.
  const counts = new Float64Array(size);
  for (const pt of points) {
    const c = Math.floor(pt.x / cell) - c0;
    const r = Math.floor(pt.y / cell) - r0;
    if (c < 0 || c >= cols || r < 0 || r >= rows) continue;
    const id = r * cols + c;
    if (mask[id] === 1) counts[id] = (counts[id] as number) + 1;
  }

  // Moments of the counts over the cells in S.
  let n = 0;
  let total = 0;
  let minV = Number.POSITIVE_INFINITY;
  let maxV = Number.NEGATIVE_INFINITY;
  for (let id = 0; id < size; id++) {
    if (mask[id] !== 1) continue;
    const v = counts[id] as number;
    n++;
    total += v;
    if (v < minV) minV = v;
    if (v > maxV) maxV = v;
  }
  if (n === 0) return empty;
  const mean = total / n;
  let ss = 0;
  for (let id = 0; id < size; id++) {
    if (mask[id] !== 1) continue;
    const d = (counts[id] as number) - mean;
    ss += d * d;
  }
  const variance = ss / n;
  const constant = minV === maxV;

  // Row prefix sums of counts and of the mask: P[r·(cols+1) + c] = Σ over columns < c of row r.
  const stride = cols + 1;
  const pc = new Float64Array(rows * stride);
  const pm = new Int32Array(rows * stride);
  for (let r = 0; r < rows; r++) {
    let sc = 0;
    let sm = 0;
    const base = r * stride;
    for (let c = 0; c < cols; c++) {
      sc += counts[r * cols + c] as number;
      sm += mask[r * cols + c] as number;
      pc[base + c + 1] = sc;
      pm[base + c + 1] = sm;
    }
  }

  // The band in whole cells: half-width h[dr + R] of the row dr cells away.
  const band = distance / cell;
  const band2 = band * band * (1 + BAND_SLACK);
  const R = Math.floor(Math.sqrt(band2));
  const half = new Int32Array(2 * R + 1);
  for (let dr = -R; dr <= R; dr++) {
    half[dr + R] = Math.floor(Math.sqrt(Math.max(0, band2 - dr * dr)));
    // Guard the square root against rounding at exact lattice distances.
    let h = half[dr + R] as number;
    while ((h + 1) * (h + 1) + dr * dr <= band2) h++;
    while (h > 0 && h * h + dr * dr > band2) h--;
    half[dr + R] = h;
  }

  const zs = new Float64Array(size);
  const gis = new Float64Array(size);
  const ps = new Float64Array(size).fill(1);
  const pTested = new Float64Array(n);
  let t = 0;
  for (let r = 0; r < rows; r++) {
    const drLo = Math.max(-R, -r);
    const drHi = Math.min(R, rows - 1 - r);
    for (let c = 0; c < cols; c++) {
      const id = r * cols + c;
      if (mask[id] !== 1) continue;
      let lag = 0;
      let w = 0;
      for (let dr = drLo; dr <= drHi; dr++) {
        const h = half[dr + R] as number;
        const base = (r + dr) * stride;
        const lo = base + Math.max(c - h, 0);
        const hi = base + Math.min(c + h, cols - 1) + 1;
        lag += (pc[hi] as number) - (pc[lo] as number);
        w += (pm[hi] as number) - (pm[lo] as number);
      }
      const gi = total !== 0 ? lag / total : 0;
      gis[id] = gi;
      if (n > 1 && !constant && total !== 0 && variance > 0) {
        const varG = (((w * (n - w)) / (n - 1)) * (1 / (n * n)) * variance) / (mean * mean);
        if (varG > 0 && Number.isFinite(varG)) {
          const z = (gi - w / n) / Math.sqrt(varG);
          zs[id] = z;
          ps[id] = twoSidedNormalP(z);
        }
      }
      pTested[t++] = ps[id] as number;
    }
  }

  const [p99, p95, p90, pSig] = benjaminiHochbergCutoffs(pTested, [0.01, 0.05, 0.1, fdr]) as [
    number,
    number,
    number,
    number,
  ];

  const cells: HotspotCell[] = new Array(n);
  t = 0;
  for (let r = 0; r < rows; r++) {
    const y0 = (r0 + r) * cell;
    const y1 = (r0 + r + 1) * cell;
    for (let c = 0; c < cols; c++) {
      const id = r * cols + c;
      if (mask[id] !== 1) continue;
      const z = zs[id] as number;
      const p = ps[id] as number;
      let klasse: HotspotKlasse = "niet-significant";
      if (p <= pSig && z !== 0) {
        const level = p <= p99 ? 0 : p <= p95 ? 1 : 2;
        klasse = (z > 0 ? HOT : COLD)[level] as HotspotKlasse;
      }
      cells[t++] = {
        col: c,
        row: r,
        x0: (c0 + c) * cell,
        y0,
        x1: (c0 + c + 1) * cell,
        y1,
        count: counts[id] as number,
        gi: gis[id] as number,
        z,
        p,
        klasse,
      };
    }
  }
  return { cells, cutoffs: { p99, p95, p90 } };
}

/**
 * Sets `mask[id] = 1` for the cells whose centre lies in `area`, by the even-odd rule of
 * `ringParity` (src/domain/geo/point-in-polygon.ts) with the same edge test and endpoint order,
 * so the decisions are bit-for-bit those of `pointInMultiPolygon`. Edges are bucketed into the
 * grid rows whose centre line they can cross, so each row only tests its own edges.
 */
function maskArea(
  mask: Uint8Array,
  area: MultiPolygon,
  cell: number,
  c0: number,
  r0: number,
  cols: number,
  rows: number,
): void {
  // Edges as (ax, ay, bx, by) with a the lower end, bucketed per row.
  const buckets: number[][] = Array.from({ length: rows }, () => []);
  for (const polygon of area) {
    for (const ring of polygon) {
      forEachEdge(ring, (ax, ay, bx, by) => {
        if (ay === by) return; // horizontal edges never count
        // Rows whose centre y = (r0 + r + 0.5)·cell may satisfy ay <= y < by; widen by one row
        // on each side against rounding — the exact test below decides.
        const rLo = Math.max(0, Math.floor(ay / cell - 0.5) - r0 - 1);
        const rHi = Math.min(rows - 1, Math.floor(by / cell - 0.5) - r0 + 1);
        for (let r = rLo; r <= rHi; r++) (buckets[r] as number[]).push(ax, ay, bx, by);
      });
    }
  }
  for (let r = 0; r < rows; r++) {
    const edges = buckets[r] as number[];
    if (edges.length === 0) continue;
    const py = (r0 + r) * cell + cell / 2;
    for (let c = 0; c < cols; c++) {
      const px = (c0 + c) * cell + cell / 2;
      let parity = 0;
      for (let e = 0; e < edges.length; e += 4) {
        const ax = edges[e] as number;
        const ay = edges[e + 1] as number;
        const bx = edges[e + 2] as number;
        const by = edges[e + 3] as number;
        if (crossesRay(ax, ay, bx, by, px, py)) parity ^= 1;
      }
      mask[r * cols + c] = parity;
    }
  }
}

/** A GeoJSON (RFC 7946) FeatureCollection of the grid cells. */
export interface HotspotFeatureCollection {
  type: "FeatureCollection";
  features: {
    type: "Feature";
    geometry: { type: "Polygon"; coordinates: [number, number][][] };
    properties: HotspotCell;
  }[];
}

/**
 * The cells of {@link gridHotspots} as an RFC 7946 FeatureCollection of polygons in WGS84
 * longitude/latitude (RFC 7946 allows no other CRS, and has no `crs` member). Each cell's four RD
 * corners are converted with `rdToWgs84`; the ring runs counter-clockwise (RFC 7946 § 3.1.6) and
 * repeats its first position. The RD edges stay available in the properties (`x0, y0, x1, y1`,
 * EPSG:28992 metres), together with `col, row, count, gi, z, p, klasse`. Only the corners are
 * converted, so the edges are straight in lon/lat; for cells of a few hundred metres the
 * difference with the curved image of a straight RD edge is far below a millimetre.
 *
 * Assumptions: the cells were computed in RD New coordinates.
 * Complexity: O(C) for C cells; each distinct corner is converted once (about (cols+1)·(rows+1)).
 */
export function gridHotspotsGeoJson(result: GridHotspotsResult): HotspotFeatureCollection {
  const cache = new Map<string, [number, number]>();
  const corner = (x: number, y: number): [number, number] => {
    const key = `${x},${y}`;
    let ll = cache.get(key);
    if (!ll) {
      ll = rdToWgs84(x, y);
      cache.set(key, ll);
    }
    return ll;
  };
  return {
    type: "FeatureCollection",
    features: result.cells.map((c) => {
      const sw = corner(c.x0, c.y0);
      return {
        type: "Feature",
        geometry: {
          type: "Polygon",
          coordinates: [[sw, corner(c.x1, c.y0), corner(c.x1, c.y1), corner(c.x0, c.y1), [sw[0], sw[1]]]],
        },
        properties: { ...c },
      };
    }),
  };
}
