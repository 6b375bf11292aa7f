// The police units (eenheden) and the gemeenten in each, from the area structure in the store:
// gemeente → basisteam → district → eenheid (a basisteam may hang directly under its eenheid).
// Pure: works on the list of areas the store gives (`listAreas()`).

import type { AreaSummary } from "../domain/area.ts";

/** A gemeente of a unit, as the regional summary lists it. */
export interface UnitGemeente {
  code: string;
  name: string;
}

/** The newest boundary year's version of each area code. */
export function newestByCode(areas: readonly AreaSummary[]): Map<string, AreaSummary> {
  const byCode = new Map<string, AreaSummary>();
  for (const a of areas) {
    const known = byCode.get(a.code);
    if (!known || a.year > known.year) byCode.set(a.code, a);
  }
  return byCode;
}

/** Every eenheid, by code. */
export function units(areas: readonly AreaSummary[]): AreaSummary[] {
  return [...newestByCode(areas).values()]
    .filter((a) => a.level === "eenheid")
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The eenheid an area lies in (the area itself when it is one); undefined when unknown. */
export function unitOf(areas: readonly AreaSummary[], code: string): AreaSummary | undefined {
  return climb(newestByCode(areas), code);
}

/** The eenheid an area lies in, found in `newestByCode`'s map; undefined when unknown. */
export function climb(byCode: ReadonlyMap<string, AreaSummary>, code: string): AreaSummary | undefined {
  const seen = new Set<string>();
  let a = byCode.get(code);
  while (a && a.level !== "eenheid" && !seen.has(a.code)) {
    seen.add(a.code);
    a = a.parent ? byCode.get(a.parent) : undefined;
  }
  return a?.level === "eenheid" ? a : undefined;
}

/** The gemeenten of the newest boundary year that lie in the eenheid, by name. */
export function unitGemeenten(areas: readonly AreaSummary[], eenheid: string): UnitGemeente[] {
  const byCode = newestByCode(areas);
  const gemeenten = areas.filter((a) => a.level === "gemeente");
  const year = Math.max(...gemeenten.map((a) => a.year));
  return gemeenten
    .filter((a) => a.year === year && climb(byCode, a.code)?.code === eenheid)
    .map((a) => ({ code: a.code, name: a.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl") || a.code.localeCompare(b.code));
}
