// Areas: CBS areas (gemeente, wijk, buurt), postcode areas (pc4) and police areas (eenheid,
// district, basisteam). CBS boundaries change every 1 January, so every area has a boundary year.

export const AREA_LEVELS = ["eenheid", "district", "basisteam", "gemeente", "wijk", "buurt", "pc4"] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** The levels in Dutch, as users name them. */
export const AREA_LEVEL_LABELS: Record<AreaLevel, string> = {
  eenheid: "politie-eenheid",
  district: "politiedistrict",
  basisteam: "basisteam",
  gemeente: "gemeente",
  wijk: "wijk",
  buurt: "buurt",
  pc4: "postcodegebied",
};

export function isAreaLevel(s: string): s is AreaLevel {
  return (AREA_LEVELS as readonly string[]).includes(s);
}

/** A polygon as rings of [x, y] positions; the first ring is the outer ring, the rest holes. */
export type Polygon = [number, number][][];
/** One area's geometry: one or more polygons. */
export type MultiPolygon = Polygon[];

export interface Area {
  code: string;
  level: AreaLevel;
  /** Boundary year (indelingsjaar) the code and geometry belong to. */
  year: number;
  name: string;
  /** Code of the enclosing area one level up (buurt -> wijk -> gemeente -> basisteam -> district -> eenheid). */
  parent: string | null;
  /** Geometry in WGS84 lon/lat, when known. */
  wgs84: MultiPolygon | null;
  /** The same geometry in RD New (EPSG:28992) metres, when known. */
  rd: MultiPolygon | null;
}

export interface AreaSummary {
  code: string;
  level: AreaLevel;
  year: number;
  name: string;
  parent: string | null;
  /** Inhabitants for the newest population year known for this area, or null. */
  population: number | null;
  populationYear: number | null;
}

export interface PopulationRow {
  code: string;
  year: number;
  population: number;
}

/** One row of the police area structure: gemeente -> basisteam -> district -> eenheid. */
export interface IndelingRow {
  gemeente: string;
  gemeenteName: string | null;
  basisteam: string | null;
  basisteamName: string | null;
  district: string | null;
  districtName: string | null;
  eenheid: string;
  eenheidName: string | null;
}

/** CBS code forms. Wijk and buurt suffixes may hold letters (Amsterdam: WK0363AA, BU0363AA01). */
export const CBS_CODE = {
  gemeente: /^GM\d{4}$/,
  wijk: /^WK\d{4}[0-9A-Z]{2}$/,
  buurt: /^BU\d{4}[0-9A-Z]{4}$/,
} as const;

/** The gemeente a CBS wijk or buurt lies in, by its code: WK034401 and BU03440101 -> GM0344. */
export function gemeenteOfCbsCode(code: string): string {
  if (!CBS_CODE.wijk.test(code) && !CBS_CODE.buurt.test(code))
    throw new RangeError(`${code} is geen CBS-code van een wijk of buurt`);
  return `GM${code.slice(2, 6)}`;
}

/** Code prefix per CBS level: GM0344, WK034401, BU03440101. */
export function levelOfCbsCode(code: string): AreaLevel | undefined {
  if (CBS_CODE.gemeente.test(code)) return "gemeente";
  if (CBS_CODE.wijk.test(code)) return "wijk";
  if (CBS_CODE.buurt.test(code)) return "buurt";
  if (/^RE\d{2}$/.test(code)) return "eenheid";
  if (/^\d{4}$/.test(code)) return "pc4";
  return undefined;
}
