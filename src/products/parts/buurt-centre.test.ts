import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { MultiPolygon } from "../../domain/area.ts";
import { pointInMultiPolygon } from "../../domain/geo/point-in-polygon.ts";
import { buurtCentre } from "./buurt-centre.ts";
import { U_SHAPE } from "./incident-test-data.ts";

const square = (x: number, y: number, size: number): [number, number][] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe("buurtCentre", () => {
  it("is the centroid of a convex buurt, in whole metres, whatever the winding", () => {
    assert.deepEqual(buurtCentre([[square(100000, 400000, 1000)]]), [100500, 400500]);
    assert.deepEqual(buurtCentre([[square(100000, 400000, 1000).reverse()]]), [100500, 400500]);
    // A triangle: centroid at the mean of the corners.
    assert.deepEqual(
      buurtCentre([
        [
          [
            [0, 0],
            [900, 0],
            [0, 900],
          ],
        ],
      ]),
      [300, 300],
    );
  });

  it("lies inside a U shape whose centroid falls in the gap", () => {
    // Bottom bar 1000×300 and two arms 300×700: centroid (102500, 400441.7) lies in the gap.
    const c = buurtCentre(U_SHAPE);
    assert.deepEqual(c, [102150, 400442]);
    assert.ok(c && pointInMultiPolygon(U_SHAPE, c[0], c[1]));
  });

  it("accounts for holes and takes the largest part", () => {
    // A square with a hole in its middle: the centroid (in the hole) is not used.
    const withHole: MultiPolygon = [[square(0, 0, 900), square(300, 300, 300)]];
    const c = buurtCentre(withHole);
    assert.ok(c && pointInMultiPolygon(withHole, c[0], c[1]), `inside: ${c}`);
    const islands: MultiPolygon = [[square(0, 0, 10)], [square(1000, 1000, 200)]];
    assert.deepEqual(buurtCentre(islands), [1100, 1100]);
  });

  it("is null without geometry", () => {
    assert.equal(buurtCentre(null), null);
    assert.equal(buurtCentre([]), null);
    assert.equal(
      buurtCentre([
        [
          [
            [0, 0],
            [1, 1],
          ],
        ],
      ]),
      null,
    );
  });
});
