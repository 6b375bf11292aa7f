export interface KernelDensityOptions {
  /** Output cell size (square cells), in the unit of the coordinates (RD: metres); > 0. */
  cell: number;
  /** Kernel radius (bandwidth) r, same unit; > 0. Beyond r a point contributes nothing. */
  radius: number;
  /** Output extent; default: the points' bounding box grown by `radius`, aligned to multiples of `cell`. */
  bbox?: { minX: number; minY: number; maxX: number; maxY: number };
}

export interface KernelDensityResult {
  /** South-west corner of the grid: cell (col, row) is `[x0 + col·cell, x0 + (col+1)·cell) × [y0 + row·cell, …)`. */
  x0: number;
  y0: number;
  cell: number;
  cols: number;
  rows: number;
  /**
   * Density at each cell's centre, points per square unit of the coordinates (per m² for RD;
   * multiply by 1e6 for per km²). Row-major: index `row·cols + col`, row 0 is the southernmost row.
   */
  values: Float64Array;
}

/** Grids larger than this are refused (8 bytes per cell). */
const MAX_CELLS = 50_000_000;

/**
 * Kernel density of points on a grid with the quartic (biweight) kernel, the kernel of ArcGIS
 * Kernel Density, CrimeStat ("quartic") and the QGIS Heatmap plugin ("quartic"):
 *
 *   `K(d) = 3 / (π r²) · (1 − d² / r²)²` for `d < r`, and 0 for `d ≥ r`,
 *
 * (Silverman 1986, eq. 4.5), normalised so that it integrates to 1 over the plane:
 * `∫₀^r K(s) 2πs ds = 1`. The density at a cell is `Σ_i K(dist(centre, point_i))`, evaluated at
 * the cell's centre, so it is in points per square coordinate unit and sums (× cell²) to about
 * the number of points — exactly so in the limit of small cells, for points at least `radius`
 * inside the grid (mass of points near or outside the edge falls partly outside the grid).
 * Points outside `bbox` still add to the cells within `radius` of them. Unlike ArcGIS, no
 * default radius is chosen, no population field and no edge correction are applied, and the
 * values are not rescaled (QGIS's heatmap can output unscaled kernel sums; ArcGIS's "densities"
 * output is this quantity in the requested area unit).
 *
 * Grid: with `bbox`, `x0 = minX, y0 = minY`, `cols = max(1, ⌈(maxX − minX) / cell⌉)` and the same
 * for rows (the last column may extend beyond maxX). Without `bbox` the grid is aligned to
 * multiples of `cell` and covers every cell within `radius` of a point's bounding box, so the
 * whole mass falls inside; with no points that grid is empty (0 × 0).
 *
 * Assumptions: planar coordinates (RD New metres) in the same unit as `cell` and `radius`;
 * unweighted points. `cell` well below `radius` (say r / cell ≥ 5) for a smooth surface and an
 * accurate mass.
 *
 * Complexity: O(n · (2r / cell + 1)²) for n points — each point visits the cells of the square
 * around its disk — plus O(cols · rows) for the grid. Memory O(cols · rows).
 * Measured: 200,000 random points in a 30 km square, r = 300 m, 50 m cells (600 × 600 cells,
 * about 113 cells per point): 80–130 ms on one core (Node 20, varies with load), see the test file.
 *
 * @throws RangeError if `cell` or `radius` is not a positive finite number, a coordinate or the
 *   bbox is not finite (or has maxX < minX / maxY < minY), or the grid exceeds 50 million cells.
 */
export function kernelDensity(
  points: readonly { x: number; y: number }[],
  opts: KernelDensityOptions,
): KernelDensityResult {
  const { cell, radius, bbox } = opts;
  if (!Number.isFinite(cell) || cell <= 0)
    throw new RangeError(`cell must be a finite number > 0, got ${cell}`);
  if (!Number.isFinite(radius) || radius <= 0) {
    throw new RangeError(`radius must be a finite number > 0, got ${radius}`);
  }
  const n = points.length;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const pt = points[i] as { x: number; y: number };
    if (!Number.isFinite(pt.x) || !Number.isFinite(pt.y)) {
      throw new RangeError(`point ${i} has a non-finite coordinate`);
    }
    if (pt.x < minX) minX = pt.x;
    if (pt.x > maxX) maxX = pt.x;
    if (pt.y < minY) minY = pt.y;
    if (pt.y > maxY) maxY = pt.y;
  }

  let x0: number;
  let y0: number;
  let cols: number;
  let rows: number;
  if (bbox) {
    const { minX: bx0, minY: by0, maxX: bx1, maxY: by1 } = bbox;
    if (![bx0, by0, bx1, by1].every(Number.isFinite) || bx1 < bx0 || by1 < by0) {
      throw new RangeError("bbox must be finite with maxX >= minX and maxY >= minY");
    }
    x0 = bx0;
    y0 = by0;
    cols = Math.max(1, Math.ceil((bx1 - bx0) / cell));
    rows = Math.max(1, Math.ceil((by1 - by0) / cell));
  } else if (n === 0) {
    return { x0: 0, y0: 0, cell, cols: 0, rows: 0, values: new Float64Array(0) };
  } else {
    const c0 = Math.floor((minX - radius) / cell);
    const r0 = Math.floor((minY - radius) / cell);
    x0 = c0 * cell;
    y0 = r0 * cell;
    cols = Math.floor((maxX + radius) / cell) - c0 + 1;
    rows = Math.floor((maxY + radius) / cell) - r0 + 1;
  }
  if (cols * rows > MAX_CELLS) {
    throw new RangeError(`grid of ${cols} × ${rows} cells exceeds ${MAX_CELLS} cells; use a larger cell`);
  }

  const values = new Float64Array(cols * rows);
  const r2 = radius * radius;
  const invR2 = 1 / r2;
  const norm = 3 / (Math.PI * r2);
  // Squared x-distances of the columns a point touches (at most 2r/cell + 3 of them).
  const dx2 = new Float64Array(Math.ceil((2 * radius) / cell) + 4);
  for (let i = 0; i < n; i++) {
    const pt = points[i] as { x: number; y: number };
    // Cells whose centre x0 + (c + ½)·cell lies within radius of the point (one extra on each side
    // against rounding; the exact test d² < r² decides).
    const cLo = Math.max(0, Math.floor((pt.x - radius - x0) / cell - 0.5));
    const cHi = Math.min(cols - 1, Math.ceil((pt.x + radius - x0) / cell - 0.5));
    const rLo = Math.max(0, Math.floor((pt.y - radius - y0) / cell - 0.5));
    const rHi = Math.min(rows - 1, Math.ceil((pt.y + radius - y0) / cell - 0.5));
    for (let c = cLo; c <= cHi; c++) {
      const dx = x0 + (c + 0.5) * cell - pt.x;
      dx2[c - cLo] = dx * dx;
    }
    for (let r = rLo; r <= rHi; r++) {
      const dy = y0 + (r + 0.5) * cell - pt.y;
      const dy2 = dy * dy;
      if (dy2 >= r2) continue;
      const base = r * cols + cLo;
      const span = cHi - cLo;
      for (let k = 0; k <= span; k++) {
        const d2 = (dx2[k] as number) + dy2;
        if (d2 < r2) {
          const u = 1 - d2 * invR2;
          values[base + k] = (values[base + k] as number) + norm * u * u;
        }
      }
    }
  }
  return { x0, y0, cell, cols, rows, values };
}
