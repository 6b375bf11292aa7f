import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AccessDenied, InputError } from "../../domain/errors.ts";
import { rdToWgs84 } from "../../domain/geo/rd.ts";
import type { Registration } from "../../domain/registration.ts";
import { DEFAULT_SELECTIONS } from "../parts/incident-selection.ts";
import {
  amsterdam,
  assertNothingForbidden,
  BUURTEN,
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
import { tableOf } from "./definition-test-data.ts";
import { incidentenrapport, makeIncidentenrapport } from "./incidentenrapport.ts";

const WEEK = parsePeriod("2026-W14"); // 30 March – 5 April 2026

describe("incidentenrapport", () => {
  const data = incidentSuite();

  const codes = DEFAULT_SELECTIONS.incidentenrapport.inpCodes;

  it("counts every type of the selection against an independent count, with the comparisons", async () => {
    const doc = await makeDocument(incidentenrapport, data.store, "GM9901", WEEK);
    const expected = countsOf(expectedRegs(data.regs, ["GM9901"], WEEK.days, codes));
    const previous = countsOf(expectedRegs(data.regs, ["GM9901"], { from: 20260323, to: 20260329 }, codes));
    const lastYear = countsOf(expectedRegs(data.regs, ["GM9901"], { from: 20250331, to: 20250406 }, codes));
    const perType = tableOf(doc, "per-soort");
    assert.deepEqual(
      perType.rows.map((r) => r.cells.code),
      codes,
      "one row per selected type, in the agreed order",
    );
    for (const row of perType.rows) {
      const code = row.cells.code as string;
      assert.equal(row.cells.aantal, expected.get(code) ?? 0, `aantal ${code}`);
      assert.equal(row.cells.vorige, previous.get(code) ?? 0, `vorige ${code}`);
      assert.equal(row.cells["vorig-jaar"], lastYear.get(code) ?? 0, `vorig jaar ${code}`);
    }
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    assert.ok(total > 5, "the fixture has registrations in the week");
    assert.equal(tableOf(doc, "registraties").rows.length, total);
    assert.ok(doc.summary.some((s) => s.includes(`${total} registraties uit de afgesproken selectie`)));
    assert.match(perType.note ?? "", new RegExp(`^Totaal: ${total} \\(week 14 van 2026\\), `));
    assert.equal(doc.sensitivity, "incident");
    assert.equal(doc.madeAt, "2026-04-20T08:00:00.000Z");
  });

  it("lists each record with its pseudonym, local date and hour, type, attempt and buurt", async () => {
    const doc = await makeDocument(incidentenrapport, data.store, "GM9901", WEEK);
    const expected = expectedRegs(data.regs, ["GM9901"], WEEK.days, codes);
    const rows = tableOf(doc, "registraties").rows;
    const byId = new Map(rows.map((r) => [r.cells.id, r.cells]));
    assert.equal(byId.size, expected.length, "pseudonyms are unique");
    for (const r of expected) {
      const cells = byId.get(expectedPseudonym(r));
      assert.ok(cells, `record ${r.sourceId}`);
      const { day, hour } = amsterdam(r.startsAt);
      const date = `${day % 100}-${Math.floor(day / 100) % 100}-${Math.floor(day / 10000)}`;
      assert.equal(cells.datum, date);
      assert.equal(
        cells.uur,
        `${String(hour).padStart(2, "0")}:00-${String((hour + 1) % 24).padStart(2, "0")}:00`,
      );
      assert.equal(cells.poging, r.attempt ? "ja" : "nee");
      const buurt = r.placement.buurt;
      assert.equal(cells.buurt, buurt ? (BUURTEN[buurt]?.name ?? buurt) : "onbekend");
    }
    assert.deepEqual(Object.keys(rows[0]?.cells ?? {}), ["id", "datum", "uur", "soort", "poging", "buurt"]);
    // Sorted by hour: never by the exact time within the hour.
    const keys = rows.map(
      (r) =>
        `${String(r.cells.datum)
          .split("-")
          .reverse()
          .map((s) => s.padStart(2, "0"))
          .join("")}${r.cells.uur}`,
    );
    assert.deepEqual(keys, [...keys].sort());
  });

  it("puts the registration of 22:30 UTC on 31 March on 1 April, 00:00-01:00 (Amsterdam summer time)", async () => {
    const doc = await makeDocument(incidentenrapport, data.store, "GM9901", WEEK);
    const dst = data.regs.find((r) => r.sourceId === DST_SOURCE_ID) as Registration;
    const row = tableOf(doc, "registraties").rows.find((r) => r.cells.id === expectedPseudonym(dst));
    assert.ok(row);
    assert.equal(row.cells.datum, "1-4-2026");
    assert.equal(row.cells.uur, "00:00-01:00");
    assert.equal(row.cells.buurt, "Centrum");
  });

  it("maps the records per buurt at the buurt centres in WGS84", async () => {
    const doc = await makeDocument(incidentenrapport, data.store, "GM9901", WEEK);
    const expected = expectedRegs(data.regs, ["GM9901"], WEEK.days, codes);
    const [map] = documentMaps(doc);
    assert.ok(map);
    const perBuurt = new Map<string, number>();
    for (const r of expected)
      if (r.placement.buurt) perBuurt.set(r.placement.buurt, (perBuurt.get(r.placement.buurt) ?? 0) + 1);
    assert.equal(map.features.length, perBuurt.size);
    for (const f of map.features) {
      assert.equal(f.properties.aantal, perBuurt.get(f.id));
      const centre = BUURTEN[f.id]?.centre as [number, number];
      const [lon, lat] = rdToWgs84(centre[0], centre[1]);
      const [flon, flat] = f.geometry.coordinates as [number, number];
      assert.ok(Math.abs(flon - lon) < 1e-5 && Math.abs(flat - lat) < 1e-5, f.id);
      assert.ok(flon > 3 && flon < 8 && flat > 50 && flat < 54, "WGS84 longitude, latitude");
    }
    const unplaced = expected.filter((r) => !r.placement.buurt).length;
    const perBuurtTable = tableOf(doc, "per-buurt");
    assert.equal(
      perBuurtTable.rows.reduce((s, r) => s + (r.cells.aantal as number), 0),
      expected.length - unplaced,
    );
    if (unplaced > 0) assert.match(perBuurtTable.note ?? "", /niet op de kaart/);
  });

  it("never shows free text, persons, modus operandi, postcode, house number, exact place, id or time", async () => {
    const doc = await makeDocument(incidentenrapport, data.store, "GM9901", WEEK);
    // Also when the gate skips protect (no table protection asked): build protects by itself.
    const direct = await makeDocument(incidentenrapport, data.store, "GM9901", WEEK, null);
    const shown = expectedRegs(data.regs, ["GM9901"], WEEK.days, codes);
    assertNothingForbidden(doc, shown);
    assertNothingForbidden(direct, shown);
    assert.deepEqual(direct, doc);
  });

  it("refuses without a pseudonym key", async () => {
    const ctx = await contextFor(data.store, "GM9901", WEEK, false);
    const input = await incidentenrapport.load(data.store, ctx);
    assert.throws(() => incidentenrapport.build(input, ctx), /sleutel voor pseudoniemen ontbreekt/);
  });

  it("leaves out withheld types and refuses a minimum or rounding", async () => {
    const doc = await makeDocument(incidentenrapport, data.store, "GM9901", WEEK, {
      minimum: 0,
      withholdTypes: ["1.1.1"],
    } as never);
    assert.ok(!tableOf(doc, "per-soort").rows.some((r) => r.cells.code === "1.1.1"));
    assert.ok(!tableOf(doc, "registraties").rows.some((r) => r.cells.soort === "Diefstal/inbraak woning"));
    assert.ok(
      doc.sections
        .at(-1)
        ?.blocks.some((b) => b.kind === "text" && b.paragraphs.some((p) => p.includes("afgeschermd"))),
    );
    const ctx = await contextFor(data.store, "GM9901", WEEK);
    const input = await incidentenrapport.load(data.store, ctx);
    await assert.rejects(incidentenrapport.protect(data.store, input, { minimum: 5 }, ctx), AccessDenied);
    await assert.rejects(
      incidentenrapport.protect(data.store, input, { minimum: 0, roundTo: 5 }, ctx),
      AccessDenied,
    );
  });

  it("applies the selection from the config file", async () => {
    const dir = selectionConfigDir({ versie: "test-1", incidentenrapport: { inpCodes: ["1.2.3", "2.4.1"] } });
    const doc = await makeDocument(makeIncidentenrapport({ configDir: dir }), data.store, "GM9902", WEEK);
    const expected = expectedRegs(data.regs, ["GM9902"], WEEK.days, ["1.2.3", "2.4.1"]);
    const counts = countsOf(expected);
    const perType = tableOf(doc, "per-soort");
    assert.deepEqual(
      perType.rows.map((r) => [r.cells.code, r.cells.aantal]),
      [
        ["1.2.3", counts.get("1.2.3") ?? 0],
        ["2.4.1", counts.get("2.4.1") ?? 0],
      ],
    );
    assert.equal(tableOf(doc, "registraties").rows.length, expected.length);
    assert.ok(expected.length > 0);
    const uitleg = doc.sections.at(-1)?.blocks[0];
    assert.ok(uitleg?.kind === "text" && uitleg.paragraphs[0]?.includes("versie test-1"));
  });

  it("names file and field, in Dutch, when the config is wrong", async () => {
    const dir = selectionConfigDir({ versie: "x", incidentenrapport: { inpCodes: ["1.1.1", "9.9.9"] } });
    const def = makeIncidentenrapport({ configDir: dir });
    const ctx = await contextFor(data.store, "GM9901", WEEK);
    await assert.rejects(
      def.load(data.store, ctx),
      (err: unknown) =>
        err instanceof InputError &&
        err.file.endsWith("incidentselectie.json") &&
        err.field === "incidentenrapport.inpCodes.1" &&
        /"9.9.9" is geen INP-code/.test(err.message),
    );
  });

  it("covers a month as well, against the month before and the same month last year", async () => {
    const month = parsePeriod("2026-03");
    const doc = await makeDocument(incidentenrapport, data.store, "GM9902", month);
    const expected = countsOf(expectedRegs(data.regs, ["GM9902"], month.days, codes));
    const previous = countsOf(expectedRegs(data.regs, ["GM9902"], { from: 20260201, to: 20260228 }, codes));
    const lastYear = countsOf(expectedRegs(data.regs, ["GM9902"], { from: 20250301, to: 20250331 }, codes));
    for (const row of tableOf(doc, "per-soort").rows) {
      const code = row.cells.code as string;
      assert.equal(row.cells.aantal, expected.get(code) ?? 0);
      assert.equal(row.cells.vorige, previous.get(code) ?? 0);
      assert.equal(row.cells["vorig-jaar"], lastYear.get(code) ?? 0);
    }
  });
});
