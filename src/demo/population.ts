// Inhabitants per buurt for every year: the first year comes from the subdivision, later years
// grow a little (faster in cities and in a few buurten with new housing). Wijk and gemeente
// figures are always the sums of their buurten.

import type { Rng } from "./prng.ts";
import type { DemoBuurt, DemoGemeente, DemoRegion } from "./region-types.ts";

/** Extends every buurt's population list to `years` entries. */
export function growPopulation(
  gemeenten: DemoGemeente[],
  buurten: DemoBuurt[],
  years: number,
  rng: Rng,
): void {
  const gemeenteGrowth = gemeenten.map(
    (g) =>
      0.005 + (g.stedelijkheid <= 2 ? 0.003 : 0) - (g.stedelijkheid === 5 ? 0.004 : 0) + rng.normal() * 0.003,
  );
  for (const b of buurten) {
    const newHousing = b.kind === "wonen" && rng.chance(0.04);
    const growth =
      (gemeenteGrowth[b.gemeente] ?? 0) + rng.normal() * 0.006 + (newHousing ? rng.range(0.03, 0.08) : 0);
    for (let y = 1; y < years; y++) {
      const prev = b.population[y - 1] ?? 0;
      b.population.push(Math.max(0, Math.round(prev * (1 + growth))));
    }
  }
}

/** Inhabitants of every gemeente, wijk and buurt in year index `y`. */
export function populationRows(region: DemoRegion, y: number): { code: string; inhabitants: number }[] {
  const rows: { code: string; inhabitants: number }[] = [];
  for (const g of region.gemeenten) {
    let gSum = 0;
    const wRows: { code: string; inhabitants: number }[] = [];
    const bRows: { code: string; inhabitants: number }[] = [];
    for (const wi of g.wijken) {
      const w = region.wijken[wi];
      if (!w) continue;
      let wSum = 0;
      for (const bi of w.buurten) {
        const b = region.buurten[bi];
        if (!b) continue;
        const p = b.population[y] ?? 0;
        wSum += p;
        bRows.push({ code: b.code, inhabitants: p });
      }
      gSum += wSum;
      wRows.push({ code: w.code, inhabitants: wSum });
    }
    rows.push({ code: g.code, inhabitants: gSum }, ...wRows, ...bRows);
  }
  return rows;
}
