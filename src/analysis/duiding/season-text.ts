// Plain Dutch (B1) sentences for the seasonal figure of a classical decomposition (`decompose`).
// Part of the "duiding" layer (issue 3).

import { formatCount, listNl } from "../../render/format-nl.ts";
import type { DecomposeModel, DecomposeResult } from "../decompose/decompose.ts";
import { MIN_COUNT_FOR_PERCENT } from "./change-text.ts";

/** The seasonal range must be at least this many standard deviations of the residual to count as clear. */
export const SEASON_NOISE_FACTOR = 2;

export interface DescribeSeasonInput {
  /** Plural noun for what is counted, e.g. "woninginbraken". */
  subject: string;
  /** Result of `decompose(values, { period, model })`. */
  result: DecomposeResult;
  /** The period given to `decompose` (integer ≥ 2). */
  period: number;
  /** The model given to `decompose`: additive (seasonal in counts) or multiplicative (factors). */
  model: DecomposeModel;
  /**
   * Optional name of every position in the cycle, `period` of them, position 0 first, e.g. month names
   * from `monthNameNl` for monthly data starting in January. Without labels a position reads
   * "plaats 3 van 12".
   */
  labels?: readonly string[];
}

/**
 * Describes the seasonal pattern of a decomposition in plain Dutch (B1), e.g.
 * "Het aantal woninginbraken heeft een duidelijk terugkerend patroon (seizoenspatroon). December is
 * het hoogst: ongeveer 12 boven het gemiddelde. Juni is het laagst: ongeveer 8 onder het gemiddelde."
 *
 * Rules:
 * - The seasonal figure is `result.seasonal[0 … period − 1]` (decompose tiles it over the series).
 * - No clear pattern when the figure's range (max − min) is 0 or smaller than
 *   {@link SEASON_NOISE_FACTOR} × the sample standard deviation (n − 1) of the defined residuals
 *   (both in the model's own units: counts for additive, factors for multiplicative). Then:
 *   "Er is geen duidelijk terugkerend patroon (seizoenspatroon) in het aantal …: de vaste
 *   verschillen zijn kleiner dan de toevallige schommelingen." and no positions are named.
 * - Otherwise the highest and the lowest position are named, by label (first letter capitalised at
 *   the start of the sentence) or as "plaats j van period". Ties (exactly equal figure values) name
 *   every tied position in cycle order ("Januari en juli zijn het hoogst").
 * - Size, additive: the seasonal value as a whole number, "ongeveer 12 boven/onder het gemiddelde";
 *   below 0,5 "minder dan 1 boven/onder het gemiddelde".
 * - Size, multiplicative: when the average level (mean of the defined trend values) is at least
 *   {@link MIN_COUNT_FOR_PERCENT}, a whole percentage "ongeveer 25% boven het gemiddelde" (below 0,5%
 *   "minder dan 1%"); otherwise no percentage but the size in counts at the average level,
 *   (factor − 1) × level, worded as for the additive model.
 *
 * Complexity: O(n) for a series of n values.
 *
 * @throws RangeError if `period` is not an integer ≥ 2, `model` is unknown, the series is shorter
 *   than 2 × period, `seasonal`, `trend` and `resid` differ in length, `seasonal` is not the tiled
 *   figure or not finite, a trend or residual value is not null or finite (NaN included), a residual
 *   is null where the trend is defined or the other way round, fewer than 2 residuals are defined, a
 *   multiplicative factor or the average level is not > 0, or `labels` does not have `period` entries.
 */
