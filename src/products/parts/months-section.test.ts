import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { MonthTotal } from "../../render/monthly-figures-model.ts";
import { monthsSection } from "./months-section.ts";

const MONTHS: MonthTotal[] = [
  { monthNumber: 1, current: 10, previous: 7 },
  { monthNumber: 2, current: null, previous: 3 },
  { monthNumber: 12, current: 5, previous: null },
];

describe("months section", () => {
  it("puts a line chart of both years above one row per month with the cells asked for", () => {
    const s = monthsSection({ id: "per-maand", title: "Per maand" }, MONTHS, {
      caption: "Per maand, 2026 en 2025",
      yearLabel: "2026",
      prevLabel: "2025",
      current: (m) => m.current,
      previous: (m) => (m.monthNumber === 1 ? null : m.previous),
    });
    assert.deepEqual(s, {
      id: "per-maand",
      title: "Per maand",
      blocks: [
        {
          kind: "chart",
          table: "totaal-per-maand",
          title: "Per maand, 2026 en 2025",
          type: "line",
          x: "maand",
          y: ["ditJaar", "vorigJaar"],
        },
        {
          kind: "table",
          id: "totaal-per-maand",
          caption: "Per maand, 2026 en 2025",
          columns: [
            { key: "maand", label: "Maand", type: "text" },
            { key: "ditJaar", label: "2026", type: "count" },
            { key: "vorigJaar", label: "2025", type: "count" },
          ],
          rows: [
            { cells: { maand: "januari", ditJaar: 10, vorigJaar: null } },
            { cells: { maand: "februari", ditJaar: null, vorigJaar: 3 } },
            { cells: { maand: "december", ditJaar: 5, vorigJaar: null } },
          ],
        },
      ],
    });
  });
});
