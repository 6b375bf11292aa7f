import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Area, MultiPolygon, Polygon } from "../area.ts";
import { AreaIndex } from "./area-index.ts";
import { readShared, seededRandom, skipShared } from "./fixtures/shared-data.ts";
import { type ParseAreasOptions, parseAreasGeoJson } from "./geojson-areas.ts";
import { pointInMultiPolygon } from "./point-in-polygon.ts";
import { wgs84ToRd } from "./rd.ts";

type Pt = [number, number];

function area(code: string, rd: MultiPolygon | null): Area {
  return { code, level: "buurt", year: 2024, name: code, parent: null, wgs84: null, rd };
}

/** Reference answer: the first area, in order, whose geometry contains the point (bbox first, for speed). */
function bruteForce(areas: readonly Area[]): (x: number, y: number) => number {
  const boxes = areas.map((a) => {
    const pts = (a.rd ?? []).flat(2);
    return {
      minX: Math.min(...pts.map((p) => p[0])),
      maxX: Math.max(...pts.map((p) => p[0])),
      minY: Math.min(...pts.map((p) => p[1])),
      maxY: Math.max(...pts.map((p) => p[1])),
    };
  });
  return (x, y) => {
    for (let i = 0; i < areas.length; i++) {
      const b = boxes[i];
      const rd = areas[i]?.rd;
      if (!b || !rd || x < b.minX || x > b.maxX || y < b.minY || y > b.maxY) continue;
      if (pointInMultiPolygon(rd, x, y)) return i;
    }
    return -1;
  };
}

/** Every vertex and every edge midpoint: points exactly on (or within rounding of) the borders. */
function borderPoints(areas: readonly Area[], every = 1): Pt[] {
  const out: Pt[] = [];
  let k = 0;
  for (const a of areas) {
    for (const poly of a.rd ?? []) {
      for (const ring of poly) {
        for (let i = 0; i + 1 < ring.length; i++) {
          if (k++ % every !== 0) continue;
          const p = ring[i] as Pt;
          const q = ring[i + 1] as Pt;
          out.push(p, [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2]);
        }
      }
    }
  }
  return out;
}

function randomPoints(
  n: number,
  box: { minX: number; minY: number; maxX: number; maxY: number },
  seed: number,
) {
  const rnd = seededRandom(seed);
  const out: Pt[] = [];
  for (let i = 0; i < n; i++) {
    out.push([box.minX + rnd() * (box.maxX - box.minX), box.minY + rnd() * (box.maxY - box.minY)]);
  }
  return out;
}

function assertMatchesBruteForce(index: AreaIndex, points: Pt[], what: string): void {
  const expected = bruteForce(index.areas);
  let mismatches = 0;
  let first = "";
  for (const [x, y] of points) {
    const want = expected(x, y);
    const got = index.locateIndex(x, y);
    if (want !== got) {
      if (mismatches === 0) first = `(${x}, ${y}): index ${got}, brute force ${want}`;
      mismatches++;
    }
  }
  assert.equal(mismatches, 0, `${what}: ${mismatches} of ${points.length} differ, first ${first}`);
}

