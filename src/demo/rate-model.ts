// The expected number of registrations: national rates per inhabitant (national-profile.ts),
// scaled by urbanisation, spread over months, weekdays and hours (patterns.ts) and over the
// buurten of the region by where each kind of registration happens.

import { AliasTable } from "./alias-table.ts";
import {
  BVH_WEIGHTS,
  bvhCode,
  CRIME_COUNTS,
  NATIONAL_POPULATION,
  OTHER_INCIDENTS,
  OTHER_INCIDENTS_PER_YEAR,
  OVERLAST_COUNTS,
  POPULATION_SHARE_BY_STEDELIJKHEID,
} from "./national-profile.ts";
import type { Pattern } from "./patterns.ts";
import {
  CRIME_PATTERN,
  DEFAULT_CRIME_PATTERN,
  DEFAULT_INCIDENT_PATTERN,
  INCIDENT_PATTERN,
} from "./patterns.ts";
import type { DemoRegion } from "./region-types.ts";

/** Relative crime level per stedelijkheid class (1 = zeer sterk stedelijk). */
const URBAN_CURVE = [1.6, 1.15, 0.9, 0.75, 0.6];

/** Near-repeat burglary: chance that a burglary is followed by more nearby, and how many on average. */
export const NEAR_REPEAT_CHANCE = 0.22;
export const NEAR_REPEAT_MEAN = 1.3;

/** Rate multiplier for a stedelijkheid class; the national population-weighted mean is 1. */
export function urbanFactor(exponent: number, stedelijkheid: number): number {
  let z = 0;
  URBAN_CURVE.forEach((b, i) => {
    z += (POPULATION_SHARE_BY_STEDELIJKHEID[i] ?? 0) * b ** exponent;
  });
  return (URBAN_CURVE[stedelijkheid - 1] ?? 1) ** exponent / z;
}

/** Time profile of a pattern, precomputed. */
export interface TimeProfile {
  /** Factor per month (0-11); the day-weighted mean over a year is 1. */
  month: Float64Array;
  /** Factor per ISO weekday index (0 = Monday); the mean is 1. */
  weekday: Float64Array;
  /** Hour of the day per weekday. */
  hours: AliasTable[];
  /** Hours on New Year's Eve and New Year's night. */
  eveHours: AliasTable;
  nightHours: AliasTable;
  /** Factor that keeps the yearly total when New Year adds extra events. */
  newYearCompensation: number;
}

