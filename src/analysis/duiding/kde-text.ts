// Plain Dutch (B1) sentences for a kernel density surface (`kernelDensity`). Part of the
// "duiding" layer (issue 3).

import { formatCount, formatRate } from "../../render/format-nl.ts";
import type { KernelDensityResult } from "../kde/kde.ts";
import { rdPointNl } from "./hotspots-text.ts";

export interface DescribeDensityInput {
  /** Plural noun for what is counted, e.g. "woninginbraken". */
  subject: string;
  /** Result of `kernelDensity`; `values` are points per m² (RD metres). */
  result: KernelDensityResult;
  /** The `radius` option `kernelDensity` was called with, in metres (the result does not echo it); > 0. */
  radius: number;
}

const decimal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });

/**
 * Describes where a kernel density is highest in plain Dutch (B1), e.g.
 * "De dichtheid van woninginbraken is het hoogst in de cel van 50 bij 50 meter rond x = 155025,
 * y = 463025 (RD-coördinaten: …): ongeveer 45 per vierkante kilometer (km²). Voor de dichtheid
 * tellen alle woninginbraken binnen 300 meter mee; hoe dichterbij, hoe zwaarder ze meetellen
 * (straal 300 meter)."
 *
 * Rules:
 * - Unit: `kernelDensity` gives points per m²; shown per km² (× 1,000,000). Values that round to
 *   10 or more (at one decimal) are whole numbers ("ongeveer 1.250"), from 1 up one decimal
 *   ("ongeveer 3,8"), below 1 "minder dan 1".
 * - Place: the cell with the highest value, its centre `(x0 + (col + ½)·cell, y0 + (row + ½)·cell)`
 *   in RD coordinates rounded to whole metres. Ties (exactly equal values): the first cell in the
 *   row-major order of `values` (southernmost row, then westernmost), and the text says how many
 *   cells share the highest value ("De dichtheid is in 2 cellen even hoog; dit is er één van.").
 * - The radius is always explained in one sentence.
 * - Empty grid (no points and no bbox): "Er zijn geen … , dus er is geen dichtheid te berekenen."
 *   All values 0 (a bbox without points in or within the radius of it): "De dichtheid is overal
 *   0: er liggen geen … in dit gebied of binnen … meter ervan." No place is named then.
 *
 * Complexity: O(cols · rows).
 *
 * @throws RangeError if `radius` or `result.cell` is not a positive finite number, `cols`/`rows`
 *   are not non-negative integers matching `values.length`, `x0`/`y0` are not finite, or a value
 *   is negative or not finite.
 */
export function describeDensity(input: DescribeDensityInput): string {
  const { subject, result, radius } = input;
  const { x0, y0, cell, cols, rows, values } = result;
  if (!(Number.isFinite(radius) && radius > 0)) {
    throw new RangeError(`radius must be a finite number > 0, got ${radius}`);
  }
  if (!(Number.isFinite(cell) && cell > 0))
    throw new RangeError(`cell must be a finite number > 0, got ${cell}`);
  if (!(Number.isInteger(cols) && cols >= 0 && Number.isInteger(rows) && rows >= 0)) {
    throw new RangeError(`cols and rows must be non-negative integers, got ${cols} × ${rows}`);
  }
  if (values.length !== cols * rows) {
    throw new RangeError(`values has ${values.length} entries, expected ${cols} × ${rows}`);
  }
  if (!(Number.isFinite(x0) && Number.isFinite(y0))) throw new RangeError("x0 and y0 must be finite");

  let best = -1;
  let max = 0;
  let ties = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`density must be finite and >= 0, got ${v}`);
    if (v > max) {
      max = v;
      best = i;
      ties = 1;
    } else if (v === max && v > 0) {
      ties++;
    }
  }

  const r = `${decimal.format(radius)} meter`;
  if (values.length === 0) return `Er zijn geen ${subject}, dus er is geen dichtheid te berekenen.`;
  if (best < 0)
    return `De dichtheid is overal 0: er liggen geen ${subject} in dit gebied of binnen ${r} ervan.`;

  const col = best % cols;
  const row = (best - col) / cols;
  const x = x0 + (col + 0.5) * cell;
  const y = y0 + (row + 0.5) * cell;
  const size = decimal.format(cell);
  const sentences = [
    `De dichtheid van ${subject} is het hoogst in de cel van ${size} bij ${size} meter rond ${rdPointNl(x, y)}: ` +
      `${perKm2(max * 1e6)} per vierkante kilometer (km²).`,
  ];
  if (ties > 1)
    sentences.push(`De dichtheid is in ${formatCount(ties)} cellen even hoog; dit is er één van.`);
  sentences.push(
    `Voor de dichtheid tellen alle ${subject} binnen ${r} mee; hoe dichterbij, hoe zwaarder ze meetellen ` +
      `(straal ${r}).`,
  );
  return sentences.join(" ");
}

/** "ongeveer 45", "ongeveer 3,8", "minder dan 1"; `v` > 0. */
function perKm2(v: number): string {
  if (v < 1) return "minder dan 1";
  if (Math.round(v * 10) / 10 >= 10) return `ongeveer ${formatCount(v)}`;
  return `ongeveer ${formatRate(v)}`;
}
