// Builds the whole fictional region: gemeenten with police structure, wijken, buurten,
// population per year and address points.

import { buildAddresses } from "./addresses.ts";
import { conformRings } from "./conform.ts";
import { layoutGemeenten } from "./gemeente-layout.ts";
import { PlaceNamer } from "./names.ts";
import { growPopulation } from "./population.ts";
import { Rng } from "./prng.ts";
import type { DemoSize } from "./region-plan.ts";
import { planRegion } from "./region-plan.ts";
import type { DemoBuurt, DemoRegion, DemoWijk } from "./region-types.ts";
import { subdivideGemeente } from "./subdivide.ts";

export function buildRegion(seed: number, size: DemoSize, years: number[]): DemoRegion {
  const rng = new Rng(seed, `regio-${size}`);
  const plan = planRegion(size, rng.fork("plan"));
  const places = new PlaceNamer(rng.fork("namen"));
  const layout = layoutGemeenten(plan, rng.fork("gemeenten"), places);
  const wijken: DemoWijk[] = [];
  const buurten: DemoBuurt[] = [];
  const sub = rng.fork("wijken");
  const gemeenteNames = layout.gemeenten.map((g) => g.name);
  layout.gemeenten.forEach((g, gi) => {
    subdivideGemeente(gi, g, sub.fork(g.code), gemeenteNames, wijken, buurten);
  });
  growPopulation(layout.gemeenten, buurten, years.length, rng.fork("groei"));
  conformRings([
    ...layout.gemeenten.map((g) => g.ring),
    ...wijken.map((w) => w.ring),
    ...buurten.map((b) => b.ring),
  ]);
  const region: DemoRegion = {
    size,
    years,
    outline: layout.outline,
    units: layout.units,
    districts: layout.districts,
    basisteams: layout.basisteams,
    gemeenten: layout.gemeenten,
    wijken,
    buurten,
    addresses: {
      count: 0,
      xDm: new Int32Array(0),
      yDm: new Int32Array(0),
      buurt: new Int32Array(0),
      inset: new Float32Array(0),
      pc6: new Int32Array(0),
      number: new Int32Array(0),
      suffix: new Uint8Array(0),
      pc6Codes: [],
    },
  };
  region.addresses = buildAddresses(region, rng.fork("adressen"), plan.inhabitantsPerAddress, plan.firstPc4);
  return region;
}
