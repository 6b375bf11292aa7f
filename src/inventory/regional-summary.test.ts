import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
import type { TableBlock } from "../products/product-document.ts";
import { renderProduct } from "../render/product/render-product.ts";
import { type ProductTally, summarize, summaryDocument } from "./regional-summary.ts";
import { inventoryWith, storedInventory } from "./test-inventories.ts";

// Four gemeenten in the unit; A, B and C answered, D did not; E lies in another unit.
const GEMEENTEN = [
  { code: "GM9001", name: "Aastad" },
  { code: "GM9002", name: "Beedorp" },
  { code: "GM9003", name: "Ceeveen" },
  { code: "GM9004", name: "Deewoude" },
];
const A = inventoryWith({
  maandoverzicht: {
    ontvangt: "ja",
    frequentie: "maandelijks",
    gewenst: "ja",
    gewensteFrequentie: "maandelijks",
    tevredenheid: 4,
  },
  ondermijningsbeeld: { gewenst: "ja", gewensteFrequentie: "jaarlijks" },
  dagrapport: { ontvangt: "ja", frequentie: "dagelijks", tevredenheid: 2 },
});
const B = inventoryWith({
  maandoverzicht: {
    ontvangt: "ja",
    frequentie: "maandelijks",
    gewenst: "ja",
    gewensteFrequentie: "wekelijks",
    tevredenheid: 5,
  },
  ondermijningsbeeld: { gewenst: "ja" },
  gebiedsscan: { ontvangt: "deels", frequentie: "jaarlijks", gewenst: "ja", tevredenheid: 3 },
});
const C = inventoryWith({
  // Wanted at no particular frequency: not "another frequency".
  maandoverzicht: { ontvangt: "deels", frequentie: "maandelijks", gewenst: "ja" },
  woninginbraakmonitor: { gewenst: "ja" },
  ondermijningsbeeld: { gewenst: "ja" },
  gebiedsscan: { ontvangt: "ja", frequentie: "jaarlijks", gewenst: "ja", tevredenheid: 4 },
});
const E = inventoryWith({ woninginbraakmonitor: { gewenst: "ja" }, halfjaarcijfers: { gewenst: "ja" } });

const INPUT = {
  eenheid: { code: "RE90", name: "Nevelland" },
  gemeenten: GEMEENTEN,
  inventories: [
    storedInventory("GM9001", A, 2, "2026-10-20T10:00:00.000Z"),
    storedInventory("GM9002", B),
    storedInventory("GM9003", C),
    storedInventory("GM9901", E),
  ],
};
const NOW = new Date("2026-11-03T08:00:00Z");

const zero = (id: string): Omit<ProductTally, "title"> => ({
  id,
  receives: 0,
  partly: 0,
  missing: 0,
  wanted: 0,
  unwanted: 0,
  otherFrequency: 0,
  satisfaction: null,
  ratings: 0,
});
const numbers = ({ title: _title, ...t }: ProductTally) => t;

