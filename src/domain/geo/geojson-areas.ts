// Read area boundaries (gemeenten, wijken, buurten, pc4, police units) from a GeoJSON
// FeatureCollection into Area records with both WGS84 and RD New geometry.
//
// - Coordinates: no `crs` member, CRS84 or EPSG:4326 means lon/lat; EPSG:28992 (or 7415, RD + NAP),
//   in any notation ("EPSG:28992", "urn:ogc:def:crs:EPSG::28992", ".../EPSG/0/28992"), means RD metres.
//   Without a `crs` member, values beyond +-360 are read as RD metres (RD files often lack the member).
//   Lat/lon axis order (some WFS services) is recognised by the values and swapped back.
// - Rings may have either winding and may be open; the result is closed, with RFC 7946 winding
//   (outer rings counter-clockwise, holes clockwise) in both coordinate systems.
// - Features with the same code are merged into one MultiPolygon.

import type { Area, AreaLevel, MultiPolygon, Polygon } from "../area.ts";
import { InputError } from "../errors.ts";
import { insideWgs84Bounds } from "./nl-bounds.ts";
import { rdToWgs84, wgs84ToRd } from "./rd.ts";

export interface ParseAreasOptions {
  level: AreaLevel;
  year: number;
  /** Property holding the area code; detected when absent (see CODE_PROPERTIES). */
  codeProperty?: string;
  /** Property holding the name; detected when absent (see NAME_PROPERTIES); falls back to the code. */
  nameProperty?: string;
  /** Property holding the parent code; when absent or empty the parent follows from the CBS code. */
  parentProperty?: string;
}

/** A feature that was left out, with the reason in Dutch. `feature` counts from 1 (the first feature). */
export interface AreaProblem {
  feature: number;
  reason: string;
}

export interface ParsedAreas {
  areas: Area[];
  problems: AreaProblem[];
}

/** Candidate code properties, in order of preference; matched case-insensitively. The feature `id` comes last. */
export const CODE_PROPERTIES = [
  "statcode",
  "cbsCode",
  "code",
  "wijkCode",
  "buurtcode",
  "gemeentecode",
  "postcode",
  "pc4",
] as const;
/** Candidate name properties, in order of preference; matched case-insensitively. */
export const NAME_PROPERTIES = ["statnaam", "naam", "name", "wijkNaam", "buurtnaam", "gemeentenaam"] as const;

/** Marks the feature-level `id` as code source. */
const FEATURE_ID = "#id";

/**
 * The shape of a code per level. CBS wijk and buurt codes start with the 4-digit municipality
 * number; Amsterdam uses letters after it since 2022 (WK0363AA, BU0363AA01).
 */
const CODE_PATTERNS: Partial<Record<AreaLevel, RegExp>> = {
  gemeente: /^GM\d{4}$/,
  wijk: /^WK\d{4}[0-9A-Z]{2}$/,
  buurt: /^BU\d{4}[0-9A-Z]{4}$/,
  eenheid: /^RE\d{2}$/,
  pc4: /^[1-9]\d{3}$/,
};

const LEVEL_WORDS: Record<AreaLevel, string> = {
  eenheid: "eenheidscode (RE + 2 cijfers)",
  district: "districtscode",
  basisteam: "basisteamcode",
  gemeente: "gemeentecode (GM + 4 cijfers)",
  wijk: "wijkcode (WK + 6 tekens)",
  buurt: "buurtcode (BU + 8 tekens)",
  pc4: "postcode van 4 cijfers",
};

/** Does `code` have the shape of a code of this level? Levels without a fixed shape accept any code. */
export function codeFitsLevel(code: string, level: AreaLevel): boolean {
  const pattern = CODE_PATTERNS[level];
  return pattern ? pattern.test(code) : true;
}

