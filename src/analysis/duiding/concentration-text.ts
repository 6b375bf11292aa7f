// Plain Dutch (B1) sentences for spatial concentration and the Predictive Accuracy Index
// (`concentration`). Part of the "duiding" layer (issue 3).

import { formatCount } from "../../render/format-nl.ts";
import type { ConcentrationResult } from "../concentration/concentration.ts";
import { MIN_COUNT_FOR_PERCENT } from "./change-text.ts";

export interface DescribeConcentrationInput {
  /** Plural noun for what is counted, e.g. "woninginbraken". */
  subject: string;
  /** Result of `concentration`. */
  result: ConcentrationResult;
  /** Number of points `concentration` was called with (non-negative integer); the result does not echo it. */
  total: number;
  /** The `cell` option of `concentration`, in metres (> 0). */
  cell: number;
}

const decimal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * Describes spatial concentration in plain Dutch (B1), e.g.
 * "In 5% van de cellen (120 van 2.400 cellen van 100 m) vond 48% van de woninginbraken plaats.
 * Dat is 9,6 keer zoveel als bij een gelijke spreiding (PAI)."
 *
 * Rules:
 * - The number in the top cells is `shareInTop × total`, which must be a whole number.
 * - `total` at least {@link MIN_COUNT_FOR_PERCENT}: both shares as whole percentages (halves
 *   upwards; "minder dan 1%" when a share rounds to 0, "meer dan 99%" when it rounds to 100 but
 *   is not everything), the cell counts in brackets, and the PAI with one decimal. A PAI that
 *   shows as 1,0 reads "ongeveer evenveel als bij een gelijke spreiding (PAI 1,0)".
 * - `total` below {@link MIN_COUNT_FOR_PERCENT}: counts only, no percentages and no PAI (a ratio
 *   of shares on so few registrations says little): "In 1 van de 16 cellen van 100 m vonden 6
 *   van de 12 woninginbraken plaats." ("vond" for 1).
 * - No registrations (`total` 0, `shareInTop` null): "Er zijn geen …, dus er is niets te zeggen
 *   over concentratie."
 * - Numbers in Dutch notation; "1 cel" / "2.400 cellen".
 *
 * Complexity: O(1).
 *
 * @throws RangeError if `total` is not a non-negative integer, `cell` not a finite number > 0,
 *   `shareInTop`/`pai` are null for a non-zero total (or not null for zero), `shareInTop × total`
 *   is not a whole number in 1…total, `pai` is not finite and > 0, or `topCells`/`areaCells` are
 *   not integers with 1 ≤ topCells ≤ areaCells.
 */
export function describeConcentration(input: DescribeConcentrationInput): string {
  const { subject, result, total, cell } = input;
  const { shareInTop, pai, topCells, areaCells } = result;
  if (!(Number.isInteger(total) && total >= 0)) {
    throw new RangeError(`total must be a non-negative integer, got ${total}`);
  }
  if (!(Number.isFinite(cell) && cell > 0))
    throw new RangeError(`cell must be a finite number > 0, got ${cell}`);
  if (total === 0) {
    if (shareInTop !== null || pai !== null)
      throw new RangeError("shareInTop and pai must be null for total 0");
    return `Er zijn geen ${subject}, dus er is niets te zeggen over concentratie.`;
  }
  if (shareInTop === null || pai === null) {
    throw new RangeError(`shareInTop and pai must be numbers for total ${total}`);
  }
  if (
    !(Number.isInteger(areaCells) && Number.isInteger(topCells) && topCells >= 1 && topCells <= areaCells)
  ) {
    throw new RangeError(`need integers 1 <= topCells <= areaCells, got ${topCells} and ${areaCells}`);
  }
  const exact = shareInTop * total;
  const inTop = Math.round(exact);
  if (!(Math.abs(exact - inTop) <= 1e-6 * total && inTop >= 1 && inTop <= total)) {
    throw new RangeError(`shareInTop × total must be a whole number in 1…${total}, got ${exact}`);
  }
  if (!(Number.isFinite(pai) && pai > 0)) throw new RangeError(`pai must be finite and > 0, got ${pai}`);

  const cellsOf = `${formatCount(areaCells)} ${areaCells === 1 ? "cel" : "cellen"} van ${decimal.format(cell)} m`;
  if (total < MIN_COUNT_FOR_PERCENT) {
    return (
      `In ${formatCount(topCells)} van de ${cellsOf} ${inTop === 1 ? "vond" : "vonden"} ` +
      `${formatCount(inTop)} van de ${formatCount(total)} ${subject} plaats.`
    );
  }
  const first =
    `In ${percent(topCells, areaCells)} van de cellen (${formatCount(topCells)} van ${cellsOf}) ` +
    `vond ${percent(inTop, total)} van de ${subject} plaats.`;
  const ratio = oneDecimal.format(pai);
  const second =
    ratio === "1,0"
      ? "Dat is ongeveer evenveel als bij een gelijke spreiding (PAI 1,0)."
      : `Dat is ${ratio} keer zoveel als bij een gelijke spreiding (PAI).`;
  return `${first} ${second}`;
}

/** Whole percent, halves upwards: "48%", "minder dan 1%", "meer dan 99%", "100%". */
function percent(part: number, whole: number): string {
  const rounded = Math.round((part * 100) / whole);
  if (rounded === 0) return "minder dan 1%";
  if (rounded === 100 && part < whole) return "meer dan 99%";
  return `${formatCount(rounded)}%`;
}
