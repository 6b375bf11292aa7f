import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CATALOG } from "../products/catalog.ts";
import { CATALOG_ENTRIES, catalogEntry } from "./catalog-entries.ts";

// The ids of DESIGN.md §3, in its order.
const DESIGN_IDS = [
  "maandoverzicht",
  "tabellenboek",
  "perioderapportage",
  "halfjaarcijfers",
  "jaarafsluiting",
  "gebiedsscan",
  "woninginbraakmonitor",
  "driehoeksmonitor",
  "veiligheidsanalyse",
  "situatierapportage",
  "incidentenrapport",
  "operationeel-beeld",
  "dagrapport",
  "bestuurlijke-rapportage",
  "ondermijningsbeeld",
  "coa-overzicht",
  "burgemeestersrapportage",
];

describe("catalog entries", () => {
  it("are the 17 products of the design, in its order, each with a Dutch title and description", () => {
    assert.deepEqual(
      CATALOG_ENTRIES.map((e) => e.id),
      DESIGN_IDS,
    );
    for (const e of CATALOG_ENTRIES) {
      assert.ok(e.title.length > 0 && e.description.endsWith("."), e.id);
    }
    assert.equal(catalogEntry("gebiedsscan")?.title, "Gebiedsscan criminaliteit en overlast");
    assert.equal(catalogEntry("bestaat-niet"), undefined);
  });

  it("include every product driehoek makes, under the same id", () => {
    for (const p of CATALOG) assert.ok(catalogEntry(p.id), `${p.id} ontbreekt in de inventaris`);
  });
});
