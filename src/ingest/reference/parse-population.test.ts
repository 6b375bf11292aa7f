import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { InputError } from "../../domain/errors.ts";
import {
  parsePopulation,
  parsePopulationValue,
  populationLevel,
  readPopulation,
} from "./parse-population.ts";

const data = (name: string) => new URL(`../../../../shared/data/${name}`, import.meta.url);
const skipUnless = (name: string) => (existsSync(data(name)) ? false : `../shared/data/${name} ontbreekt`);
const json = (name: string): unknown => JSON.parse(readFileSync(data(name), "utf8"));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("population from the CBS municipality CSV (pandas export)", {
  skip: skipUnless("gemeente_bevolking_oppervlakte_2024.csv"),
}, () => {
  it("finds Gemeentecode and Bevolking, reads 25845.0, and totals the CBS figure 17,942,942", async () => {
    const r = await readPopulation(data("gemeente_bevolking_oppervlakte_2024.csv").pathname, 2024);
    assert.equal(r.format, "csv");
    assert.deepEqual(r.problems, []);
    assert.equal(r.rows.length, 342);
    assert.equal(sum(r.rows.map((x) => x.population)), 17_942_942);
    const by = new Map(r.rows.map((x) => [x.code, x]));
    assert.deepEqual(by.get("GM0363"), { code: "GM0363", year: 2024, population: 931_298 });
    assert.equal(by.get("GM0344")?.population, 374_238);
    assert.equal(by.get("GM0307")?.population, 161_852);
    assert.equal(by.get("GM1680")?.population, 25_845); // "25845.0" in the file
  });
});

describe("population from woonikveilig JSON", () => {
  it("index: every buurt with inwoners, nulls as problems", {
    skip: skipUnless("woonikveilig_index_buurten_2024.json"),
  }, async () => {
    const r = await readPopulation(data("woonikveilig_index_buurten_2024.json").pathname, 2024);
    const doc = json("woonikveilig_index_buurten_2024.json") as {
      entities: { code: string; inwoners?: number | null }[];
    };
    const withNumber = doc.entities.filter((e) => typeof e.inwoners === "number");
    const withNull = doc.entities.filter((e) => "inwoners" in e && e.inwoners === null);
    assert.equal(r.rows.length, withNumber.length);
    assert.equal(sum(r.rows.map((x) => x.population)), sum(withNumber.map((e) => e.inwoners as number)));
    assert.equal(r.problems.length, withNull.length);
    assert.ok(r.problems.every((p) => p.field === "inwoners" && /geen inwonertal/.test(p.reason)));
    assert.ok(r.rows.every((x) => x.code.startsWith("BU")));
  });

  it("per gemeente: the gemeente, its wijken and buurten (Utrecht 374,238)", {
    skip: skipUnless("woonikveilig_GM0344_utrecht.json"),
  }, async () => {
    const r = await readPopulation(data("woonikveilig_GM0344_utrecht.json").pathname, 2024);
    const doc = json("woonikveilig_GM0344_utrecht.json") as {
      wijken: { code: string; demografie: { inwoners: number | null } }[];
      buurten: { code: string; demografie: { inwoners: number | null } }[];
    };
    const by = new Map(r.rows.map((x) => [x.code, x.population]));
    assert.equal(by.get("GM0344"), 374_238);
    for (const w of [...doc.wijken, ...doc.buurten])
      assert.equal(by.get(w.code), w.demografie.inwoners ?? undefined, w.code);
    const nulls = [...doc.wijken, ...doc.buurten].filter((w) => w.demografie.inwoners === null).length;
    assert.equal(nulls, 2); // SOURCES.md: 2 Utrecht buurten without inwoners
    assert.equal(r.problems.length, nulls);
    assert.ok(r.problems.every((p) => p.field === "demografie.inwoners" && p.line > 0));
  });

  it("Amsterdam: buurt codes with letters (BU0363AD03) are accepted", {
    skip: skipUnless("woonikveilig_GM0363_amsterdam.json"),
  }, async () => {
    const r = await readPopulation(data("woonikveilig_GM0363_amsterdam.json").pathname, 2024);
    assert.equal(r.rows.find((x) => x.code === "GM0363")?.population, 931_298);
    assert.ok(r.rows.some((x) => x.code === "BU0363AD03"));
    assert.equal(r.problems.length, 24); // SOURCES.md: 24 Amsterdam buurten without inwoners
  });

  it("Vlieland: 1 gemeente, 1 wijk, 2 buurten", {
    skip: skipUnless("woonikveilig_GM0096_vlieland.json"),
  }, async () => {
    const r = await readPopulation(data("woonikveilig_GM0096_vlieland.json").pathname, 2023);
    assert.equal(r.rows.length, 4);
    assert.deepEqual(r.rows[0], { code: "GM0096", year: 2023, population: 1255 });
  });

  it("all gemeenten: 342 summing to 17,942,942", {
    skip: skipUnless("woonikveilig_gemeenten_2024.json"),
  }, async () => {
    const r = await readPopulation(data("woonikveilig_gemeenten_2024.json").pathname, 2024);
    assert.equal(r.rows.length, 342);
    assert.equal(sum(r.rows.map((x) => x.population)), 17_942_942);
  });
});

