// The header row of a table: one <th scope="col"> per label, right-aligned for numeric columns.

import { headClass, numHeadClass } from "./table-classes.ts";

export function TableHead({
  labels,
  numeric = [],
}: {
  labels: readonly string[];
  numeric?: readonly string[];
}) {
  return (
    <thead class="utrecht-table__header">
      <tr class="utrecht-table__row">
        {labels.map((h) => (
          <th class={numeric.includes(h) ? numHeadClass : headClass} scope="col">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
