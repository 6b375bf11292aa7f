// What the fictional region looks like before it gets geometry: the outline, the number, size and
// urbanisation of the gemeenten, and how many police units there are. `klein` is one unit with a
// city of about 250,000 inhabitants, a few towns and a rural gemeente; `landelijk` is about 350
// gemeenten in ten units with about 17.9 million inhabitants, for benchmarks.

import { POPULATION_SHARE_BY_STEDELIJKHEID } from "./national-profile.ts";
import type { Rng } from "./prng.ts";

export type DemoSize = "klein" | "landelijk";
export type Stedelijkheid = 1 | 2 | 3 | 4 | 5;

export interface GemeentePlan {
  population: number;
  stedelijkheid: Stedelijkheid;
}

export interface RegionPlan {
  size: DemoSize;
  /** Centre and radii (RD metres) of the convex outline. */
  centre: [number, number];
  radii: [number, number];
  outlineVertices: number;
  units: number;
  gemeenten: GemeentePlan[];
  /** Inhabitants per address point written to adressen.csv. */
  inhabitantsPerAddress: number;
  /** Number of the first pc4 area. */
  firstPc4: number;
}

export function planRegion(size: DemoSize, rng: Rng): RegionPlan {
  return size === "klein" ? planKlein(rng) : planLandelijk(rng);
}

function planKlein(rng: Rng): RegionPlan {
  const base: [number, Stedelijkheid][] = [
    [252_000, 1],
    [78_000, 2],
    [54_000, 2],
    [37_000, 3],
    [26_000, 3],
    [21_000, 4],
    [8_200, 5],
  ];
  return {
    size: "klein",
    centre: [148_000, 452_000],
    radii: [16_000, 13_500],
    outlineVertices: 14,
    units: 1,
    gemeenten: base.map(([population, stedelijkheid]) => ({
      population: Math.round(population * rng.lognormal(0.04)),
      stedelijkheid,
    })),
    inhabitantsPerAddress: 12,
    firstPc4: 9101,
  };
}

const LANDELIJK_CITIES = [
  880_000, 660_000, 560_000, 370_000, 240_000, 235_000, 215_000, 185_000, 180_000, 165_000,
];
const LANDELIJK_COUNT = 350;
const LANDELIJK_POPULATION = 17_900_000;

function planLandelijk(rng: Rng): RegionPlan {
  const sizes = LANDELIJK_CITIES.map((p) => Math.round(p * rng.lognormal(0.03)));
  const rest: number[] = [];
  for (let i = sizes.length; i < LANDELIJK_COUNT; i++) {
    rest.push(Math.min(150_000, Math.max(1_000, 30_000 * rng.lognormal(0.7))));
  }
  const cityTotal = sizes.reduce((s, p) => s + p, 0);
  const restTotal = rest.reduce((s, p) => s + p, 0);
  const f = (LANDELIJK_POPULATION - cityTotal) / restTotal;
  for (const p of rest) sizes.push(Math.round(p * f));
  // Urbanisation follows size with some noise, cut at the national population shares per class.
  const order = sizes
    .map((p, i) => ({ i, key: p * rng.lognormal(0.35) }))
    .sort((a, b) => b.key - a.key || a.i - b.i);
  const total = sizes.reduce((s, p) => s + p, 0);
  const sted: Stedelijkheid[] = new Array(sizes.length).fill(5);
  let cumulative = 0;
  for (const { i } of order) {
    const share = cumulative / total;
    let s = 1;
    let edge = POPULATION_SHARE_BY_STEDELIJKHEID[0] ?? 0.2;
    while (s < 5 && share >= edge) {
      edge += POPULATION_SHARE_BY_STEDELIJKHEID[s] ?? 0.2;
      s++;
    }
    sted[i] = s as Stedelijkheid;
    cumulative += sizes[i] ?? 0;
  }
  return {
    size: "landelijk",
    centre: [155_000, 455_000],
    radii: [95_000, 112_000],
    outlineVertices: 20,
    units: 10,
    gemeenten: sizes.map((population, i) => ({ population, stedelijkheid: sted[i] ?? 5 })),
    inhabitantsPerAddress: 30,
    firstPc4: 1011,
  };
}
