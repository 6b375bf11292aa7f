import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Registration } from "../../domain/registration.ts";
import { DEFAULT_SELECTIONS } from "../parts/incident-selection.ts";
import {
  assertNothingForbidden,
  BUURTEN,
  countsOf,
  DST_SOURCE_ID,
  expectedPseudonym,
  expectedRegs,
  GEMEENTEN,
  incidentSuite,
  makeDocument,
  selectionConfigDir,
  UNIT,
} from "../parts/incident-test-data.ts";
import { documentMaps } from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import { tableOf } from "./definition-test-data.ts";
import { makeOperationeelBeeld, operationeelBeeld } from "./operationeel-beeld.ts";

const DAY = parsePeriod("2026-04-01");

const typeKey = (code: string) => `soort_${code.replaceAll(".", "_")}`;

describe("operationeel-beeld", () => {
  const data = incidentSuite();

  const codes = DEFAULT_SELECTIONS["operationeel-beeld"].inpCodes;
  const UNIT_GEMEENTEN = ["GM9901", "GM9902"];

  it("counts per gemeente and type for the gemeenten of the unit only", async () => {
    const doc = await makeDocument(operationeelBeeld, data.store, UNIT, DAY);
    const perGemeente = tableOf(doc, "per-gemeente");
    assert.deepEqual(
      perGemeente.rows.map((r) => r.cells.gemeente),
      ["Aadorp", "Beekstad", "Totaal"],
      "Elders lies in another unit",
    );
    for (const code of UNIT_GEMEENTEN) {
      const name = GEMEENTEN[code as keyof typeof GEMEENTEN].name;
      const row = perGemeente.rows.find((r) => r.cells.gemeente === name);
      const expected = countsOf(expectedRegs(data.regs, [code], DAY.days, codes));
      for (const c of codes) assert.equal(row?.cells[typeKey(c)], expected.get(c) ?? 0, `${name} ${c}`);
      assert.equal(
        row?.cells.totaal,
        [...expected.values()].reduce((a, b) => a + b, 0),
      );
    }
    const all = expectedRegs(data.regs, UNIT_GEMEENTEN, DAY.days, codes);
    const totalRow = perGemeente.rows.at(-1);
    assert.equal(totalRow?.total, true);
    assert.equal(totalRow?.cells.totaal, all.length);

    const perType = tableOf(doc, "per-soort");
    const now = countsOf(all);
    const previous = countsOf(
      expectedRegs(data.regs, UNIT_GEMEENTEN, { from: 20260331, to: 20260331 }, codes),
    );
    const lastYear = countsOf(
      expectedRegs(data.regs, UNIT_GEMEENTEN, { from: 20250401, to: 20250401 }, codes),
    );
    for (const row of perType.rows) {
      const code = row.cells.code as string;
      assert.equal(row.cells.aantal, now.get(code) ?? 0);
      assert.equal(row.cells.vorige, previous.get(code) ?? 0);
      assert.equal(row.cells["vorig-jaar"], lastYear.get(code) ?? 0);
    }
    const records = tableOf(doc, "registraties");
    assert.equal(records.rows.length, all.length);
    assert.deepEqual(new Set(records.rows.map((r) => r.cells.id)), new Set(all.map(expectedPseudonym)));
    assert.equal(doc.area.level, "eenheid");
  });

  it("shows only pseudonym, hour, type and gemeente: no buurt, wijk or map", async () => {
    const doc = await makeDocument(operationeelBeeld, data.store, UNIT, DAY);
    const records = tableOf(doc, "registraties");
    assert.deepEqual(
      records.columns.map((c) => c.key),
      ["id", "uur", "soort", "gemeente"],
    );
    const dst = data.regs.find((r) => r.sourceId === DST_SOURCE_ID) as Registration;
    const row = records.rows.find((r) => r.cells.id === expectedPseudonym(dst));
    assert.deepEqual(row?.cells, {
      id: expectedPseudonym(dst),
      uur: "00:00-01:00",
      soort: "Openlijk geweld (persoon)",
      gemeente: "Aadorp",
    });
    assert.equal(documentMaps(doc).length, 0);
    const json = JSON.stringify(doc);
    for (const [code, b] of Object.entries(BUURTEN)) {
      assert.ok(!json.includes(code), code);
      assert.ok(!json.includes(`"${b.name}"`), b.name);
    }
    assert.ok(!/\bWK\d|\bBU\d|Wijk /.test(json), "no wijk or buurt");
  });

  it("never shows free text, persons, modus operandi, postcode, house number, exact place, id or time", async () => {
    const direct = await makeDocument(operationeelBeeld, data.store, UNIT, DAY, null);
    assertNothingForbidden(direct, expectedRegs(data.regs, UNIT_GEMEENTEN, DAY.days, codes));
  });

  it("takes its selection from the config file (key operationeel-beeld)", async () => {
    const dir = selectionConfigDir({ versie: "test-4", "operationeel-beeld": { inpCodes: ["1.2.3"] } });
    const week = parsePeriod("2026-04-02");
    const doc = await makeDocument(makeOperationeelBeeld({ configDir: dir }), data.store, UNIT, week);
    const expected = expectedRegs(data.regs, UNIT_GEMEENTEN, week.days, ["1.2.3"]);
    assert.deepEqual(
      tableOf(doc, "per-gemeente").columns.map((c) => c.key),
      ["gemeente", "soort_1_2_3", "totaal"],
    );
    assert.equal(tableOf(doc, "per-gemeente").rows.at(-1)?.cells.totaal, expected.length);
    assert.equal(tableOf(doc, "registraties").rows.length, expected.length);
  });
});
