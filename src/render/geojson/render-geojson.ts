// The maps of a product document as one GeoJSON FeatureCollection (RFC 7946): WGS84 longitude,
// latitude; polygon rings closed, exterior rings counterclockwise and holes clockwise (the
// right-hand rule of §3.1.6); each feature's properties say which map it belongs to.

import { InputError } from "../../domain/errors.ts";
import { documentMaps, type MapFeature, type ProductDocument } from "../../products/product-document.ts";

type Position = [number, number];
type Ring = Position[];

/** Twice the signed area (shoelace): positive when counterclockwise. */
export function signedArea2(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as Position;
    const [x2, y2] = ring[i + 1] as Position;
    s += x1 * y2 - x2 * y1;
  }
  return s;
}

function closed(ring: Ring): Ring {
  const first = ring[0];
  const last = ring.at(-1);
  return first && last && (first[0] !== last[0] || first[1] !== last[1]) ? [...ring, first] : ring;
}

function rewind(polygon: Ring[]): Ring[] {
  return polygon.map((r, i) => {
    const ring = closed(r);
    const ccw = signedArea2(ring) > 0;
    return (i === 0) === ccw ? ring : [...ring].reverse();
  });
}

function geometry(f: MapFeature): MapFeature["geometry"] {
  const g = f.geometry;
  if (g.type === "Polygon") return { type: "Polygon", coordinates: rewind(g.coordinates as Ring[]) };
  if (g.type === "MultiPolygon")
    return { type: "MultiPolygon", coordinates: (g.coordinates as Ring[][]).map(rewind) };
  return g;
}

export function renderGeoJson(doc: ProductDocument): string {
  const maps = documentMaps(doc);
  if (maps.length === 0) {
    throw new InputError(`${doc.title} heeft geen kaart; kies een ander formaat`, "--formaat");
  }
  const features = maps.flatMap((m) =>
    m.features.map((f) => ({
      type: "Feature" as const,
      id: maps.length > 1 ? `${m.id}/${f.id}` : f.id,
      geometry: geometry(f),
      properties: { ...f.properties, kaart: m.id, waarde: m.valueKey },
    })),
  );
  return JSON.stringify({
    type: "FeatureCollection",
    // Foreign members (RFC 7946 §6.1): what the collection is.
    product: doc.product,
    titel: doc.title,
    gebied: doc.area.code,
    periode: doc.period.id,
    features,
  });
}
