import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PURPOSE } from "../../disclosure/access-spec.ts";
import { InputError } from "../../domain/errors.ts";
import type { ProductDefinition } from "../product-definition.ts";
import {
  documentMaps,
  documentTables,
  isWithheld,
  type ProductDocument,
  type TableBlock,
} from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import { openProductTestStore, type ProductTestStore, runAs } from "../test-products.ts";
import {
  bundleFacts,
  burgemeestersrapportage,
  DEFAULT_BUNDLE,
  defaultBurgemeestersrapportage,
  highestSensitivity,
  partProtection,
} from "./burgemeestersrapportage.ts";
import { dagrapport } from "./dagrapport.ts";
import { incidentenrapport } from "./incidentenrapport.ts";
import { maandoverzicht } from "./maandoverzicht.ts";
import { woninginbraakmonitor } from "./woninginbraakmonitor.ts";

const PERIOD = parsePeriod("2026-09");

describe("burgemeestersrapportage on the demo", () => {
  let t: ProductTestStore;
  let police: ProductDocument;
  let mayor: ProductDocument;
  let policeMonth: ProductDocument;
  let policeBurglary: ProductDocument;
  before(async () => {
    t = await openProductTestStore();
    const g = t.gemeenten[0];
    police = await runAs(
      t,
      defaultBurgemeestersrapportage,
      t.userFor("teamchef"),
      PURPOSE.teamchef,
      g,
      PERIOD,
    );
    mayor = await runAs(
      t,
      defaultBurgemeestersrapportage,
      t.userFor("burgemeester"),
      PURPOSE.burgemeester,
      g,
      PERIOD,
    );
    policeMonth = await runAs(t, maandoverzicht, t.userFor("teamchef"), PURPOSE.teamchef, g, PERIOD);
    policeBurglary = await runAs(t, woninginbraakmonitor, t.userFor("teamchef"), PURPOSE.teamchef, g, PERIOD);
  });
  after(() => t?.store.close());

  const table = (doc: ProductDocument, id: string): TableBlock => {
    const found = documentTables(doc).find((x) => x.id === id);
    assert.ok(found, id);
    return found;
  };

  it("holds the chosen sections in order, ids prefixed and unique, references intact", () => {
    assert.deepEqual(
      mayor.sections.map((s) => s.id),
      [
        ...maandoverzicht.sections.map((s) => `maandoverzicht-${s.id}`),
        "woninginbraakmonitor-per-maand",
        "woninginbraakmonitor-gebieden",
        "woninginbraakmonitor-herhaling",
        "woninginbraakmonitor-uitleg",
      ],
    );
    for (const doc of [police, mayor]) {
      const ids = [...documentTables(doc).map((x) => x.id), ...documentMaps(doc).map((m) => m.id)];
      assert.equal(new Set(ids).size, ids.length, "table and map ids are unique");
      const tables = new Set(documentTables(doc).map((x) => x.id));
      for (const s of doc.sections)
        for (const b of s.blocks) {
          if (b.kind === "chart") assert.ok(tables.has(b.table), `chart of ${b.table}`);
          if (b.kind === "map" && b.table) assert.ok(tables.has(b.table), `map of ${b.table}`);
        }
    }
    assert.equal(mayor.product, "burgemeestersrapportage");
    assert.equal(mayor.sensitivity, "aggregated");
    // Summary lines only of the product chosen whole.
    assert.ok(mayor.summary.length > 0);
    assert.ok(mayor.summary.every((s) => s.startsWith("Maandoverzicht: ")));
  });

  it("gives the police exactly what the products give alone", () => {
    for (const [doc, prefix] of [
      [policeMonth, "maandoverzicht"],
      [policeBurglary, "woninginbraakmonitor"],
    ] as const) {
      for (const own of documentTables(doc)) {
        const inBundle = documentTables(police).find((x) => x.id === `${prefix}-${own.id}`);
        if (!inBundle) continue;
        assert.deepEqual(inBundle.rows, own.rows, own.id);
      }
    }
    assert.ok(documentTables(police).some((x) => x.id === "woninginbraakmonitor-per-buurt"));
    assert.equal(
      police.sections.some((s) => s.id === "woninginbraakmonitor-per-week"),
      false,
      "a section not chosen stays out",
    );
  });

  it("shows the mayor each part protected as alone: no small count, shown counts as the police's", () => {
    for (const tb of documentTables(mayor)) {
      if (tb.id.endsWith("near-repeat")) continue;
      const policeTable = table(police, tb.id);
      for (const [i, r] of tb.rows.entries())
        for (const [k, v] of Object.entries(r.cells)) {
          if (tb.columns.find((c) => c.key === k)?.type !== "count" || typeof v !== "number") continue;
          assert.ok(v === 0 || v >= 5, `${tb.id} ${k} = ${v}`);
          assert.equal(v, policeTable.rows[i]?.cells[k], `${tb.id} row ${i} ${k}`);
        }
    }
    assert.ok(
      documentTables(mayor).some((tb) => tb.rows.some((r) => Object.values(r.cells).some(isWithheld))),
      "small buurt counts are withheld",
    );
    // The Maandoverzicht shows only the gemeente: sexual offences are not left out of it (they are
    // only below the gemeente), as when the mayor gets it alone.
    const zeden = table(mayor, "maandoverzicht-per-soort").rows.find((r) => r.cells.code === "1.4.1");
    assert.ok(zeden, "the type is there");
    const policeZeden = table(police, "maandoverzicht-per-soort").rows.find((r) => r.cells.code === "1.4.1");
    assert.ok(typeof policeZeden?.cells.twaalfMaanden === "number" && policeZeden.cells.twaalfMaanden > 0);
    assert.ok(
      isWithheld(zeden.cells.twaalfMaanden) || zeden.cells.twaalfMaanden === policeZeden.cells.twaalfMaanden,
    );
  });
});

