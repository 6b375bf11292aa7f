import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { conformRings } from "./conform.ts";
import type { Point, Ring } from "./polygon.ts";
import { area, blobRing, clipHalfPlane, convexInset, signedArea } from "./polygon.ts";
import { Rng } from "./prng.ts";
import { bestCandidateSites } from "./sites.ts";
import { pointInRing, unionRings } from "./union.ts";
import { voronoiCells } from "./voronoi.ts";

const square = (x: number, y: number, s: number): Ring => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
];

describe("demo geometry", () => {
  it("clips a convex ring to a half-plane", () => {
    const r = clipHalfPlane(square(0, 0, 10), 1, 0, 4); // x <= 4
    assert.equal(area(r), 40);
    assert.ok(signedArea(r) > 0);
    assert.deepEqual(clipHalfPlane(square(0, 0, 10), 1, 0, -1), []);
    assert.equal(convexInset(square(0, 0, 10), 3, 5), 3);
    assert.ok(convexInset(square(0, 0, 10), -1, 5) < 0);
  });

  it("Voronoi cells tile their container: areas add up and every point is in exactly one cell", () => {
    const rng = new Rng(3);
    const container = blobRing(rng, 0, 0, 5000, 4000, 12);
    const sites = bestCandidateSites(rng, container, 40, { margin: 10 });
    const cells = voronoiCells(container, sites);
    assert.equal(cells.length, 40);
    const sum = cells.reduce((s, c) => s + area(c), 0);
    assert.ok(Math.abs(sum - area(container)) / area(container) < 1e-9);
    for (let i = 0; i < 3000; i++) {
      const x = rng.range(-5500, 5500);
      const y = rng.range(-4500, 4500);
      const inside = pointInRing(container, x, y);
      const hits = cells.filter((c) => pointInRing(c, x, y)).length;
      assert.equal(hits, inside ? 1 : 0);
    }
    // Each site lies in its own cell.
    sites.forEach((s, i) => {
      assert.ok(pointInRing(cells[i] as Ring, s[0], s[1]));
    });
  });

  it("unions edge-sharing cells into outer rings (and holes)", () => {
    const grid: Ring[] = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) grid.push(square(i * 10, j * 10, 10));
    const all = unionRings(grid);
    assert.equal(all.length, 1);
    assert.equal(area(all[0]?.[0] ?? []), 900);
    const ring = unionRings(grid.filter((_, k) => k !== 4)); // without the middle square
    assert.equal(ring.length, 1);
    assert.equal(ring[0]?.length, 2, "outer ring and a hole");
    const apart = unionRings([square(0, 0, 10), square(20, 0, 10)]);
    assert.equal(apart.length, 2);
  });

  it("conforms rings: a vertex on a neighbour's edge is inserted there, long edges get grid vertices", () => {
    const big: Ring = [
      [0, 0],
      [3000, 0],
      [3000, 1000],
      [0, 1000],
    ];
    const left: Ring = [
      [3000, 0],
      [4000, 0],
      [4000, 500],
      [3000, 500],
    ];
    const right: Ring = [
      [3000, 500],
      [4000, 500],
      [4000, 1000],
      [3000, 1000],
    ];
    conformRings([big, left, right]);
    assert.ok(
      big.some((p: Point) => p[0] === 3000 && p[1] === 500),
      "T-junction vertex inserted",
    );
    assert.ok(
      big.some((p: Point) => p[0] === 1000 && p[1] === 0),
      "grid vertex on the long edge",
    );
    assert.equal(area(big), 3_000_000);
  });
});