const square = (x0: number, y0: number, x1: number, y1: number): Pt[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

/** A star-shaped polygon around (cx, cy), optionally with a hole, in either winding. */
function star(rnd: () => number, cx: number, cy: number, r: number, withHole: boolean): Polygon {
  const n = 5 + Math.floor(rnd() * 40);
  const outer: Pt[] = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    const radius = r * (0.5 + rnd() * 0.5);
    outer.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  outer.push(outer[0] as Pt);
  if (rnd() < 0.5) outer.reverse();
  if (!withHole) return [outer];
  const h = r * 0.2;
  return [outer, square(cx - h, cy - h * 0.7, cx + h * 0.9, cy + h)];
}

describe("AreaIndex: synthetic areas", () => {
  it("is empty without geometry", () => {
    for (const index of [new AreaIndex([]), new AreaIndex([area("BU00000001", null)])]) {
      assert.equal(index.bbox, null);
      assert.equal(index.locate(155_000, 463_000), null);
      assert.deepEqual([...index.locateMany(new Float64Array([1, 2]), new Float64Array([3, 4]))], [-1, -1]);
    }
  });

  it("gives the bbox of all RD geometry and nothing outside it", () => {
    const areas = [
      area("A", [[square(10, 20, 30, 40)]]),
      area("B", null),
      area("C", [[square(25, 35, 50, 45)]]),
    ];
    const index = new AreaIndex(areas);
    assert.deepEqual(index.bbox, { minX: 10, minY: 20, maxX: 50, maxY: 45 });
    assert.equal(index.locate(15, 25)?.code, "A");
    assert.equal(index.locate(45, 44)?.code, "C");
    assert.equal(index.locate(27, 37)?.code, "A", "overlap: the first area in input order");
    for (const [x, y] of [
      [9.999, 25],
      [50.001, 44],
      [15, 45.001],
      [Number.NaN, 30],
      [20, Number.NaN],
      [Number.POSITIVE_INFINITY, 30],
    ] as Pt[]) {
      assert.equal(index.locate(x, y), null, `${x},${y}`);
    }
  });

  it("a grid of squares with inexact coordinates: borders follow the half-open rule, at every cell size", () => {
    const xs = [100.1, 100.3, 100.7, 101.1, 101.3, 101.9, 102.2];
    const ys = [200.2, 200.6, 200.7, 201.3, 202.9, 203.05];
    const areas: Area[] = [];
    const where: Pt[] = [];
    for (let i = 0; i + 1 < xs.length; i++) {
      for (let j = 0; j + 1 < ys.length; j++) {
        const ring = square(xs[i] as number, ys[j] as number, xs[i + 1] as number, ys[j + 1] as number);
        areas.push(area(`${i},${j}`, [[(i + j) % 2 === 0 ? ring : [...ring].reverse()]]));
        where.push([i, j]);
      }
    }
    for (const cellSize of [undefined, 0.013, 0.1, 0.4, 7]) {
      const index = new AreaIndex(areas, cellSize === undefined ? {} : { cellSize });
      // Interior vertices belong to the square above-right, vertical borders to the right, horizontal ones above.
      for (let i = 1; i + 1 < xs.length; i++) {
        for (let j = 1; j + 1 < ys.length; j++) {
          const x = xs[i] as number;
          const y = ys[j] as number;
          assert.deepEqual(where[index.locateIndex(x, y)], [i, j], `vertex ${x},${y} cell ${cellSize}`);
          const my = (y + (ys[j + 1] as number)) / 2;
          assert.deepEqual(where[index.locateIndex(x, my)], [i, j], `vertical border ${x},${my}`);
          const mx = (x + (xs[i + 1] as number)) / 2;
          assert.deepEqual(where[index.locateIndex(mx, y)], [i, j], `horizontal border ${mx},${y}`);
        }
      }
      const box = { minX: 100, minY: 200, maxX: 102.3, maxY: 203.1 };
      assertMatchesBruteForce(
        index,
        [...randomPoints(3000, box, 7), ...borderPoints(areas)],
        `cell ${cellSize}`,
      );
    }
  });

  it("overlapping stars with holes and multi-part areas: the first area in input order wins", () => {
    const rnd = seededRandom(11);
    const areas: Area[] = [];
    for (let k = 0; k < 60; k++) {
      const parts: MultiPolygon = [star(rnd, rnd() * 5000, rnd() * 3000, 200 + rnd() * 800, rnd() < 0.4)];
      if (rnd() < 0.3) parts.push(star(rnd, rnd() * 5000, rnd() * 3000, 100 + rnd() * 300, false));
      areas.push(area(`S${k}`, parts));
    }
    const points = [
      ...randomPoints(20_000, { minX: -1000, minY: -1000, maxX: 6000, maxY: 4000 }, 12),
      ...borderPoints(areas),
    ];
    for (const cellSize of [undefined, 3, 40, 2500]) {
      const index = new AreaIndex(areas, cellSize === undefined ? {} : { cellSize });
      assertMatchesBruteForce(index, points, `cell ${cellSize}`);
      const xs = Float64Array.from(points, (p) => p[0]);
      const ys = Float64Array.from(points, (p) => p[1]);
      assert.deepEqual(
        [...index.locateMany(xs, ys)],
        points.map(([x, y]) => index.locateIndex(x, y)),
      );
    }
  });
});

describe("AreaIndex: the real files in ../shared/data", () => {
  const load = (file: string, opts: ParseAreasOptions) =>
    parseAreasGeoJson(readShared(file), file, opts).areas;

  it("Amsterdam buurten: 20,000 random points and all borders agree with brute force", {
    skip: skipShared,
  }, () => {
    const areas = load("amsterdam_buurten.geojson", { level: "buurt", year: 2024, codeProperty: "cbsCode" });
    assert.equal(areas.length, 518);
    const index = new AreaIndex(areas);
    const box = index.bbox;
    assert.ok(box);
    const random = randomPoints(20_000, box, 2024);
    assertMatchesBruteForce(index, random, "random points");
    assert.ok(
      random.filter(([x, y]) => index.locate(x, y) !== null).length > 5000,
      "many points fall in a buurt",
    );
    assertMatchesBruteForce(index, borderPoints(areas, 2), "vertices and edge midpoints");
    // Other grid sizes, fewer points.
    for (const cellSize of [15, 1500]) {
      assertMatchesBruteForce(new AreaIndex(areas, { cellSize }), random.slice(0, 3000), `cell ${cellSize}`);
    }
  });

  it("Amsterdam buurten: the centroid of each convex buurt lies in that buurt", { skip: skipShared }, () => {
    const areas = load("amsterdam_buurten.geojson", { level: "buurt", year: 2024, codeProperty: "cbsCode" });
    const index = new AreaIndex(areas);
    let convex = 0;
    for (const a of areas) {
      const ring = a.rd?.length === 1 && a.rd[0]?.length === 1 ? a.rd[0][0] : undefined;
      if (!ring || !isConvex(ring)) continue;
      convex++;
      const [cx, cy] = centroid(ring);
      assert.equal(index.locate(cx, cy)?.code, a.code);
    }
    assert.ok(convex >= 5, `only ${convex} convex buurten`);
  });

  it("municipalities: known places, given in WGS84, are found in RD", { skip: skipShared }, () => {
    const index = new AreaIndex(load("gemeente_2025.geojson", { level: "gemeente", year: 2025 }));
    const places: [string, number, number][] = [
      ["GM0363", 4.8926, 52.3731], // Dam
      ["GM0344", 5.1213, 52.0907], // Domtoren
      ["GM0599", 4.4868, 51.9094], // Erasmusbrug
      ["GM0935", 5.6893, 50.8485], // Vrijthof
      ["GM0014", 6.5683, 53.2193], // Martinitoren
      ["GM0307", 5.3872, 52.1552], // Onze Lieve Vrouwetoren, Amersfoort
    ];
    for (const [code, lon, lat] of places) {
      const [x, y] = wgs84ToRd(lon, lat);
      assert.equal(index.locate(x, y)?.code, code, `${lon},${lat}`);
    }
    assert.equal(index.locate(...wgs84ToRd(4.0, 52.5)), null, "North Sea");
  });

  it("municipalities fall in the police unit of the derived table", { skip: skipShared }, () => {
    const gemeenten = load("gemeente_2025.geojson", { level: "gemeente", year: 2025 });
    const units = new AreaIndex(load("regionale_eenheid_2025.geojson", { level: "eenheid", year: 2025 }));
    const expected = new Map(
      readShared("gemeente_politie_eenheid_2025_derived.csv")
        .trim()
        .split("\n")
        .slice(1)
        // gemeentecode,gemeentenaam (may be quoted, with commas),regionale_eenheid_code,...
        .map((l) => [l.slice(0, l.indexOf(",")), /,(RE\d\d),/.exec(l)?.[1]]),
    );
    const rnd = seededRandom(5);
    for (const g of gemeenten) {
      const rd = g.rd ?? [];
      const own = new AreaIndex([g]);
      const box = own.bbox;
      assert.ok(box);
      const votes = new Map<string, number>();
      let samples = 0;
      for (let tries = 0; tries < 5000 && samples < 40; tries++) {
        const x = box.minX + rnd() * (box.maxX - box.minX);
        const y = box.minY + rnd() * (box.maxY - box.minY);
        if (!pointInMultiPolygon(rd, x, y)) continue;
        samples++;
        const unit = units.locate(x, y)?.code;
        if (unit) votes.set(unit, (votes.get(unit) ?? 0) + 1);
      }
      const best = [...votes.entries()].sort((p, q) => q[1] - p[1])[0]?.[0];
      assert.equal(best, expected.get(g.code), `${g.code} ${g.name}: ${JSON.stringify([...votes])}`);
    }
  });

  it("Alkmaar: the centroid published with each wijk lies in that wijk", { skip: skipShared }, () => {
    const text = readShared("alkmaar_wijken_2024_partial.geojson");
    const index = new AreaIndex(parseAreasGeoJson(text, "alkmaar", { level: "wijk", year: 2024 }).areas);
    const doc = JSON.parse(text) as { features: { properties: { wijkCode: string; centroid: Pt } }[] };
    assert.equal(index.areas.length, 8);
    for (const f of doc.features) {
      const [lon, lat] = f.properties.centroid;
      assert.equal(index.locate(...wgs84ToRd(lon, lat))?.code, f.properties.wijkCode);
    }
  });
});

function isConvex(ring: Pt[]): boolean {
  const n = ring.length - 1;
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < n; i++) {
    const p = ring[i] as Pt;
    const q = ring[(i + 1) % n] as Pt;
    const s = ring[(i + 2) % n] as Pt;
    const c = (q[0] - p[0]) * (s[1] - q[1]) - (q[1] - p[1]) * (s[0] - q[0]);
    if (c > 1e-6) pos++;
    else if (c < -1e-6) neg++;
  }
  return n >= 3 && (pos === 0 || neg === 0);
}

/** Area centroid of a simple ring (shoelace). */
function centroid(ring: Pt[]): Pt {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as Pt;
    const [x2, y2] = ring[i + 1] as Pt;
    const f = x1 * y2 - x2 * y1;
    a += f;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  return [cx / (3 * a), cy / (3 * a)];
}
