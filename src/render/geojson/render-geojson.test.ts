import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sampleDocument } from "../../products/sample-document.ts";
import { renderGeoJson } from "./render-geojson.ts";

// An independent check of the RFC 7946 rules this output must follow.
function validateGeoJson(fc: {
  type: string;
  features: { type: string; geometry: { type: string; coordinates: unknown }; properties: unknown }[];
}): string[] {
  const errors: string[] = [];
  const area = (ring: number[][]) =>
    ring
      .slice(0, -1)
      .reduce(
        (s, p, i) =>
          s +
          (p[0] as number) * (ring[i + 1]?.[1] as number) -
          (ring[i + 1]?.[0] as number) * (p[1] as number),
        0,
      );
  const position = (p: unknown, where: string) => {
    if (!Array.isArray(p) || p.length < 2 || p.some((v) => typeof v !== "number"))
      errors.push(`${where}: no position`);
    else if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) errors.push(`${where}: not WGS84`);
  };
  const polygon = (rings: number[][][], where: string) => {
    for (const [i, ring] of rings.entries()) {
      for (const [k, p] of ring.entries()) position(p, `${where} ring ${i} pos ${k}`);
      if (ring.length < 4) errors.push(`${where} ring ${i}: fewer than 4 positions`);
      const [a, b] = [ring[0], ring.at(-1)];
      if (a?.[0] !== b?.[0] || a?.[1] !== b?.[1]) errors.push(`${where} ring ${i}: not closed`);
      if (area(ring) > 0 !== (i === 0)) errors.push(`${where} ring ${i}: wrong winding`);
    }
  };
  if (fc.type !== "FeatureCollection") errors.push("not a FeatureCollection");
  fc.features.forEach((f, n) => {
    if (f.type !== "Feature") errors.push(`feature ${n}: type`);
    if (typeof f.properties !== "object") errors.push(`feature ${n}: properties`);
    const g = f.geometry;
    if (g.type === "Point") position(g.coordinates, `feature ${n}`);
    else if (g.type === "Polygon") polygon(g.coordinates as number[][][], `feature ${n}`);
    else if (g.type === "MultiPolygon") {
      for (const [k, p] of (g.coordinates as number[][][][]).entries()) polygon(p, `feature ${n}.${k}`);
    } else errors.push(`feature ${n}: geometry ${g.type}`);
  });
  return errors;
}

describe("GeoJSON of a product's maps", () => {
  it("is valid RFC 7946, with the values and the withheld mark in the properties", () => {
    const doc = sampleDocument();
    const fc = JSON.parse(renderGeoJson(doc));
    // Exterior rings counterclockwise, every ring closed, positions in WGS84.
    assert.deepEqual(validateGeoJson(fc), []);
    assert.equal(fc.features.length, 3);
    assert.deepEqual(fc.features[0].properties, {
      code: "WK900101",
      naam: "Centrum",
      aantal: 210,
      kaart: "wijken",
      waarde: "aantal",
    });
    assert.equal(fc.features[1].properties.afgeschermd, true);
    assert.equal(fc.features[1].properties.aantal, null);
    assert.equal(fc.product, "voorbeeld");
  });

  it("closes open rings and puts holes clockwise", () => {
    const doc = sampleDocument();
    const map = doc.sections[1]?.blocks[0];
    assert.equal(map?.kind, "map");
    if (map?.kind !== "map") return;
    map.features = [
      {
        type: "Feature",
        id: "gat",
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [5, 52],
              [5, 53],
              [6, 53],
              [6, 52],
            ],
            [
              [5.2, 52.2],
              [5.4, 52.2],
              [5.4, 52.4],
              [5.2, 52.4],
              [5.2, 52.2],
            ],
          ],
        },
        properties: { naam: "Met gat", aantal: 3 },
      },
    ];
    const fc = JSON.parse(renderGeoJson(doc));
    assert.deepEqual(validateGeoJson(fc), []);
    assert.equal(fc.features[0].geometry.coordinates[0].length, 5);
  });

  it("refuses a product without a map, naming the option", () => {
    const doc = sampleDocument();
    doc.sections = doc.sections.slice(0, 1);
    assert.throws(
      () => renderGeoJson(doc),
      (e: Error & { file?: string }) => e.file === "--formaat" && /geen kaart/.test(e.message),
    );
  });
});
