// The areas the trends form suggests: those of the user's own authority, so nobody has to know CBS
// or police codes by heart. A gemeente with its wijken; a police area with itself and its gemeenten.
// Only a suggestion: any code can be typed, and the gate decides what is given.

import { AREA_LEVEL_LABELS, type AreaSummary } from "../../domain/area.ts";
import { newestByCode } from "../../inventory/police-units.ts";
import { gemeentenIn } from "../../products/definitions/perioderapportage.ts";
import { placingAreas } from "../../products/parts/placing-areas.ts";
import type { Store } from "../../store/store.ts";

export interface AreaChoice {
  code: string;
  /** "Oost (wijk)". */
  label: string;
}

/** At most this many suggestions (a large eenheid has dozens of gemeenten, a city 40 wijken). */
export const MAX_CHOICES = 200;

/** Pure: the suggestions for `authority` among the newest boundary year's `areas`. */
export function areaChoicesIn(areas: readonly AreaSummary[], authority: readonly string[]): AreaChoice[] {
  const byCode = newestByCode(areas);
  const out = new Map<string, AreaSummary>();
  for (const code of authority) {
    const own = byCode.get(code);
    if (!own) continue;
    out.set(own.code, own);
    const within =
      own.level === "gemeente"
        ? [...byCode.values()].filter((a) => a.level === "wijk" && a.parent === own.code)
        : gemeentenIn([...byCode.values()], own);
    for (const a of within.sort((x, y) => x.name.localeCompare(y.name, "nl") || x.code.localeCompare(y.code)))
      out.set(a.code, a);
  }
  return [...out.values()]
    .slice(0, MAX_CHOICES)
    .map((a) => ({ code: a.code, label: `${a.name} (${AREA_LEVEL_LABELS[a.level]})` }));
}

/** The suggestions for `authority` from the store: gemeenten, police areas and wijken. */
export async function areaChoices(
  store: Pick<Store, "listAreas">,
  authority: readonly string[],
): Promise<AreaChoice[]> {
  if (authority.length === 0) return [];
  return areaChoicesIn(
    [...(await placingAreas(store)), ...(await store.listAreas({ level: "wijk" }))],
    authority,
  );
}
