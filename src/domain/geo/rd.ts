// RD New (EPSG:28992) <-> WGS84 (EPSG:4326) with proj4, using the EPSG datum shift (towgs84).

import proj4 from "proj4";

const RD_NEW =
  "+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 " +
  "+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs";

const converter = proj4("EPSG:4326", RD_NEW);

/** [lon, lat] in WGS84 -> [x, y] in RD New metres. */
export function wgs84ToRd(lon: number, lat: number): [number, number] {
  const [x, y] = converter.forward([lon, lat]);
  return [x as number, y as number];
}

/** [x, y] in RD New metres -> [lon, lat] in WGS84. */
export function rdToWgs84(x: number, y: number): [number, number] {
  const [lon, lat] = converter.inverse([x, y]);
  return [lon as number, lat as number];
}
