import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { MultiPolygon } from "../../domain/area.ts";
import { DENSITY_COLORS, densitySvg, pathOf, projection } from "./choropleth-svg.ts";

const frame = { minX: 100_000, minY: 400_000, maxX: 110_000, maxY: 410_000 };
const p = projection(frame);

/** The rings of path data written as "Mx,y x,y …Z": the points as numbers. */
function ringsOf(d: string): [number, number][][] {
  return [...d.matchAll(/M([^Z]*)Z/g)].map((m) =>
    (m[1] ?? "").split(" ").map((pair) => pair.split(",").map(Number) as [number, number]),
  );
}

describe("the Kaart's SVG", () => {
  it("writes each ring's points as projected, leaving out points that fall together at 0.1 px", () => {
    const square: MultiPolygon = [
      [
        [
          [101_000, 401_000],
          [101_000.01, 401_000.01], // the same pixel as the point before it
          [109_000, 401_000],
          [109_000, 409_000],
          [101_000, 409_000],
          [101_000, 401_000],
        ],
        // A hole of a few centimetres: less than a triangle at 0.1 px, left out.
        [
          [105_000, 405_000],
          [105_000.02, 405_000],
          [105_000.02, 405_000.02],
          [105_000, 405_000],
        ],
      ],
    ];
    const rings = ringsOf(pathOf(square, p));
    assert.equal(rings.length, 1);
    const expected = [
      [101_000, 401_000],
      [109_000, 401_000],
      [109_000, 409_000],
      [101_000, 409_000],
    ].map(([x, y]) => [Number(p.x(x as number)), Number(p.y(y as number))]);
    assert.deepEqual(rings[0], expected);
    // North up: a larger RD y is higher on the map (a smaller SVG y).
    assert.ok((rings[0]?.[2]?.[1] ?? 0) < (rings[0]?.[1]?.[1] ?? 0));
  });

  it("draws every density cell once, as a square of its level's colour at the cell's place", () => {
    const cell = 500;
    const cells = [
      { x0: 101_000, y0: 401_000, niveau: 1 },
      { x0: 101_500, y0: 401_000, niveau: 3 },
      { x0: 102_000, y0: 402_500, niveau: 3 },
      { x0: 108_000, y0: 409_500, niveau: 5 },
    ];
    const svg = densitySvg({ title: "Dichtheid", description: "4 vakken", frame, areas: [], cells, cell });
    const paths = [...svg.matchAll(/<path d="([^"]*)" fill="(#[0-9a-f]{6})"\/>/g)];
    assert.deepEqual(
      paths.map((m) => m[2]),
      [DENSITY_COLORS[0], DENSITY_COLORS[2], DENSITY_COLORS[4]],
    );
    const squares = paths.flatMap((m) =>
      [...(m[1] ?? "").matchAll(/M([\d.]+),([\d.]+)h([\d.]+)v([\d.]+)h-([\d.]+)z/g)].map((s) => ({
        color: m[2],
        x: Number(s[1]),
        y: Number(s[2]),
        w: Number(s[3]),
        h: Number(s[4]),
        back: Number(s[5]),
      })),
    );
    assert.equal(squares.length, cells.length);
    for (const c of cells) {
      const left = Number(p.x(c.x0));
      const top = Number(p.y(c.y0 + cell));
      const s = squares.find((q) => q.x === left && q.y === top);
      assert.ok(s, `cell ${c.x0},${c.y0}`);
      assert.equal(s.color, DENSITY_COLORS[c.niveau - 1]);
      assert.ok(Math.abs(s.x + s.w - Number(p.x(c.x0 + cell))) < 0.051);
      assert.ok(Math.abs(s.y + s.h - Number(p.y(c.y0))) < 0.051);
      assert.equal(s.back, s.w, "the square closes");
    }
    assert.doesNotMatch(
      svg,
      /<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#[0-9a-f]{6}"\/>/,
    );
  });
});
