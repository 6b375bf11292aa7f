// A police registration (a crime or an incident) as driehoek keeps it.

export type RegistrationKind = "misdrijf" | "incident";

export const PERSON_ROLES = ["verdachte", "slachtoffer", "getuige", "betrokkene", "melder"] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export interface PersonLink {
  role: PersonRole;
  /** Pseudonym as delivered (never a name or BSN). */
  pseudonym: string;
}

/** How a registration was placed in its areas. */
export type PlacementMethod = "punt" | "adres" | "postcode" | "gebiedscode" | "niet-geplaatst";

export interface Placement {
  /** Boundary year of the areas below. */
  year: number | null;
  buurt: string | null;
  wijk: string | null;
  gemeente: string | null;
  pc4: string | null;
  method: PlacementMethod;
}

/** Local (Europe/Amsterdam) time buckets of the counting moment, fixed at ingest. */
export interface LocalBuckets {
  /** Local calendar day as yyyymmdd, e.g. 20240301 */
  day: number;
  /** yyyymm as a number, e.g. 202403 */
  month: number;
  year: number;
  /** 0-23 */
  hour: number;
  /** ISO weekday 1 (Monday) - 7 (Sunday) */
  weekday: number;
  /** ISO week as yyyyww, e.g. 202413 */
  isoWeek: number;
}

export interface Registration {
  /** Name of the source (bron) the delivery came from, e.g. "politie-midden-nederland". */
  source: string;
  /** The source's own id (registratienummer); unique within a source. */
  sourceId: string;
  /** When the source last changed this registration (UTC); orders versions. Null if not delivered. */
  version: Date | null;
  kind: RegistrationKind;
  /** BVH maatschappelijke klasse, e.g. "A20"; null when only an INP code was delivered. */
  bvhCode: string | null;
  /** INP2013 level-3 code, e.g. "1.1.1"; null when the BVH code maps to no INP type. */
  inpCode: string | null;
  attempt: boolean;
  /** Start of the event (pleegdatum begin), UTC. This is the counting moment. */
  startsAt: Date;
  endsAt: Date | null;
  registeredAt: Date | null;
  local: LocalBuckets;
  /** RD New (EPSG:28992) metres. */
  x: number | null;
  y: number | null;
  postcode: string | null;
  houseNumber: string | null;
  placement: Placement;
  modusOperandi: string | null;
  persons: PersonLink[];
  /** Free text; never shown below `incident` sensitivity. */
  description: string | null;
}

/** Aggregated counts from open data (CBS StatLine / OData) or partner tables. */
export interface AggregateRow {
  source: string;
  /** Source table, e.g. "47018NED" or "statline:Geregistreerde misdrijven…". */
  table: string;
  areaCode: string;
  /** Period as delivered: "2024", "2024Q1" or "2024MM03". */
  period: string;
  /** INP level-3 code, "0.0.0" for the total, or another classification key of the table. */
  category: string;
  /** Measure (onderwerp), e.g. "GeregistreerdeMisdrijven". */
  measure: string;
  /** Null when the source suppressed the cell. */
  value: number | null;
}
