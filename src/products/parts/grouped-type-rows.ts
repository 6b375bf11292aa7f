// The rows of a per-type table grouped as the INP tree: a heading per main group (depth 0), a
// heading per subgroup where its label differs from the main group's (depth 1), and the types
// under it (depth 2).

import type { Level1Group, TypeFigures } from "../../render/monthly-figures-model.ts";
import type { Row } from "../product-document.ts";

/**
 * The headings and type rows of `groups`, in their order. `typeRow` makes the row of a type at
 * `depth`; a type it gives no row for (undefined) is left out, its headings are kept.
 */
export function groupedTypeRows(
  groups: readonly Level1Group[],
  typeRow: (t: TypeFigures, depth: number) => Row | undefined,
): Row[] {
  const heading = (label: string, depth: number): Row => ({ depth, cells: { soort: label } });
  const rows: Row[] = [];
  for (const g1 of groups) {
    rows.push(heading(g1.label, 0));
    for (const g2 of g1.groups) {
      if (g2.label !== g1.label) rows.push(heading(g2.label, 1));
      for (const t of g2.types) {
        const row = typeRow(t, 2);
        if (row) rows.push(row);
      }
    }
  }
  return rows;
}
