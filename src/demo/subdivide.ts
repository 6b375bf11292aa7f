// Wijken and buurten inside one gemeente: Voronoi cells of sites that crowd near the town centre
// (so central wijken and buurten are small and rural ones large), with inhabitants spread by a
// density made of the town core, villages and a rural floor.

import type { LocalNamer } from "./names.ts";
import { compassWord, LocalNamer as Namer, PlaceNamer } from "./names.ts";
import type { Point, Ring } from "./polygon.ts";
import { area, bbox, centroid, convexInset } from "./polygon.ts";
import type { Rng } from "./prng.ts";
import type { Core, DemoBuurt, DemoGemeente, DemoWijk } from "./region-types.ts";
import { bestCandidateSites } from "./sites.ts";
import { voronoiCells } from "./voronoi.ts";

/** Share of inhabitants in the town core, the villages and scattered over the countryside, per stedelijkheid. */
const SHARES: Record<number, [number, number, number]> = {
  1: [0.93, 0.04, 0.03],
  2: [0.82, 0.12, 0.06],
  3: [0.65, 0.23, 0.12],
  4: [0.45, 0.35, 0.2],
  5: [0.25, 0.45, 0.3],
};
const URBAN_SITE_SHARE = [0.85, 0.75, 0.6, 0.45, 0.3];
const INHABITANTS_PER_BUURT = 1250;

/** Population density model of one gemeente (inhabitants per m2, up to a constant). */
class Density {
  constructor(
    private readonly cores: Core[],
    private readonly floor: number,
  ) {}

  at(x: number, y: number): number {
    let d = this.floor;
    for (const c of this.cores) {
      const dx = x - c.x;
      const dy = y - c.y;
      d +=
        (c.weight / (2 * Math.PI * c.sigma * c.sigma)) *
        Math.exp(-(dx * dx + dy * dy) / (2 * c.sigma * c.sigma));
    }
    return d;
  }

  /** Mean density over a convex ring, from a few sample points. */
  mean(rng: Rng, ring: Ring, site: Point): number {
    const box = bbox(ring);
    const c = centroid(ring);
    let sum = this.at(c[0], c[1]) + this.at(site[0], site[1]);
    let n = 2;
    for (let i = 0; i < 24 && n < 8; i++) {
      const x = rng.range(box.minX, box.maxX);
      const y = rng.range(box.minY, box.maxY);
      if (convexInset(ring, x, y) > 0) {
        sum += this.at(x, y);
        n++;
      }
    }
    return sum / n;
  }
}

/** Gaussian point around (cx, cy). */
function gaussianPoint(rng: Rng, cx: number, cy: number, sigma: number): Point {
  return [cx + rng.normal() * sigma, cy + rng.normal() * sigma];
}

