// The class of a value under class breaks (class-breaks.ts).

import type { ClassBreaks } from "./class-breaks.ts";

/**
 * The class (0-based) of `v`, or null when it lies outside the breaks (below the lowest or above
 * the highest bound) or there are no classes. Binary search: O(log classes).
 */
export function classOf(breaks: ClassBreaks, v: number): number | null {
  const b = breaks.bounds;
  const n = b.length - 1;
  if (n < 1 || !(v >= (b[0] as number)) || !(v <= (b[n] as number))) return null;
  let lo = 0;
  let hi = n - 1;
  // The first class i with v <= b[i + 1].
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= (b[mid + 1] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
