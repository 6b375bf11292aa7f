import { sortByCell } from "../grid/sort-by-cell.ts";
/** One observation: planar coordinates (e.g. RD New metres) and the variable being tested. */
export interface GetisOrdPoint {
  x: number;
  y: number;
  value: number;
}

export interface GetisOrdOptions {
  /** Distance band: `j` is a neighbour of `i` when `dist(i, j) <= distance` (inclusive); ≥ 0. */
  distance: number;
  /** `true` for Gi* (the point itself counts as its own neighbour), `false` for Gi. */
  star: boolean;
  /** `"binary"`: every neighbour weighs 1 (esda `transform="B"`); `"row"`: weights sum to 1 per row (`"R"`). */
  transform: "binary" | "row";
}

export interface GetisOrdResult {
  /** The raw local statistic, esda's `Gs`: weighted neighbour sum divided by the (leave-one-out) total. */
  gi: number;
  /** Standardised statistic under the normality assumption, esda's `Zs`. Positive = hot spot. */
  z: number;
  /** Two-sided normal p-value, `2 · (1 − Φ(|z|))` (= 2 × esda's one-sided `p_norm`). */
  p: number;
}

/**
 * Local Getis–Ord Gi and Gi* (Getis & Ord 1992; Ord & Getis 1995) with distance-band weights,
 * computed as PySAL esda's `G_Local(y, DistanceBand(points, threshold=distance), transform, star)`
 * does, with the analytical (normal) inference only — no permutations.
 *
 * For point `i` with neighbour set `J_i` (points within `distance`, excluding `i` itself) and
 * weights `w_ij` (1, or `1 / |J_i|` for `"row"`; for Gi* the point itself is added with the same
 * weight as its neighbours, so `1 / (|J_i| + 1)` for `"row"`), with `n` points:
 * - Gi:  `N = n − 1`, `G_i = Σ_{j∈J_i} w_ij·y_j / (Σ_j y_j − y_i)`, and mean and variance are
 *   those of the other `n − 1` values (`ȳ_(i)`, `s²_(i)`, population variance, divisor `N`).
 * - Gi*: `N = n`, `G*_i = Σ_{j∈J_i∪{i}} w_ij·y_j / Σ_j y_j`, mean and variance of all values.
 * - `W_i = Σ_j w_ij` (the count of weights for `"binary"`, 1 for `"row"`),
 *   `E[G_i] = W_i / N`, `Var[G_i] = W_i·(N − W_i) / (N − 1) / N² · s² / ȳ²`,
 *   `z = (G_i − E[G_i]) / √Var[G_i]` and `p = 2·(1 − Φ(|z|))`.
 * These are exactly the expressions in esda's `G_Local.calc` (esda ≥ 2.5); the test file ports
 * the expected values of esda's own tests and docstring.
 *
 * Degenerate cases, where esda yields NaN or ±Infinity, return `z = 0, p = 1` instead:
 * - a point without neighbours within `distance` (an island) under Gi: esda has `Gs = 0` and
 *   `Zs = NaN` (0/0); here `gi = 0, z = 0, p = 1`. (Under Gi* an island still has itself, so its
 *   z is an ordinary finite number, as in esda.)
 * - zero variance: all values equal (for Gi: all values other than `y_i` equal), or the weights
 *   cover every point (`W_i = N`), or `N ≤ 1` (fewer than 2 points for Gi*, fewer than 3 for Gi);
 * - a zero denominator (`Σ y = 0`, or `Σ y − y_i = 0` for Gi): then also `gi = 0`.
 * Fewer than 2 points is not an error: 0 points give `[]`, 1 point gives `z = 0, p = 1`.
 *
 * Duplicate coordinates: coincident points (distance 0) are neighbours of each other, as the
 * definition `dist ≤ distance` says. NOTE: libpysal's `DistanceBand` drops zero-distance pairs
 * (it sets `dmat[dmat > 0] = 1` and eliminates explicit zeros from the sparse matrix), so for
 * inputs with duplicate coordinates esda gives different numbers; we deliberately keep the
 * mathematical definition, because repeated incidents at one address are each other's nearest
 * context. Without duplicates the results are identical to esda's.
 *
 * Assumptions: planar coordinates in the same unit as `distance` (Euclidean distance; project
 * lon/lat first); `value` is a non-negative variable such as a count or rate (the Getis–Ord
 * statistic is defined for positive variables; negative values are not rejected, but then the
 * ratio has no clear meaning). The band test is `dx² + dy² ≤ distance²`. No multiple-testing
 * correction is applied to `p`.
 *
 * Complexity: a uniform grid spatial index with cell size `distance` (counting sort of the points
 * by cell, O(n + C) for C cells) makes the neighbour search O(n·k) instead of O(n²), k being the
 * average number of points in a 3×3 block of cells: only the own and adjacent cells can hold
 * points within the band. Each pair is tested once (half stencil) and credited to both points.
 * To bound memory the grid is capped at about max(4n, 1024) cells: when the extent divided by
 * `distance` would need more, the cell size is enlarged (still ≥ `distance`, so adjacent cells
 * still cover the band; only k grows). The statistics themselves are O(n). Memory O(n + C).
 * Measured: 200,000 random points in a 30 km square with distance 300 (~63 neighbours each)
 * take about 150 ms on one core (Node 20).
 *
 * @throws RangeError if `distance` is negative or not finite, or a coordinate or value is not finite.
 */
