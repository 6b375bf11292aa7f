import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Registration } from "../../domain/registration.ts";
import type { Store } from "../../store/store.ts";
import { DEFAULT_SELECTIONS } from "../parts/incident-selection.ts";
import {
  BUURTEN,
  contextFor,
  countsOf,
  DST_SOURCE_ID,
  expectedPseudonym,
  expectedRegs,
  forbiddenStrings,
  GEMEENTEN,
  openIncidentStore,
  UNIT,
} from "../parts/incident-test-data.ts";
import type { ProductDefinition } from "../product-definition.ts";
import { documentMaps, documentTables, type ProductDocument, type TableBlock } from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import { makeOperationeelBeeld, operationeelBeeld } from "./operationeel-beeld.ts";

const DAY = parsePeriod("2026-04-01");

async function make<I>(def: ProductDefinition<I>, store: Store, period = DAY): Promise<ProductDocument> {
  const ctx = await contextFor(store, UNIT, period);
  return def.build(await def.protect(store, await def.load(store, ctx), { minimum: 0 }, ctx), ctx);
}

const table = (doc: ProductDocument, id: string) =>
  documentTables(doc).find((t) => t.id === id) as TableBlock;
const typeKey = (code: string) => `soort_${code.replaceAll(".", "_")}`;

describe("operationeel-beeld", () => {
  let store: Store;
  let regs: Registration[];
  before(async () => {
    ({ store, registrations: regs } = await openIncidentStore());
  });
  after(async () => {
    await store?.close();
  });

  const codes = DEFAULT_SELECTIONS["operationeel-beeld"].inpCodes;
  const UNIT_GEMEENTEN = ["GM9901", "GM9902"];

  it("counts per gemeente and type for the gemeenten of the unit only", async () => {
    const doc = await make(operationeelBeeld, store);
    const perGemeente = table(doc, "per-gemeente");
    assert.deepEqual(
      perGemeente.rows.map((r) => r.cells.gemeente),
      ["Aadorp", "Beekstad", "Totaal"],
      "Elders lies in another unit",
    );
    for (const code of UNIT_GEMEENTEN) {
      const name = GEMEENTEN[code as keyof typeof GEMEENTEN].name;
      const row = perGemeente.rows.find((r) => r.cells.gemeente === name);
      const expected = countsOf(expectedRegs(regs, [code], DAY.days, codes));
      for (const c of codes) assert.equal(row?.cells[typeKey(c)], expected.get(c) ?? 0, `${name} ${c}`);
      assert.equal(
        row?.cells.totaal,
        [...expected.values()].reduce((a, b) => a + b, 0),
      );
    }
    const all = expectedRegs(regs, UNIT_GEMEENTEN, DAY.days, codes);
    const totalRow = perGemeente.rows.at(-1);
    assert.equal(totalRow?.total, true);
    assert.equal(totalRow?.cells.totaal, all.length);

    const perType = table(doc, "per-soort");
    const now = countsOf(all);
    const previous = countsOf(expectedRegs(regs, UNIT_GEMEENTEN, { from: 20260331, to: 20260331 }, codes));
    const lastYear = countsOf(expectedRegs(regs, UNIT_GEMEENTEN, { from: 20250401, to: 20250401 }, codes));
    for (const row of perType.rows) {
      const code = row.cells.code as string;
      assert.equal(row.cells.aantal, now.get(code) ?? 0);
      assert.equal(row.cells.vorige, previous.get(code) ?? 0);
      assert.equal(row.cells["vorig-jaar"], lastYear.get(code) ?? 0);
    }
    const records = table(doc, "registraties");
    assert.equal(records.rows.length, all.length);
    assert.deepEqual(new Set(records.rows.map((r) => r.cells.id)), new Set(all.map(expectedPseudonym)));
    assert.equal(doc.area.level, "eenheid");
  });

  it("shows only pseudonym, hour, type and gemeente: no buurt, wijk or map", async () => {
    const doc = await make(operationeelBeeld, store);
    const records = table(doc, "registraties");
    assert.deepEqual(
      records.columns.map((c) => c.key),
      ["id", "uur", "soort", "gemeente"],
    );
    const dst = regs.find((r) => r.sourceId === DST_SOURCE_ID) as Registration;
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
    const ctx = await contextFor(store, UNIT, DAY);
    const direct = operationeelBeeld.build(await operationeelBeeld.load(store, ctx), ctx);
    const json = JSON.stringify(direct);
    const shown = expectedRegs(regs, UNIT_GEMEENTEN, DAY.days, codes);
    assert.ok(shown.length > 0);
    for (const s of forbiddenStrings(shown)) assert.ok(!json.includes(s), `"${s}" appears in the document`);
    assert.ok(!json.includes("MARKER"));
  });

  it("takes its selection from the config file (key operationeel-beeld)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "incidentselectie-"));
    writeFileSync(
      join(dir, "incidentselectie.json"),
      JSON.stringify({ versie: "test-4", "operationeel-beeld": { inpCodes: ["1.2.3"] } }),
    );
    const week = parsePeriod("2026-04-02");
    const doc = await make(makeOperationeelBeeld({ configDir: dir }), store, week);
    const expected = expectedRegs(regs, UNIT_GEMEENTEN, week.days, ["1.2.3"]);
    assert.deepEqual(
      table(doc, "per-gemeente").columns.map((c) => c.key),
      ["gemeente", "soort_1_2_3", "totaal"],
    );
    assert.equal(table(doc, "per-gemeente").rows.at(-1)?.cells.totaal, expected.length);
    assert.equal(table(doc, "registraties").rows.length, expected.length);
  });
});
