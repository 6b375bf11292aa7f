import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../domain/errors.ts";
import type { Registration } from "../../domain/registration.ts";
import { DEFAULT_SELECTIONS } from "../parts/incident-selection.ts";
import {
  amsterdam,
  assertNothingForbidden,
  contextFor,
  countsOf,
  DST_SOURCE_ID,
  expectedPseudonym,
  expectedRegs,
  incidentSuite,
  makeDocument,
  selectionConfigDir,
} from "../parts/incident-test-data.ts";
import { documentMaps } from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import { dagrapport, makeDagrapport } from "./dagrapport.ts";
import { tableOf } from "./definition-test-data.ts";

const DAY = parsePeriod("2026-04-01");

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

describe("dagrapport", () => {
  const data = incidentSuite();

  const codes = DEFAULT_SELECTIONS.dagrapport.inpCodes;
  const G = ["GM9901"];

  it("counts a day per type against the day before, last year and the four weeks before", async () => {
    const doc = await makeDocument(dagrapport, data.store, "GM9901", DAY);
    const now = countsOf(expectedRegs(data.regs, G, DAY.days, codes));
    const previous = countsOf(expectedRegs(data.regs, G, { from: 20260331, to: 20260331 }, codes));
    const lastYear = countsOf(expectedRegs(data.regs, G, { from: 20250401, to: 20250401 }, codes));
    const fourWeeks = countsOf(expectedRegs(data.regs, G, { from: 20260304, to: 20260331 }, codes));
    const perType = tableOf(doc, "per-soort");
    assert.deepEqual(
      perType.rows.map((r) => r.cells.code),
      codes,
    );
    for (const row of perType.rows) {
      const code = row.cells.code as string;
      assert.equal(row.cells.aantal, now.get(code) ?? 0, `aantal ${code}`);
      assert.equal(row.cells.vorige, previous.get(code) ?? 0, `vorige ${code}`);
      assert.equal(row.cells["vorig-jaar"], lastYear.get(code) ?? 0, `vorig jaar ${code}`);
      assert.equal(
        row.cells["vier-weken"],
        oneDecimal((fourWeeks.get(code) ?? 0) / 28),
        `vier weken ${code}`,
      );
      assert.equal(typeof row.cells.bevoegdheid, "string", "every type says which power it touches");
    }
    const total = [...now.values()].reduce((a, b) => a + b, 0);
    assert.equal(tableOf(doc, "registraties").rows.length, total);
    assert.equal(doc.title, "Dagrapport openbare orde Aadorp, 1 april 2026");
    assert.ok(doc.summary.some((s) => s.startsWith("Vergeleken met 31 maart 2026: het aantal")));
  });

  it("puts 22:30 UTC on 31 March on 1 April at 00:00-01:00, not on 31 March", async () => {
    const dst = data.regs.find((r) => r.sourceId === DST_SOURCE_ID) as Registration;
    assert.deepEqual(amsterdam(dst.startsAt), { day: 20260401, hour: 0 });
    const on = tableOf(await makeDocument(dagrapport, data.store, "GM9901", DAY), "registraties");
    const row = on.rows.find((r) => r.cells.id === expectedPseudonym(dst));
    assert.equal(row?.cells.uur, "00:00-01:00");
    assert.deepEqual(Object.keys(row?.cells ?? {}), ["id", "uur", "soort", "poging", "wijk", "buurt"]);
    const before = tableOf(
      await makeDocument(dagrapport, data.store, "GM9901", parsePeriod("2026-03-31")),
      "registraties",
    );
    assert.ok(!before.rows.some((r) => r.cells.id === expectedPseudonym(dst)));
    assert.equal(
      before.rows.length,
      expectedRegs(data.regs, G, { from: 20260331, to: 20260331 }, codes).length,
    );
  });

  it("covers a week, with the average per week over the four weeks before", async () => {
    const week = parsePeriod("2026-W14");
    const doc = await makeDocument(dagrapport, data.store, "GM9901", week);
    const now = countsOf(expectedRegs(data.regs, G, week.days, codes));
    const fourWeeks = countsOf(expectedRegs(data.regs, G, { from: 20260302, to: 20260329 }, codes));
    for (const row of tableOf(doc, "per-soort").rows) {
      const code = row.cells.code as string;
      assert.equal(row.cells.aantal, now.get(code) ?? 0);
      assert.equal(row.cells["vier-weken"], oneDecimal((fourWeeks.get(code) ?? 0) / 4));
    }
    const records = tableOf(doc, "registraties");
    assert.equal(
      records.rows.length,
      [...now.values()].reduce((a, b) => a + b, 0),
    );
    assert.ok(
      records.columns.some((c) => c.key === "datum"),
      "a week shows the date",
    );
    assert.equal(doc.title, "Weekrapport openbare orde Aadorp, week 14 van 2026");
    assert.equal(documentMaps(doc).length, 1);
  });

  it("never shows free text, persons, modus operandi, postcode, house number, exact place, id or time", async () => {
    const week = parsePeriod("2026-W14");
    const direct = await makeDocument(dagrapport, data.store, "GM9901", week, null);
    assertNothingForbidden(direct, expectedRegs(data.regs, G, week.days, codes));
  });

  it("takes its selection and the powers from the config file (key dagrapport)", async () => {
    const dir = selectionConfigDir({
      versie: "test-2",
      dagrapport: {
        inpCodes: ["2.2.1"],
        bevoegdheden: { "2.2.1": "cameratoezicht (art. 151c Gemeentewet)" },
      },
    });
    const week = parsePeriod("2026-W14");
    const doc = await makeDocument(makeDagrapport({ configDir: dir }), data.store, "GM9901", week);
    const rows = tableOf(doc, "per-soort").rows;
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.cells.aantal, expectedRegs(data.regs, G, week.days, ["2.2.1"]).length);
    assert.equal(rows[0]?.cells.bevoegdheid, "cameratoezicht (art. 151c Gemeentewet)");
    assert.ok(
      tableOf(doc, "registraties").rows.every((r) => r.cells.soort === "Vernieling cq. zaakbeschadiging"),
    );

    selectionConfigDir(
      {
        versie: "test-3",
        dagrapport: { inpCodes: ["2.2.1"], bevoegdheden: { "1.1.1": "iets" } },
      },
      dir,
    );
    const ctx = await contextFor(data.store, "GM9901", week);
    await assert.rejects(
      makeDagrapport({ configDir: dir }).load(data.store, ctx),
      (err: unknown) =>
        err instanceof InputError &&
        err.field === "dagrapport.bevoegdheden.1.1.1" &&
        /staat niet in inpCodes/.test(err.message),
    );
  });
});
