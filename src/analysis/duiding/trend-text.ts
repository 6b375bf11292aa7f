// Plain Dutch (B1) sentences for a Mann-Kendall trend result with Sen's slope. Part of the
// "duiding" layer (issue 3).

import { formatCount } from "../../render/format-nl.ts";
import type { MannKendallTrend } from "../mann-kendall/mann-kendall.ts";

export type TrendUnit = "maand" | "jaar";

export interface DescribeTrendInput {
  /** Plural noun for what is counted, e.g. "woninginbraken". */
  subject: string;
  /**
   * (Seasonal) Mann-Kendall result, e.g. from `mannKendall` or `seasonalMannKendall`. `p` must be
   * in [0, 1]. `trend` and `z` are optional and only used for the direction; without them the
   * direction follows the sign of `senSlope`.
   */
  mk: { p: number; senSlope: number; trend?: MannKendallTrend; z?: number };
  /**
   * Time unit of `senSlope`: "maand" for `mannKendall` on monthly values, "jaar" for yearly values
   * and for `seasonalMannKendall` on monthly values with period 12 (its slope is per cycle).
   */
  unit: TrendUnit;
  /** Significance level in (0, 1); default 0.05. A trend is only claimed when `p < alpha`. */
  alpha?: number;
}

/**
 * Describes a trend in plain Dutch (B1), e.g.
 * "Over de hele periode is er een dalende trend: het aantal woninginbraken daalt gemiddeld met
 * ongeveer 3 per jaar. Die trend is statistisch significant."
 * or "Er is geen duidelijke trend in het aantal woninginbraken."
 *
 * Rules:
 * - `p >= alpha` → no trend is claimed, whatever `trend` or `senSlope` say, and the word
 *   "significant" does not appear.
 * - Direction: `trend` ("increasing"/"decreasing") if given, else the sign of `z` if given and not
 *   0, else the sign of `senSlope`. If no direction can be found, no trend is claimed.
 * - Amount (Sen's slope): whole numbers in Dutch notation ("ongeveer 1.250"). A monthly slope
 *   below 1 is shown per year (× 12). A yearly slope below 1 becomes "minder dan 1 per jaar".
 *   The amount is left out when the slope is 0, not finite, or points the other way than the direction
 *   (possible with many ties); the sentence then only names the direction.
 *
 * Complexity: O(1).
 *
 * @throws RangeError if `alpha` is not in (0, 1) or `p` is not in [0, 1] (NaN included).
 */
export function describeTrend(input: DescribeTrendInput): string {
  const { subject, mk, unit } = input;
  const alpha = input.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(mk.p >= 0 && mk.p <= 1)) throw new RangeError(`p must be in [0, 1], got ${mk.p}`);

  const noTrend = `Er is geen duidelijke trend in het aantal ${subject}.`;
  if (!(mk.p < alpha)) return noTrend;
  const direction = trendDirection(mk);
  if (direction === 0) return noTrend;

  const adjective = direction > 0 ? "stijgende" : "dalende";
  const significance = "Die trend is statistisch significant.";
  const amount =
    Number.isFinite(mk.senSlope) && Math.sign(mk.senSlope) === direction
      ? amountText(Math.abs(mk.senSlope), unit)
      : null;
  if (amount === null) {
    return `Over de hele periode is er een ${adjective} trend in het aantal ${subject}. ${significance}`;
  }
  const verb = direction > 0 ? "stijgt" : "daalt";
  return (
    `Over de hele periode is er een ${adjective} trend: ` +
    `het aantal ${subject} ${verb} gemiddeld met ${amount}. ${significance}`
  );
}

/** +1 rising, -1 falling, 0 unknown. */
function trendDirection(mk: DescribeTrendInput["mk"]): number {
  if (mk.trend === "increasing") return 1;
  if (mk.trend === "decreasing") return -1;
  if (mk.z !== undefined && Number.isFinite(mk.z) && mk.z !== 0) return Math.sign(mk.z);
  if (Number.isFinite(mk.senSlope) && mk.senSlope !== 0) return Math.sign(mk.senSlope);
  return 0;
}

/** "ongeveer 3 per jaar", "minder dan 1 per jaar"; `size` is finite and > 0. */
function amountText(size: number, unit: TrendUnit): string {
  if (unit === "maand" && size < 1) return amountText(size * 12, "jaar");
  if (size < 1) return `minder dan 1 per ${unit}`;
  return `ongeveer ${formatCount(size)} per ${unit}`;
}
