import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PURPOSE } from "../../disclosure/access-spec.ts";
import { SHOW_ALL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { saveLocalKnowledge } from "../parts/local-knowledge.ts";
import { documentMaps, documentTables, isWithheld, type ProductDocument } from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import { openProductTestStore, type ProductTestStore, runAs } from "../test-products.ts";
import {
  generateRows,
  monthsBetween,
  referenceMannKendall,
  rowWhere,
  sumRows,
  tableOf,
  testContext,
} from "./definition-test-data.ts";
import { type GebiedsscanInput, gebiedsscan } from "./gebiedsscan.ts";

describe("gebiedsscan on the demo", () => {
  let t: ProductTestStore;
  let police: ProductDocument;
  let mayor: ProductDocument;
  before(async () => {
    t = await openProductTestStore();
    await saveLocalKnowledge(
      t.store,
      t.gemeenten[0],
      2025,
      { team: "Veel fietsdiefstal bij het station.\n\nTweede alinea.", ondertekening: "Team Centrum" },
      { user: t.userFor("teamchef"), signature: "Politie" },
      new Date("2026-03-03T10:00:00Z"),
    );
    await saveLocalKnowledge(
      t.store,
      t.gemeenten[0],
      2025,
      { prioriteiten: ["Woninginbraak", "Jeugdoverlast"] },
      { user: t.userFor("oov-adviseur"), signature: "Gemeente Sperwerkerk" },
      new Date("2026-03-05T10:00:00Z"),
    );
    const period = parsePeriod("2025");
    police = await runAs(t, gebiedsscan, t.userFor("teamchef"), PURPOSE.teamchef, t.gemeenten[0], period);
    mayor = await runAs(
      t,
      gebiedsscan,
      t.userFor("burgemeester"),
      PURPOSE.burgemeester,
      t.gemeenten[0],
      period,
    );
  });
  after(() => t?.store.close());

  const regs2025 = () =>
    t.store.registrations({ area: t.gemeenten[0], level: "gemeente", fromDay: 20250101, toDay: 20251231 });

  it("counts the total and the wijken as the registrations themselves say (police)", async () => {
    const regs = await regs2025();
    assert.equal(rowWhere(tableOf(police, "per-hoofdgroep"), "groep", "Totaal").cells.aantal, regs.length);
    const perWijk = new Map<string, number>();
    for (const r of regs)
      if (r.placement.wijk) perWijk.set(r.placement.wijk, (perWijk.get(r.placement.wijk) ?? 0) + 1);
    for (const row of tableOf(police, "per-wijk").rows)
      assert.equal(row.cells.aantal, perWijk.get(row.cells.code as string) ?? 0, row.cells.code as string);
  });

  it("gives the police the counts of the listed hot-spot cells, as counted from the registrations", async () => {
    const regs = (await regs2025()).filter((r) => r.x !== null && r.y !== null);
    const rows = tableOf(police, "hotspot-cellen").rows;
    assert.ok(rows.length > 0);
    for (const row of rows.slice(0, 10)) {
      const [cx, cy] = String(row.cells.midden).split(", ").map(Number) as [number, number];
      const inCell = regs.filter(
        (r) =>
          (r.x as number) >= cx - 50 &&
          (r.x as number) < cx + 50 &&
          (r.y as number) >= cy - 50 &&
          (r.y as number) < cy + 50,
      ).length;
      assert.equal(row.cells.aantal, inCell, String(row.cells.midden));
    }
    assert.ok(tableOf(police, "hotspotlocaties").rows.length > 0);
  });

  it("shows a protected recipient no cell counts, no hot places and no addresses", async () => {
    const cells = tableOf(mayor, "hotspot-cellen");
    assert.equal(
      cells.columns.some((c) => c.key === "aantal"),
      false,
    );
    assert.ok(cells.rows.length > 0, "the hot-spot classes are there");
    assert.equal(
      documentTables(mayor).some((x) => x.id === "hotspotlocaties"),
      false,
    );
    for (const m of documentMaps(mayor))
      for (const f of m.features) {
        if (m.id === "kaart-wijken") continue;
        assert.equal("aantal" in f.properties || "perKm2" in f.properties, false, m.id);
      }
    const levels = new Set(
      documentMaps(mayor)
        .find((m) => m.id === "kaart-dichtheid")
        ?.features.map((f) => f.properties.niveau),
    );
    for (const v of levels) assert.ok([1, 2, 3, 4, 5].includes(v as number));
    const json = JSON.stringify(mayor);
    assert.match(json, /alleen in de versie voor de politie/);
    for (const doc of [mayor, police]) {
      const text = JSON.stringify(doc);
      for (const r of (await regs2025()).filter((x) => x.postcode).slice(0, 300)) {
        assert.equal(text.includes(`"${r.postcode}`), false, "no postcode");
        assert.equal(text.includes(r.sourceId), false);
      }
      assert.doesNotMatch(text, /"description"|"sourceId"|"houseNumber"/);
    }
    // Every count the mayor sees is 0, at least 5, or withheld.
    for (const tb of documentTables(mayor))
      for (const r of tb.rows)
        for (const [k, v] of Object.entries(r.cells)) {
          const column = tb.columns.find((c) => c.key === k);
          if (column?.type === "count" && typeof v === "number" && k !== "verschil")
            assert.ok(v === 0 || v >= 5, `${tb.id} ${k} = ${v}`);
        }
  });

  it("shows the local knowledge and priorities with who wrote them and when", () => {
    for (const doc of [police, mayor]) {
      const lk = doc.sections.find((s) => s.id === "lokale-kennis");
      const block = lk?.blocks.find((b) => b.kind === "text" && b.author);
      assert.deepEqual(block, {
        kind: "text",
        paragraphs: ["Veel fietsdiefstal bij het station.", "Tweede alinea."],
        author: "Team Centrum, 3 maart 2026",
      });
      const pr = doc.sections.find((s) => s.id === "prioriteiten")?.blocks[0];
      assert.deepEqual(pr, {
        kind: "text",
        paragraphs: ["1. Woninginbraak", "2. Jeugdoverlast"],
        author: "Gemeente Sperwerkerk, 5 maart 2026",
      });
    }
  });
});

describe("gebiedsscan trends on synthetic counts", () => {
  const rows = generateRows(
    7,
    {
      "1.1.1": { mean: 20, growth: 1.4 },
      "1.2.1": { mean: 12 },
      "2.1.1": { mean: 2 },
      "2.2.1": { mean: 30 },
    },
    202301,
    202512,
  );
  const input = (decision: GebiedsscanInput["decision"], minimum: number): GebiedsscanInput => ({
    rows,
    wijkRows: [],
    wijken: [],
    buurten: [],
    gemeenteRd: null,
    points: [],
    places: minimum > 1 ? null : [],
    knowledge: null,
    decision,
    minimum,
  });
  const ctx = testContext("2025", 202606);

  it("tests the total's trend over 36 months and the change against the year before", () => {
    const doc = gebiedsscan.build(input(null, 0), ctx);
    const total = rowWhere(tableOf(doc, "per-hoofdgroep"), "groep", "Totaal");
    assert.equal(total.cells.aantal, sumRows(rows, "totaal", 202501, 202512));
    assert.equal(total.cells.vorig, sumRows(rows, "totaal", 202401, 202412));
    const ref = referenceMannKendall(monthsBetween(202301, 202512).map((m) => sumRows(rows, "totaal", m, m)));
    assert.ok(Math.abs((total.cells.pTrend as number) - ref.p) < 1e-6, `${total.cells.pTrend} vs ${ref.p}`);
    const safety = rowWhere(tableOf(doc, "per-hoofdgroep"), "groep", "Veiligheid");
    assert.equal(
      safety.cells.aantal,
      sumRows(rows, "1.1.1", 202501, 202512) + sumRows(rows, "1.2.1", 202501, 202512),
    );
    assert.equal(safety.cells.trend, "stijgend");
  });

  it("composes a main group only of shown types, and computes no trend over a withheld month", () => {
    const hide = (code: string, from: number, to: number) =>
      !(code === "2.1.1" && from === 202503 && to === 202503);
    const decision = { gemeente: hide, wijk: () => SHOW_ALL };
    const doc = gebiedsscan.build(input(decision, 5), ctx);
    const life = rowWhere(tableOf(doc, "per-hoofdgroep"), "groep", "Leefbaarheid");
    assert.equal(
      life.cells.aantal,
      sumRows(rows, "2.1.1", 202501, 202512) + sumRows(rows, "2.2.1", 202501, 202512),
    );
    assert.equal(life.cells.trend, "afgeschermd");
    assert.equal(life.cells.pTrend, null);
    const month = tableOf(doc, "totaal-per-maand");
    assert.equal(isWithheld(month.rows.find((r) => r.cells.maand === "maart 2025")?.cells.aantal), false);
    assert.equal(
      documentTables(doc).some((x) => x.id === "hotspotlocaties"),
      false,
    );
  });
});
