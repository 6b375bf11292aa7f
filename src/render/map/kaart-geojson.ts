// The Kaart's data as a GeoJSON FeatureCollection for the browser map (maplibre-gl): one feature
// per area with its outline (WGS84) and the same values as the page's table — withheld counts are
// null there as well. Written as text around the geometry kept as JSON (map-geometry.ts), so the
// outlines are not serialised again on every request.

import type { KaartModel } from "./kaart-data.ts";
import type { MapAreas } from "./map-geometry.ts";

export const GEOJSON_MEDIA_TYPE = "application/geo+json";

/** The FeatureCollection as JSON text; properties: code, naam, aantal, per1000, klasse, gi-klasse. */
export function kaartGeoJson(model: KaartModel, areas: MapAreas): string {
  const geometry = new Map(areas.areas.map((a) => [a.code, a.geojson]));
  const parts: string[] = [];
  for (const a of model.areas) {
    const properties = JSON.stringify({
      code: a.code,
      naam: a.name,
      aantal: a.count,
      per1000: a.per1000,
      klasse: a.klasse,
      "gi-klasse": a.gi,
    });
    parts.push(
      `{"type":"Feature","id":${JSON.stringify(a.code)},"geometry":${geometry.get(a.code) ?? "null"},"properties":${properties}}`,
    );
  }
  const meta = JSON.stringify({
    gemeente: model.gemeente.code,
    niveau: model.level,
    soort: model.soort,
    periode: model.period.id,
    maat: model.measure,
    klassen: model.bounds,
  });
  return `{"type":"FeatureCollection","driehoek":${meta},"features":[${parts.join(",")}]}`;
}
