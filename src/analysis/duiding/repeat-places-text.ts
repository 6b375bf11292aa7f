// Plain Dutch (B1) sentences for repeat places ("herhaallocaties", `repeatPlaces`). Part of the
// "duiding" layer (issue 3).

import { formatCount } from "../../render/format-nl.ts";
import type { RepeatPlace } from "../repeat-places/repeat-places.ts";
import { MIN_COUNT_FOR_PERCENT } from "./change-text.ts";
import { rdPointNl } from "./hotspots-text.ts";

export interface DescribeRepeatPlacesInput {
  /** Plural noun for what is counted, e.g. "woninginbraken". */
  subject: string;
  /** Result of `repeatPlaces` (every count at least `min`). */
  places: readonly RepeatPlace[];
  /** All registrations that went into `repeatPlaces` (non-negative integer), e.g. `items.length`. */
  total: number;
  /** The `min` option of `repeatPlaces` (integer ≥ 1). */
  min: number;
  /** The `cell` option of `repeatPlaces` in metres (> 0); default 25, as there. */
  cell?: number;
}

const decimal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });

/**
 * Describes repeat places in plain Dutch (B1), e.g.
 * "Op 12 plekken zijn 3 of meer woninginbraken geregistreerd, samen 47 van de 590 (8%). De meeste
 * woninginbraken (9) zijn geregistreerd op adres 1234AB 12."
 *
 * Rules:
 * - Numbers in Dutch notation; "1 plek" / "12 plekken".
 * - The share of `total` as a whole percentage (halves upwards; "minder dan 1%" when it rounds to
 *   0) only when `total` is at least {@link MIN_COUNT_FOR_PERCENT}; otherwise counts only.
 * - The place with the most registrations: the largest count, ties by the first in `places`
 *   (`repeatPlaces` sorts ties by key). An address is named as given ("op adres 1234AB 12"); a key
 *   "cel:<x0>,<y0>" is a place without an address, named by its cell centre `(x0 + cell/2,
 *   y0 + cell/2)` in RD coordinates rounded to whole metres. Other places with the same count are
 *   counted ("Nog 2 andere plekken hebben er ook 9."). With one place only: "Dat is adres …".
 * - No places: "Er is geen plek met … of meer …"; no registrations at all: "Er zijn geen …, dus
 *   ook geen plek met … of meer."
 *
 * Complexity: O(k) for k places.
 *
 * @throws RangeError if `min` is not an integer ≥ 1, `total` not a non-negative integer, `cell`
 *   not a finite number > 0, a count is not an integer ≥ `min`, or the counts add up to more
 *   than `total`.
 */
export function describeRepeatPlaces(input: DescribeRepeatPlacesInput): string {
  const { subject, places, total, min } = input;
  const cell = input.cell ?? 25;
  if (!(Number.isInteger(min) && min >= 1)) throw new RangeError(`min must be an integer >= 1, got ${min}`);
  if (!(Number.isInteger(total) && total >= 0)) {
    throw new RangeError(`total must be a non-negative integer, got ${total}`);
  }
  if (!(Number.isFinite(cell) && cell > 0))
    throw new RangeError(`cell must be a finite number > 0, got ${cell}`);
  let sum = 0;
  let top: RepeatPlace | null = null;
  for (const place of places) {
    if (!(Number.isInteger(place.count) && place.count >= min)) {
      throw new RangeError(`count must be an integer >= min (${min}), got ${place.count}`);
    }
    sum += place.count;
    if (top === null || place.count > top.count) top = place;
  }
  if (sum > total) throw new RangeError(`the counts add up to ${sum}, more than total ${total}`);

  if (total === 0) return `Er zijn geen ${subject}, dus ook geen plek met ${formatCount(min)} of meer.`;
  if (top === null) return `Er is geen plek met ${formatCount(min)} of meer ${subject}.`;

  const n = places.length;
  const share = total >= MIN_COUNT_FOR_PERCENT ? ` (${percent(sum, total)})` : "";
  const amount = `${formatCount(sum)} van de ${formatCount(total)}${share}`;
  const where = placeNl(top.key, cell);
  if (n === 1) {
    return (
      `Op 1 plek zijn ${formatCount(min)} of meer ${subject} geregistreerd: ${amount}. ` + `Dat is ${where}.`
    );
  }
  const sentences = [
    `Op ${formatCount(n)} plekken zijn ${formatCount(min)} of meer ${subject} geregistreerd, samen ${amount}.`,
    `De meeste ${subject} (${formatCount(top.count)}) zijn geregistreerd op ${where}.`,
  ];
  const best = top.count;
  const others = places.filter((p) => p.count === best).length - 1;
  if (others === 1) sentences.push(`Nog 1 andere plek heeft er ook ${formatCount(best)}.`);
  else if (others > 1)
    sentences.push(`Nog ${formatCount(others)} andere plekken hebben er ook ${formatCount(best)}.`);
  return sentences.join(" ");
}

/** "adres 1234AB 12" or "een plek zonder adres: het vak van 25 bij 25 meter rond x = …". */
function placeNl(key: string, cell: number): string {
  if (key.startsWith("cel:")) {
    const parts = key.slice(4).split(",");
    const x0 = Number(parts[0]);
    const y0 = Number(parts[1]);
    if (
      parts.length === 2 &&
      parts[0] !== "" &&
      parts[1] !== "" &&
      Number.isFinite(x0) &&
      Number.isFinite(y0)
    ) {
      const size = decimal.format(cell);
      return (
        `een plek zonder adres: het vak van ${size} bij ${size} meter rond ` +
        rdPointNl(x0 + cell / 2, y0 + cell / 2)
      );
    }
  }
  return `adres ${key}`;
}

/** "8%", "minder dan 1%"; `part` ≥ 1 and `whole` > 0. */
function percent(part: number, whole: number): string {
  const rounded = Math.round((part * 100) / whole);
  return rounded === 0 ? "minder dan 1%" : `${formatCount(rounded)}%`;
}
