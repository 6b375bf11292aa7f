import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readShared, skipShared } from "./fixtures/shared-data.ts";
import { checkRdPoint, checkWgs84Point } from "./nl-bounds.ts";
import { wgs84ToRd } from "./rd.ts";

/** Every [lon, lat] vertex in a GeoJSON FeatureCollection of (Multi)Polygons. */
function vertices(geojson: string): [number, number][] {
  const doc = JSON.parse(geojson) as {
    features: { geometry: { type: string; coordinates: unknown } }[];
  };
  const out: [number, number][] = [];
  for (const f of doc.features) {
    const polys = (
      f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates
    ) as number[][][][];
    for (const p of polys) for (const r of p) for (const v of r) out.push([v[0] as number, v[1] as number]);
  }
  return out;
}

describe("checkRdPoint", () => {
  it("accepts known Dutch places", () => {
    // The RD origin at the Onze Lieve Vrouwetoren in Amersfoort, and the Dam in Amsterdam.
    assert.deepEqual(checkRdPoint(155_000, 463_000), { ok: true });
    assert.deepEqual(checkRdPoint(121_400, 487_400), { ok: true });
  });

  it("reports values that are not numbers", () => {
    for (const [x, y] of [
      [Number.NaN, 463_000],
      [155_000, Number.POSITIVE_INFINITY],
      ["155000", 463_000],
      [null, null],
      [undefined, 463_000],
    ]) {
      const r = checkRdPoint(x, y);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.reason, /geen getal/);
    }
  });

  it("reports swapped x and y", () => {
    const r = checkRdPoint(463_000, 155_000);
    assert.deepEqual(r, { ok: false, reason: "x en y lijken verwisseld" });
  });

  it("reports points outside the Netherlands, with the bounds in the reason", () => {
    for (const [x, y] of [
      [0, 0],
      [-1, 463_000],
      [300_001, 463_000],
      [155_000, 288_999],
      [155_000, 629_001],
      [1_000_000, 5_000_000],
    ]) {
      const r = checkRdPoint(x, y);
      assert.equal(r.ok, false, `${x},${y}`);
      if (!r.ok) assert.match(r.reason, /buiten Nederland.*300\.000.*289\.000.*629\.000/);
    }
  });

  it("recognises degrees given as RD", () => {
    const r = checkRdPoint(5.387, 52.155);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /WGS84/);
  });

  it("accepts every vertex of the 2025 municipality borders, and flags each one swapped", {
    skip: skipShared,
  }, () => {
    const vs = vertices(readShared("gemeente_2025.geojson"));
    assert.ok(vs.length > 6000);
    for (const [lon, lat] of vs) {
      const [x, y] = wgs84ToRd(lon, lat);
      assert.deepEqual(checkRdPoint(x, y), { ok: true }, `${lon},${lat}`);
      assert.deepEqual(checkRdPoint(y, x), { ok: false, reason: "x en y lijken verwisseld" });
    }
  });
});

describe("checkWgs84Point", () => {
  it("accepts known Dutch places", () => {
    assert.deepEqual(checkWgs84Point(52.3731, 4.8926), { ok: true }); // Dam, Amsterdam
    assert.deepEqual(checkWgs84Point(50.8485, 5.6893), { ok: true }); // Vrijthof, Maastricht
    assert.deepEqual(checkWgs84Point(53.4, 6.2), { ok: true }); // Wadden Sea north of Groningen
  });

  it("reports swapped latitude and longitude", () => {
    const r = checkWgs84Point(4.8926, 52.3731);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /verwisseld/);
  });

  it("reports values that are not numbers", () => {
    const r = checkWgs84Point(Number.NaN, 4.9);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /geen getal/);
  });

  it("reports points outside the Netherlands", () => {
    for (const [lat, lon] of [
      [0, 0],
      [48.8566, 2.3522], // Paris
      [50.6292, 3.0573], // Lille
      [52.52, 13.405], // Berlin
      [54.0, 5.0], // North Sea, beyond the coastal water
    ]) {
      const r = checkWgs84Point(lat, lon);
      assert.equal(r.ok, false, `${lat},${lon}`);
      if (!r.ok) assert.match(r.reason, /buiten Nederland/);
    }
  });

  it("recognises RD metres given as degrees", () => {
    const r = checkWgs84Point(463_000, 155_000);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /RD/);
  });

  it("accepts every vertex of the 2025 municipality borders, and flags each one swapped", {
    skip: skipShared,
  }, () => {
    for (const [lon, lat] of vertices(readShared("gemeente_2025.geojson"))) {
      assert.deepEqual(checkWgs84Point(lat, lon), { ok: true }, `${lon},${lat}`);
      const swapped = checkWgs84Point(lon, lat);
      assert.equal(swapped.ok, false);
      if (!swapped.ok) assert.match(swapped.reason, /verwisseld/);
    }
  });
});
