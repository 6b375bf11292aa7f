// The fictional region as the generator keeps it in memory (RD New metres).

import type { Point, Ring } from "./polygon.ts";
import type { DemoSize, Stedelijkheid } from "./region-plan.ts";

export interface PoliceArea {
  code: string;
  name: string;
  /** Index of the enclosing area (district -> unit, basisteam -> district); -1 for a unit. */
  parent: number;
}

/** A population centre: the town core or a village, as a Gaussian bump of density. */
export interface Core {
  x: number;
  y: number;
  weight: number;
  sigma: number;
}

export interface DemoGemeente {
  code: string;
  name: string;
  stedelijkheid: Stedelijkheid;
  ring: Ring;
  /** The town centre. */
  core: Point;
  /** Spread (metres) of the built-up area around the core. */
  sigma: number;
  cores: Core[];
  unit: number;
  district: number;
  basisteam: number;
  wijken: number[];
  /** Planned inhabitants in the first year. */
  plannedPopulation: number;
}

export interface DemoWijk {
  code: string;
  name: string;
  gemeente: number;
  ring: Ring;
  site: Point;
  buurten: number[];
}

export type BuurtKind = "centrum" | "wonen" | "bedrijven" | "landelijk";

export interface DemoBuurt {
  code: string;
  name: string;
  wijk: number;
  gemeente: number;
  ring: Ring;
  site: Point;
  centroid: Point;
  /** Square metres. */
  area: number;
  kind: BuurtKind;
  /** Inhabitants on 1 January of each year of the region (index = year - first year). */
  population: number[];
  /** 0-1: closeness to the town centre. */
  centrality: number;
  /** Relative burglary risk (median about 1; some buurten much higher). */
  burglaryRisk: number;
  /** Relative amount of business activity. */
  business: number;
  /** First address index and number of addresses of this buurt. */
  addrStart: number;
  addrCount: number;
}

/** Address points, column-wise: coordinates in decimetres so that they print with one decimal. */
export interface AddressTable {
  count: number;
  xDm: Int32Array;
  yDm: Int32Array;
  buurt: Int32Array;
  /** Distance (metres) from the point to the edge of its buurt. */
  inset: Float32Array;
  pc6: Int32Array;
  number: Int32Array;
  /** Index into HOUSE_NUMBER_SUFFIXES. */
  suffix: Uint8Array;
  pc6Codes: string[];
}

export const HOUSE_NUMBER_SUFFIXES: readonly string[] = ["", "A", "B", "-1", "-2", "-bis"];

export interface DemoRegion {
  size: DemoSize;
  /** Years with population (the registration years); the boundary year is the last. */
  years: number[];
  outline: Ring;
  units: PoliceArea[];
  districts: PoliceArea[];
  basisteams: PoliceArea[];
  gemeenten: DemoGemeente[];
  wijken: DemoWijk[];
  buurten: DemoBuurt[];
  addresses: AddressTable;
}