describe("population from GeoJSON", { skip: skipUnless("alkmaar_wijken_2024_partial.geojson") }, () => {
  it("reads wijkCode and aantalInwoners of the 8 Alkmaar wijken (Zuid 14,510)", async () => {
    const r = await readPopulation(data("alkmaar_wijken_2024_partial.geojson").pathname, 2024);
    assert.equal(r.format, "geojson");
    assert.equal(r.rows.length, 8);
    const doc = json("alkmaar_wijken_2024_partial.geojson") as {
      features: { properties: { wijkCode: string; wijkNaam: string; aantalInwoners: number } }[];
    };
    const zuid = doc.features.find((f) => f.properties.wijkNaam === "Zuid");
    assert.equal(r.rows.find((x) => x.code === zuid?.properties.wijkCode)?.population, 14_510);
    assert.equal(
      sum(r.rows.map((x) => x.population)),
      sum(doc.features.map((f) => f.properties.aantalInwoners)),
    );
  });
});

describe("population bad and other input", () => {
  it("reads a plain JSON list of {code, inwoners} with line numbers", () => {
    const text =
      '[\n {"code": "GM0344", "inwoners": 374238},\n {"code": "GM0363", "inwoners": null},\n {"code": "XX", "inwoners": 5}\n]';
    const r = parsePopulation(text, "p.json", 2024);
    assert.deepEqual(r.rows, [{ code: "GM0344", year: 2024, population: 374_238 }]);
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.field]),
      [
        [3, "inwoners"],
        [4, "code"],
      ],
    );
  });

  it("reads an OData reply with WijkenEnBuurten and AantalInwoners_5", () => {
    const text = '{"value": [{"WijkenEnBuurten": "WK034401  ", "AantalInwoners_5": 12345}]}';
    assert.deepEqual(parsePopulation(text, "p.json", 2024).rows, [
      { code: "WK034401", year: 2024, population: 12_345 },
    ]);
  });

  it("reads ; CSV with aantal_inwoners, thousands separators and pc4 codes", () => {
    const text = "postcode;aantal_inwoners\n3511;1.255\n3512;2045\n3513;-99997\n3514;12,5\n3511;7\n";
    const r = parsePopulation(text, "p.csv", 2024);
    assert.deepEqual(r.rows, [
      { code: "3511", year: 2024, population: 1255 },
      { code: "3512", year: 2024, population: 2045 },
    ]);
    assert.deepEqual(
      r.problems.map((p) => p.line),
      [4, 5, 6],
    );
    assert.match(r.problems[0]?.reason ?? "", /negatief/);
    assert.match(r.problems[1]?.reason ?? "", /geen geheel getal/);
    assert.match(r.problems[2]?.reason ?? "", /regel 2/);
  });

  it("uses the columns the caller names", () => {
    const text = "gebied,jaar,aantal\nGM0344,2024,374238\n";
    assert.throws(
      () => parsePopulation(text, "p.csv", 2024),
      (e: unknown) => e instanceof InputError && /aantal inwoners/.test(e.message),
    );
    const r = parsePopulation(text, "p.csv", 2024, { codeColumn: "gebied", valueColumn: "Aantal" });
    assert.deepEqual(r.rows, [{ code: "GM0344", year: 2024, population: 374_238 }]);
  });

  it("does not take a year column for pc4 codes", () => {
    assert.throws(
      () => parsePopulation("jaar,inwoners\n2024,5\n2023,6\n", "p.csv", 2024),
      (e: unknown) => e instanceof InputError && /gebiedscodes/.test(e.message),
    );
  });

  it("names a missing given column", () => {
    assert.throws(
      () => parsePopulation("code,inwoners\nGM0344,1\n", "p.csv", 2024, { valueColumn: "bevolking" }),
      (e: unknown) => e instanceof InputError && /"bevolking"/.test(e.message),
    );
  });

  it("refuses JSON without any population", () => {
    assert.throws(() => parsePopulation('{"features": []}', "p.json", 2024), /geen gebieden met inwoners/);
  });

  it("parsePopulationValue", () => {
    assert.equal(parsePopulationValue("25845.0"), 25845);
    assert.equal(parsePopulationValue(" 931298 "), 931298);
    assert.equal(parsePopulationValue(0), 0);
    assert.equal(typeof parsePopulationValue("."), "object");
    assert.equal(typeof parsePopulationValue("12a"), "object");
  });

  it("populationLevel", () => {
    assert.equal(populationLevel("GM0344"), "gemeente");
    assert.equal(populationLevel("WK0363AD"), "wijk");
    assert.equal(populationLevel("BU0363AD03"), "buurt");
    assert.equal(populationLevel("3511"), "pc4");
    assert.equal(populationLevel("RE05"), undefined);
    assert.equal(populationLevel("PV26"), undefined);
  });
});