describe("regional summary", () => {
  const s = summarize(INPUT);

  it("counts, per product, the gemeenten that receive it, partly, or miss it, and their mean score", () => {
    // Worked out by hand from A, B and C above (E is in another unit, D did not answer).
    const expected: Record<string, Omit<ProductTally, "title">> = {
      maandoverzicht: {
        ...zero("maandoverzicht"),
        receives: 2,
        partly: 1,
        wanted: 3,
        otherFrequency: 1,
        satisfaction: 4.5,
        ratings: 2,
      },
      gebiedsscan: {
        ...zero("gebiedsscan"),
        receives: 1,
        partly: 1,
        wanted: 2,
        satisfaction: 3.5,
        ratings: 2,
      },
      woninginbraakmonitor: { ...zero("woninginbraakmonitor"), missing: 1, wanted: 1 },
      dagrapport: { ...zero("dagrapport"), receives: 1, unwanted: 1, satisfaction: 2, ratings: 1 },
      ondermijningsbeeld: { ...zero("ondermijningsbeeld"), missing: 3, wanted: 3 },
    };
    assert.equal(s.products.length, 17);
    for (const t of s.products) assert.deepEqual(numbers(t), expected[t.id] ?? zero(t.id), t.id);
    assert.equal(s.answered, 3);
    // 4, 5, 3, 4 and 2: 18 / 5.
    assert.equal(s.ratings, 5);
    assert.ok(Math.abs((s.satisfaction ?? 0) - 3.6) < 1e-12);
    assert.deepEqual(
      s.gaps.map((g) => [g.id, g.missing]),
      [
        ["ondermijningsbeeld", 3],
        ["woninginbraakmonitor", 1],
      ],
    );
    assert.deepEqual(
      s.gemeenten.map((g) => [g.code, g.answered, g.version, g.savedAt]),
      [
        ["GM9001", true, 2, "2026-10-20T10:00:00.000Z"],
        ["GM9002", true, 1, "2026-10-01T10:00:00.000Z"],
        ["GM9003", true, 1, "2026-10-01T10:00:00.000Z"],
        ["GM9004", false, null, null],
      ],
    );
  });

  it("has nothing to count when no gemeente answered", () => {
    const none = summarize({ ...INPUT, inventories: [] });
    assert.equal(none.answered, 0);
    assert.deepEqual(none.gaps, []);
    assert.equal(none.satisfaction, null);
    for (const t of none.products) assert.deepEqual(numbers(t), zero(t.id));
    const doc = summaryDocument(none, NOW);
    assert.deepEqual(doc.summary, [
      "Nog geen enkele gemeente heeft de inventaris ingevuld (4 gemeenten in deze eenheid).",
    ]);
  });

  it("is a product document with the gaps in plain Dutch and the numbers in tables", () => {
    const doc = summaryDocument(s, NOW);
    assert.equal(doc.title, "Informatiepositie burgemeesters, eenheid Nevelland");
    assert.deepEqual(doc.area, { code: "RE90", name: "Nevelland", level: "eenheid" });
    assert.deepEqual(doc.period, {
      id: "2026-11-03",
      label: "stand op 3 november 2026",
      from: 202611,
      to: 202611,
    });
    assert.equal(doc.sensitivity, "open");
    assert.deepEqual(doc.summary, [
      "3 van de 4 gemeenten hebben de inventaris ingevuld.",
      "Het meest gemist: Integraal ondermijningsbeeld (3 gemeenten) en Woninginbrakenmonitor (1 gemeente).",
      "Gemiddelde tevredenheid over wat gemeenten krijgen: 3,6 op een schaal van 1 tot 5 (5 oordelen).",
    ]);
    const gaps = doc.sections.find((x) => x.id === "wat-ontbreekt");
    const text = gaps?.blocks[0];
    assert.equal(text?.kind, "text");
    assert.deepEqual(text?.kind === "text" ? text.paragraphs : [], [
      "Integraal ondermijningsbeeld: 3 van de 3 gemeenten willen dit wel, maar krijgen het niet.",
      "Woninginbrakenmonitor: 1 van de 3 gemeenten wil dit wel, maar krijgt het niet.",
      "Deels geleverd: Maandoverzicht (VNG/INP-model) (1 gemeente) en Gebiedsscan criminaliteit en overlast (1 gemeente).",
      "Liever vaker of minder vaak: Maandoverzicht (VNG/INP-model) (1 gemeente).",
      "Geleverd, maar niet (meer) gewenst: Dag-/weekrapport met contextinformatie (1 gemeente).",
      "Nog geen antwoord van: Deewoude.",
    ]);
    const tables = doc.sections.flatMap((x) => x.blocks.filter((b): b is TableBlock => b.kind === "table"));
    assert.deepEqual(
      tables.map((t) => t.id),
      ["ontbreekt", "per-product", "per-gemeente"],
    );
    assert.deepEqual(
      tables[0]?.rows.map((r) => r.cells),
      [
        { product: "Integraal ondermijningsbeeld", ontbreekt: 3, deels: 0, gewenst: 3 },
        { product: "Woninginbrakenmonitor", ontbreekt: 1, deels: 0, gewenst: 1 },
      ],
    );
    assert.deepEqual(tables[1]?.rows[0]?.cells, {
      product: "Maandoverzicht (VNG/INP-model)",
      ontvangt: 2,
      deels: 1,
      ontbreekt: 0,
      nietGewenst: 0,
      andereFrequentie: 1,
      tevredenheid: 4.5,
      oordelen: 2,
    });
    assert.deepEqual(tables[2]?.rows[3]?.cells, {
      gemeente: "Deewoude",
      code: "GM9004",
      ingevuld: "nee",
      versie: null,
      datum: null,
    });
    assert.equal(tables[2]?.rows[0]?.cells.datum, "20 oktober 2026");
    // No notes and no names of who filled it in.
    assert.doesNotMatch(JSON.stringify(doc), /burgemeester\.GM/);
  });

  it("renders in the formats of every product", async () => {
    const doc = summaryDocument(s, NOW);
    const html = (await renderProduct(doc, "html")).content.toString("utf8");
    assert.match(html, /Informatiepositie burgemeesters, eenheid Nevelland/);
    assert.match(html, /Integraal ondermijningsbeeld: 3 van de 3 gemeenten willen dit wel/);
    const csv = (await renderProduct(doc, "csv")).content.toString("utf8");
    assert.match(csv, /Integraal ondermijningsbeeld/);
    const json = JSON.parse((await renderProduct(doc, "json")).content.toString("utf8"));
    assert.equal(json.title, doc.title);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderProduct(doc, "xlsx")).content as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ["Toelichting", "ontbreekt", "per-product", "per-gemeente"],
    );
  });
});
