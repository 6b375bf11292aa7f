// The Kaart's data as GeoJSON FeatureCollections for the browser map (maplibre-gl): one feature
// per area with its outline (WGS84) and the same values as the page's table — withheld counts are
// null there as well. Written as text around the geometry kept as JSON (map-geometry.ts), so the
// outlines are not serialised again on every request. And the incidents layer: one point per
// buurt centre with how many single registrations lie there, as the page's incidents table.

import { rdToWgs84 } from "../../domain/geo/rd.ts";
import type { KaartModel } from "./kaart-data.ts";
import type { IncidentLayer } from "./kaart-incidents.ts";
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

/** The incidents layer as points (WGS84) at the buurt centres; properties: code, naam, aantal. */
export function incidentsGeoJson(layer: IncidentLayer): string {
  const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
  return JSON.stringify({
    type: "FeatureCollection",
    driehoek: { totaal: layer.total, zonderPlek: layer.unplaced },
    features: layer.buurten.map((b) => ({
      type: "Feature",
      id: b.code,
      geometry: { type: "Point", coordinates: rdToWgs84(b.x, b.y).map(round6) },
      properties: { code: b.code, naam: b.name, aantal: b.count },
    })),
  });
}