export function getisOrdG(
  points: readonly GetisOrdPoint[],
  opts: GetisOrdOptions,
): { results: GetisOrdResult[] } {
  const { distance, star, transform } = opts;
  if (!Number.isFinite(distance) || distance < 0) {
    throw new RangeError(`distance must be a finite number >= 0, got ${distance}`);
  }
  if (transform !== "binary" && transform !== "row") {
    throw new RangeError(`transform must be "binary" or "row", got ${String(transform)}`);
  }
  const n = points.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const vs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const pt = points[i] as GetisOrdPoint;
    if (!Number.isFinite(pt.x) || !Number.isFinite(pt.y) || !Number.isFinite(pt.value)) {
      throw new RangeError(`point ${i} has a non-finite coordinate or value`);
    }
    xs[i] = pt.x;
    ys[i] = pt.y;
    vs[i] = pt.value;
  }
  if (n === 0) return { results: [] };

  const { count, sum } = neighbourSums(xs, ys, vs, distance);
  const moments = valueMoments(vs);

  const results: GetisOrdResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    results[i] = localStatistic(i, vs, count, sum, moments, star, transform === "row");
  }
  return { results };
}

interface Moments {
  n: number;
  total: number;
  mean: number;
  /** Σ (y − ȳ)², two-pass. */
  ss: number;
  /** Smallest, second-smallest, largest and second-largest value (with multiplicity). */
  min1: number;
  min2: number;
  max1: number;
  max2: number;
}

function valueMoments(vs: Float64Array): Moments {
  const n = vs.length;
  let total = 0;
  let min1 = Number.POSITIVE_INFINITY;
  let min2 = Number.POSITIVE_INFINITY;
  let max1 = Number.NEGATIVE_INFINITY;
  let max2 = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = vs[i] as number;
    total += v;
    if (v < min1) {
      min2 = min1;
      min1 = v;
    } else if (v < min2) min2 = v;
    if (v > max1) {
      max2 = max1;
      max1 = v;
    } else if (v > max2) max2 = v;
  }
  const mean = total / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (vs[i] as number) - mean;
    ss += d * d;
  }
  return { n, total, mean, ss, min1, min2, max1, max2 };
}

const NULL_RESULT_Z = 0;
const NULL_RESULT_P = 1;

function localStatistic(
  i: number,
  vs: Float64Array,
  count: Int32Array,
  sum: Float64Array,
  m: Moments,
  star: boolean,
  row: boolean,
): GetisOrdResult {
  const yi = vs[i] as number;
  const k = count[i] as number;
  const s = sum[i] as number;

  let lag: number; // Σ_j w_ij y_j
  let card: number; // W_i = Σ_j w_ij
  let denom: number;
  let bigN: number;
  let mean: number;
  let variance: number;
  let constant: boolean; // all values entering the moments are equal
  if (star) {
    const kk = k + 1;
    lag = row ? (s + yi) / kk : s + yi;
    card = row ? 1 : kk;
    denom = m.total;
    bigN = m.n;
    mean = m.mean;
    variance = m.ss / m.n;
    constant = m.min1 === m.max1;
  } else {
    lag = row ? (k > 0 ? s / k : 0) : s;
    card = row ? (k > 0 ? 1 : 0) : k;
    denom = m.total - yi;
    bigN = m.n - 1;
    mean = denom / bigN;
    // Leave-one-out sum of squares: removing y_i from n values with mean ȳ lowers Σ(y − ȳ)² by
    // (y_i − ȳ)²·n/(n − 1). Equal in exact arithmetic to esda's E[y²] − E[y]² over the others.
    const d = yi - m.mean;
    variance = bigN > 0 ? Math.max(0, m.ss - (d * d * m.n) / bigN) / bigN : 0;
    const lo = yi === m.min1 ? m.min2 : m.min1;
    const hi = yi === m.max1 ? m.max2 : m.max1;
    constant = lo === hi;
  }

  const gi = denom !== 0 ? lag / denom : 0;
  if (card === 0 || bigN <= 1 || constant || denom === 0 || variance <= 0) {
    return { gi, z: NULL_RESULT_Z, p: NULL_RESULT_P };
  }
  const expected = card / bigN;
  const varG = (((card * (bigN - card)) / (bigN - 1)) * (1 / (bigN * bigN)) * variance) / (mean * mean);
  if (!(varG > 0) || !Number.isFinite(varG)) {
    return { gi, z: NULL_RESULT_Z, p: NULL_RESULT_P };
  }
  const z = (gi - expected) / Math.sqrt(varG);
  return { gi, z, p: twoSidedNormalP(z) };
}

/** Maximum number of grid cells relative to the number of points (see the doc comment). */
const MAX_CELLS_PER_POINT = 4;
const MIN_MAX_CELLS = 1024;

