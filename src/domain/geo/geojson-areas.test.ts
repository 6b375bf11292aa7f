import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Area, MultiPolygon } from "../area.ts";
import { InputError } from "../errors.ts";
import { readShared, skipShared } from "./fixtures/shared-data.ts";
import { cbsParentCode, type ParseAreasOptions, parseAreasGeoJson } from "./geojson-areas.ts";
import { pointInMultiPolygon } from "./point-in-polygon.ts";
import { rdToWgs84, wgs84ToRd } from "./rd.ts";

type Pt = [number, number];

// Independent helpers (shoelace), not the module's own.
function ringArea(ring: Pt[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as Pt;
    const [x2, y2] = ring[i + 1] as Pt;
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}
function multiArea(m: MultiPolygon): number {
  // Outer rings count, holes subtract.
  return m.reduce(
    (sum, p) => sum + p.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0),
    0,
  );
}
function assertRfc7946(m: MultiPolygon, what: string): void {
  for (const poly of m) {
    poly.forEach((ring, i) => {
      const first = ring[0] as Pt;
      const last = ring[ring.length - 1] as Pt;
      assert.deepEqual(first, last, `${what}: ring closed`);
      assert.equal(ringArea(ring) > 0, i === 0, `${what}: ring ${i} winding`);
    });
  }
}
function byCode(areas: Area[]): Map<string, Area> {
  return new Map(areas.map((a) => [a.code, a]));
}
function feature(props: Record<string, unknown>, geometry: unknown, extra: Record<string, unknown> = {}) {
  return { type: "Feature", properties: props, geometry, ...extra };
}
function collection(features: unknown[], crs?: string): string {
  const doc: Record<string, unknown> = { type: "FeatureCollection", features };
  if (crs) doc.crs = { type: "name", properties: { name: crs } };
  return JSON.stringify(doc);
}
const squareLonLat = (lon: number, lat: number, d: number): Pt[] => [
  [lon, lat],
  [lon, lat + d],
  [lon + d, lat + d],
  [lon + d, lat],
  [lon, lat],
];
const poly = (ring: Pt[]) => ({ type: "Polygon", coordinates: [ring] });
const GM: ParseAreasOptions = { level: "gemeente", year: 2025 };

function throwsInputError(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.file, "test.geojson");
    assert.match(e.message, pattern);
    return true;
  });
}

describe("parseAreasGeoJson: errors and problems", () => {
  it("rejects text that is not JSON", () => {
    throwsInputError(() => parseAreasGeoJson("{niet json", "test.geojson", GM), /geen geldige JSON/);
  });

  it("rejects JSON that is not a FeatureCollection", () => {
    const f = feature({ statcode: "GM0001" }, poly(squareLonLat(5, 52, 0.1)));
    throwsInputError(() => parseAreasGeoJson(JSON.stringify(f), "test.geojson", GM), /FeatureCollection/);
    throwsInputError(() => parseAreasGeoJson("[]", "test.geojson", GM), /FeatureCollection/);
  });

  it("rejects a collection without usable features, naming a reason", () => {
    const text = collection([feature({ statcode: "GM0001" }, { type: "Point", coordinates: [5, 52] })]);
    throwsInputError(() => parseAreasGeoJson(text, "test.geojson", GM), /geen bruikbare vlakken.*Point/);
    throwsInputError(() => parseAreasGeoJson(collection([]), "test.geojson", GM), /gemeentecode/);
  });

  it("rejects an unknown coordinate system", () => {
    const text = collection([feature({ statcode: "GM0001" }, poly(squareLonLat(5, 52, 0.1)))], "EPSG:3857");
    throwsInputError(() => parseAreasGeoJson(text, "test.geojson", GM), /onbekend coördinatenstelsel/);
  });

  it("skips non-polygon features, missing codes, wrong-level codes and bad coordinates, with a reason", () => {
    const text = collection([
      feature({ statcode: "GM0001", statnaam: "Een" }, poly(squareLonLat(5, 52, 0.1))),
      feature(
        { statcode: "GM0002" },
        {
          type: "LineString",
          coordinates: [
            [5, 52],
            [5.1, 52],
          ],
        },
      ),
      feature({ statnaam: "Zonder code" }, poly(squareLonLat(5.2, 52, 0.1))),
      feature({ statcode: "WK000101" }, poly(squareLonLat(5.4, 52, 0.1))),
      feature(
        { statcode: "GM0005" },
        poly([
          [5, 52],
          [5, "x"],
          [5.1, 52.1],
          [5, 52],
        ] as unknown as Pt[]),
      ),
      feature({ statcode: "GM0006" }, null),
      feature(
        { statcode: "GM0007" },
        poly([
          [5, 52],
          [5.1, 52],
          [5, 52],
        ]),
      ),
      { type: "Nonsense" },
    ]);
    const { areas, problems } = parseAreasGeoJson(text, "test.geojson", GM);
    assert.deepEqual(
      areas.map((a) => a.code),
      ["GM0001"],
    );
    assert.deepEqual(
      problems.map((p) => p.feature),
      [2, 3, 4, 5, 6, 7, 8],
    );
    const reasons = problems.map((p) => p.reason);
    assert.match(reasons[0] ?? "", /LineString/);
    assert.match(reasons[1] ?? "", /geen code/);
    assert.match(reasons[2] ?? "", /WK000101.*geen gemeentecode/);
    assert.match(reasons[3] ?? "", /ongeldige coördinaat/);
    assert.match(reasons[4] ?? "", /geen geometrie/);
    assert.match(reasons[5] ?? "", /hoekpunten/);
    assert.match(reasons[6] ?? "", /geen Feature/);
  });
});

