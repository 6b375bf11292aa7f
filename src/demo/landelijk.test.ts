// The `landelijk` size on a trimmed run (rates scaled to 60,000 registrations): structure,
// national totals and proportions. Full-size speed is measured with `driehoek demo generate
// --omvang landelijk --jaren 2`, not here.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { type DemoManifest, generateDemo } from "./generate-demo.ts";
import { CRIME_COUNTS, NATIONAL_POPULATION } from "./national-profile.ts";
import { buildRateModel } from "./rate-model.ts";
import {
  type AreaFeature,
  boundsOf,
  contains,
  readAreas,
  readTable,
  type Table,
  testRandom,
} from "./test-support.ts";

const tmp = mkdtempSync(join(tmpdir(), "driehoek-demo-landelijk-"));
let manifest: DemoManifest;
let regs: Table;
let units: AreaFeature[];
let gemeenten: AreaFeature[];

before(async () => {
  manifest = await generateDemo({
    seed: 5,
    years: 1,
    size: "landelijk",
    until: 202406,
    outDir: tmp,
    maxRegistrationsPerYear: 60_000,
  });
  regs = readTable(join(tmp, "registraties-2024.csv"), ";");
  units = readAreas(join(tmp, "gebieden-eenheid.geojson"));
  gemeenten = readAreas(join(tmp, "gebieden-gemeente.geojson"));
});

after(() => rmSync(tmp, { recursive: true, force: true }));

describe("demo generate (landelijk, trimmed)", () => {
  it("has about 350 gemeenten in ten units and 17.9 million inhabitants", () => {
    assert.equal(manifest.aantallen.gemeenten, 350);
    assert.deepEqual(
      units.map((u) => u.code),
      ["RE90", "RE91", "RE92", "RE93", "RE94", "RE95", "RE96", "RE97", "RE98", "RE99"],
    );
    const inhabitants = manifest.aantallen.inwoners["2024"] ?? 0;
    assert.ok(inhabitants > 17_600_000 && inhabitants < 18_200_000, `${inhabitants}`);
    assert.ok(manifest.aantallen.buurten > 10_000);
    const ind = readTable(join(tmp, "indeling.csv"), ";").rows;
    assert.equal(ind.length, 350);
    for (const u of units) {
      const districts = new Set(ind.filter((r) => r.eenheidcode === u.code).map((r) => r.districtcode));
      assert.ok(districts.size >= 2 && districts.size <= 4, `${u.code}: ${districts.size} districts`);
    }
  });

  it("units are unions of their gemeenten (point sampling)", () => {
    const unitOf = new Map(
      readTable(join(tmp, "indeling.csv"), ";").rows.map((r) => [r.gemeentecode, r.eenheidcode]),
    );
    const rnd = testRandom(1);
    const all = units.flatMap((u) => u.polygons);
    const [minX, minY, maxX, maxY] = boundsOf(all);
    for (let i = 0; i < 300; i++) {
      const x = minX + rnd() * (maxX - minX);
      const y = minY + rnd() * (maxY - minY);
      const inUnits = units.filter((u) => contains(u.polygons, x, y));
      const inGemeenten = gemeenten.filter((g) => contains(g.polygons, x, y));
      assert.equal(inUnits.length, inGemeenten.length, `${x},${y}`);
      assert.ok(inUnits.length <= 1);
      if (inUnits.length === 1) assert.equal(unitOf.get(inGemeenten[0]?.code), inUnits[0]?.code);
    }
  });

  it("scales the year to the cap and keeps the national mix of crime types", () => {
    assert.ok(regs.rows.length <= 60_000 && regs.rows.length > 50_000, `${regs.rows.length}`);
    const total = Object.values(CRIME_COUNTS).reduce((s, v) => s + v, 0);
    const crimes = regs.rows.filter((r) => r.soort === "misdrijf");
    for (const [inp, count] of Object.entries(CRIME_COUNTS)) {
      const expected = count / total;
      if (expected < 0.03) continue;
      const share = crimes.filter((r) => r.inp_code === inp).length / crimes.length;
      assert.ok(Math.abs(share - expected) <= 0.25 * expected, `${inp}: ${share} vs ${expected}`);
    }
    // Crimes are about 16% of all registrations (0.8 of 5 million).
    const crimeShare = crimes.length / regs.rows.length;
    assert.ok(crimeShare > 0.13 && crimeShare < 0.2, `${crimeShare}`);
  });

  it("aims at about 5 million registrations a year nationally", () => {
    const model = buildRateModel();
    const perYear = model.codes.reduce((s, c) => s + c.rate * NATIONAL_POPULATION, 0);
    assert.ok(perYear > 4_800_000 && perYear < 5_200_000, `${perYear}`);
    const crimes = model.codes
      .filter((c) => c.kind === "misdrijf")
      .reduce((s, c) => s + c.rate * NATIONAL_POPULATION, 0);
    assert.ok(Math.abs(crimes - 802_043) < 1000, `${crimes}`);
  });
});