/**
 * For every point: the number of other points within `distance` and the sum of their values,
 * via a uniform grid (cell size ≥ distance) so only the 3×3 block of cells around a point is scanned.
 */
function neighbourSums(
  xs: Float64Array,
  ys: Float64Array,
  vs: Float64Array,
  distance: number,
): { count: Int32Array; sum: Float64Array } {
  const n = xs.length;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const width = maxX - minX;
  const height = maxY - minY;
  const maxCells = Math.max(MAX_CELLS_PER_POINT * n, MIN_MAX_CELLS);
  // distance 0 only matches coincident points; any positive cell size works then.
  let cell = distance > 0 ? distance : Math.max(width, height, 1);
  let cols = Math.floor(width / cell) + 1;
  let rows = Math.floor(height / cell) + 1;
  while (cols * rows > maxCells) {
    cell = Math.max(cell * 1.5, Math.sqrt((width * height) / maxCells));
    cols = Math.floor(width / cell) + 1;
    rows = Math.floor(height / cell) + 1;
  }

  // Points sorted by cell (row-major), values copied in the same order for contiguous scans.
  const { start, order, xs: sx, ys: sy } = sortByCell(xs, ys, { minX, minY, cell, cols, rows });
  const sv = new Float64Array(n);
  for (let at = 0; at < n; at++) sv[at] = vs[order[at] as number] as number;

  // Every pair is tested once: a point is compared with the later points of its own cell, the
  // cell to its right and the three cells of the next grid row (a half 3×3 stencil); a hit is
  // credited to both points. Within one grid row adjacent cells are one contiguous range.
  const d2 = distance * distance;
  const kSorted = new Int32Array(n);
  const sSorted = new Float64Array(n);
  for (let cy = 0; cy < rows; cy++) {
    const nextRow = cy + 1 < rows;
    for (let cx = 0; cx < cols; cx++) {
      const c = cy * cols + cx;
      const first = start[c] as number;
      const last = start[c + 1] as number;
      if (first === last) continue;
      const sameEnd = start[cy * cols + Math.min(cols - 1, cx + 1) + 1] as number;
      const nextFrom = nextRow ? (start[(cy + 1) * cols + Math.max(0, cx - 1)] as number) : 0;
      const nextTo = nextRow ? (start[(cy + 1) * cols + Math.min(cols - 1, cx + 1) + 1] as number) : 0;
      for (let a = first; a < last; a++) {
        const x = sx[a] as number;
        const y = sy[a] as number;
        const va = sv[a] as number;
        let k = 0;
        let s = 0;
        for (let b = a + 1; b < sameEnd; b++) {
          const dx = (sx[b] as number) - x;
          const dy = (sy[b] as number) - y;
          if (dx * dx + dy * dy <= d2) {
            k++;
            s += sv[b] as number;
            kSorted[b] = (kSorted[b] as number) + 1;
            sSorted[b] = (sSorted[b] as number) + va;
          }
        }
        for (let b = nextFrom; b < nextTo; b++) {
          const dx = (sx[b] as number) - x;
          const dy = (sy[b] as number) - y;
          if (dx * dx + dy * dy <= d2) {
            k++;
            s += sv[b] as number;
            kSorted[b] = (kSorted[b] as number) + 1;
            sSorted[b] = (sSorted[b] as number) + va;
          }
        }
        kSorted[a] = (kSorted[a] as number) + k;
        sSorted[a] = (sSorted[a] as number) + s;
      }
    }
  }
  const count = new Int32Array(n);
  const sum = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const i = order[a] as number;
    count[i] = kSorted[a] as number;
    sum[i] = sSorted[a] as number;
  }
  return { count, sum };
}

/**
 * Two-sided standard-normal p-value `2·(1 − Φ(|z|)) = erfc(|z|/√2)`, accurate to ~1e-14 relative:
 * a power series for erf below t = 2 and a continued fraction (modified Lentz) for erfc above.
 */
export function twoSidedNormalP(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return erfc(Math.abs(z) / Math.SQRT2);
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

function erfc(t: number): number {
  if (t < 2) {
    // erf(t) = 2/√π · e^{−t²} · Σ_{n≥0} 2ⁿ t^{2n+1} / (2n+1)!!  (all terms positive: no cancellation).
    const t2 = t * t;
    let term = t;
    let series = t;
    for (let k = 1; k < 200; k++) {
      term *= (2 * t2) / (2 * k + 1);
      series += term;
      if (term < series * 1e-17) break;
    }
    return 1 - TWO_OVER_SQRT_PI * Math.exp(-t2) * series;
  }
  if (t > 27) return 0; // erfc(27) < 1e-317: below the smallest double
  // erfc(t) = e^{−t²}/√π · 1/(t + (1/2)/(t + 1/(t + (3/2)/(t + 2/(t + …))))), by modified Lentz.
  const tiny = 1e-300;
  let f = t;
  let c = t;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = t + a * d;
    if (d === 0) d = tiny;
    c = t + a / c;
    if (c === 0) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-t * t) / Math.sqrt(Math.PI) / f;
}
