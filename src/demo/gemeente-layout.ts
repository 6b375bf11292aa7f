// The gemeenten of the demo region: a convex outline cut into Voronoi cells, each cell a gemeente
// with a planned size and urbanisation, grouped into police units, districts and basisteams.

import type { PlaceNamer } from "./names.ts";
import { UNIT_NAMES } from "./names.ts";
import type { Point, Ring } from "./polygon.ts";
import { blobRing, centroid } from "./polygon.ts";
import type { Rng } from "./prng.ts";
import type { RegionPlan } from "./region-plan.ts";
import type { DemoGemeente, PoliceArea } from "./region-types.ts";
import { bestCandidateSites, clusterPoints } from "./sites.ts";
import { voronoiCells } from "./voronoi.ts";

export interface GemeenteLayout {
  outline: Ring;
  gemeenten: DemoGemeente[];
  units: PoliceArea[];
  districts: PoliceArea[];
  basisteams: PoliceArea[];
}

/** Inhabitants above which a gemeente forms a basisteam of its own. */
const OWN_BASISTEAM = 150_000;

export function layoutGemeenten(plan: RegionPlan, rng: Rng, namer: PlaceNamer): GemeenteLayout {
  const [cx, cy] = plan.centre;
  const outline = blobRing(rng, cx, cy, plan.radii[0], plan.radii[1], plan.outlineVertices);
  const n = plan.gemeenten.length;
  const spacing = Math.sqrt((Math.PI * plan.radii[0] * plan.radii[1]) / n);
  const sites = bestCandidateSites(rng, outline, n, { margin: spacing * 0.25, k: 10 });
  const cells = voronoiCells(outline, sites);
  const order = rng.shuffle(plan.gemeenten.map((_, i) => i));

  interface Draft {
    site: Point;
    ring: Ring;
    plan: (typeof plan.gemeenten)[number];
    unit: number;
    district: number;
    basisteam: number;
  }
  const drafts: Draft[] = sites.map((site, i) => ({
    site,
    ring: cells[i] ?? [],
    plan: plan.gemeenten[order[i] ?? i] ?? { population: 1000, stedelijkheid: 5 },
    unit: 0,
    district: 0,
    basisteam: 0,
  }));
  const centres = drafts.map((d) => centroid(d.ring));

  // Police units: compact clusters of gemeenten, numbered from north to south.
  const unitOf = plan.units === 1 ? drafts.map(() => 0) : clusterPoints(centres, plan.units);
  const unitNorth = Array.from({ length: plan.units }, (_, u) => {
    const ys = centres.filter((_, i) => unitOf[i] === u).map((c) => c[1]);
    return ys.reduce((s, y) => s + y, 0) / Math.max(1, ys.length);
  });
  const unitRank = unitNorth
    .map((y, u) => ({ u, y }))
    .sort((a, b) => b.y - a.y || a.u - b.u)
    .map((e) => e.u);
  drafts.forEach((d, i) => {
    d.unit = unitRank.indexOf(unitOf[i] ?? 0);
  });

  const units: PoliceArea[] = [];
  const districts: PoliceArea[] = [];
  const basisteams: PoliceArea[] = [];
  for (let u = 0; u < plan.units; u++) {
    const unitCode = `RE${90 + u}`;
    units.push({ code: unitCode, name: UNIT_NAMES[u] ?? `Eenheid ${u + 1}`, parent: -1 });
    const members = drafts.map((d, i) => ({ d, i })).filter((m) => m.d.unit === u);
    const unitPop = members.reduce((s, m) => s + m.d.plan.population, 0);
    const nDistricts = plan.units === 1 ? 2 : Math.min(4, Math.max(2, Math.round(unitPop / 700_000)));
    const largest = members.reduce(
      (b, m, k) => (m.d.plan.population > (members[b]?.d.plan.population ?? 0) ? k : b),
      0,
    );
    const districtOf = clusterPoints(
      members.map((m) => centres[m.i] as Point),
      nDistricts,
      largest,
    );
    let teamNumber = 0;
    for (let dIdx = 0; dIdx < nDistricts; dIdx++) {
      const inDistrict = members.filter((_, k) => districtOf[k] === dIdx);
      if (inDistrict.length === 0) continue;
      const districtIndex = districts.length;
      const dNumber = districts.filter((d) => d.parent === u).length + 1;
      districts.push({ code: `${unitCode}D${dNumber}`, name: "", parent: u });
      for (const m of inDistrict) m.d.district = districtIndex;
      // Basisteams: large gemeenten alone, the rest in compact groups of about 90,000 inhabitants.
      const alone = inDistrict.filter((m) => m.d.plan.population >= OWN_BASISTEAM);
      const rest = inDistrict.filter((m) => m.d.plan.population < OWN_BASISTEAM);
      const groups: (typeof inDistrict)[] = alone.map((m) => [m]);
      if (rest.length > 0) {
        const restPop = rest.reduce((s, m) => s + m.d.plan.population, 0);
        const k = Math.min(rest.length, Math.max(1, Math.round(restPop / 90_000)));
        const restBiggest = rest.reduce(
          (b, m, j) => (m.d.plan.population > (rest[b]?.d.plan.population ?? 0) ? j : b),
          0,
        );
        const teamOf = clusterPoints(
          rest.map((m) => centres[m.i] as Point),
          k,
          restBiggest,
        );
        for (let t = 0; t < k; t++) {
          const g = rest.filter((_, j) => teamOf[j] === t);
          if (g.length > 0) groups.push(g);
        }
      }
      for (const g of groups) {
        teamNumber++;
        const bIndex = basisteams.length;
        for (const m of g) m.d.basisteam = bIndex;
        basisteams.push({
          code: `${unitCode}B${String(teamNumber).padStart(2, "0")}`,
          name: "",
          parent: districtIndex,
        });
      }
    }
  }

  // Codes GM9001... in police order, largest gemeente first within a basisteam.
  const sorted = drafts
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        a.d.unit - b.d.unit ||
        a.d.district - b.d.district ||
        a.d.basisteam - b.d.basisteam ||
        b.d.plan.population - a.d.plan.population ||
        a.i - b.i,
    );
  const gemeenten: DemoGemeente[] = sorted.map(({ d }, k) => {
    const c = centroid(d.ring);
    const core: Point = [(d.site[0] + c[0]) / 2, (d.site[1] + c[1]) / 2];
    const sigma = Math.min(5000, Math.max(350, 5 * Math.sqrt(d.plan.population)));
    return {
      code: `GM${9001 + k}`,
      name: namer.next(),
      stedelijkheid: d.plan.stedelijkheid,
      ring: d.ring,
      core,
      sigma,
      cores: [{ x: core[0], y: core[1], weight: 1, sigma }],
      unit: d.unit,
      district: d.district,
      basisteam: d.basisteam,
      wijken: [],
      plannedPopulation: d.plan.population,
    };
  });
  nameAreas(gemeenten, districts, basisteams);
  return { outline, gemeenten, units, districts, basisteams };
}

/** Districts and basisteams are named after their largest gemeente. */
function nameAreas(gemeenten: DemoGemeente[], districts: PoliceArea[], basisteams: PoliceArea[]): void {
  const largestIn = (pick: (g: DemoGemeente) => number, index: number) =>
    gemeenten
      .filter((g) => pick(g) === index)
      .sort((a, b) => b.plannedPopulation - a.plannedPopulation || a.code.localeCompare(b.code));
  districts.forEach((d, i) => {
    const members = largestIn((g) => g.district, i);
    d.name = `District ${members[0]?.name ?? d.code}`;
  });
  basisteams.forEach((b, i) => {
    const members = largestIn((g) => g.basisteam, i);
    const first = members[0]?.name ?? b.code;
    b.name =
      members.length === 1
        ? first
        : members.length === 2
          ? `${first}-${members[1]?.name ?? ""}`
          : `${first} e.o.`;
  });
}
