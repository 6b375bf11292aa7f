// Which areas contain an area: buurt → wijk → gemeente → basisteam → district → eenheid → NL, from
// the parents the store keeps (the newest boundary year wins). The access policies use it to test
// whether an area lies within an organisation's authority.

import type { AreaSummary } from "../domain/area.ts";
import { CBS_CODE } from "../domain/area.ts";
import type { AreaLineage } from "./policies/cedar-authorizer.ts";

export const WHOLE_COUNTRY = "NL";

/**
 * A lineage function over `areas`. Codes the store does not know still get the gemeente and wijk
 * their CBS code implies, so a buurt of a newer boundary year is not orphaned.
 * Complexity: O(areas) to build; O(depth) per call.
 */
export function areaLineage(areas: readonly AreaSummary[]): AreaLineage {
  const parent = new Map<string, { parent: string | null; year: number }>();
  for (const a of areas) {
    const known = parent.get(a.code);
    if (!known || a.year > known.year) parent.set(a.code, { parent: a.parent, year: a.year });
  }
  return (code) => {
    const up: string[] = [];
    const seen = new Set([code]);
    let next: string | null = parent.get(code)?.parent ?? impliedParent(code);
    while (next !== null && !seen.has(next)) {
      up.push(next);
      seen.add(next);
      next = parent.get(next)?.parent ?? impliedParent(next);
    }
    if (code !== WHOLE_COUNTRY && !seen.has(WHOLE_COUNTRY)) up.push(WHOLE_COUNTRY);
    return up;
  };
}

/** The wijk of a buurt code and the gemeente of a wijk code, by CBS code structure. */
function impliedParent(code: string): string | null {
  if (CBS_CODE.buurt.test(code)) return `WK${code.slice(2, 8)}`;
  if (CBS_CODE.wijk.test(code)) return `GM${code.slice(2, 6)}`;
  return null;
}
