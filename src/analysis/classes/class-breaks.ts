// Class breaks for a map legend: from classes (e.g. ckmeansClasses) to the bounds a value is
// classed by (see class-of.ts).

import type { CkmeansClass } from "./ckmeans-classes.ts";

export interface ClassBreaks {
  /** Lower bound of the first class, then the upper bound of each class: `classes + 1` numbers. */
  bounds: number[];
}

/**
 * Breaks from classes (smallest first, not overlapping): the lower bound is the first class's
 * minimum, each upper bound the class's maximum. A value `v` belongs to class `i` (0-based) when
 * `bounds[i] < v ≤ bounds[i + 1]`, the first class also holding `v = bounds[0]` — so a value that
 * lies between two classes' values goes to the upper one, as a legend "van … tot en met …" reads.
 * @throws RangeError if the classes overlap or are not in order.
 */
export function classBreaks(classes: readonly CkmeansClass[]): ClassBreaks {
  if (classes.length === 0) return { bounds: [] };
  const bounds = [(classes[0] as CkmeansClass).min];
  let previous = Number.NEGATIVE_INFINITY;
  for (const c of classes) {
    if (!(c.min <= c.max) || c.min <= previous) throw new RangeError("classes overlap or are out of order");
    bounds.push(c.max);
    previous = c.max;
  }
  return { bounds };
}
