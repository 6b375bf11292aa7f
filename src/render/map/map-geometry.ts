// The areas a map draws, with their geometry prepared once: the WGS84 outline as a GeoJSON
// geometry string (6 decimals, about 10 cm), the RD outline for the SVG map and a centre inside
// the area (for Gi* weights and incident points). Kept per level, boundary year and gemeente,
// frozen, so repeated requests share one copy. Public reference data: no counts.

import type { Area, AreaLevel, AreaSummary, MultiPolygon } from "../../domain/area.ts";
import { pointInMultiPolygon } from "../../domain/geo/point-in-polygon.ts";
import { buurtCentre } from "../../products/parts/buurt-centre.ts";
import type { Store } from "../../store/store.ts";

export type MapLevel = "gemeente" | "wijk" | "buurt" | "pc4";
export const MAP_LEVELS: readonly MapLevel[] = ["gemeente", "wijk", "buurt", "pc4"];

export interface MapGeometry {
  code: string;
  name: string;
  /** Inhabitants (newest population year known), or null. */
  population: number | null;
  populationYear: number | null;
  /** RD New outline, or null when the store has none. */
  rd: MultiPolygon | null;
  /** The WGS84 outline as a GeoJSON geometry (JSON text), or "null". */
  geojson: string;
  /** A point inside the area (RD), or null without an outline. */
  centre: [number, number] | null;
}

export interface MapAreas {
  level: MapLevel;
  /** Boundary year of the areas. */
  year: number;
  areas: readonly MapGeometry[];
  /** Bounding box of the RD outlines, or null when no area has one. */
  bbox: { minX: number; minY: number; maxX: number; maxY: number } | null;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function geometryJson(wgs84: MultiPolygon | null): string {
  if (!wgs84 || wgs84.length === 0) return "null";
  const coordinates = wgs84.map((polygon) =>
    polygon.map((ring) => ring.map(([x, y]) => [round6(x), round6(y)])),
  );
  return JSON.stringify({ type: "MultiPolygon", coordinates });
}

function bboxOf(areas: readonly { rd: MultiPolygon | null }[]): MapAreas["bbox"] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const a of areas)
    for (const polygon of a.rd ?? [])
      for (const ring of polygon)
        for (const [x, y] of ring) {
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
  return Number.isFinite(minX) ? { minX, minY, maxX, maxY } : null;
}

/** The codes of `level` in the gemeente, by CBS code (wijk, buurt) or by centre (pc4). */
function within(level: MapLevel, gemeente: Area | undefined, code: string, areas: readonly Area[]): Area[] {
  if (level === "gemeente") return areas.filter((a) => a.code === code);
  if (level === "pc4") {
    const outline = gemeente?.rd;
    if (!outline) return [];
    return areas.filter((a) => {
      const c = buurtCentre(a.rd);
      return c !== null && pointInMultiPolygon(outline, c[0], c[1]);
    });
  }
  const prefix = `${level === "wijk" ? "WK" : "BU"}${code.slice(2)}`;
  return areas.filter((a) => a.code.startsWith(prefix));
}

const cache = new Map<string, MapAreas>();
const CACHE_SIZE = 64;

/**
 * The areas of `level` in the gemeente (its own outline for level "gemeente"), in the gemeente's
 * boundary year (pc4: the newest pc4 year), sorted by code. Cached by level, year, gemeente and
 * the codes and populations the store lists now, so an import of areas or population shows at once.
 */
export async function mapAreas(
  store: Pick<Store, "areas" | "listAreas" | "boundaryYears">,
  gemeente: AreaSummary,
  level: MapLevel,
): Promise<MapAreas> {
  const year = level === "pc4" ? ((await store.boundaryYears("pc4"))[0] ?? gemeente.year) : gemeente.year;
  const summaries = (await store.listAreas({ level: level as AreaLevel, year })).filter(
    (a) =>
      level === "pc4" ||
      a.code === gemeente.code ||
      a.code.startsWith(`${level === "wijk" ? "WK" : "BU"}${gemeente.code.slice(2)}`),
  );
  const key = `${level}|${year}|${gemeente.code}|${summaries.map((a) => `${a.code}:${a.population ?? ""}`).join(",")}`;
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const population = new Map(summaries.map((a) => [a.code, a]));
  const all = await store.areas(level as AreaLevel, year);
  const own =
    level === "pc4"
      ? (await store.areas("gemeente", gemeente.year)).find((a) => a.code === gemeente.code)
      : undefined;
  const chosen = within(level, own, gemeente.code, all).sort((a, b) => a.code.localeCompare(b.code));
  const areas = chosen.map((a) =>
    Object.freeze({
      code: a.code,
      name: a.name,
      population: population.get(a.code)?.population ?? null,
      populationYear: population.get(a.code)?.populationYear ?? null,
      rd: a.rd,
      geojson: geometryJson(a.wgs84),
      centre: buurtCentre(a.rd),
    }),
  );
  const result: MapAreas = Object.freeze({ level, year, areas: Object.freeze(areas), bbox: bboxOf(areas) });
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, result);
  return result;
}