describe("parseAreasGeoJson: codes, names, parents", () => {
  it("prefers the property whose values look like codes of the level", () => {
    const text = collection([
      feature({ code: "AA01", cbsCode: "BU0363AA01", naam: "Een" }, poly(squareLonLat(4.9, 52.37, 0.01))),
      feature({ code: "AA02", cbsCode: "BU0363AA02", naam: "Twee" }, poly(squareLonLat(4.92, 52.37, 0.01))),
    ]);
    const { areas } = parseAreasGeoJson(text, "test.geojson", { level: "buurt", year: 2024 });
    assert.deepEqual(
      areas.map((a) => [a.code, a.name, a.parent, a.level, a.year]),
      [
        ["BU0363AA01", "Een", "WK0363AA", "buurt", 2024],
        ["BU0363AA02", "Twee", "WK0363AA", "buurt", 2024],
      ],
    );
  });

  it("uses the feature id, numeric pc4 codes and the given name and parent properties", () => {
    const text = collection([
      feature({ label: "Centrum", regio: "GM0363" }, poly(squareLonLat(4.9, 52.37, 0.01)), { id: 1012 }),
    ]);
    const { areas } = parseAreasGeoJson(text, "test.geojson", {
      level: "pc4",
      year: 2024,
      nameProperty: "label",
      parentProperty: "regio",
    });
    assert.deepEqual(
      areas.map((a) => [a.code, a.name, a.parent]),
      [["1012", "Centrum", "GM0363"]],
    );
  });

  it("falls back to the code as name, and derives parents from CBS codes", () => {
    assert.equal(cbsParentCode("BU03440101"), "WK034401");
    assert.equal(cbsParentCode("WK034401"), "GM0344");
    assert.equal(cbsParentCode("BU0363AA01"), "WK0363AA");
    assert.equal(cbsParentCode("WK0363AA"), "GM0363");
    assert.equal(cbsParentCode("GM0344"), null);
    assert.equal(cbsParentCode("RE05"), null);
    const text = collection([feature({ wijkcode: "WK034401" }, poly(squareLonLat(5.1, 52.09, 0.01)))]);
    const { areas } = parseAreasGeoJson(text, "test.geojson", { level: "wijk", year: 2024 });
    assert.deepEqual(
      areas.map((a) => [a.code, a.name, a.parent]),
      [["WK034401", "WK034401", "GM0344"]],
    );
  });

  it("merges features with the same code into one MultiPolygon", () => {
    const a = squareLonLat(5, 52, 0.1);
    const b = squareLonLat(5.5, 52, 0.1);
    const text = collection([
      feature({ statcode: "GM0001", statnaam: "Een" }, poly(a)),
      feature({ statcode: "GM0002", statnaam: "Twee" }, poly(squareLonLat(6, 52, 0.1))),
      feature({ statcode: "GM0001", statnaam: "Een" }, { type: "MultiPolygon", coordinates: [[b]] }),
    ]);
    const { areas, problems } = parseAreasGeoJson(text, "test.geojson", GM);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      areas.map((x) => x.code),
      ["GM0001", "GM0002"],
    );
    const merged = areas[0];
    assert.equal(merged?.wgs84?.length, 2);
    assert.equal(merged?.rd?.length, 2);
    assert.ok(merged?.wgs84 && pointInMultiPolygon(merged.wgs84, 5.05, 52.05));
    assert.ok(merged?.wgs84 && pointInMultiPolygon(merged.wgs84, 5.55, 52.05));
  });
});

