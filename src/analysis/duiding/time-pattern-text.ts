// Plain Dutch (B1) sentences for a weekday × hour pattern (`timePattern`). Part of the "duiding"
// layer (issue 3).

import { formatCount, listNl } from "../../render/format-nl.ts";
import { MIN_COUNT_FOR_PERCENT } from "./change-text.ts";

const WEEKDAYS_NL = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
/** Night: the hours 0 up to and including 5, i.e. 0.00 to 6.00. */
const NIGHT_HOURS = 6;
/** Weekend: Saturday and Sunday, rows 5 and 6. */
const WEEKEND_FROM = 5;

export interface DescribeTimePatternInput {
  /** Plural noun for what is counted, e.g. "woninginbraken". */
  subject: string;
  /**
   * Result of `timePattern`: 7 rows (0 = Monday … 6 = Sunday) of 24 counts (hour 0-23, local time),
   * `matrix[weekday][hour]`, non-negative integers.
   */
  matrix: readonly (readonly number[])[];
}

/**
 * Describes when registrations happen in plain Dutch (B1), e.g.
 * "De drukste dag is vrijdag. Het drukste uur is tussen 22.00 en 23.00 uur. Van alle woninginbraken
 * (200): 10% 's nachts (tussen 0.00 en 6.00 uur) en 15% in het weekend (zaterdag en zondag)."
 *
 * Rules:
 * - No registrations at all: "Er zijn geen registraties." and nothing else.
 * - Busiest day: the weekday with the most registrations over all hours. Ties name every tied day,
 *   Monday first ("De drukste dagen zijn vrijdag en zaterdag."); all 7 equal: "Alle dagen zijn even
 *   druk."
 * - Busiest hour: the hour with the most registrations over all days, as "tussen 22.00 en 23.00 uur"
 *   (hour 23 ends at "24.00"). Ties name every tied hour; tied hours next to each other are joined
 *   into one range, also across midnight ("tussen 23.00 en 1.00 uur"); ranges in order of their start
 *   hour. All 24 equal: "Alle uren zijn even druk."
 * - Night (0.00-6.00, every day) and weekend (all of Saturday and Sunday): as a whole percentage of the
 *   total when the total is at least {@link MIN_COUNT_FOR_PERCENT} ("minder dan 1%" for a part that
 *   rounds to 0 but is not 0, "meer dan 99%" for one that rounds to 100 but is not everything);
 *   below that as counts ("3 's nachts") and a last sentence "Het aantal is klein, dus dit patroon
 *   kan toeval zijn."
 *
 * Complexity: O(1) (168 cells).
 *
 * @throws RangeError if the matrix does not have 7 rows of 24 values or a value is not a
 *   non-negative integer (NaN included).
 */
export function describeTimePattern(input: DescribeTimePatternInput): string {
  const { subject, matrix } = input;
  validate(matrix);
  const daySums = matrix.map((row) => row.reduce((s, v) => s + v, 0));
  const hourSums = Array.from({ length: 24 }, (_, h) => matrix.reduce((s, row) => s + (row[h] ?? 0), 0));
  const total = daySums.reduce((s, v) => s + v, 0);
  if (total === 0) return "Er zijn geen registraties.";

  const night = hourSums.slice(0, NIGHT_HOURS).reduce((s, v) => s + v, 0);
  const weekend = daySums.slice(WEEKEND_FROM).reduce((s, v) => s + v, 0);
  const small = total < MIN_COUNT_FOR_PERCENT;
  const part = (n: number) => (small ? formatCount(n) : percentOf(n, total));
  const shares =
    `Van alle ${subject} (${formatCount(total)}): ${part(night)} 's nachts (tussen 0.00 en 6.00 uur) ` +
    `en ${part(weekend)} in het weekend (zaterdag en zondag).`;
  const caution = small ? " Het aantal is klein, dus dit patroon kan toeval zijn." : "";
  return `${busiestDays(daySums)} ${busiestHours(hourSums)} ${shares}${caution}`;
}

function busiestDays(daySums: number[]): string {
  const max = Math.max(...daySums);
  const days = WEEKDAYS_NL.filter((_, d) => daySums[d] === max);
  if (days.length === WEEKDAYS_NL.length) return "Alle dagen zijn even druk.";
  return days.length === 1 ? `De drukste dag is ${days[0]}.` : `De drukste dagen zijn ${listNl(days)}.`;
}

function busiestHours(hourSums: number[]): string {
  const max = Math.max(...hourSums);
  const busy = hourSums.map((v) => v === max);
  if (busy.every(Boolean)) return "Alle uren zijn even druk.";
  // Walk once around the clock starting just after a quiet hour, so a range across midnight stays whole.
  const quiet = busy.indexOf(false);
  const runs: [number, number][] = [];
  for (let k = 1; k <= 24; k++) {
    const h = (quiet + k) % 24;
    if (!busy[h]) continue;
    const last = runs[runs.length - 1];
    if (last && (last[1] + 1) % 24 === h) last[1] = h;
    else runs.push([h, h]);
  }
  runs.sort((a, b) => a[0] - b[0]);
  const ranges = runs.map(([first, last]) => `tussen ${first}.00 en ${last + 1}.00 uur`);
  const single = runs.length === 1 && runs[0]?.[0] === runs[0]?.[1];
  return single ? `Het drukste uur is ${ranges[0]}.` : `De drukste uren zijn ${listNl(ranges)}.`;
}

/** Whole percent of `total` (> 0), never "0%" for a part above 0 nor "100%" for less than all. */
function percentOf(n: number, total: number): string {
  const percent = Math.round((n * 100) / total);
  if (percent === 0 && n > 0) return "minder dan 1%";
  if (percent === 100 && n < total) return "meer dan 99%";
  return `${formatCount(percent)}%`;
}

function validate(matrix: readonly (readonly number[])[]): void {
  if (matrix.length !== 7) throw new RangeError(`matrix must have 7 rows (weekdays), got ${matrix.length}`);
  matrix.forEach((row, d) => {
    if (row.length !== 24) throw new RangeError(`row ${d} must have 24 values (hours), got ${row.length}`);
    row.forEach((v, h) => {
      if (!Number.isInteger(v) || v < 0) {
        throw new RangeError(`matrix[${d}][${h}] must be a non-negative integer, got ${v}`);
      }
    });
  });
}
