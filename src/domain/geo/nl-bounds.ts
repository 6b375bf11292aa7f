// Plausibility checks for coordinates of places in the Netherlands, before they are placed in areas.
//
// RD New (EPSG:28992): the box x 0 - 300,000 m, y 289,000 - 629,000 m. This is the area where RD
// coordinates are defined for the Netherlands (the RDNAPTRANS grid area): it covers all Dutch land
// (the CBS 2025 municipality borders reach x 13,500 at Cadzand to 277,500 at Bad Nieuweschans and
// y 306,900 near Vaals to 619,200 at Rottumeroog) with a margin for the coastal water and the
// Wadden Sea. In this box x
// is always smaller than y except in the narrow band 289,000 - 300,000, which is how swapped axes
// show.
//
// WGS84: latitude 50.7 - 53.7 degrees north, longitude 3.2 - 7.3 degrees east: the Dutch land
// territory (50.75 - 53.56 N, 3.36 - 7.23 E) with a margin of a few kilometres for the coast.
// Latitude is always larger than longitude here, so swapped values are easy to recognise.
//
// These are boxes: they also hold parts of Belgium, Germany and the North Sea (Brussels, Aachen).
// Placing a point in a municipality decides whether it is really in the Netherlands.

export type PointCheck = { ok: true } | { ok: false; reason: string };

export const RD_BOUNDS = { minX: 0, maxX: 300_000, minY: 289_000, maxY: 629_000 } as const;
export const WGS84_BOUNDS = { minLat: 50.7, maxLat: 53.7, minLon: 3.2, maxLon: 7.3 } as const;

const OK: PointCheck = { ok: true };

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** Is (x, y) inside the RD box for the Netherlands? */
export function insideRdBounds(x: number, y: number): boolean {
  return x >= RD_BOUNDS.minX && x <= RD_BOUNDS.maxX && y >= RD_BOUNDS.minY && y <= RD_BOUNDS.maxY;
}

/** Is (lat, lon) inside the WGS84 box for the Netherlands? */
export function insideWgs84Bounds(lat: number, lon: number): boolean {
  return (
    lat >= WGS84_BOUNDS.minLat &&
    lat <= WGS84_BOUNDS.maxLat &&
    lon >= WGS84_BOUNDS.minLon &&
    lon <= WGS84_BOUNDS.maxLon
  );
}

/** Check an RD New point (metres). Reasons are Dutch, for the person who supplied the data. */
export function checkRdPoint(x: unknown, y: unknown): PointCheck {
  if (!isNumber(x) || !isNumber(y)) return { ok: false, reason: "x of y is geen getal" };
  if (insideRdBounds(x, y)) return OK;
  if (insideRdBounds(y, x)) return { ok: false, reason: "x en y lijken verwisseld" };
  if (insideWgs84Bounds(y, x) || insideWgs84Bounds(x, y)) {
    return { ok: false, reason: "lijkt lengte- en breedtegraad (WGS84), geen RD-coördinaten in meters" };
  }
  return {
    ok: false,
    reason: "ligt buiten Nederland (RD: x tussen 0 en 300.000, y tussen 289.000 en 629.000)",
  };
}

/** Check a WGS84 point in degrees. Reasons are Dutch, for the person who supplied the data. */
export function checkWgs84Point(lat: unknown, lon: unknown): PointCheck {
  if (!isNumber(lat) || !isNumber(lon)) {
    return { ok: false, reason: "breedtegraad of lengtegraad is geen getal" };
  }
  if (insideWgs84Bounds(lat, lon)) return OK;
  if (insideWgs84Bounds(lon, lat))
    return { ok: false, reason: "breedtegraad en lengtegraad lijken verwisseld" };
  if (insideRdBounds(lon, lat) || insideRdBounds(lat, lon)) {
    return { ok: false, reason: "lijkt RD-coördinaten in meters, geen lengte- en breedtegraad" };
  }
  return {
    ok: false,
    reason: "ligt buiten Nederland (breedtegraad tussen 50,7 en 53,7, lengtegraad tussen 3,2 en 7,3)",
  };
}
