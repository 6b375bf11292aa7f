// The section of the total per month: the months of a year next to the same months of the year
// before (table "totaal-per-maand"), under a line chart of both.

import { monthNameNl } from "../../render/format-nl.ts";
import type { MonthTotal } from "../../render/monthly-figures-model.ts";
import type { Cell, Section, TableBlock } from "../product-document.ts";
import { chartOf } from "./table-chart.ts";

export interface MonthsSectionOptions {
  caption: string;
  yearLabel: string;
  prevLabel: string;
  /** The cell of a month this year (null where there is no figure). */
  current(m: MonthTotal): Cell;
  /** The cell of the month the year before (null where there is no figure). */
  previous(m: MonthTotal): Cell;
}

/** One row per month ("maand", "ditJaar", "vorigJaar"), drawn as two lines above the table. */
export function monthsSection(
  section: { id: string; title: string },
  months: readonly MonthTotal[],
  opts: MonthsSectionOptions,
): Section {
  const table: TableBlock = {
    kind: "table",
    id: "totaal-per-maand",
    caption: opts.caption,
    columns: [
      { key: "maand", label: "Maand", type: "text" },
      { key: "ditJaar", label: opts.yearLabel, type: "count" },
      { key: "vorigJaar", label: opts.prevLabel, type: "count" },
    ],
    rows: months.map((m) => ({
      cells: { maand: monthNameNl(m.monthNumber), ditJaar: opts.current(m), vorigJaar: opts.previous(m) },
    })),
  };
  return {
    id: section.id,
    title: section.title,
    blocks: [chartOf(table, "line", "maand", ["ditJaar", "vorigJaar"]), table],
  };
}
