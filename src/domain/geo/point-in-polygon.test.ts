import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Polygon } from "../area.ts";
import { seededRandom } from "./fixtures/shared-data.ts";
import { pointInMultiPolygon, pointInPolygon } from "./point-in-polygon.ts";

type Pt = [number, number];

const square = (x0: number, y0: number, x1: number, y1: number): Pt[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const reversed = (ring: Pt[]): Pt[] => [...ring].reverse();
const open = (ring: Pt[]): Pt[] => ring.slice(0, -1);

/** Independent test for convex polygons: on the inner side of every edge (either winding). */
function insideConvex(ring: Pt[], p: Pt): { inside: boolean; near: boolean } {
  let pos = 0;
  let neg = 0;
  let near = false;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i] as Pt;
    const [bx, by] = ring[i + 1] as Pt;
    const len = Math.hypot(bx - ax, by - ay);
    const d = ((bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax)) / len;
    if (Math.abs(d) < 1e-9) near = true;
    if (d > 0) pos++;
    else neg++;
  }
  return { inside: pos === 0 || neg === 0, near };
}

/** The double `n` representable steps above (n > 0) or below (n < 0) a positive finite x. */
function stepUlps(x: number, n: number): number {
  const f = new Float64Array([x]);
  const bits = new BigInt64Array(f.buffer);
  bits[0] = (bits[0] as bigint) + BigInt(n);
  return f[0] as number;
}

function regularPolygon(cx: number, cy: number, r: number, n: number): Pt[] {
  const ring: Pt[] = [];
  for (let i = 0; i < n; i++)
    ring.push([cx + r * Math.cos((2 * Math.PI * i) / n), cy + r * Math.sin((2 * Math.PI * i) / n)]);
  ring.push(ring[0] as Pt);
  return ring;
}

describe("pointInPolygon: half-open boundary rule", () => {
  const variants: [string, Pt[]][] = [
    ["counter-clockwise", square(0, 0, 1, 1)],
    ["clockwise", reversed(square(0, 0, 1, 1))],
    ["open ring", open(square(0, 0, 1, 1))],
    ["open clockwise ring", open(reversed(square(0, 0, 1, 1)))],
  ];
  for (const [name, ring] of variants) {
    it(`treats the unit square as [0,1) x [0,1) (${name})`, () => {
      const poly: Polygon = [ring];
      const inside: Pt[] = [
        [0.5, 0.5],
        [0, 0],
        [0.5, 0],
        [0, 0.5],
        [0.999999, 0.999999],
      ];
      const outside: Pt[] = [
        [1, 0.5],
        [0.5, 1],
        [1, 1],
        [1, 0],
        [0, 1],
        [-1e-12, 0.5],
        [0.5, -1e-12],
        [2, 0.5],
        [0.5, 2],
      ];
      for (const p of inside) assert.equal(pointInPolygon(poly, p[0], p[1]), true, `${p} inside`);
      for (const p of outside) assert.equal(pointInPolygon(poly, p[0], p[1]), false, `${p} outside`);
    });
  }

  it("agrees with a half-plane test on a convex 37-gon, both windings", () => {
    const rnd = seededRandom(1);
    const ring = regularPolygon(155_000.3, 463_000.7, 1234.5, 37);
    let checked = 0;
    for (let i = 0; i < 5000; i++) {
      const p: Pt = [155_000 + (rnd() - 0.5) * 3000, 463_000 + (rnd() - 0.5) * 3000];
      const expected = insideConvex(ring, p);
      if (expected.near) continue;
      checked++;
      assert.equal(pointInPolygon([ring], p[0], p[1]), expected.inside, `${p}`);
      assert.equal(pointInPolygon([reversed(ring)], p[0], p[1]), expected.inside, `${p} reversed`);
    }
    assert.ok(checked > 4900);
  });

  it("excludes holes: a ring-shaped polygon agrees with outer-and-not-inner", () => {
    const rnd = seededRandom(2);
    const outer = regularPolygon(0, 0, 10, 24);
    const hole = regularPolygon(0.5, -0.25, 4, 13);
    for (const poly of [
      [outer, hole],
      [reversed(outer), hole],
      [outer, reversed(hole)],
    ] as Polygon[]) {
      for (let i = 0; i < 3000; i++) {
        const p: Pt = [(rnd() - 0.5) * 24, (rnd() - 0.5) * 24];
        const o = insideConvex(outer, p);
        const h = insideConvex(hole, p);
        if (o.near || h.near) continue;
        assert.equal(pointInPolygon(poly, p[0], p[1]), o.inside && !h.inside, `${p}`);
      }
    }
  });

  it("treats a MultiPolygon as the union of disjoint parts", () => {
    const multi = [[square(0, 0, 1, 1)], [reversed(square(3, 3, 4, 5))]];
    assert.equal(pointInMultiPolygon(multi, 0.5, 0.5), true);
    assert.equal(pointInMultiPolygon(multi, 3.5, 4.5), true);
    assert.equal(pointInMultiPolygon(multi, 2, 2), false);
    assert.equal(pointInMultiPolygon([], 0, 0), false);
  });
});

