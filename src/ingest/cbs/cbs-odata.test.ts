import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { InputError } from "../../domain/errors.ts";
import { cbsPeriod, parseCbsOData, readCbsOData } from "./cbs-odata.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("parseCbsOData", () => {
  it("47022NED: trims padded codes, keeps months, null is suppressed, bad period to problems", () => {
    const text = fixture("47022NED-TypedDataSet.json");
    const r = parseCbsOData(text, "47022NED.json");
    assert.equal(r.table, "47022NED");
    assert.deepEqual(r.rows, [
      {
        table: "47022NED",
        areaCode: "GM0758",
        period: "2012MM01",
        category: "0.0.0",
        measure: "GeregistreerdeMisdrijven",
        value: 1382,
      },
      {
        table: "47022NED",
        areaCode: "BU07580004",
        period: "2017MM12",
        category: "1.1.1",
        measure: "GeregistreerdeMisdrijven",
        value: 1,
      },
      {
        table: "47022NED",
        areaCode: "BU07580004",
        period: "2017MM12",
        category: "1.4.1",
        measure: "GeregistreerdeMisdrijven",
        value: null,
      },
    ]);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0]?.field, "Perioden");
    // the fourth object's "{" is on the line before its "ID"
    const idLine = text.split("\n").findIndex((l) => l.includes("2887081")) + 1;
    assert.equal(r.problems[0]?.line, idLine - 1);
    assert.match(r.problems[0]?.reason ?? "", /2017MM13/);
  });

  it("47013NED: RegioS and three measures, one cell each", () => {
    const r = parseCbsOData(fixture("47013NED-TypedDataSet.json"), "47013NED.json");
    assert.equal(r.rows.length, 9);
    const registered = r.rows.filter((x) => x.measure === "GeregistreerdeMisdrijven");
    assert.deepEqual(
      registered.map((x) => [x.areaCode, x.period, x.value]),
      [
        ["NL01", "2024", 805_559],
        ["GM0363", "2024", 82_964],
        ["RE05", "2024", 91_736],
      ],
    );
    assert.deepEqual([...new Set(r.rows.map((x) => x.measure))].sort(), [
      "Aangiften",
      "GeregistreerdeMisdrijven",
      "Internetaangiften",
    ]);
  });

  it("47018NED: years and quarters, Amsterdam buurt codes with letters", async () => {
    const r = await readCbsOData(new URL("./fixtures/47018NED-TypedDataSet.json", import.meta.url).pathname);
    assert.deepEqual(
      r.rows.map((x) => [x.areaCode, x.period, x.category, x.value]),
      [
        ["BU0363AA01", "2025", "1.4.6", 3],
        ["BU0363AA02", "2025Q1", "1.4.6", null],
      ],
    );
  });

  it("47024NED UntypedDataSet: values as text, text columns left out", () => {
    const r = parseCbsOData(fixture("47024NED-UntypedDataSet.json"), "47024NED.json");
    assert.deepEqual(r.rows, [
      {
        table: "47024NED",
        areaCode: "GM0758",
        period: "2023MM06",
        category: "E35",
        measure: "GeregistreerdeOverlast",
        value: 41,
      },
      {
        table: "47024NED",
        areaCode: "BU07580004",
        period: "2023MM06",
        category: "E33",
        measure: "GeregistreerdeOverlast",
        value: null,
      },
    ]);
    assert.deepEqual(r.problems, []);
  });

  it("takes the table from the caller when the reply does not name it (OData v4 context)", () => {
    const text = JSON.stringify({
      "@odata.context": "https://example.org/$metadata#TypedDataSet",
      value: [
        { SoortMisdrijf: "0.0.0 ", RegioS: "GM0344", Perioden: "2024MM03", GeregistreerdeMisdrijven_1: 2 },
      ],
    });
    assert.throws(
      () => parseCbsOData(text, "x.json"),
      (e: unknown) => e instanceof InputError && /tabel is onbekend/.test(e.message),
    );
    assert.equal(parseCbsOData(text, "x.json", { table: "47013ned" }).rows[0]?.value, 2);
  });

  it("refuses an unknown table", () => {
    const text =
      '{"odata.metadata": "https://opendata.cbs.nl/ODataApi/OData/85984NED/$metadata", "value": []}';
    assert.throws(
      () => parseCbsOData(text, "x.json"),
      (e: unknown) => e instanceof InputError && /85984NED/.test(e.message),
    );
  });

  it("refuses missing dimension columns, naming them", () => {
    const text = JSON.stringify({ value: [{ RegioS: "GM0344", GeregistreerdeMisdrijven_1: 2 }] });
    assert.throws(
      () => parseCbsOData(text, "x.json", { table: "47013NED" }),
      (e: unknown) =>
        e instanceof InputError && /SoortMisdrijf/.test(e.message) && /Perioden/.test(e.message),
    );
    const noArea = JSON.stringify({
      value: [{ SoortMisdrijf: "0.0.0", Perioden: "2024JJ00", GeregistreerdeMisdrijven_1: 2 }],
    });
    assert.throws(
      () => parseCbsOData(noArea, "x.json", { table: "47022NED" }),
      (e: unknown) => e instanceof InputError && /WijkenEnBuurten of RegioS/.test(e.message),
    );
  });

  it("refuses a reply without a value list, and invalid JSON with its line", () => {
    assert.throws(() => parseCbsOData('{"a": 1}', "x.json"), /"value" ontbreekt/);
    assert.throws(
      () => parseCbsOData('{\n"value": [\n{"a": 1,}\n]}', "x.json"),
      (e: unknown) => e instanceof InputError && e.line === 3,
    );
  });

  it("puts a text value in a known measure column in problems", () => {
    const text = JSON.stringify({
      value: [
        {
          SoortMisdrijf: "0.0.0 ",
          RegioS: "GM0344",
          Perioden: "2024JJ00",
          GeregistreerdeMisdrijven_1: "veel",
        },
      ],
    });
    const r = parseCbsOData(text, "x.json", { table: "47013NED" });
    assert.equal(r.rows.length, 0);
    assert.equal(r.problems[0]?.field, "GeregistreerdeMisdrijven_1");
  });

  it("cbsPeriod", () => {
    assert.equal(cbsPeriod("2024JJ00"), "2024");
    assert.equal(cbsPeriod("2024MM03"), "2024MM03");
    assert.equal(cbsPeriod("2024KW04"), "2024Q4");
    assert.equal(cbsPeriod("2024MM00"), null);
    assert.equal(cbsPeriod("2024X000"), null);
  });
});
