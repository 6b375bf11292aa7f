import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Level1Group, TypeFigures } from "../../render/monthly-figures-model.ts";
import { groupedTypeRows } from "./grouped-type-rows.ts";

const type = (code: string, label: string) => ({ code, label }) as TypeFigures;

const GROUPS: Level1Group[] = [
  {
    code: "1",
    label: "Vermogen",
    groups: [
      { code: "1.1", label: "Vermogen", types: [type("1.1.1", "Woninginbraak"), type("1.1.2", "Schuur")] },
      { code: "1.2", label: "Voertuigen", types: [type("1.2.1", "Auto")] },
    ],
  },
  { code: "2", label: "Overlast", groups: [{ code: "2.1", label: "Jeugd", types: [] }] },
];

describe("grouped type rows", () => {
  it("puts a heading per main group, one per subgroup with its own label, and the types at depth 2", () => {
    const rows = groupedTypeRows(GROUPS, (t, depth) => ({ depth, cells: { soort: t.label, code: t.code } }));
    assert.deepEqual(rows, [
      { depth: 0, cells: { soort: "Vermogen" } },
      { depth: 2, cells: { soort: "Woninginbraak", code: "1.1.1" } },
      { depth: 2, cells: { soort: "Schuur", code: "1.1.2" } },
      { depth: 1, cells: { soort: "Voertuigen" } },
      { depth: 2, cells: { soort: "Auto", code: "1.2.1" } },
      { depth: 0, cells: { soort: "Overlast" } },
      { depth: 1, cells: { soort: "Jeugd" } },
    ]);
  });

  it("leaves out the types without a row and keeps their headings", () => {
    const rows = groupedTypeRows(GROUPS, (t, depth) =>
      t.code.startsWith("1.2") ? undefined : { depth, cells: { soort: t.label } },
    );
    assert.deepEqual(
      rows.map((r) => r.cells.soort),
      ["Vermogen", "Woninginbraak", "Schuur", "Voertuigen", "Overlast", "Jeugd"],
    );
  });
});