/** Adds the wijken and buurten of gemeente `gi` to the lists; buurt populations are for the first year. */
export function subdivideGemeente(
  gi: number,
  g: DemoGemeente,
  rng: Rng,
  gemeenteNames: readonly string[],
  wijken: DemoWijk[],
  buurten: DemoBuurt[],
): void {
  const pop = g.plannedPopulation;
  const gArea = area(g.ring);
  const [cx, cy] = g.core;
  const nW = Math.min(45, Math.max(2, Math.round(2 + pop / 11_000)));
  const urbanShare = URBAN_SITE_SHARE[g.stedelijkheid - 1] ?? 0.5;
  const near = (p: Point, s: number) => Math.exp(-((p[0] - cx) ** 2 + (p[1] - cy) ** 2) / (2 * s * s));
  const wijkSites = bestCandidateSites(rng, g.ring, nW, {
    margin: 60,
    k: 4,
    initial: [g.core],
    candidate: () =>
      rng.chance(urbanShare) ? gaussianPoint(rng, cx, cy, 1.4 * g.sigma) : randomIn(rng, g.ring),
    scale: (p) => 1 - 0.75 * near(p, 1.5 * g.sigma),
  });
  const wijkRings = voronoiCells(g.ring, wijkSites);

  // Villages: wijk sites well outside the town core carry a village.
  const [mainShare, villageShare, ruralShare] = SHARES[g.stedelijkheid] ?? [0.5, 0.3, 0.2];
  const villageSites = wijkSites.filter((s, i) => i > 0 && Math.hypot(s[0] - cx, s[1] - cy) > 2.2 * g.sigma);
  const cores: Core[] = [
    { x: cx, y: cy, weight: mainShare + (villageSites.length === 0 ? villageShare : 0), sigma: g.sigma },
  ];
  for (const v of villageSites) {
    cores.push({ x: v[0], y: v[1], weight: villageShare / villageSites.length, sigma: rng.range(280, 600) });
  }
  g.cores = cores;
  const density = new Density(cores, ruralShare / gArea);

  // Wijk order: from the centre outwards (the centre wijk gets number 01).
  const wijkOrder = wijkSites
    .map((s, i) => ({ i, d: Math.hypot(s[0] - cx, s[1] - cy) }))
    .filter((w) => (wijkRings[w.i]?.length ?? 0) >= 3)
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((w) => w.i);
  const wijkWeight = wijkOrder.map((i) => {
    const ring = wijkRings[i] as Ring;
    return area(ring) * density.mean(rng, ring, wijkSites[i] as Point);
  });
  const weightSum = wijkWeight.reduce((s, w) => s + w, 0);
  const nBTotal = Math.max(nW, Math.round(pop / INHABITANTS_PER_BUURT));

  const places = new PlaceNamer(rng, gemeenteNames);
  const wijkNames = new Namer(rng);
  const buurtNames: LocalNamer = new Namer(rng);
  const firstBuurt = buurten.length;
  const gDigits = g.code.slice(2);

  wijkOrder.forEach((wi, k) => {
    const ring = wijkRings[wi] as Ring;
    const site = wijkSites[wi] as Point;
    const wIndex = wijken.length;
    const wCode = `WK${gDigits}${String(k + 1).padStart(2, "0")}`;
    const isCentre = k === 0;
    const isVillage = villageSites.includes(site);
    const villageName = isVillage ? places.next() : null;
    const wijkName = isCentre
      ? wijkNames.unique(g.stedelijkheid <= 2 ? "Binnenstad" : "Centrum")
      : (villageName ??
        (rng.chance(0.4)
          ? wijkNames.unique(compassWord(site[0] - cx, site[1] - cy))
          : wijkNames.neighbourhood()));
    if (villageName) wijkNames.claim(villageName);
    const wijk: DemoWijk = { code: wCode, name: wijkName, gemeente: gi, ring, site, buurten: [] };
    wijken.push(wijk);
    g.wijken.push(wIndex);

    const nB = Math.min(40, Math.max(1, Math.round((nBTotal * (wijkWeight[k] ?? 0)) / (weightSum || 1))));
    const nearestCore = cores.reduce((best, c) =>
      Math.hypot(c.x - site[0], c.y - site[1]) < Math.hypot(best.x - site[0], best.y - site[1]) ? c : best,
    );
    const buurtSites = bestCandidateSites(rng, ring, nB, {
      margin: 25,
      k: 3,
      initial: [site],
      candidate: () =>
        rng.chance(0.6)
          ? gaussianPoint(rng, nearestCore.x, nearestCore.y, nearestCore.sigma)
          : randomIn(rng, ring),
    });
    const buurtRings = voronoiCells(ring, buurtSites);
    const bOrder = buurtSites
      .map((s, i) => ({ i, d: Math.hypot(s[0] - site[0], s[1] - site[1]) }))
      .filter((b) => (buurtRings[b.i]?.length ?? 0) >= 3)
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .map((b) => b.i);
    bOrder.forEach((bi, j) => {
      const bRing = buurtRings[bi] as Ring;
      const bSite = buurtSites[bi] as Point;
      const c = centroid(bRing);
      const a = area(bRing);
      const dens = density.mean(rng, bRing, bSite);
      const centrality = near(c, 0.35 * g.sigma);
      const rural = dens < (ruralShare / gArea) * 1.6;
      const kind =
        j === 0 && isCentre ? "centrum" : centrality > 0.6 ? "centrum" : rural ? "landelijk" : "wonen";
      let name: string;
      if (j === 0 && (isCentre || villageName))
        name = buurtNames.unique(isCentre ? wijkName : (villageName ?? wijkName));
      else if (villageName && kind === "landelijk")
        name = buurtNames.unique(`Verspreide huizen ${villageName}`);
      else if (villageName)
        name = buurtNames.unique(`${villageName}-${compassWord(c[0] - site[0], c[1] - site[1])}`);
      else name = buurtNames.neighbourhood();
      const bIndex = buurten.length;
      buurten.push({
        code: `BU${wCode.slice(2)}${String(j + 1).padStart(2, "0")}`,
        name,
        wijk: wIndex,
        gemeente: gi,
        ring: bRing,
        site: bSite,
        centroid: c,
        area: a,
        kind,
        population: [a * dens * rng.lognormal(0.3)],
        centrality,
        burglaryRisk: rng.lognormal(0.4) * (rng.chance(0.1) ? 2.8 : 1) * (kind === "landelijk" ? 0.8 : 1),
        business: 0,
        addrStart: 0,
        addrCount: 0,
      });
      wijk.buurten.push(bIndex);
    });
  });

  // Business parks at the edge of the built-up area, in all but the most rural gemeenten.
  const own = buurten.slice(firstBuurt);
  if (g.stedelijkheid <= 4 && own.length >= 6) {
    const candidates = own.filter((b) => {
      const d = Math.hypot(b.centroid[0] - cx, b.centroid[1] - cy);
      return b.kind === "wonen" && d > 0.8 * g.sigma && d < 2.8 * g.sigma;
    });
    const nParks = Math.min(candidates.length, Math.max(1, Math.round(own.length * 0.06)));
    for (const b of rng.shuffle(candidates).slice(0, nParks)) {
      b.kind = "bedrijven";
      const base = b.name.replace(/ \d+$/, "");
      b.name = buurtNames.unique(`Bedrijventerrein ${base}`);
      (b.population as number[])[0] = (b.population[0] ?? 0) * 0.03;
    }
  }
  for (const b of own) b.business = { bedrijven: 10, centrum: 4, wonen: 0.6, landelijk: 0.3 }[b.kind];
  distributeIntegers(
    own.map((b) => b.population[0] ?? 0),
    pop,
  ).forEach((p, i) => {
    const b = own[i];
    if (b) b.population = [p];
  });
}

function randomIn(rng: Rng, ring: Ring): Point {
  const box = bbox(ring);
  return [rng.range(box.minX, box.maxX), rng.range(box.minY, box.maxY)];
}

/** Integers proportional to `weights` that sum exactly to `total` (largest remainder). */
export function distributeIntegers(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  const exact = weights.map((w) => (sum > 0 ? (w * total) / sum : total / weights.length));
  const out = exact.map((e) => Math.floor(e));
  let rest = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; rest > 0 && order.length > 0; k = (k + 1) % order.length, rest--) {
    const i = order[k]?.i ?? 0;
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}
