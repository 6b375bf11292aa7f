// A chart that draws a table of the same document, titled with the table's caption.

import type { ChartBlock, TableBlock } from "../product-document.ts";

/** The chart of `table`: categories or time points from column `x`, one series per column in `y`. */
export function chartOf(table: TableBlock, type: ChartBlock["type"], x: string, y: string[]): ChartBlock {
  return { kind: "chart", table: table.id, title: table.caption, type, x, y };
}
