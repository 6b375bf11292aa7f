/** Additive (`y = T + S + e`) or multiplicative (`y = T · S · e`) decomposition model. */
export type DecomposeModel = "additive" | "multiplicative";

export interface DecomposeOptions {
  /** Number of observations per seasonal cycle (4 for quarterly, 12 for monthly data); integer ≥ 2. */
  period: number;
  model: DecomposeModel;
}

export interface DecomposeResult {
  /** Centred moving average; `null` for the first and last `floor(period / 2)` points. */
  trend: (number | null)[];
  /** Seasonal figure (one value per position in the cycle), tiled over the whole series. */
  seasonal: number[];
  /** What is left after removing trend and season; `null` wherever the trend is `null`. */
  resid: (number | null)[];
}

/**
 * Classical seasonal decomposition by moving averages, with the same results as R's
 * `stats::decompose()` and statsmodels' `seasonal_decompose()` with its defaults
 * (`two_sided=True`, `extrapolate_trend=0`, no custom `filt`).
 *
 * Steps:
 * 1. Trend: centred moving average over one period. For an odd period that is a plain mean of
 *    `period` points; for an even period it is the "2×period" MA, weights
 *    `[0.5, 1, …, 1, 0.5] / period` over `period + 1` points. The first and last
 *    `floor(period / 2)` points have no trend (`null`); there is no end-point extrapolation.
 * 2. Detrend: `values − trend` (additive) or `values / trend` (multiplicative).
 * 3. Seasonal figure: for every position `j` in the cycle, the mean of the detrended values at
 *    indices `j, j + period, …` where the trend is defined. Position 0 is the first observation:
 *    the series is assumed to start at the beginning of a cycle (as a numpy array does in
 *    statsmodels, or a `ts` starting at cycle position 1 in R).
 * 4. Centre the figure: subtract its mean (additive) or divide by its mean (multiplicative), and
 *    tile it over the whole length.
 * 5. Residual: `values − trend − seasonal` or `values / seasonal / trend`; `null` without a trend.
 *
 * Assumptions: the values are equally spaced in time and complete (no gaps, no missing values —
 * impute or aggregate before calling); `period` is known in advance (no period detection).
 *
 * Complexity: O(n) time and O(n) memory. The moving average uses a running window sum (add the
 * entering value, subtract the leaving one), re-summed from scratch once per window length so
 * that floating-point drift stays bounded on long series; that re-summing costs O(n) in total.
 *
 * @throws RangeError if `period` is not an integer ≥ 2, if the series has fewer than two complete
 *   cycles (`2 · period` values), if a value is not finite (NaN/±Infinity; missing values are not
 *   handled), or if the model is multiplicative and a value is ≤ 0.
 */
export function decompose(values: readonly number[], opts: DecomposeOptions): DecomposeResult {
  const { period, model } = opts;
  validate(values, period, model);

  const n = values.length;
  const multiplicative = model === "multiplicative";
  const trend = centredMovingAverage(values, period);

  // Per-position sums and counts of the detrended series (only where the trend exists).
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  for (let i = 0; i < n; i++) {
    const t = trend[i];
    if (t === null || t === undefined) continue;
    const y = values[i] as number;
    const pos = i % period;
    sums[pos] = (sums[pos] as number) + (multiplicative ? y / t : y - t);
    counts[pos] = (counts[pos] as number) + 1;
  }

  // With n ≥ 2·period the trend is defined on at least `period` consecutive points, so every
  // position in the cycle has at least one detrended value and counts[j] > 0.
  const figure = sums.map((s, j) => s / (counts[j] as number));
  const figureMean = figure.reduce((a, b) => a + b, 0) / period;
  const centred = figure.map((f) => (multiplicative ? f / figureMean : f - figureMean));

  const seasonal = new Array<number>(n);
  const resid = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    const s = centred[i % period] as number;
    seasonal[i] = s;
    const t = trend[i];
    const y = values[i] as number;
    if (t === null || t === undefined) {
      resid[i] = null;
    } else {
      // Same operation order as statsmodels: (y − T) − S and y / S / T.
      resid[i] = multiplicative ? y / s / t : y - t - s;
    }
  }

  return { trend, seasonal, resid };
}

function validate(values: readonly number[], period: number, model: DecomposeModel): void {
  if (!Number.isInteger(period) || period < 2) {
    throw new RangeError(`decompose: period must be an integer ≥ 2, got ${period}`);
  }
  if (model !== "additive" && model !== "multiplicative") {
    throw new RangeError(`decompose: model must be "additive" or "multiplicative", got ${String(model)}`);
  }
  if (values.length < 2 * period) {
    throw new RangeError(
      `decompose: the series must contain at least 2 complete cycles (${2 * period} values for ` +
        `period ${period}), got ${values.length} value(s)`,
    );
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(
        `decompose: value at index ${i} is not a finite number (${String(v)}); missing values are not handled`,
      );
    }
    if (model === "multiplicative" && v <= 0) {
      throw new RangeError(`decompose: a multiplicative model needs values > 0, got ${v} at index ${i}`);
    }
  }
}

/**
 * Centred moving average: plain `period`-point mean (odd period) or the 2×`period` MA (even
 * period, `period + 1` points with half weights at both ends); `null` where the window
 * does not fit. Running window sum, re-summed exactly every `window` steps to bound drift.
 */
function centredMovingAverage(values: readonly number[], period: number): (number | null)[] {
  const n = values.length;
  const half = Math.floor(period / 2);
  const even = period % 2 === 0;
  // Number of points in the window: period + 1 for even periods (half weights at both ends).
  const window = even ? period + 1 : period;
  const trend = new Array<number | null>(n).fill(null);
  const at = (i: number): number => values[i] as number;

  let sum = 0;
  for (let i = half; i < n - half; i++) {
    const lo = i - half;
    const hi = i + half;
    if (lo % window === 0) {
      // Exact re-summation of the full window (also the initial sum).
      sum = 0;
      for (let k = lo; k <= hi; k++) sum += at(k);
    } else {
      sum += at(hi) - at(lo - 1);
    }
    trend[i] = even ? (sum - 0.5 * (at(lo) + at(hi))) / period : sum / period;
  }
  return trend;
}