const MONTH_DAYS = [31, 28.25, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function timeProfile(p: Pattern): TimeProfile {
  const month = new Float64Array(12);
  let daySum = 0;
  for (let m = 0; m < 12; m++) daySum += (p.months[m] ?? 1) * (MONTH_DAYS[m] ?? 30);
  for (let m = 0; m < 12; m++) month[m] = ((p.months[m] ?? 1) * 365.25) / daySum;
  const matrix: number[][] = [];
  for (let d = 0; d < 7; d++) {
    const row: number[] = [];
    for (let h = 0; h < 24; h++) {
      // The night after Friday (d=4) and Saturday (d=5): late evening of that day, early hours of the next.
      const lateWeekend = (d === 4 || d === 5) && h >= 22;
      const earlyWeekend = (d === 5 || d === 6) && h < 5;
      const boost = lateWeekend || earlyWeekend ? p.weekendNights : 1;
      row.push((p.weekdays[d] ?? 1) * (p.hours[h] ?? 1) * boost);
    }
    matrix.push(row);
  }
  const rowSums = matrix.map((r) => r.reduce((s, v) => s + v, 0));
  const mean = rowSums.reduce((s, v) => s + v, 0) / 7;
  const weekday = new Float64Array(rowSums.map((s) => s / mean));
  const eve = Array.from({ length: 24 }, (_, h) => (h >= 18 ? 10 + (h - 18) * 4 : (p.hours[h] ?? 1) * 0.2));
  const night = Array.from({ length: 24 }, (_, h) => (h < 5 ? 30 - h * 5 : (p.hours[h] ?? 1) * 0.3));
  const extraDays = p.newYear * (((month[11] ?? 1) * 0.4 + (month[0] ?? 1) * 0.6) / 365.25);
  return {
    month,
    weekday,
    hours: matrix.map((r) => new AliasTable(r)),
    eveHours: new AliasTable(eve),
    nightHours: new AliasTable(night),
    newYearCompensation: 1 / (1 + extraDays),
  };
}

/** One kind of registration the generator draws: a crime type (with its BVH codes) or an incident code. */
export interface GenCode {
  kind: "misdrijf" | "incident";
  inp: string;
  bvhCodes: string[];
  bvhTable: AliasTable;
  /** Registrations per inhabitant per year, nationally. */
  rate: number;
  pattern: Pattern;
  /** Index of `pattern` in `patterns` of the model. */
  patternIndex: number;
  burglary: boolean;
}

export interface RateModel {
  codes: GenCode[];
  patterns: Pattern[];
  times: TimeProfile[];
}

export function buildRateModel(): RateModel {
  const patterns: Pattern[] = [];
  const patternIndex = (p: Pattern) => {
    let i = patterns.indexOf(p);
    if (i < 0) {
      i = patterns.length;
      patterns.push(p);
    }
    return i;
  };
  const codes: GenCode[] = [];
  for (const [inp, count] of Object.entries(CRIME_COUNTS)) {
    const weights = BVH_WEIGHTS[inp];
    if (!weights) continue;
    const bvhCodes = Object.keys(weights);
    const pattern = CRIME_PATTERN[inp] ?? DEFAULT_CRIME_PATTERN;
    codes.push({
      kind: "misdrijf",
      inp,
      bvhCodes,
      bvhTable: new AliasTable(bvhCodes.map((c) => weights[c] ?? 0)),
      rate: count / NATIONAL_POPULATION,
      pattern,
      patternIndex: patternIndex(pattern),
      burglary: inp === "1.1.1",
    });
  }
  const otherSum = Object.values(OTHER_INCIDENTS).reduce((s, v) => s + v, 0);
  const incidents: [string, number][] = [
    ...Object.entries(OVERLAST_COUNTS),
    ...Object.entries(OTHER_INCIDENTS).map(([c, share]): [string, number] => [
      c,
      (share / otherSum) * OTHER_INCIDENTS_PER_YEAR,
    ]),
  ];
  for (const [code, count] of incidents) {
    const row = bvhCode(code);
    if (!row) continue;
    const pattern = INCIDENT_PATTERN[code] ?? DEFAULT_INCIDENT_PATTERN;
    codes.push({
      kind: row.crime ? "misdrijf" : "incident",
      inp: row.inp,
      bvhCodes: [code],
      bvhTable: new AliasTable([1]),
      rate: count / NATIONAL_POPULATION,
      pattern,
      patternIndex: patternIndex(pattern),
      burglary: false,
    });
  }
  return { codes, patterns, times: patterns.map(timeProfile) };
}

/** Where each pattern happens in one year: a draw table over buurten and the effective population. */
export interface SpatialYear {
  buurtTables: AliasTable[];
  /** Sum over gemeenten of inhabitants times the urbanisation factor, per pattern. */
  effectivePopulation: Float64Array;
}

export function spatialYear(region: DemoRegion, model: RateModel, y: number): SpatialYear {
  const nB = region.buurten.length;
  const nG = region.gemeenten.length;
  // Per-gemeente sums of each spatial term.
  const gPop = new Float64Array(nG);
  const gRiskPop = new Float64Array(nG);
  const gCentre = new Float64Array(nG);
  const gArea = new Float64Array(nG);
  const gBusiness = new Float64Array(nG);
  const centre = new Float64Array(nB);
  region.buurten.forEach((b, i) => {
    const pop = b.population[y] ?? 0;
    centre[i] = b.centrality * b.centrality + 0.02;
    gPop[b.gemeente] = (gPop[b.gemeente] ?? 0) + pop;
    gRiskPop[b.gemeente] = (gRiskPop[b.gemeente] ?? 0) + pop * b.burglaryRisk;
    gCentre[b.gemeente] = (gCentre[b.gemeente] ?? 0) + (centre[i] ?? 0);
    gArea[b.gemeente] = (gArea[b.gemeente] ?? 0) + b.area;
    gBusiness[b.gemeente] = (gBusiness[b.gemeente] ?? 0) + b.business;
  });
  const effectivePopulation = new Float64Array(model.patterns.length);
  const buurtTables = model.patterns.map((p, pi) => {
    const w = p.where;
    const wSum = w.pop + w.centre + w.area + w.business || 1;
    const weights = new Float64Array(nB);
    let eff = 0;
    region.gemeenten.forEach((g, gi) => {
      eff += (gPop[gi] ?? 0) * urbanFactor(p.urban, g.stedelijkheid);
    });
    region.buurten.forEach((b, i) => {
      const gi = b.gemeente;
      const pop = b.population[y] ?? 0;
      const popShare = p.burglaryRisk ? (pop * b.burglaryRisk) / (gRiskPop[gi] || 1) : pop / (gPop[gi] || 1);
      const share =
        (w.pop * popShare +
          (w.centre * (centre[i] ?? 0)) / (gCentre[gi] || 1) +
          (w.area * b.area) / (gArea[gi] || 1) +
          (w.business * b.business) / (gBusiness[gi] || 1)) /
        wSum;
      const g = region.gemeenten[gi];
      weights[i] = share * (gPop[gi] ?? 0) * urbanFactor(p.urban, g?.stedelijkheid ?? 3);
    });
    effectivePopulation[pi] = eff;
    return new AliasTable(weights);
  });
  return { buurtTables, effectivePopulation };
}
