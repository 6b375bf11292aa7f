// Places registrations in buurt, wijk, gemeente and pc4 of the newest boundary set in the store:
// by point-in-polygon on RD coordinates, else by postcode, else by a delivered area code.

import type { Area, AreaLevel } from "../domain/area.ts";
import { AreaIndex } from "../domain/geo/area-index.ts";
import { cbsParentCode } from "../domain/geo/geojson-areas.ts";
import type { Placement } from "../domain/registration.ts";
import type { Store } from "../store/store.ts";

export interface Placer {
  /** Boundary year of the finest level in use, or null when no areas are stored. */
  readonly year: number | null;
  point(x: number, y: number, pc4: string | null): Placement;
  areaCode(code: string, pc4: string | null): Placement;
  unplaced(pc4: string | null): Placement;
}

export function createPlacer(layers: Partial<Record<AreaLevel, Area[]>>): Placer {
  const withGeometry = (level: AreaLevel) => (layers[level] ?? []).filter((a) => a.rd);
  const index = (level: AreaLevel) => {
    const areas = withGeometry(level);
    return areas.length > 0 ? new AreaIndex(areas) : null;
  };
  const buurten = index("buurt");
  const wijken = buurten ? null : index("wijk");
  const gemeenten = buurten || wijken ? null : index("gemeente");
  const pc4s = index("pc4");
  const finest = buurten ?? wijken ?? gemeenten;
  const year = finest?.areas[0]?.year ?? null;

  const parent = new Map<string, string>();
  for (const level of ["buurt", "wijk", "gemeente"] as const) {
    for (const a of layers[level] ?? []) {
      if (year !== null && a.year !== year) continue;
      const p = a.parent ?? cbsParentCode(a.code);
      if (p) parent.set(a.code, p);
    }
  }
  const up = (code: string) => parent.get(code) ?? cbsParentCode(code);

  const fromCode = (code: string, pc4: string | null, method: Placement["method"]): Placement => {
    if (code.startsWith("BU")) {
      const wijk = up(code);
      return { year, buurt: code, wijk, gemeente: wijk ? up(wijk) : null, pc4, method };
    }
    if (code.startsWith("WK")) return { year, buurt: null, wijk: code, gemeente: up(code), pc4, method };
    return { year, buurt: null, wijk: null, gemeente: code, pc4, method };
  };
  const unplaced = (pc4: string | null): Placement => ({
    year,
    buurt: null,
    wijk: null,
    gemeente: null,
    pc4,
    method: pc4 ? "postcode" : "niet-geplaatst",
  });
  const pc4At = (x: number, y: number) => pc4s?.locate(x, y)?.code ?? null;

  return {
    year,
    point(x, y, pc4) {
      const area = finest?.locate(x, y);
      const code4 = pc4 ?? pc4At(x, y);
      return area ? fromCode(area.code, code4, "punt") : unplaced(code4);
    },
    areaCode: (code, pc4) => fromCode(code, pc4, "gebiedscode"),
    unplaced,
  };
}

/** Builds the placer from the newest boundary set in the store. */
export async function loadPlacer(store: Store): Promise<Placer> {
  const layers: Partial<Record<AreaLevel, Area[]>> = {};
  for (const level of ["buurt", "wijk", "gemeente", "pc4"] as const) {
    const [year] = await store.boundaryYears(level);
    if (year !== undefined) layers[level] = await store.areas(level, year);
  }
  return createPlacer(layers);
}