describe("parseAreasGeoJson: coordinates", () => {
  // A 200 m square around the RD origin (the Onze Lieve Vrouwetoren in Amersfoort, published as
  // 52.15517440 N, 5.38720621 E), with a 50 m hole.
  const rdSquare: Pt[] = [
    [154_900, 462_900],
    [155_100, 462_900],
    [155_100, 463_100],
    [154_900, 463_100],
    [154_900, 462_900],
  ];
  const rdHole: Pt[] = [
    [155_050, 463_050],
    [155_075, 463_050],
    [155_075, 463_075],
    [155_050, 463_075],
    [155_050, 463_050],
  ];
  const tower: Pt = [5.38720621, 52.1551744];

  for (const crs of [
    "EPSG:28992",
    "urn:ogc:def:crs:EPSG::28992",
    "http://www.opengis.net/def/crs/EPSG/0/28992",
    undefined,
  ]) {
    it(`reads RD metres (${crs ?? "no crs member"}) and adds WGS84`, () => {
      // Clockwise outer ring and counter-clockwise hole: the opposite of RFC 7946.
      const geometry = { type: "Polygon", coordinates: [[...rdSquare].reverse(), rdHole] };
      const { areas } = parseAreasGeoJson(
        collection([feature({ statcode: "GM0307" }, geometry)], crs),
        "test.geojson",
        GM,
      );
      const area = areas[0];
      assert.ok(area?.rd && area.wgs84);
      assertRfc7946(area.rd, "rd");
      assertRfc7946(area.wgs84, "wgs84");
      assert.ok(Math.abs(multiArea(area.rd) - (200 * 200 - 25 * 25)) < 1e-6, "the RD rings are kept");
      assert.ok(pointInMultiPolygon(area.wgs84, tower[0], tower[1]), "the tower lies in the WGS84 square");
      const corner = area.wgs84[0]?.[0]?.find(() => true) as Pt;
      const [x, y] = wgs84ToRd(corner[0], corner[1]);
      assert.ok(
        rdSquare.some(([sx, sy]) => Math.hypot(sx - x, sy - y) < 0.01),
        "WGS84 corners convert back to the RD corners",
      );
    });
  }

  for (const crs of ["urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326", undefined]) {
    it(`reads lon/lat (${crs ?? "no crs member"}) and adds RD`, () => {
      const ring = rdSquare.map(([x, y]) => rdToWgs84(x, y));
      const { areas } = parseAreasGeoJson(
        collection([feature({ statcode: "GM0307" }, poly(ring))], crs),
        "test.geojson",
        GM,
      );
      const area = areas[0];
      assert.ok(area?.rd && area.wgs84);
      assertRfc7946(area.rd, "rd");
      assertRfc7946(area.wgs84, "wgs84");
      assert.ok(Math.abs(multiArea(area.rd) - 200 * 200) < 1, `RD area ${multiArea(area.rd)}`);
      assert.ok(pointInMultiPolygon(area.rd, 155_000, 463_000));
    });
  }

  it("recognises lat/lon axis order and swaps it back", () => {
    const ring = rdSquare.map(([x, y]) => {
      const [lon, lat] = rdToWgs84(x, y);
      return [lat, lon] as Pt;
    });
    const text = collection([feature({ statcode: "GM0307" }, poly(ring))], "urn:ogc:def:crs:EPSG::4326");
    const area = parseAreasGeoJson(text, "test.geojson", GM).areas[0];
    assert.ok(area?.wgs84 && area.rd);
    assert.ok(pointInMultiPolygon(area.wgs84, tower[0], tower[1]));
    assert.ok(pointInMultiPolygon(area.rd, 155_000, 463_000));
  });

  it("closes open rings", () => {
    const ring = squareLonLat(5, 52, 0.1).slice(0, -1);
    const area = parseAreasGeoJson(
      collection([feature({ statcode: "GM0001" }, poly(ring))]),
      "test.geojson",
      GM,
    ).areas[0];
    assert.ok(area?.wgs84);
    assertRfc7946(area.wgs84, "wgs84");
    assert.equal(area.wgs84[0]?.[0]?.length, 5);
  });
});