describe("pointInPolygon: shared borders belong to exactly one neighbour", () => {
  it("a 5 x 4 grid of squares with inexact coordinates and mixed winding", () => {
    const xs = [0.1, 0.3, 0.7, 1.1, 1.3, 1.9];
    const ys = [0.2, 0.6, 0.7, 1.3, 2.9];
    const cells: { poly: Polygon; i: number; j: number }[] = [];
    for (let i = 0; i + 1 < xs.length; i++) {
      for (let j = 0; j + 1 < ys.length; j++) {
        const ring = square(xs[i] as number, ys[j] as number, xs[i + 1] as number, ys[j + 1] as number);
        cells.push({ poly: [(i + j) % 2 === 0 ? ring : reversed(ring)], i, j });
      }
    }
    const owners = (x: number, y: number) => cells.filter((c) => pointInPolygon(c.poly, x, y));
    // Every grid vertex and every edge midpoint (rounded, so not always exactly on the line).
    const last = (a: number[]) => a[a.length - 1] as number;
    for (let i = 0; i < xs.length; i++) {
      for (let j = 0; j < ys.length; j++) {
        const x = xs[i] as number;
        const y = ys[j] as number;
        const interiorX = i > 0 && i < xs.length - 1;
        const interiorY = j > 0 && j < ys.length - 1;
        const atVertex = owners(x, y);
        if (interiorX && interiorY) {
          assert.equal(atVertex.length, 1, `vertex ${x},${y}`);
          // The rule: a vertex belongs to the square above-right of it.
          assert.deepEqual([atVertex[0]?.i, atVertex[0]?.j], [i, j]);
        } else {
          assert.ok(atVertex.length <= 1, `outer vertex ${x},${y}`);
        }
        if (j + 1 < ys.length && interiorX) {
          const my = ((y + (ys[j + 1] as number)) / 2) as number;
          const o = owners(x, my);
          assert.equal(o.length, 1, `vertical border ${x},${my}`);
          assert.equal(o[0]?.i, i, "a vertical border belongs to the square on its right");
        }
        if (i + 1 < xs.length && interiorY) {
          const mx = (x + (xs[i + 1] as number)) / 2;
          const o = owners(mx, y);
          assert.equal(o.length, 1, `horizontal border ${mx},${y}`);
          assert.equal(o[0]?.j, j, "a horizontal border belongs to the square above");
        }
      }
    }
    // The outer border of the whole grid: at most one owner.
    for (const x of [xs[0] as number, last(xs)]) for (const y of ys) assert.ok(owners(x, y).length <= 1);
  });

  it("a fan of triangles around one vertex, points on and near the slanted shared edges", () => {
    const rnd = seededRandom(3);
    const c: Pt = [121_345.678, 487_123.456];
    const n = 9;
    const rim: Pt[] = [];
    for (let k = 0; k < n; k++) {
      const angle = (2 * Math.PI * (k + rnd() * 0.6)) / n;
      const r = 300 + rnd() * 700;
      rim.push([c[0] + r * Math.cos(angle), c[1] + r * Math.sin(angle)]);
    }
    const wedges: Polygon[] = rim.map((p, k) => {
      const q = rim[(k + 1) % n] as Pt;
      const ring: Pt[] = [c, p, q, c];
      return [k % 2 === 0 ? ring : reversed(ring)];
    });
    const count = (x: number, y: number) => wedges.filter((w) => pointInPolygon(w, x, y)).length;
    assert.equal(count(c[0], c[1]), 1, "the shared centre");
    for (let k = 0; k < n; k++) {
      const p = rim[k] as Pt;
      const q = rim[(k + 1) % n] as Pt;
      for (let s = 0; s < 2000; s++) {
        // On the shared spoke c-p (up to rounding).
        // On the shared spoke c-p (up to rounding), and a few units in the last place either side:
        // there the rounding of the edge test decides, and both neighbours must decide alike.
        const t = rnd() * 0.999;
        const sx = c[0] + t * (p[0] - c[0]);
        const sy = c[1] + t * (p[1] - c[1]);
        for (let d = -4; d <= 4; d++) assert.equal(count(stepUlps(sx, d), sy), 1, `spoke ${k} t=${t} d=${d}`);
        // Anywhere inside the wedge c-p-q, including its spokes.
        let u = rnd();
        let v = rnd();
        if (u + v > 0.999) [u, v] = [(1 - u) * 0.999, (1 - v) * 0.999];
        const x = c[0] + u * (p[0] - c[0]) + v * (q[0] - c[0]);
        const y = c[1] + u * (p[1] - c[1]) + v * (q[1] - c[1]);
        assert.equal(count(x, y), 1, `wedge ${k} u=${u} v=${v}`);
      }
    }
  });
});
