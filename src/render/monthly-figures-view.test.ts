import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import type { MonthlyCount } from "../store/store.ts";
import { MonthlyFiguresView } from "./monthly-figures.tsx";
import { buildMonthlyFigures } from "./monthly-figures-model.ts";

const rows: MonthlyCount[] = [
  { month: 202403, inpCode: "1.1.1", count: 30, attempts: 3 },
  { month: 202303, inpCode: "1.1.1", count: 25, attempts: 2 },
  { month: 202403, inpCode: "1.4.7", count: 2, attempts: 0 },
  { month: 202303, inpCode: "1.4.7", count: 1, attempts: 0 },
];

const nav = {
  action: "/gemeenten/GM9001/maandcijfers",
  value: "2024-03",
  max: "2024-04",
  previous: { href: "/gemeenten/GM9001/maandcijfers?maand=2024-02", label: "februari 2024" },
  next: null,
};

function render(population: number | null) {
  const f = buildMonthlyFigures({ code: "GM9001", name: "Voorbeeldstad", population }, 202403, rows);
  const html = String(MonthlyFiguresView({ figures: f, nav }));
  return { html, doc: parseHTML(`<!doctype html><html><body>${html}</body></html>`).document };
}

function rowCells(doc: Document, label: string): string[] {
  const th = [...doc.querySelectorAll(".dh-table-full tbody th[scope=row]")].find((x) =>
    x.textContent?.includes(label),
  );
  assert.ok(th, label);
  return [...(th.parentElement?.querySelectorAll("td") ?? [])].map((td) => td.textContent?.trim() ?? "");
}

describe("MonthlyFiguresView", () => {
  it("shows a percentage for large counts and a dash with hidden text for small ones", () => {
    const { doc } = render(10_000);
    const table = doc.querySelectorAll("table")[2];
    assert.ok(table);
    assert.deepEqual(rowCells(doc, "Diefstal/inbraak woning").slice(0, 4), ["30", "25", "+5", "+20%"]);
    const overval = rowCells(doc, "Overval");
    assert.deepEqual(overval.slice(0, 3), ["2", "1", "+1"]);
    assert.equal(overval[3], "–geen percentage: te weinig");
  });

  it("groups rows under level-1 and level-2 headings", () => {
    const { doc } = render(10_000);
    const groupHeads = [...doc.querySelectorAll("tbody th[scope=rowgroup]")].map((th) =>
      th.textContent?.trim(),
    );
    assert.deepEqual(groupHeads, ["Veiligheid", "Huis", "Lichamelijke integriteit"]);
  });

  it("has the column for the rate only when the population is known", () => {
    assert.match(render(10_000).html, /Per 1\.000 inwoners/);
    assert.doesNotMatch(render(null).html, /Per 1\.000 inwoners<\/th>/);
  });

  it("does not claim significance", () => {
    const { doc } = render(10_000);
    const text = doc.body.textContent ?? "";
    assert.doesNotMatch(text, /significant/i);
    assert.match(text, /nog niet of een verschil toeval is/);
  });
});