describe("parseAreasGeoJson: the real files in ../shared/data", () => {
  it("gemeente_2025.geojson: 342 municipalities with the codes of the CBS population table", {
    skip: skipShared,
  }, () => {
    const { areas, problems } = parseAreasGeoJson(
      readShared("gemeente_2025.geojson"),
      "gemeente_2025.geojson",
      GM,
    );
    assert.deepEqual(problems, []);
    assert.equal(areas.length, 342);
    // Independent source: the population/area table, also 342 municipalities.
    const rows = readShared("gemeente_bevolking_oppervlakte_2024.csv")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    const km2 = new Map(rows.map((r) => [r[1] as string, Number(r[3])]));
    const names = new Map(rows.map((r) => [r[1] as string, r[6] as string]));
    assert.deepEqual(areas.map((a) => a.code).sort(), [...km2.keys()].sort());
    const mismatchedNames = areas.filter((a) => a.name !== names.get(a.code));
    assert.ok(mismatchedNames.length <= 3, `names differ: ${mismatchedNames.map((a) => a.code)}`);
    for (const a of areas) {
      assert.equal(a.level, "gemeente");
      assert.equal(a.year, 2025);
      assert.equal(a.parent, null);
      assert.ok(a.rd && a.wgs84);
      assertRfc7946(a.wgs84, a.code);
      assertRfc7946(a.rd, a.code);
    }
    // RD areas in km2 against the table's surface (land + water): the generalised borders leave out
    // sea water along the coast, so compare the median and an inland city.
    const ratios = areas.map((a) => multiArea(a.rd ?? []) / 1e6 / (km2.get(a.code) ?? Number.NaN));
    const median = ratios.sort((p, q) => p - q)[171] as number;
    assert.ok(median > 0.97 && median < 1.03, `median area ratio ${median}`);
    const utrecht = byCode(areas).get("GM0344");
    const utrechtRatio = multiArea(utrecht?.rd ?? []) / 1e6 / (km2.get("GM0344") ?? 0);
    assert.ok(Math.abs(utrechtRatio - 1) < 0.05, `Utrecht area ratio ${utrechtRatio}`);
  });

  it("gemeente_2025.geojson: known places lie in their municipality, in both coordinate systems", {
    skip: skipShared,
  }, () => {
    const areas = byCode(parseAreasGeoJson(readShared("gemeente_2025.geojson"), "g", GM).areas);
    const places: [string, string, number, number][] = [
      ["Dam", "GM0363", 4.8926, 52.3731],
      ["Domtoren", "GM0344", 5.1213, 52.0907],
      ["Erasmusbrug", "GM0599", 4.4868, 51.9094],
      ["Vrijthof", "GM0935", 5.6893, 50.8485],
      ["Martinitoren", "GM0014", 6.5683, 53.2193],
    ];
    for (const [what, code, lon, lat] of places) {
      const area = areas.get(code);
      assert.ok(area?.wgs84 && area.rd, code);
      assert.ok(pointInMultiPolygon(area.wgs84, lon, lat), `${what} in ${code} (WGS84)`);
      const [x, y] = wgs84ToRd(lon, lat);
      assert.ok(pointInMultiPolygon(area.rd, x, y), `${what} in ${code} (RD)`);
      const others = [...areas.values()].filter((a) => a.wgs84 && pointInMultiPolygon(a.wgs84, lon, lat));
      assert.deepEqual(
        others.map((a) => a.code),
        [code],
      );
    }
  });

  it("amsterdam_buurten.geojson: 518 buurten whose parents are the CBS wijken of Amsterdam", {
    skip: skipShared,
  }, () => {
    const text = readShared("amsterdam_buurten.geojson");
    const opts: ParseAreasOptions = { level: "buurt", year: 2024, codeProperty: "cbsCode" };
    const { areas, problems } = parseAreasGeoJson(text, "amsterdam_buurten.geojson", opts);
    assert.deepEqual(problems, []);
    assert.equal(areas.length, 518);
    assert.equal(new Set(areas.map((a) => a.code)).size, 518);
    // Detection finds the same property.
    const detected = parseAreasGeoJson(text, "amsterdam_buurten.geojson", { level: "buurt", year: 2024 });
    assert.deepEqual(
      detected.areas.map((a) => a.code),
      areas.map((a) => a.code),
    );
    // Independent source: the CBS wijken and buurten of Amsterdam (Kerncijfers 2024).
    const cbs = JSON.parse(readShared("woonikveilig_GM0363_amsterdam.json")) as {
      wijken: { code: string }[];
      buurten: { code: string; name: string }[];
    };
    const wijken = new Set(cbs.wijken.map((w) => w.code));
    for (const a of areas) assert.ok(wijken.has(a.parent ?? ""), `${a.code} parent ${a.parent}`);
    const cbsNames = new Map(cbs.buurten.map((b) => [b.code, b.name]));
    const sameName = areas.filter((a) => cbsNames.get(a.code) === a.name).length;
    assert.ok(sameName > 450, `${sameName} names equal to CBS`);
    // The first feature, read by hand from the file.
    const first = byCode(areas).get("BU0363AA01");
    assert.equal(first?.name, "Planciusbuurt-Noord");
    assert.ok(first?.wgs84 && pointInMultiPolygon(first.wgs84, 4.8845, 52.3872));
  });

  it("regionale_eenheid_2025.geojson: the 10 police units with their holes", { skip: skipShared }, () => {
    const { areas, problems } = parseAreasGeoJson(readShared("regionale_eenheid_2025.geojson"), "re", {
      level: "eenheid",
      year: 2025,
    });
    assert.deepEqual(problems, []);
    assert.equal(areas.length, 10);
    assert.deepEqual(areas.map((a) => a.code).sort(), [
      "RE01",
      "RE02",
      "RE03",
      "RE04",
      "RE05",
      "RE06",
      "RE07",
      "RE08",
      "RE09",
      "RE10",
    ]);
    // Names from the CBS region dimension ("Amsterdam (RE)").
    const cbsNames = new Map(
      [...readShared("cbs_regios.csv").matchAll(/^"(RE\d\d)\s*","(.*?) \(RE\)"/gm)].map((m) => [m[1], m[2]]),
    );
    for (const a of areas) assert.equal(a.name, cbsNames.get(a.code), a.code);
    const holes = areas.reduce((n, a) => n + (a.wgs84 ?? []).reduce((k, p) => k + p.length - 1, 0), 0);
    assert.equal(holes, 6);
    for (const a of areas) assertRfc7946(a.wgs84 ?? [], a.code);
  });

  it("alkmaar_wijken_2024_partial.geojson: 8 wijken of Alkmaar", { skip: skipShared }, () => {
    const { areas, problems } = parseAreasGeoJson(readShared("alkmaar_wijken_2024_partial.geojson"), "alk", {
      level: "wijk",
      year: 2024,
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(areas.map((a) => a.code).sort(), [
      "WK036101",
      "WK036102",
      "WK036103",
      "WK036104",
      "WK036105",
      "WK036106",
      "WK036107",
      "WK036108",
    ]);
    for (const a of areas) assert.equal(a.parent, "GM0361");
    assert.equal(byCode(areas).get("WK036108")?.name, "Centrum");
  });
});