describe("burgemeestersrapportage definition", () => {
  it("takes the highest sensitivity and the levels and periods the parts share", () => {
    assert.equal(highestSensitivity(["open", "aggregated"]), "aggregated");
    assert.equal(highestSensitivity(["incident", "address", "incident"]), "address");
    assert.equal(defaultBurgemeestersrapportage.sensitivity, "aggregated");
    assert.deepEqual(defaultBurgemeestersrapportage.levels, ["gemeente"]);
    assert.deepEqual(defaultBurgemeestersrapportage.periodKinds, ["maand"]);
    assert.equal(defaultBurgemeestersrapportage.facts, undefined);
    assert.equal(DEFAULT_BUNDLE.length, 2);
    const records = burgemeestersrapportage(
      [{ product: "dagrapport" }, { product: "incidentenrapport", sections: ["registraties"] }],
      [dagrapport, incidentenrapport],
    );
    assert.equal(records.sensitivity, "incident");
    assert.deepEqual(records.periodKinds, ["week"]);
    // The incidentenrapport states no facts, so the bundle of records states none.
    assert.equal(records.facts, undefined);
  });

  it("states a fact for records only when every part with records states it", () => {
    const part = (sensitivity: ProductDefinition["sensitivity"], facts?: ProductDefinition["facts"]) => ({
      sensitivity,
      facts,
    });
    assert.equal(bundleFacts([part("aggregated"), part("open")]), undefined);
    assert.deepEqual(
      bundleFacts([
        part("incident", { touchesPublicOrder: true, criminalEnforcement: false }),
        part("address", { touchesPublicOrder: true, criminalEnforcement: false, decision: "B1" }),
      ]),
      { touchesPublicOrder: true, criminalEnforcement: false },
    );
    assert.deepEqual(
      bundleFacts([part("address", { decision: "B1" }), part("address", { decision: "B1" })]),
      { decision: "B1" },
    );
    assert.equal(
      bundleFacts([part("address", { decision: "B1" }), part("address", { decision: "B2" })]),
      undefined,
    );
  });

  it("leaves types out below the gemeente only for a part that shows an area below it", () => {
    const table = { minimum: 5, withholdTypes: ["1.4.1"], withholdBelow: ["1.4.1"] };
    assert.deepEqual(partProtection(table, ["GM9001"]), { minimum: 5, withholdBelow: ["1.4.1"] });
    assert.deepEqual(partProtection(table, ["GM9001", "BU90010101"]), table);
  });

  it("refuses unknown products and sections, doubles, and figures mixed with records", () => {
    const defs = [maandoverzicht, woninginbraakmonitor, dagrapport];
    assert.throws(() => burgemeestersrapportage([], defs), InputError);
    assert.throws(() => burgemeestersrapportage([{ product: "tabellenboek" }], defs), /bestaat niet/);
    assert.throws(
      () => burgemeestersrapportage([{ product: "maandoverzicht", sections: ["kaart"] }], defs),
      /geen onderdeel "kaart"/,
    );
    assert.throws(
      () => burgemeestersrapportage([{ product: "maandoverzicht" }, { product: "maandoverzicht" }], defs),
      /twee keer/,
    );
    assert.throws(
      () => burgemeestersrapportage([{ product: "maandoverzicht" }, { product: "dagrapport" }], defs),
      /cijfers en losse registraties/,
    );
    assert.throws(() => burgemeestersrapportage([{ product: "burgemeestersrapportage" }], defs), /zichzelf/);
  });
});
