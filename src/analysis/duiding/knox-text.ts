// Plain Dutch (B1) sentences for a Knox near-repeat test (`knoxTest`). Part of the "duiding"
// layer (issue 3).

import { formatCount, formatRate } from "../../render/format-nl.ts";
import type { KnoxOptions, KnoxResult } from "../knox/knox.ts";

/** At most this many (space band, time band) combinations are named, the nearest first. */
export const KNOX_MAX_CELLS = 3;

export interface DescribeKnoxInput {
  /** Plural noun for what is counted, e.g. "woninginbraken". */
  subject: string;
  /** Result of `knoxTest`. */
  result: KnoxResult;
  /** The options `knoxTest` was called with (bands, permutations, metric). */
  options: Pick<
    KnoxOptions,
    "spaceBand" | "spaceBands" | "timeBand" | "timeBands" | "permutations" | "metric"
  >;
  /** Significance level per combination in (0, 1); default 0.05. */
  alpha?: number;
}

const decimal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });
const smallP = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 6 });
const ratioOneDecimal = new Intl.NumberFormat("nl-NL", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const ratioTwoDecimals = new Intl.NumberFormat("nl-NL", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * Describes a Knox near-repeat test in plain Dutch (B1), e.g.
 * "Er is een near-repeatpatroon gevonden. Near repeat betekent: woninginbraken die kort na elkaar
 * en dicht bij elkaar gebeuren, vaker dan je bij toeval zou verwachten. Onderzocht zijn paren
 * woninginbraken tot 500 meter en 35 dagen uit elkaar. Binnen 100 meter van elkaar (maar niet op
 * dezelfde plek) en 0 tot 7 dagen na elkaar: 25 paren, 2,1 keer zoveel als bij toeval te
 * verwachten is (gemiddeld 11,8). Bij elke genoemde combinatie is p kleiner dan 0,05. Er zijn 30
 * combinaties van afstand en tijd getoetst, zonder correctie voor dat aantal; een enkele uitkomst
 * kan dus toeval zijn."
 *
 * Rules (S = spaceBand, K = spaceBands, T = timeBand, J = timeBands, P = permutations):
 * - Sentence 1 is the verdict, sentence 2 explains "near repeat", sentence 3 the range examined
 *   (K·S metres and J·T days; for the Manhattan metric also how distance was measured).
 * - P = 0 (expected is NaN): "Er is geen toets gedaan …", nothing about a pattern.
 * - P too small to reach alpha (`1 / (P + 1) ≥ alpha`, the smallest attainable p): "Er is geen
 *   toets mogelijk …" with the advice to use more permutations.
 * - A combination is named when `p < alpha` and `knoxRatio > 1`, or when `p < alpha` and
 *   `expected = 0` with `observed > 0` (no ratio is defined: "terwijl er bij toeval geen te
 *   verwachten zijn"). None: "Er is geen near-repeatpatroon gevonden: …".
 * - Names: space band 0 "Op dezelfde plek", band 1 "Binnen S meter van elkaar (maar niet op
 *   dezelfde plek)", band k ≥ 2 "Tussen (k−1)·S en k·S meter van elkaar"; time band 1 "0 tot T
 *   dagen na elkaar", band j ≥ 2 "(j−1)·T tot j·T dagen na elkaar".
 * - At most {@link KNOX_MAX_CELLS} combinations are named, the nearest first: by space band, then
 *   by time band; the rest is counted ("Dat geldt ook voor nog 2 combinaties verder weg of later.").
 * - Ratio with one decimal ("2,1 keer"), two when one decimal would show 1,0 ("1,04 keer");
 *   the expected count as `formatRate` ("11,8", "0,53"); "1 paar" / "25 paren".
 * - When something is named: p < alpha is stated, and that the (K+1)·J combinations were tested
 *   without correction, so one may be chance. The word "significant" is not used.
 *
 * Complexity: O(K·J).
 *
 * @throws RangeError if `alpha` is not in (0, 1), the options are invalid (S, T not finite and
 *   > 0; K, J not integers ≥ 1; P not an integer ≥ 0), a matrix of the result is not (K+1) × J,
 *   an observed count is not a non-negative integer, or a p is not in [0, 1].
 */
export function describeKnox(input: DescribeKnoxInput): string {
  const { subject, result, options } = input;
  const { spaceBand: S, spaceBands: K, timeBand: T, timeBands: J, permutations: P } = options;
  const alpha = input.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(Number.isFinite(S) && S > 0)) throw new RangeError(`spaceBand must be finite and > 0, got ${S}`);
  if (!(Number.isFinite(T) && T > 0)) throw new RangeError(`timeBand must be finite and > 0, got ${T}`);
  if (!(Number.isInteger(K) && K >= 1)) throw new RangeError(`spaceBands must be an integer >= 1, got ${K}`);
  if (!(Number.isInteger(J) && J >= 1)) throw new RangeError(`timeBands must be an integer >= 1, got ${J}`);
  if (!(Number.isInteger(P) && P >= 0))
    throw new RangeError(`permutations must be an integer >= 0, got ${P}`);
  for (const name of ["observed", "expected", "knoxRatio", "p"] as const) {
    const m = result[name];
    if (m.length !== K + 1 || m.some((row) => row.length !== J)) {
      throw new RangeError(`${name} must be a ${K + 1} × ${J} matrix`);
    }
  }

  const named: string[] = [];
  let more = 0;
  for (let k = 0; k <= K; k++) {
    for (let j = 1; j <= J; j++) {
      const observed = result.observed[k]?.[j - 1] as number;
      const expected = result.expected[k]?.[j - 1] as number;
      const ratio = result.knoxRatio[k]?.[j - 1] as number;
      const p = result.p[k]?.[j - 1] as number;
      if (!(Number.isInteger(observed) && observed >= 0)) {
        throw new RangeError(`observed must be a non-negative integer, got ${observed}`);
      }
      if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
      if (P === 0 || !(p < alpha)) continue;
      let amount: string;
      if (ratio > 1) {
        amount =
          `${paren(observed)}, ${formatRatio(ratio)} keer zoveel als bij toeval te verwachten is ` +
          `(gemiddeld ${formatRate(expected)})`;
      } else if (expected === 0 && observed > 0) {
        amount = `${paren(observed)}, terwijl er bij toeval geen te verwachten zijn`;
      } else {
        continue;
      }
      if (named.length < KNOX_MAX_CELLS)
        named.push(`${spacePhrase(k, S)} en ${timePhrase(j, T)}: ${amount}.`);
      else more++;
    }
  }

  const explain =
    `Near repeat betekent: ${subject} die kort na elkaar en dicht bij elkaar gebeuren, ` +
    "vaker dan je bij toeval zou verwachten.";
  let range = `Onderzocht zijn paren ${subject} tot ${decimal.format(K * S)} meter en ${decimal.format(J * T)} dagen uit elkaar.`;
  if (options.metric === "manhattan") {
    range +=
      " De afstand is gemeten als de afstand in oost-west- plus die in noord-zuidrichting " +
      "(zoals langs een stratenraster), niet hemelsbreed.";
  }
  const permutaties = "(willekeurige herschikkingen van de datums)";

  if (P === 0) {
    return [
      `Er is geen toets gedaan: er zijn geen permutaties ${permutaties} berekend, ` +
        "dus er is niets te zeggen over een near-repeatpatroon.",
      explain,
      range,
    ].join(" ");
  }
  const minP = 1 / (P + 1);
  if (minP >= alpha) {
    return [
      `Er is geen toets mogelijk: met ${formatCount(P)} ${P === 1 ? "permutatie" : "permutaties"} ${permutaties} ` +
        `kan p niet kleiner worden dan ${smallP.format(minP)}. Gebruik er meer, bijvoorbeeld 999.`,
      explain,
      range,
    ].join(" ");
  }
  const pText = smallP.format(alpha);
  if (named.length === 0) {
    return [
      "Er is geen near-repeatpatroon gevonden: bij geen enkele combinatie van afstand en tijd kwamen " +
        `duidelijk meer paren ${subject} voor dan bij toeval (p kleiner dan ${pText}).`,
      explain,
      range,
    ].join(" ");
  }
  const sentences = ["Er is een near-repeatpatroon gevonden.", explain, range, ...named];
  if (more > 0) {
    sentences.push(
      `Dat geldt ook voor nog ${formatCount(more)} ${more === 1 ? "combinatie" : "combinaties"} verder weg of later.`,
    );
  }
  const tested = (K + 1) * J;
  sentences.push(
    `Bij elke genoemde combinatie is p kleiner dan ${pText}.`,
    `Er zijn ${formatCount(tested)} combinaties van afstand en tijd getoetst, zonder correctie voor dat aantal; ` +
      "een enkele uitkomst kan dus toeval zijn.",
  );
  return sentences.join(" ");
}

function paren(n: number): string {
  return `${formatCount(n)} ${n === 1 ? "paar" : "paren"}`;
}

function formatRatio(ratio: number): string {
  const one = ratioOneDecimal.format(ratio);
  return one === "1,0" ? ratioTwoDecimals.format(ratio) : one;
}

function spacePhrase(k: number, S: number): string {
  if (k === 0) return "Op dezelfde plek";
  if (k === 1) return `Binnen ${decimal.format(S)} meter van elkaar (maar niet op dezelfde plek)`;
  return `Tussen ${decimal.format((k - 1) * S)} en ${decimal.format(k * S)} meter van elkaar`;
}

function timePhrase(j: number, T: number): string {
  return `${decimal.format((j - 1) * T)} tot ${decimal.format(j * T)} dagen na elkaar`;
}