/** The enclosing CBS code: BU03440101 -> WK034401, WK034401 -> GM0344; otherwise null. */
export function cbsParentCode(code: string): string | null {
  if (CODE_PATTERNS.buurt?.test(code)) return `WK${code.slice(2, 8)}`;
  if (CODE_PATTERNS.wijk?.test(code)) return `GM${code.slice(2, 6)}`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Small JSON helpers

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A property value as a trimmed string, or null when empty or not a string/number. */
function propertyText(v: unknown): string | null {
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

/** Find the actual key in `props` for a wanted name, ignoring case. */
function findKey(props: Json, wanted: string): string | undefined {
  if (wanted in props) return wanted;
  const lower = wanted.toLowerCase();
  return Object.keys(props).find((k) => k.toLowerCase() === lower);
}

function featureValue(feature: Json, key: string): string | null {
  if (key === FEATURE_ID) return propertyText(feature.id);
  const props = isObject(feature.properties) ? feature.properties : {};
  const actual = findKey(props, key);
  if (actual !== undefined) return propertyText(props[actual]);
  // An explicit "id" that is not a property means the feature id.
  if (key.toLowerCase() === "id") return propertyText(feature.id);
  return null;
}

function codeOf(feature: Json, key: string): string | null {
  const v = featureValue(feature, key);
  return v === null ? null : v.toUpperCase();
}

// ---------------------------------------------------------------------------------------------
// Property detection

/**
 * Pick the code property: the candidate with the most values shaped like a code of the level
 * (ties go to the earlier candidate). For levels without a fixed code shape: the first candidate
 * that has values. Returns null when nothing fits.
 */
export function detectCodeProperty(features: Json[], level: AreaLevel): string | null {
  const candidates: string[] = [...CODE_PROPERTIES, FEATURE_ID];
  let best: string | null = null;
  let bestScore = 0;
  for (const key of candidates) {
    let present = 0;
    let fitting = 0;
    for (const f of features) {
      const code = codeOf(f, key);
      if (code === null) continue;
      present++;
      if (codeFitsLevel(code, level)) fitting++;
    }
    const score = CODE_PATTERNS[level] ? fitting : present;
    if (score > bestScore) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}

/** Pick the name property: the first candidate that has a value in any feature. */
export function detectNameProperty(features: Json[]): string | null {
  for (const key of NAME_PROPERTIES) {
    if (features.some((f) => featureValue(f, key) !== null)) return key;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Coordinate systems

export type CoordinateSystem = "lonlat" | "latlon" | "rd";

/** The coordinate system named by a `crs` member; undefined when absent; throws when unknown. */
function namedCrs(crs: unknown, file: string): "wgs84" | "rd" | undefined {
  if (crs === undefined || crs === null) return undefined;
  const name = isObject(crs) && isObject(crs.properties) ? crs.properties.name : undefined;
  if (typeof name !== "string") {
    throw new InputError(
      "het coördinatenstelsel (crs) heeft geen naam; verwacht WGS84 of RD (EPSG:28992)",
      file,
    );
  }
  if (/CRS:?84$/i.test(name)) return "wgs84";
  const epsg = /EPSG.*?(\d+)\s*$/i.exec(name);
  if (epsg?.[1] === "4326") return "wgs84";
  if (epsg?.[1] === "28992" || epsg?.[1] === "7415") return "rd";
  throw new InputError(
    `onbekend coördinatenstelsel "${name}"; verwacht WGS84 (lengte- en breedtegraad) of RD (EPSG:28992)`,
    file,
  );
}

/** The first position of the first feature with coordinates, as [a, b]. */
function firstPosition(features: Json[]): [number, number] | null {
  for (const f of features) {
    let c: unknown = isObject(f.geometry) ? f.geometry.coordinates : undefined;
    while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
    if (Array.isArray(c) && typeof c[0] === "number" && typeof c[1] === "number") return [c[0], c[1]];
  }
  return null;
}

/** Decide how to read positions: from the `crs` member, else from the values. */
export function detectCoordinateSystem(crs: unknown, features: Json[], file: string): CoordinateSystem {
  const named = namedCrs(crs, file);
  if (named === "rd") return "rd";
  const first = firstPosition(features);
  if (first === null) return "lonlat";
  const [a, b] = first;
  if (named === undefined && (Math.abs(a) > 360 || Math.abs(b) > 360)) return "rd";
  // Lat/lon order: the first value lies in the Dutch latitude range and the second in the longitude range.
  if (insideWgs84Bounds(a, b) && !insideWgs84Bounds(b, a)) return "latlon";
  return "lonlat";
}

// ---------------------------------------------------------------------------------------------
// Geometry

type Ring = [number, number][];

/** Read one ring; null when a position is not two finite numbers. Closes an open ring. */
function readRing(raw: unknown): Ring | null {
  if (!Array.isArray(raw)) return null;
  const ring: Ring = [];
  for (const p of raw) {
    if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
    ring.push([p[0] as number, p[1] as number]);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  return ring;
}

/** Read polygon rings; drops degenerate rings (under 3 distinct corners); null on bad positions. */
function readPolygon(raw: unknown): Polygon | null {
  if (!Array.isArray(raw)) return null;
  const polygon: Polygon = [];
  for (let i = 0; i < raw.length; i++) {
    const ring = readRing(raw[i]);
    if (ring === null) return null;
    if (ring.length < 4) {
      if (i === 0) return []; // no outer ring: the whole polygon is empty
      continue;
    }
    polygon.push(ring);
  }
  return polygon;
}

/** The geometry of a feature as polygons in the file's coordinates, or a Dutch reason. */
function readGeometry(geometry: unknown): MultiPolygon | string {
  if (!isObject(geometry)) return "heeft geen geometrie";
  const type = geometry.type;
  let parts: unknown[];
  if (type === "Polygon") parts = [geometry.coordinates];
  else if (type === "MultiPolygon" && Array.isArray(geometry.coordinates)) parts = geometry.coordinates;
  else
    return `geometrie is ${typeof type === "string" ? type : "onbekend"}, geen vlak (Polygon of MultiPolygon)`;
  const multi: MultiPolygon = [];
  for (const part of parts) {
    const polygon = readPolygon(part);
    if (polygon === null) return "geometrie bevat een ongeldige coördinaat";
    if (polygon.length > 0) multi.push(polygon);
  }
  return multi.length > 0 ? multi : "geometrie heeft geen bruikbaar vlak (te weinig hoekpunten)";
}

function mapMulti(multi: MultiPolygon, f: (a: number, b: number) => [number, number]): MultiPolygon {
  return multi.map((polygon) => polygon.map((ring) => ring.map(([a, b]) => f(a, b))));
}

function round(v: number, decimals: number): number {
  const m = 10 ** decimals;
  return Math.round(v * m) / m;
}

/** Twice the signed area of a ring (positive when counter-clockwise with y up). */
export function signedArea2(ring: Ring): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const p = ring[i] as [number, number];
    const q = ring[(i + 1) % n] as [number, number];
    s += p[0] * q[1] - q[0] * p[1];
  }
  return s;
}

/** RFC 7946 winding: outer rings counter-clockwise, holes clockwise. */
export function rfc7946Winding(multi: MultiPolygon): MultiPolygon {
  return multi.map((polygon) =>
    polygon.map((ring, i) => {
      const ccw = signedArea2(ring) > 0;
      return ccw === (i === 0) ? ring : [...ring].reverse();
    }),
  );
}

function lonLatOutOfRange(multi: MultiPolygon): boolean {
  return multi.some((p) => p.some((r) => r.some(([lon, lat]) => Math.abs(lon) > 180 || Math.abs(lat) > 90)));
}

/** Both geometries from the file's coordinates; a Dutch reason when they cannot be right. */
function bothGeometries(
  multi: MultiPolygon,
  system: CoordinateSystem,
): { wgs84: MultiPolygon; rd: MultiPolygon } | string {
  if (system === "rd") {
    const wgs84 = mapMulti(multi, (x, y) => {
      const [lon, lat] = rdToWgs84(x, y);
      return [round(lon, 8), round(lat, 8)];
    });
    return { wgs84: rfc7946Winding(wgs84), rd: rfc7946Winding(multi) };
  }
  const lonLat = system === "latlon" ? mapMulti(multi, (lat, lon) => [lon, lat]) : multi;
  if (lonLatOutOfRange(lonLat)) return "coördinaten liggen buiten het bereik van lengte- en breedtegraad";
  const rd = mapMulti(lonLat, (lon, lat) => {
    const [x, y] = wgs84ToRd(lon, lat);
    return [round(x, 3), round(y, 3)];
  });
  return { wgs84: rfc7946Winding(lonLat), rd: rfc7946Winding(rd) };
}

// ---------------------------------------------------------------------------------------------
// The parser

function parseCollection(text: string, file: string): Json {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new InputError("is geen geldige JSON (GeoJSON verwacht)", file);
  }
  if (!isObject(doc) || doc.type !== "FeatureCollection" || !Array.isArray(doc.features)) {
    throw new InputError("is geen GeoJSON FeatureCollection", file);
  }
  return doc;
}

function noCodeMessage(opts: ParseAreasOptions): string {
  const searched = [...CODE_PROPERTIES, "id"].join(", ");
  return `geen eigenschap met een ${LEVEL_WORDS[opts.level]} gevonden (gezocht: ${searched}); geef de eigenschap voor de code op`;
}

interface FeatureKeys {
  code: string;
  name: string | null;
  parent: string | null;
}

/** One feature as an Area, or the Dutch reason why it cannot be used. */
function readFeature(
  feature: Json,
  keys: FeatureKeys,
  system: CoordinateSystem,
  opts: ParseAreasOptions,
): Area | string {
  if (feature.type !== "Feature") return "is geen Feature";
  const code = codeOf(feature, keys.code);
  if (code === null) return `heeft geen code (eigenschap ${keys.code === FEATURE_ID ? "id" : keys.code})`;
  if (!codeFitsLevel(code, opts.level)) return `code "${code}" is geen ${LEVEL_WORDS[opts.level]}`;
  const read = readGeometry(feature.geometry);
  if (typeof read === "string") return `${code}: ${read}`;
  const geometry = bothGeometries(read, system);
  if (typeof geometry === "string") return `${code}: ${geometry}`;
  const name = (keys.name ? featureValue(feature, keys.name) : null) ?? code;
  const parent = (keys.parent ? codeOf(feature, keys.parent) : null) ?? cbsParentCode(code);
  return { code, level: opts.level, year: opts.year, name, parent, ...geometry };
}

/** Parse a GeoJSON FeatureCollection of area boundaries. Throws InputError when nothing is usable. */
export function parseAreasGeoJson(text: string, file: string, opts: ParseAreasOptions): ParsedAreas {
  const doc = parseCollection(text, file);
  const features = (doc.features as unknown[]).map((f) => (isObject(f) ? f : {}));
  const system = detectCoordinateSystem(doc.crs, features, file);
  const codeKey = opts.codeProperty ?? detectCodeProperty(features, opts.level);
  if (codeKey === null) throw new InputError(noCodeMessage(opts), file);
  const nameKey = opts.nameProperty ?? detectNameProperty(features);

  const problems: AreaProblem[] = [];
  const byCode = new Map<string, Area>();
  const keys: FeatureKeys = { code: codeKey, name: nameKey, parent: opts.parentProperty ?? null };
  features.forEach((feature, i) => {
    const read = readFeature(feature, keys, system, opts);
    if (typeof read === "string") {
      problems.push({ feature: i + 1, reason: read });
      return;
    }
    const seen = byCode.get(read.code);
    if (seen) {
      // The same code twice: one area with all parts.
      seen.wgs84 = [...(seen.wgs84 ?? []), ...(read.wgs84 ?? [])];
      seen.rd = [...(seen.rd ?? []), ...(read.rd ?? [])];
      seen.parent ??= read.parent;
    } else {
      byCode.set(read.code, read);
    }
  });

  const areas = [...byCode.values()];
  if (areas.length === 0) {
    const first = problems[0];
    const why = first ? ` (bijvoorbeeld feature ${first.feature}: ${first.reason})` : "";
    throw new InputError(`bevat geen bruikbare vlakken${why}`, file);
  }
  return { areas, problems };
}