export function describeSeason(input: DescribeSeasonInput): string {
  const { subject, result, period, model, labels } = input;
  validate(input);
  const figure = result.seasonal.slice(0, period);
  const max = Math.max(...figure);
  const min = Math.min(...figure);
  const range = max - min;
  const resid = result.resid.filter((r): r is number => r !== null);
  if (range === 0 || range < SEASON_NOISE_FACTOR * sampleSd(resid)) {
    return (
      `Er is geen duidelijk terugkerend patroon (seizoenspatroon) in het aantal ${subject}: ` +
      "de vaste verschillen zijn kleiner dan de toevallige schommelingen."
    );
  }

  const trend = result.trend.filter((t): t is number => t !== null);
  const level = trend.reduce((s, t) => s + t, 0) / trend.length;
  const name = (j: number) => labels?.[j] ?? `plaats ${j + 1} van ${period}`;
  const positions = (value: number) => figure.flatMap((f, j) => (f === value ? [name(j)] : []));
  const sentence = (value: number, word: "hoogst" | "laagst") => {
    const names = positions(value);
    const verb = names.length === 1 ? "is" : "zijn";
    return `${capitalise(listNl(names))} ${verb} het ${word}: ${size(value, model, level)}.`;
  };
  return (
    `Het aantal ${subject} heeft een duidelijk terugkerend patroon (seizoenspatroon). ` +
    `${sentence(max, "hoogst")} ${sentence(min, "laagst")}`
  );
}

/** "ongeveer 12 boven het gemiddelde", "ongeveer 25% onder het gemiddelde", "minder dan 1 …". */
function size(value: number, model: DecomposeModel, level: number): string {
  const effect = model === "additive" ? value : value - 1;
  const side = effect >= 0 ? "boven" : "onder";
  if (model === "multiplicative" && level >= MIN_COUNT_FOR_PERCENT) {
    const percent = Math.round(Math.abs(effect) * 100);
    return percent === 0
      ? `minder dan 1% ${side} het gemiddelde`
      : `ongeveer ${formatCount(percent)}% ${side} het gemiddelde`;
  }
  const amount = Math.abs(model === "additive" ? effect : effect * level);
  return amount < 0.5
    ? `minder dan 1 ${side} het gemiddelde`
    : `ongeveer ${formatCount(amount)} ${side} het gemiddelde`;
}

/** Sample standard deviation (n − 1); n ≥ 2. */
function sampleSd(xs: number[]): number {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function validate(input: DescribeSeasonInput): void {
  const { result, period, model, labels } = input;
  if (!Number.isInteger(period) || period < 2) {
    throw new RangeError(`period must be an integer >= 2, got ${period}`);
  }
  if (model !== "additive" && model !== "multiplicative") {
    throw new RangeError(`model must be "additive" or "multiplicative", got ${String(model)}`);
  }
  if (labels !== undefined && labels.length !== period) {
    throw new RangeError(`labels must have ${period} entries, got ${labels.length}`);
  }
  const { seasonal, trend, resid } = result;
  const n = seasonal.length;
  if (n < 2 * period) throw new RangeError(`the series must have at least ${2 * period} values, got ${n}`);
  if (trend.length !== n || resid.length !== n) {
    throw new RangeError(
      `seasonal, trend and resid must have the same length, got ${n}, ${trend.length}, ${resid.length}`,
    );
  }
  let defined = 0;
  let trendSum = 0;
  for (let i = 0; i < n; i++) {
    const s = seasonal[i] as number;
    if (!Number.isFinite(s)) throw new RangeError(`seasonal value at index ${i} is not finite: ${s}`);
    if (s !== seasonal[i % period]) {
      throw new RangeError(`seasonal is not a figure of period ${period} repeated (index ${i})`);
    }
    if (model === "multiplicative" && !(s > 0)) {
      throw new RangeError(`a multiplicative seasonal factor must be > 0, got ${s} at index ${i}`);
    }
    const t = trend[i];
    const r = resid[i];
    if ((t === null) !== (r === null))
      throw new RangeError(`trend and resid must be null together (index ${i})`);
    if (t === null || r === null || t === undefined || r === undefined) continue;
    if (!(Number.isFinite(t) && Number.isFinite(r))) {
      throw new RangeError(`trend and resid must be finite, got ${t} and ${r} at index ${i}`);
    }
    defined++;
    trendSum += t;
  }
  if (defined < 2) throw new RangeError(`at least 2 residuals must be defined, got ${defined}`);
  if (model === "multiplicative" && !(trendSum / defined > 0)) {
    throw new RangeError(`the average trend level must be > 0, got ${trendSum / defined}`);
  }
}
