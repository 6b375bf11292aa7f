export interface ConcentrationPoint {
  /** Projected x in metres (RD New, EPSG:28992). */
  x: number;
  /** Projected y in metres. */
  y: number;
}

export interface ConcentrationOptions {
  /** Grid cell size in metres, finite and > 0. */
  cell: number;
  /** Share of the study area's cells that counts as "top", in (0, 1], e.g. 0.05 for the top 5%. */
  topShare: number;
  /**
   * Number of grid cells in the study area (e.g. cells covering the gemeente). Default: the cells of
   * the grid-aligned bounding box of the points. Must be at least the number of occupied cells.
   */
  areaCells?: number;
}

export interface ConcentrationResult {
  /** n_top / N: share of all registrations in the top cells; null without points. */
  shareInTop: number | null;
  /** Predictive Accuracy Index (n_top / N) / (a_top / A); null without points. */
  pai: number | null;
  /** a_top: number of top cells, ceil(topShare * A) and at least 1. */
  topCells: number;
  /** A: number of cells in the study area (0 without points and without areaCells). */
  areaCells: number;
}

/**
 * Spatial concentration of registrations on a square grid: how many registrations fall in the
 * busiest x% of the study area, and the Predictive Accuracy Index of those cells.
 *
 * Points are binned into cells aligned to the coordinate origin (column floor(x / cell), row
 * floor(y / cell)). The study area has A cells: `areaCells`, or else the grid-aligned bounding box
 * of the points (columns x rows, empty cells included). The top a_top = ceil(topShare * A) cells
 * (at least 1; a tolerance of 1e-9 keeps 0.05 * 100 at 5) are the cells with the most points;
 * cells without points count as zero, so a_top may exceed the number of occupied cells. Ties at the
 * cut-off do not matter because only the sum of the top counts is used. With n_top points in them
 * and N points in total:
 *   shareInTop = n_top / N,
 *   PAI = (n_top / N) / (a_top / A)   (Chainey, Tompson & Uhlig 2008, "The utility of hotspot mapping
 *                                      for predicting spatial patterns of crime", Security Journal 21).
 * a_top / A is the realised area share after rounding up, so PAI stays an exact ratio of shares.
 *
 * Assumptions: projected coordinates in metres; every cell of the study area is equally "available"
 * (no correction for water, parks, or population); the result depends on cell size and grid origin
 * (modifiable areal unit problem). Here the top cells are picked from the same points they are scored
 * on, so PAI describes concentration, not out-of-sample predictive accuracy.
 * Complexity: O(n + m log m) for n points in m occupied cells.
 *
 * @throws RangeError for non-finite coordinates, a cell that is not > 0, topShare outside (0, 1], or
 *   an areaCells that is not an integer >= 1 or smaller than the number of occupied cells.
 */
export function concentration(points: ConcentrationPoint[], opts: ConcentrationOptions): ConcentrationResult {
  const { cell, topShare } = opts;
  if (!(Number.isFinite(cell) && cell > 0))
    throw new RangeError(`cell must be a finite number > 0, got ${cell}`);
  if (!(topShare > 0 && topShare <= 1)) throw new RangeError(`topShare must be in (0, 1], got ${topShare}`);
  if (opts.areaCells !== undefined && !(Number.isInteger(opts.areaCells) && opts.areaCells >= 1)) {
    throw new RangeError(`areaCells must be an integer >= 1, got ${opts.areaCells}`);
  }

  const counts = new Map<string, number>();
  let minC = Number.POSITIVE_INFINITY;
  let maxC = Number.NEGATIVE_INFINITY;
  let minR = Number.POSITIVE_INFINITY;
  let maxR = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    if (!(Number.isFinite(p.x) && Number.isFinite(p.y))) {
      throw new RangeError(`point coordinates must be finite, got (${p.x}, ${p.y})`);
    }
    const c = Math.floor(p.x / cell);
    const r = Math.floor(p.y / cell);
    const key = `${c},${r}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (c < minC) minC = c;
    if (c > maxC) maxC = c;
    if (r < minR) minR = r;
    if (r > maxR) maxR = r;
  }

  const n = points.length;
  const area = opts.areaCells ?? (n === 0 ? 0 : (maxC - minC + 1) * (maxR - minR + 1));
  if (area < counts.size) {
    throw new RangeError(`areaCells (${area}) is smaller than the number of occupied cells (${counts.size})`);
  }
  const topCells = Math.max(1, Math.ceil(topShare * area - 1e-9));
  if (n === 0) return { shareInTop: null, pai: null, topCells, areaCells: area };

  const sorted = [...counts.values()].sort((a, b) => b - a);
  let nTop = 0;
  for (let i = 0; i < Math.min(topCells, sorted.length); i++) nTop += sorted[i] ?? 0;
  const shareInTop = nTop / n;
  return { shareInTop, pai: shareInTop / (topCells / area), topCells, areaCells: area };
}
