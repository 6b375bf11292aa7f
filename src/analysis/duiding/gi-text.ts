// Plain Dutch (B1) sentences for local Getis–Ord Gi / Gi* results per point (`getisOrdG`),
// honest about the missing multiple-testing correction. Part of the "duiding" layer (issue 3).

import { formatCount } from "../../render/format-nl.ts";

export interface DescribeGiInput {
  /** Plural noun for what the values count, e.g. "woninginbraken". */
  subject: string;
  /**
   * One result per point, e.g. `getisOrdG(…).results`. Only `z` and `p` are used; `p` must be in
   * [0, 1] or NaN. A NaN `z` or `p` means the statistic could not be computed for that point.
   */
  results: readonly { z: number; p: number }[];
  /** Significance level per point in (0, 1); default 0.05. */
  alpha?: number;
}

const decimal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 6 });

/**
 * Describes local Getis–Ord results in plain Dutch (B1), e.g.
 * "Van de 120 punten liggen er 8 in een omgeving met opvallend veel woninginbraken (hoge waarden
 * bij elkaar) en 3 in een omgeving met opvallend weinig woninginbraken (lage waarden bij elkaar).
 * Opvallend betekent: zo'n uitkomst komt bij toeval in minder dan 5% van de gevallen voor (p kleiner
 * dan 0,05). Dit is per punt bekeken, zonder correctie voor het aantal toetsen. Daardoor kunnen er
 * ook punten tussen zitten die alleen door toeval opvallen: bij 120 punten zijn dat er naar
 * verwachting ongeveer 6, ook als er niets aan de hand is. Gebruik voor een kaart met cellen de
 * analyse hotspots: die houdt wel rekening met het aantal toetsen (false discovery rate)."
 *
 * Rules:
 * - High: `z > 0` and `p < alpha`; low: `z < 0` and `p < alpha` (`p = alpha` is not). A point
 *   with `z = 0` is neither.
 * - Not computable: `z` or `p` is NaN. Such points are named apart ("Bij 4 van de 120 punten is
 *   de toets niet te berekenen …") and left out of the counts ("Van de andere 116 punten …");
 *   when no point is computable only that is said. (`getisOrdG` itself returns `z = 0, p = 1`
 *   for degenerate cases such as all-equal values; those are simply not high or low.)
 * - No points: "Er zijn geen punten, dus er is niets te toetsen."
 * - Neither high nor low points: "Geen van de … punten ligt in een omgeving met opvallend veel of
 *   opvallend weinig …". Otherwise both counts are given, 0 as "geen"; the verb agrees with the
 *   first count ("ligt er 1", "liggen er 8").
 * - Always (when some point is computable): what "opvallend" means in terms of `alpha`, that
 *   there is no correction for the number of tests, the number of chance finds to expect when
 *   nothing is going on (`alpha × computable points`; whole numbers, "minder dan 1" below 1),
 *   and the advice to use the `hotspots` analysis (FDR-corrected) for a grid map.
 * - The word "significant" is not used: without a correction the per-point test does not
 *   support it for the set of points.
 *
 * Complexity: O(n) for n points.
 *
 * @throws RangeError if `alpha` is not in (0, 1) or a `p` that is not NaN lies outside [0, 1].
 */
export function describeGi(input: DescribeGiInput): string {
  const { subject, results } = input;
  const alpha = input.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  let notComputable = 0;
  let high = 0;
  let low = 0;
  for (const r of results) {
    if (!Number.isNaN(r.p) && !(r.p >= 0 && r.p <= 1)) {
      throw new RangeError(`p must be in [0, 1] or NaN, got ${r.p}`);
    }
    if (Number.isNaN(r.z) || Number.isNaN(r.p)) notComputable++;
    else if (r.p < alpha && r.z > 0) high++;
    else if (r.p < alpha && r.z < 0) low++;
  }

  const n = results.length;
  if (n === 0) return "Er zijn geen punten, dus er is niets te toetsen.";
  const reason = "(bijvoorbeeld omdat alle waarden gelijk zijn)";
  if (notComputable === n) return `De toets is bij geen enkel punt te berekenen ${reason}.`;

  const sentences: string[] = [];
  const m = n - notComputable;
  let of = `Van de ${punten(n)}`;
  if (notComputable > 0) {
    sentences.push(
      `Bij ${formatCount(notComputable)} van de ${punten(n)} is de toets niet te berekenen ${reason}; ` +
        "die tellen hieronder niet mee.",
    );
    of = `Van de andere ${punten(m)}`;
  }
  const many = `in een omgeving met opvallend veel ${subject} (hoge waarden bij elkaar)`;
  const few = `in een omgeving met opvallend weinig ${subject} (lage waarden bij elkaar)`;
  if (high === 0 && low === 0) {
    const who = notComputable > 0 ? `Geen van de andere ${punten(m)}` : `Geen van de ${punten(n)}`;
    sentences.push(`${who} ligt in een omgeving met opvallend veel of opvallend weinig ${subject}.`);
  } else {
    const verb = high === 1 ? "ligt" : "liggen";
    sentences.push(`${of} ${verb} er ${countOrNone(high)} ${many} en ${countOrNone(low)} ${few}.`);
  }

  const expected = alpha * m;
  const chance = expected < 1 ? "minder dan 1" : `ongeveer ${formatCount(expected)}`;
  sentences.push(
    `Opvallend betekent: zo'n uitkomst komt bij toeval in minder dan ${decimal.format(alpha * 100)}% ` +
      `van de gevallen voor (p kleiner dan ${decimal.format(alpha)}).`,
    "Dit is per punt bekeken, zonder correctie voor het aantal toetsen.",
    "Daardoor kunnen er ook punten tussen zitten die alleen door toeval opvallen: " +
      `bij ${punten(m)} zijn dat er naar verwachting ${chance}, ook als er niets aan de hand is.`,
    "Gebruik voor een kaart met cellen de analyse hotspots: " +
      "die houdt wel rekening met het aantal toetsen (false discovery rate).",
  );
  return sentences.join(" ");
}

function punten(n: number): string {
  return `${formatCount(n)} ${n === 1 ? "punt" : "punten"}`;
}

function countOrNone(n: number): string {
  return n === 0 ? "geen" : formatCount(n);
}
